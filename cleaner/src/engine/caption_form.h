// Caption form: what a text bound to a picture says of itself, whatever the
// story it stands in: whether it is a credit, where its credit begins, and
// whether it carries the marks of a listing (a publishing stamp, its headline
// said twice), as teasers of other stories do and pictures' captions do not.
#ifndef NEWSCLEAN_SRC_ENGINE_CAPTION_FORM_H_
#define NEWSCLEAN_SRC_ENGINE_CAPTION_FORM_H_

#include <string>
#include <string_view>

namespace newsclean {

// True if `text` is a credit and nothing else: "Photo: AP", "(AFP)",
// "ASSOCIATED PRESS", "Staff Writer", "© Jane Doe".
bool is_credit_only(std::string_view text);

// `caption` without the credit that ends it: "Fans cheer. Photo: Jane Doe /
// Agency" -> "Fans cheer.", "Fans cheer (AP Photo/Jane Doe)" -> "Fans cheer".
// The photographer's and agency's names say nothing of what is pictured, so
// they count neither for nor against the story. A text that is nothing else,
// or has one word before the credit ("FILE PHOTO: ..."), stays whole.
std::string_view without_credit(std::string_view caption);

// Why `caption` reads as a teaser of another story, or "" when it does not:
// - a publishing stamp, as listings print under a headline: a time ago
//   ("16 hours ago", "vor 3 Stunden") or a clock time ("12:51 p.m.") that
//   does not follow "at" / "um" (a caption says when its picture was taken
//   in a sentence: "at 4 p.m.");
// - a question or an exclamation at its end (its credit left out): a
//   headline ("Is the bridge safe?") or a call to action ("Subscribe now!");
// - English headline case: two function words or more written with a
//   capital inside a sentence ("Mayor Says The Bridge Will Stay Closed For
//   Years": "The", "For");
// - its lead cut short: it ends with "..." or "…" (a card shows the first
//   words of its story; a caption is whole);
// - a call to read on: "Read more", "Watch now", "Weiterlesen", "Lire la
//   suite" (a card points to another page);
// - a listing date at its end: "CITY NEWS Bridge reopens March 3, 2020",
//   "... Weiterlesen » 4. Mai 2021", a date with no comma, bracket or word
//   such as "on" / "am" / "taken" before it (a caption says when in a
//   sentence: "in Millford on March 3, 2020");
// - a heading said again: one of the first words' pairs comes back right
//   after it ("Market Wrap Market Wrap 5.3.19 ...": a card's label, then
//   its headline and lead) or starts a run of four words or more said
//   again (a headline that is also its image's alt). A name said twice
//   ("Valley United's ... Valley United's") is no heading.
// A caption that also says what is pictured may carry a date inside its
// sentence; dates there are no mark. `own` is without_credit(caption),
// for a caller that has it already.
std::string teaser_marks(std::string_view caption, std::string_view own);
inline std::string teaser_marks(std::string_view caption) {
  return teaser_marks(caption, without_credit(caption));
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_CAPTION_FORM_H_
