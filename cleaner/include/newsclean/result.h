// Result: what cleaning one document gives, and how to read the input.
// Part of the public API; include <newsclean/cleaner.h>.
#ifndef NEWSCLEAN_RESULT_H_
#define NEWSCLEAN_RESULT_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace newsclean {

// A photo caption found in the input.
//
// From HTML, a caption is any short text bound to an image: a figcaption or
// an element named like a caption, the text sharing a small container with
// an <img> (a teaser card's headline, a gallery slide), or the image's alt
// text where nothing else describes it; in text, a line a caption rule
// names (a credit, "Photo: ..."). Captions outside the story (teaser
// grids, "most read" boxes) are listed too, judged like the others.
struct Caption {
  std::string text;
  double score = 0;      // relevance to the story, 0 (none) .. 1
  bool related = false;  // the verdict (see `reason`)
  std::size_t index = 0; // block index in the input (for one that was not a
                         // block, the block it stood before)
  std::string rule;      // id of the rule that recognised it, or for an image's
                         // text "image-figcaption", "image-class",
                         // "image-container", "image-alt"
  // Where it stood: "story" (among the story's blocks), "outside" (in a part
  // of the page outside the story), "stripped" (in an element an HTML rule
  // took out); in text input, "after" (no paragraph of the story follows it)
  // or "teasers" (beside a line taken out as other stories' headlines).
  std::string position;
  bool links_elsewhere = false;  // its image or card links to another page
  // The story's words it shares (rarest first): names, numbers, words.
  std::vector<std::string> shared;
  // A credit line alone ("Photo: AP") takes the verdict of the caption it
  // belongs to: that caption's position in Result::captions, else -1.
  int credit_of = -1;
  // Why the verdict, in words: "links to another page", "shares 'x', 'y'
  // with the story (score 0.41)", "credit of caption 2", "reads as a teaser
  // (a publishing stamp '16 hours ago')", ...
  std::string reason;
};

// Something of the input that is not in Result::text: a block a text rule
// dropped (stage "text"; a caption element, which is a block too), or, for
// HTML, an element an HTML rule stripped or text the extractor left outside
// the story (stage "html").
//
// Result::removed lists them in reading order: an element-level removal
// with index i stood before block i (and after block i - 1), so the kept
// blocks (the lines of Result::text) and the removals interleave back into
// the page as it read. Script, style, template and comments are never
// listed, nor an element with no text.
struct Removal {
  // stage "text": the block's index in the input (0-based). stage "html":
  // the index of the block it stood before (Stats::blocks when after all).
  std::size_t index = 0;
  // The text, normalised and cut to Options::removed_text_chars characters
  // (then "…" ends it); `words` counts all of it.
  std::string text;
  // Id of the rule that removed it; for the extractor's own decisions a
  // reason: "outside-content" (a part of the page outside the story the
  // extractor chose), "no-content" (the page has no story: all of it),
  // "json-ld-body" (the markup's text, replaced by the page's JSON-LD
  // articleBody).
  std::string rule;
  // The rule's category, e.g. "footer"; "extractor" for those reasons.
  std::string category;
  std::string stage;      // "html" (an element) or "text" (block `index`)
  // Where the element was, from <body>: "body/div[2]/aside.related" (tag,
  // [n] among siblings of that tag when there are several, then #id or
  // .first-class); "" for blocks. Long paths keep their last five steps.
  std::string path;
  std::size_t words = 0;  // space-separated words in the whole text
};

struct Stats {
  std::size_t blocks = 0;     // blocks in the input
  std::size_t kept = 0;       // blocks in Result::text
  std::size_t removed = 0;    // entries in Result::removed
  std::size_t bytes_in = 0;   // size of the input
  std::size_t bytes_out = 0;  // size of Result::text
  // Entries of Result::removed per category, sorted by category name.
  std::vector<std::pair<std::string, std::size_t>> removed_by_category;
};

struct Result {
  std::string text;                  // kept blocks joined by '\n' (no final newline)
  std::string title;                 // the headline (text: found in the head;
                                     // HTML: og:title, JSON-LD, h1 or <title>)
  std::vector<std::string> section;  // breadcrumb segments, e.g. {"News", "Politics"}
  // HTML only, each "" when the page does not say:
  std::string author;
  std::string published;             // as the page gives it (usually ISO 8601)
  std::string site_name;
  std::string language;              // <html lang>
  std::string canonical_url;
  std::string format;                // "text" or "html": how the input was read
  std::string kind;                  // what the page is read as: "article", "forum",
                                     // "product", "listing" (its schema.org types,
                                     // og:type, checked against the chosen content:
                                     // an "article" of cards at an address that is
                                     // not a story's is a listing; a story at a
                                     // story's address an article), or "" (and text,
                                     // but "forum" for text at a forum's address)
  std::string input_kind;            // "html"; for text, "extract" (an extractor's
                                     // output) or "page" (a whole page as text).
                                     // Also "page" for HTML whose content came out
                                     // empty though its visible text holds a
                                     // sentence: that text was cleaned as a whole
                                     // page (captions, removed and stats are then
                                     // of that text; a warning says so)
  std::vector<Caption> captions;     // in input order
  std::vector<Removal> removed;      // in reading order (see Removal)
  Stats stats;
  std::vector<std::string> warnings;  // odd input that was repaired
};

// The Result as one line of JSON (UTF-8, no newline), with every key always
// present, in this order: text, title, section, author, published,
// site_name, language, canonical_url (each "" when the page does not say),
// format, kind, input_kind, captions [{text, score, related, index, rule}], removed [{index,
// text, rule, category, stage, path, words}], stats {blocks, kept, removed, bytes_in,
// bytes_out, removed_by_category {category: count, sorted by name}}, warnings. The CLI's --json output and Python's
// Result.to_dict() are this object.
std::string to_json(const Result& result);

}  // namespace newsclean

#endif  // NEWSCLEAN_RESULT_H_
