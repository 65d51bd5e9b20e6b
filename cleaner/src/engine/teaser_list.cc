// The list of other stories' headlines that ends a document: its entries'
// lines (headlines, summaries, publishing stamps, bylines, separators, an
// entry's section name) and the walk that finds it (Feature::kTeaserList).
#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "core/text.h"
#include "core/tuning.h"
#include "engine/block_runs.h"

namespace newsclean {

using namespace tuning;

namespace {

// A block with no letter or digit: an empty list entry ("-", "•", "***").
bool is_separator(const Block& b) {
  return std::none_of(b.text.begin(), b.text.end(),
                      [](char c) { return is_word_byte(static_cast<unsigned char>(c)); });
}

// True if `text` ends in an ellipsis ("... Active Noise Cancellat...",
// "... for which ..."): an excerpt that a teaser box cut off.
bool ends_cut_off(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\xA6") return true;  // …
  return text.size() >= 4 && text.substr(text.size() - 3) == "..." && text[text.size() - 4] != '.';
}

// A word of a publishing stamp that holds its date or time: a year
// ("2019,"), a clock time ("01:14", "10h30", "9:39pm") or a date in digits
// ("11/20/2019", "20.11.2019", "2019-11-20"); punctuation around it
// allowed. A price ("1,299.00"), a score ("3-1") or a phone number is none.
bool is_date_word(std::string_view word) {
  static const RE2* const kDateWord = new RE2(
      "[(\\[]?(?:(?:19|20)\\d{2}|\\d{1,2}[:h]\\d{2}(?::\\d{2})?(?:[aApP]\\.?[mM]\\.?)?|"
      "\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4})[)\\],.;]?");
  return RE2::FullMatch(re2::StringPiece(word.data(), word.size()), *kDateWord);
}

// A publishing stamp, as a list of other stories prints one under (or
// above) each headline: a short line with a date or a time in digits and
// few words besides, that ends with its date or time or a word ("Nov 20,
// 2019", "11/20/2019 01:14 PM", "Last Update: 1/16 3:36 pm", "Mi,
// 20.11.2019 - 13:14 Uhr"). A forum post's header ends with the post's
// number ("jane.r 6 May 2025 17:41 7"): its replies are no headlines.
bool is_stamp(const Block& b) {
  if (b.words > kStampMaxWords) return false;
  std::size_t letter_words = 0;
  bool dated = false, ends_dated = false;
  std::string_view rest = b.text;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    const bool digit =
        std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool letter = std::any_of(word.begin(), word.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u >= 0x80 || std::isalpha(u);
    });
    const bool date_word = digit && is_date_word(word);
    dated = dated || date_word;
    ends_dated = date_word || !digit;
    letter_words += letter && !digit;
  }
  return dated && ends_dated && letter_words <= kStampMaxLetterWords;
}

// A byline alone on its line, as a list may print one under each headline:
// "By" and a name in the languages of the rules ("By Reuters", "Von Anna
// Roth", "Par Jean Dupont", "Por Ana Ruiz", "di Marco Rossi", "Door Jan
// de Vries").
bool is_byline(const Block& b) {
  if (b.ends_sentence || b.words < 2 || b.words > kStampMaxWords) return false;
  const std::string_view first = std::string_view(b.text).substr(0, b.text.find(' '));
  for (const std::string_view by :
       {"By", "BY", "Von", "VON", "Par", "PAR", "Por", "POR", "Di", "di", "Door"}) {
    if (first == by) return true;
  }
  return false;
}

// A headline: a short line that is not a sentence (but it may be cut off
// with "..."), not a story's bullet item ("- England: 10th appearance"),
// not a list's lead-in ("Dates:") and not starting in lower case.
bool is_headline(const Block& b) {
  if ((b.ends_sentence && !ends_cut_off(b.text)) || b.words < 3 || b.words > kTeaserMaxWords) {
    return false;
  }
  return starts_like_headline(b.text) && b.text.back() != ':';
}

// A list entry's kicker: a section's name of one or two words ("Airlines",
// "Sponsored Content", "eFlyer News"), as a headline or a brand starts, no
// sentence and no lead-in.
bool is_kicker(const Block& b) {
  const std::string_view t = b.text;
  const bool brand = t.size() > 1 && std::islower(static_cast<unsigned char>(t[0])) &&
                     std::isupper(static_cast<unsigned char>(t[1]));
  return !b.ends_sentence && b.words >= 1 && b.words < 3 && t.back() != ':' &&
         (brand || starts_like_headline(t));
}


