#include "engine/page_text.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/decoration.h"
#include "core/text.h"
#include "core/tuning.h"

namespace newsclean {

using namespace tuning;

namespace {

// A block as the guess of looks_like_page_text reads it: a table's row as
// the extractor wrote it ("| Mehl |", never a sentence), for rows come from
// an extractor's output, not from a page's text.
struct Written {
  std::string_view text;
  std::size_t words;
  bool ends_sentence, prose;
};

Written as_written(const Block& b) {
  if (b.written.empty()) return {b.text, b.words, b.ends_sentence, b.prose};
  return {b.written, count_words(b.written), false, false};
}

// as_written(b).prose, without counting a row's words.
bool prose_as_written(const Block& b) { return b.prose && b.written.empty(); }

// A line of a page's chrome by its shape: a menu entry, a link, a label.
bool is_short_line(const Written& b) {
  return b.words <= kPageShortWords && !b.ends_sentence;
}

// A short line of words only: a menu's entry rather than a line of code, a
// table's cell or a specification ("8 Min", "});", "| 4 GB |"), nor a
// list's item with an extractor's mark ("- Body: Alder", or the mark alone):
// a page's text writes its menus without one, an extractor its lists with.
bool is_menu_entry(const Written& b) {
  static constexpr std::string_view kNotMenu = "0123456789{}()[];=<>|\\$%";
  if (b.text == "-" || b.text == "*" || !list_item(b.text).empty()) return false;
  static const auto* const not_menu = [] {
    auto* table = new std::array<bool, 256>();  // one lookup a byte, not a scan of kNotMenu
    for (const char c : kNotMenu) (*table)[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  return is_short_line(b) && std::none_of(b.text.begin(), b.text.end(), [](char c) {
           return (*not_menu)[static_cast<unsigned char>(c)];
         });
}

// Groups of prose: prose blocks with at most kPageClusterGap other lines
// between them, and the bytes of prose each holds.
struct ProseGroup {
  std::size_t first, last, bytes;
};

std::vector<ProseGroup> prose_groups(const std::vector<Block>& blocks,
                                     const std::vector<bool>& prose) {
  std::vector<ProseGroup> groups;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!prose[i]) continue;
    if (groups.empty() || i - groups.back().last - 1 > kPageClusterGap) {
      groups.push_back({i, i, 0});
    }
    groups.back().last = i;
    groups.back().bytes += blocks[i].text.size();
  }
  return groups;
}

// The blocks that are prose, hard-wrapped prose included: a line of more
// than kPageShortWords words that does not end a sentence and whose next
// line starts in lower case goes on in that line (text cut at a fixed
// width); such a run that ends a sentence, kProseMinWords words together,
// is prose, each of its lines.
std::vector<bool> prose_lines(const std::vector<Block>& blocks) {
  const std::size_t n = blocks.size();
  std::vector<bool> prose(n);
  std::size_t start = 0, words = 0;
  for (std::size_t i = 0; i < n; ++i) {
    prose[i] = blocks[i].prose;
    words += blocks[i].words;
    const bool goes_on = i + 1 < n && !blocks[i].ends_sentence &&
                         blocks[i].words > kPageShortWords && !blocks[i + 1].text.empty() &&
                         blocks[i + 1].text[0] >= 'a' && blocks[i + 1].text[0] <= 'z';
    if (goes_on) continue;
    if (i > start && blocks[i].ends_sentence && words >= kProseMinWords) {
      std::fill(prose.begin() + start, prose.begin() + i + 1, true);
    }
    start = i + 1;
    words = 0;
  }
  return prose;
}

// The prose blocks of a story that are not the story: groups of prose that
// hold under 1/kPageMinorClusterDen of the prose of the largest group: a
// cookie notice, a newsletter blurb, a footer's paragraph, a teaser's
// summary far from the story. Each such group is marked from its first
// block to its last.
void mark_minor_prose(const std::vector<Block>& blocks, const std::vector<bool>& prose,
                      std::vector<bool>* marks) {
  const std::vector<ProseGroup> groups = prose_groups(blocks, prose);
  std::size_t top = 0;
  for (const ProseGroup& g : groups) top = std::max(top, g.bytes);
  for (const ProseGroup& g : groups) {
    if (g.bytes * kPageMinorClusterDen >= top) continue;
    std::fill(marks->begin() + g.first, marks->begin() + g.last + 1, true);
  }
}

// Whether the page's menu comes before its story: a run of kPageHeadMenuRun
// menu entries before the largest group of prose, or a run of
// kPageLongMenuRun (`longest_words`) with the story kPageStoryStart lines
// down. An extractor's output opens with the story.
bool menu_opens_page(const std::vector<Block>& blocks, std::size_t longest_words) {
  std::vector<bool> prose(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) prose[i] = prose_as_written(blocks[i]);
  const std::vector<ProseGroup> groups = prose_groups(blocks, prose);
  if (groups.empty()) return false;
  const auto story = std::max_element(groups.begin(), groups.end(),
                                      [](const ProseGroup& a, const ProseGroup& b) {
                                        return a.bytes < b.bytes;
                                      })->first;
  if (longest_words >= kPageLongMenuRun && story >= kPageStoryStart) return true;
  std::size_t run = 0;
  for (std::size_t i = 0; i < story; ++i) {
    run = is_menu_entry(as_written(blocks[i])) ? run + 1 : 0;
    if (run >= kPageHeadMenuRun) return true;
  }
  return false;
}

}  // namespace

bool looks_like_page_text(const std::vector<Block>& blocks) {
  const std::size_t n = blocks.size();
  if (n < kPageMinLines) return false;
  std::size_t run = 0, longest = 0, words_run = 0, longest_words = 0;
  std::size_t prose = 0, prose_bytes = 0, bytes = 0;
  for (const Block& block : blocks) {
    const Written b = as_written(block);
    run = is_short_line(b) ? run + 1 : 0;
    longest = std::max(longest, run);
    words_run = is_menu_entry(b) ? words_run + 1 : 0;
    longest_words = std::max(longest_words, words_run);
    bytes += b.text.size();
    if (b.prose) {
      ++prose;
      prose_bytes += b.text.size();
    }
  }
  // Without a story in prose there is nothing to tell the chrome from (a
  // listing, a shop's catalogue, an extractor's output of one): left alone.
  if (prose < kPageMinProse || prose_bytes * 100 < bytes * kPageMinProsePercent) return false;
  const bool thin = prose_bytes * 100 < bytes * kPageThinProsePercent;
  const std::size_t menu_run = thin ? 2 * kPageMenuRun : kPageMenuRun;
  const auto is_prose = [](const Block& b) { return prose_as_written(b); };
  const auto before = static_cast<std::size_t>(
      std::find_if(blocks.begin(), blocks.end(), is_prose) - blocks.begin());
  const auto after = static_cast<std::size_t>(
      std::find_if(blocks.rbegin(), blocks.rend(), is_prose) - blocks.rbegin());
  return longest >= menu_run && longest_words >= kPageMenuWordsRun &&
         before + after >= kPageOuterLines && menu_opens_page(blocks, longest_words);
}

void mark_page_chrome(const std::vector<Block>& blocks, bool everywhere,
                      std::vector<bool>* marks) {
  const std::size_t n = blocks.size();
  // Each line not prose is chrome, unless it sits inside the prose: prose
  // within kPageProseReach blocks before and after it, or a short gap
  // between two prose blocks (kPageGapLines lines at most) whose lines are
  // not a menu's (kPageGapMeanWords words a line on average): the story's
  // headings, list items and short paragraphs.
  const std::vector<bool> prose = prose_lines(blocks);
  std::vector<bool> chrome(n);
  std::size_t last = n;  // the last prose block before i, n: none
  for (std::size_t i = 0; i < n; ++i) {
    if (prose[i]) {
      if (last != n && i - last - 1 <= kPageGapLines && i - last > 1) {
        std::size_t words = 0;
        for (std::size_t j = last + 1; j < i; ++j) words += blocks[j].words;
        if (words >= kPageGapMeanWords * (i - last - 1)) {
          std::fill(chrome.begin() + last + 1, chrome.begin() + i, false);
        }
      }
      last = i;
      continue;
    }
    chrome[i] = true;
    const std::size_t back = std::min<std::size_t>(i, kPageProseReach);
    const std::size_t ahead = std::min(n - i - 1, kPageProseReach);
    const auto prose_in = [&](std::size_t from, std::size_t to) {
      return std::any_of(prose.begin() + static_cast<std::ptrdiff_t>(from),
                         prose.begin() + static_cast<std::ptrdiff_t>(to),
                         [](bool p) { return p; });
    };
    if (prose_in(i - back, i) && prose_in(i + 1, i + 1 + ahead)) chrome[i] = false;
  }
  mark_minor_prose(blocks, prose, &chrome);
  if (everywhere) {
    *marks = std::move(chrome);
    return;
  }
  // A guessed page loses the lines before the story's first prose block and
  // after its last, and the prose far from the story; between, a list may be
  // the content.
  std::size_t first = n, end = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (prose[i] && !chrome[i]) {
      first = std::min(first, i);
      end = i + 1;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    (*marks)[i] = chrome[i] && (i < first || i >= end || prose[i]);
  }
}

}  // namespace newsclean
