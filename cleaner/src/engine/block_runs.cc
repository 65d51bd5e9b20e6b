// Runs of blocks that give a document its shape: a story, a listing's
// cards, a list of other stories run into one line (the list that ends a
// document is engine/teaser_list.cc's).
#include "engine/block_runs.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include <re2/re2.h>

#include "core/text.h"
#include "core/tuning.h"

namespace newsclean {

using namespace tuning;

// A headline starts with a capital, a digit or an opening quote: not with a
// lower-case letter, a bullet, a dash or a symbol. Letters without case
// (CJK, Hangul, Arabic...) count as capitals.
bool starts_like_headline(std::string_view text) {
  std::size_t i = 0;
  const char32_t c = next_code_point(text, &i);
  if (c < 0x80) return std::isupper(static_cast<int>(c)) || std::isdigit(static_cast<int>(c)) ||
                       c == '"' || c == '\'';
  if (c >= 0x2018 && c <= 0x201F) return true;  // curly quotes
  if (c == 0xAB) return true;                    // «
  const bool latin1_lower = c >= 0xDF && c <= 0xFF && c != 0xF7;
  const bool cyrillic_lower = c >= 0x430 && c <= 0x45F;
  const bool symbol = c < 0xC0 || (c >= 0x2000 && c <= 0x2BFF);  // punctuation, arrows, shapes
  return !latin1_lower && !cyrillic_lower && !symbol;
}

bool leads_into_list(const Block& b) {
  return b.words >= tuning::kListIntroMinWords && !b.text.empty() && b.text.back() == ':';
}

namespace {

// Whether a sentence ends at `text[i]` and the next starts after it: ". "
// after a word (not after a space); or, `strict`, after a word of two
// lower-case letters or more and before a capital or a quote, with or
// without the space (paragraphs glued: "the vote.The board"), so that
// initials and abbreviations ("M. Akt", "Rem. :") do not count.
bool sentence_break_at(std::string_view text, std::size_t i, bool strict) {
  const char c = text[i];
  if (c != '.' && c != '!' && c != '?') return false;
  if (!strict) {
    return i > 0 && i + 1 < text.size() && text[i + 1] == ' ' && text[i - 1] != ' ';
  }
  const auto lower = [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x80 || (ch >= 'a' && ch <= 'z');
  };
  if (i < 2 || !lower(text[i - 1]) || !lower(text[i - 2])) return false;
  const std::size_t next = i + 1 < text.size() && text[i + 1] == ' ' ? i + 2 : i + 1;
  if (next >= text.size()) return false;
  const auto u = static_cast<unsigned char>(text[next]);
  return u >= 0x80 || (u >= 'A' && u <= 'Z') || u == '"';
}

// How many sentence breaks (sentence_break_at) `text` has, counted up to
// `limit`.
std::size_t sentence_breaks(std::string_view text, bool strict, std::size_t limit) {
  std::size_t breaks = 0;
  for (std::size_t i = 1; i < text.size() && breaks < limit; ++i) {
    breaks += sentence_break_at(text, i, strict);
  }
  return breaks;
}

// The paragraphs of story a block holds: one for a prose block; for a
// story glued into one block, one for each kGluedParagraphWords words when
// it has kGluedMinSentences sentences in it: a prose block (an extractor
// that joins an old page's paragraphs, set apart by <br> in a table cell)
// or a layout table's row that holds the story ("| story ... | sidebar |",
// not prose as it ends in a bar). A glued block of neither shape (one that
// ran the story's column together with the tools and lists after it, so it
// ends in a list's last item) counts when its sentences come at least one in
// kGluedMaxWordsPerSentence words, read strictly (sentence_break_at).
std::size_t paragraphs_in(const Block& b) {
  const std::size_t glued = b.words / kGluedParagraphWords;
  if (glued <= 1) return b.prose ? 1 : 0;
  const bool shaped = b.prose || is_table_row(b.text);
  const std::size_t needed =
      shaped ? kGluedMinSentences
             : std::max(kGluedMinSentences, b.words / kGluedMaxWordsPerSentence + 1);
  return sentence_breaks(b.text, !shaped, needed) >= needed ? glued : b.prose ? 1 : 0;
}

// How much of a document is prose: paragraphs (paragraphs_in), and bytes of
// all and of prose. Blocks marked in `left_out` (when given) do not count.
struct ProseShare {
  std::size_t paragraphs = 0, bytes = 0, all_bytes = 0;
  ProseShare(const std::vector<Block>& doc, const std::vector<bool>* left_out,
             const std::vector<bool>* taken_prose) {
    std::size_t end = doc.size();  // after the last prose block
    while (end > 0 && (paragraphs_in(doc[end - 1]) == 0 ||
                       (taken_prose != nullptr && (*taken_prose)[end - 1]))) {
      --end;
    }
    for (std::size_t i = 0; i < end; ++i) {
      if (left_out != nullptr && (*left_out)[i]) continue;
      const Block& b = doc[i];
      all_bytes += b.text.size();
      const std::size_t n = paragraphs_in(b);
      paragraphs += n;
      if (n > 0) bytes += b.text.size();
    }
  }
};

}  // namespace

bool runs_on_as_paragraph(const Block& b) {
  return b.words >= kParagraphMinWords &&
         sentence_breaks(b.text, true, kParagraphMinBreaks) >= kParagraphMinBreaks;
}

bool is_glued_teaser_list(const Block& b) {
  if (b.ends_sentence || b.words < kGluedTeasersMinStamps * (kGluedTeasersMinWords + 1) ||
      is_table_row(b.text) || b.text.find_first_of("0123456789") == std::string::npos) {
    return false;
  }
  // A stamp, after its separator: a date in digits (not a version number
  // or a rating: nothing of a number right after it) or how long ago.
  static const RE2* const kStamp = new RE2(
      "([(|\\x{2013}-]) ?(?:\\d{1,2}(?:/\\d{1,2}/|\\.\\d{1,2}\\.)(?:19|20)?\\d{2}(?:[^\\d./-]|$)|"
      "\\d{1,2} (?i:min(?:ute)?s?|hours?|hrs?|days?) ago|(?i:vor) \\d{1,2} "
      "(?i:minuten|stunden?|tagen?)|(?i:il y a|hace|há) \\d{1,2} \\pL+)");
  re2::StringPiece rest(b.text.data(), b.text.size());
  re2::StringPiece separator;
  std::size_t stamps = 0, from = 0;
  while (stamps < kGluedTeasersMinStamps && RE2::FindAndConsume(&rest, *kStamp, &separator)) {
    // The headline: the words since the last stamp.
    const std::size_t at = static_cast<std::size_t>(separator.data() - b.text.data());
    stamps += count_words(std::string_view(b.text).substr(from, at - from)) >=
              kGluedTeasersMinWords;
    from = static_cast<std::size_t>(rest.data() - b.text.data());
  }
  return stamps >= kGluedTeasersMinStamps && sentence_breaks(b.text, true, 1) == 0;
}

void mark_glued_copies(const std::vector<Block>& blocks, std::vector<bool>* marks) {
  std::vector<std::size_t> rows, copies;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].words < kGluedCopyMinWords) continue;
    copies.push_back(i);
    // " | ", looked for by its bar: a search for its space stops at every word.
    const std::string& t = blocks[i].text;
    for (std::size_t bar = t.find('|', 1); bar != std::string::npos && bar + 1 < t.size();
         bar = t.find('|', bar + 1)) {
      if (t[bar - 1] == ' ' && t[bar + 1] == ' ') {
        rows.push_back(i);
        break;
      }
    }
  }
  if (rows.empty() || rows.size() * copies.size() > kGluedCopyMaxPairs) return;
  for (std::size_t i : copies) {
    const std::string& copy = blocks[i].text;
    const std::boyer_moore_horspool_searcher searcher(copy.begin(), copy.end());
    for (std::size_t j : rows) {
      const std::string& row = blocks[j].text;
      if (j != i && row.size() > copy.size() &&
          std::search(row.begin(), row.end(), searcher) != row.end()) {
        (*marks)[i] = true;
        break;
      }
    }
  }
}