// The run of list entries that ends `blocks`, walking back from the end
// over separators, publishing stamps and bylines, headlines, and headlines
// with a longer line under them (a summary: a sentence, or too long for a
// headline; a shorter line is a table's value, "$150 - $350"); with
// `kickers`, over an entry's section name too ("Airlines", "Daily").
struct TeaserRun {
  std::size_t begin = 0, headlines = 0, separators = 0, summaries = 0, cut = 0, stamps = 0;
  std::size_t kickers_read = 0;

  TeaserRun(const std::vector<Block>& blocks, bool kickers) : begin(blocks.size()) {
    std::size_t& i = begin;
    while (i > 0) {
      const Block& b = blocks[i - 1];
      if (is_separator(b)) {
        ++separators;
        --i;
      } else if (is_stamp(b) || is_byline(b)) {
        ++stamps;
        --i;
      } else if (is_headline(b)) {
        ++headlines;
        --i;
      } else if (kickers && is_kicker(b)) {
        ++kickers_read;
        --i;
      } else if (const bool excerpt = ends_cut_off(b.text);
                 b.words <= (excerpt ? kTeaserExcerptMaxWords : kTeaserSummaryMaxWords) &&
                 i >= 2 && is_headline(blocks[i - 2]) && b.words > blocks[i - 2].words &&
                 !runs_on_as_paragraph(b)) {
        ++headlines;  // a headline and the line that sums its story up
        ++summaries;
        cut += excerpt;
        i -= 2;
      } else {
        break;
      }
    }
    // Kickers on top of the run are the list's heading, or the story's (a
    // stamp or a byline there is counted and stays in the run).
    while (kickers && i < blocks.size() && is_kicker(blocks[i]) && !is_stamp(blocks[i]) &&
           !is_byline(blocks[i]) && !is_separator(blocks[i])) {
      ++i;
    }
  }

  // Stamps beside at least half the headlines.
  bool stamped() const { return stamps >= kTeaserListStamps && stamps * 2 >= headlines; }
};

std::size_t count_stamps(const std::vector<Block>& blocks, std::size_t end) {
  return static_cast<std::size_t>(std::count_if(blocks.begin(), blocks.begin() + end,
                                                [](const Block& b) { return is_stamp(b); }));
}

}  // namespace

// Marks the list of other stories' headlines that ends `blocks`, if any.
void mark_teaser_list(const std::vector<Block>& blocks, std::vector<bool>* marks) {
  // Entries under their section's name are read so only when stamped: a
  // service page's boxes ("Our leaders", "Learn more") are no list.
  TeaserRun run(blocks, true);
  if (run.kickers_read > 0 && !run.stamped()) run = TeaserRun(blocks, false);
  std::size_t i = run.begin;
  const std::size_t headlines = run.headlines, summaries = run.summaries, cut = run.cut;
  // Separators mark a list on their own, and so do stamps beside at least
  // half the headlines of a list without summaries (dates a story ends on,
  // tour dates, are the entries' own lines, not a stamp beside each);
  // headlines with summaries when the run does not follow straight on from
  // the story's prose (a story may end in short sections under
  // subheadings), or when stamped too, unless the text above holds stamps
  // as well: the entries go on above the run (a summary too long to walk
  // over), the document is a listing (a blog's front page).
  const bool stamped_entries =
      run.stamped() && count_stamps(blocks, i) < kTeaserListStamps;
  const bool listed = run.separators >= kTeaserListStructure ||
                      (run.stamped() && summaries == 0) ||
                      (summaries >= kTeaserListStructure &&
                       (stamped_entries || (i > 0 && !blocks[i - 1].prose)));
  if (headlines < kTeaserListHeadlines || !listed) return;
  // A page that is mostly such a list is a listing: the list is its content;
  // but not when its summaries are excerpts cut off by a teaser box: then
  // it is an index of other pages, not a story (an extractor that returned
  // it missed the story).
  std::size_t before = 0, list = 0;
  for (std::size_t j = 0; j < blocks.size(); ++j) (j < i ? before : list) += blocks[j].text.size();
  const bool excerpts = cut >= kTeaserListHeadlines && cut * 2 >= summaries;
  if (before < list && !excerpts) return;
  // The list's own heading ("Deals", "Latest news") goes with it.
  if (i > 0 && !blocks[i - 1].ends_sentence && !blocks[i - 1].prose &&
      blocks[i - 1].words <= kTeaserListHeadingWords) {
    --i;
  }
  std::fill(marks->begin() + i, marks->end(), true);
}

}  // namespace newsclean