bool is_story(const std::vector<Block>& blocks, const std::vector<bool>* left_out,
              const std::vector<bool>* taken_prose) {
  const ProseShare p(blocks, left_out, taken_prose);
  return p.paragraphs >= kStoryMinProse && p.bytes * 2 >= p.all_bytes;
}

bool has_story_prose(const std::vector<Block>& blocks) {
  std::size_t paragraphs = 0;
  for (std::size_t i = 0; i < blocks.size() && paragraphs < kStoryMinProse; ++i) {
    paragraphs += paragraphs_in(blocks[i]);
  }
  return paragraphs >= kStoryMinProse;
}

bool is_link_list(const std::vector<Block>& blocks) {
  const auto is_link = [](const Block& b) {
    return b.site_link_ratio > kLinkHeavyRatio && b.words <= kTeaserMaxWords;
  };
  std::size_t first_prose = blocks.size(), last_prose = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].prose && blocks[i].site_link_ratio <= kLinkHeavyRatio) {
      first_prose = std::min(first_prose, i);
      last_prose = i;
    }
  }
  std::size_t link_bytes = 0, all_bytes = 0, before = 0, inside = 0, after = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    all_bytes += blocks[i].text.size();
    if (!is_link(blocks[i])) continue;
    link_bytes += blocks[i].text.size();
    ++(i < first_prose ? before : i > last_prose ? after : inside);
  }
  if (link_bytes * kLinkListDen <= all_bytes * kLinkListNum) return false;
  const bool around = before > 0 && after > 0 && inside <= kStoryMaxInnerLinks;
  return !(around && is_story(blocks));
}

void mark_card_headlines(const std::vector<Block>& blocks, std::vector<bool>* marks) {
  const auto headline = [&](const Block& b) {
    return b.site_link_ratio > kLinkHeavyRatio && b.words <= kTeaserMaxWords;
  };
  // Each card's headline and summary.
  std::vector<std::pair<std::size_t, std::size_t>> cards;
  std::size_t all_bytes = 0;
  for (const Block& b : blocks) all_bytes += b.text.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!headline(blocks[i])) continue;
    for (std::size_t j = i + 1; j < blocks.size() && j <= i + kCardGap; ++j) {
      const Block& b = blocks[j];
      if (headline(b)) break;
      if (b.prose && b.link_ratio == 0) {
        cards.emplace_back(i, j);
        break;
      }
    }
  }
  // Runs of cards, one after the other (at most kCardGap blocks, none of
  // them prose, between a summary and the next headline): a story's
  // paragraphs with a link line between some of them are no run.
  const auto next_card = [&](std::size_t summary, std::size_t next) {
    if (next > summary + kCardGap + 1) return false;
    for (std::size_t k = summary + 1; k < next; ++k) {
      if (blocks[k].prose) return false;
    }
    return true;
  };
  std::size_t card_bytes = 0;
  std::vector<std::size_t> found;
  for (std::size_t a = 0; a < cards.size();) {
    std::size_t b = a + 1;
    while (b < cards.size() && next_card(cards[b - 1].second, cards[b].first)) ++b;
    if (b - a >= kCardMinHeadlines) {
      for (std::size_t k = a; k < b; ++k) {
        found.push_back(cards[k].first);
        card_bytes += blocks[cards[k].first].text.size() + blocks[cards[k].second].text.size();
      }
    }
    a = b;
  }
  if (found.empty() || card_bytes * kCardShareDen < all_bytes * kCardShareNum) return;
  for (const std::size_t i : found) (*marks)[i] = true;
}

}  // namespace newsclean
