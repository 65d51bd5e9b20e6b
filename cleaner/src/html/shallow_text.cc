// The shallow-text vote: two small decision trees over the shape of each
// block and its neighbours, after Kohlschuetter, Fankhauser and Nejdl,
// "Boilerplate detection using shallow text features" (WSDM 2010), written
// from the paper's description of its densitometric and word-count
// classifiers. Used where the container's own trims are weakest: the
// blocks after a story's last paragraph.
#include "html/shallow_text.h"

#include <algorithm>
#include <string_view>

#include "core/tuning.h"
#include "html/removals.h"

namespace newsclean {

using namespace tuning;

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// True if both trees call `cur` boilerplate by its own link share (their
// first split), not through its neighbours: a story's own short lines (a
// list's items, a signature) are left to the engine's rules.
bool clear_boilerplate(const ShallowFeatures& prev, const ShallowFeatures& cur,
                       const ShallowFeatures& next) {
  return cur.link_density > kShallowLinkDensity && !density_says_content(prev, cur, next) &&
         !words_say_content(prev, cur, next);
}

}  // namespace

ShallowFeatures shallow_features(const Block& b) {
  ShallowFeatures f;
  f.link_density = b.link_ratio;
  std::size_t lines = 0, line_chars = 0, last_line_words = 0;
  const std::string_view t = b.text;
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i == t.size()) break;
    std::size_t j = i;
    while (j < t.size() && !is_space(t[j])) ++j;
    const std::size_t len = j - i;
    if (lines == 0 || line_chars + 1 + len > kShallowLineChars) {
      ++lines;
      line_chars = len;
      last_line_words = 0;
    } else {
      line_chars += 1 + len;
    }
    ++f.words;
    ++last_line_words;
    i = j;
  }
  f.text_density = lines > 1 ? static_cast<double>(f.words - last_line_words) /
                                   static_cast<double>(lines - 1)
                             : static_cast<double>(f.words);
  return f;
}

bool density_says_content(const ShallowFeatures& prev, const ShallowFeatures& cur,
                          const ShallowFeatures& next) {
  if (cur.link_density > kShallowLinkDensity) return false;
  if (prev.link_density > kShallowPrevLinkDensity) {
    return next.text_density > kShallowNextDensityAfterLinks;
  }
  if (cur.text_density <= kShallowDenseLine) {
    if (next.text_density <= kShallowNextDenseLine) return prev.text_density > kShallowPrevDenseLine;
    return true;
  }
  return next.text_density > 0;
}

bool words_say_content(const ShallowFeatures& prev, const ShallowFeatures& cur,
                       const ShallowFeatures& next) {
  if (cur.link_density > kShallowLinkDensity) return false;
  if (prev.link_density > kShallowPrevLinkDensity) {
    return cur.words > kShallowLongAfterLinks || next.words > kShallowNextWordsAfterLinks;
  }
  if (cur.words <= kShallowShortWords) {
    if (next.words <= kShallowNextShortWords) return prev.words > kShallowPrevShortWords;
    return true;
  }
  return true;
}

std::vector<bool> shallow_boilerplate(const std::vector<Block>& blocks, PageKind kind) {
  std::vector<bool> drop(blocks.size(), false);
  if (kind != PageKind::kArticle) return drop;
  std::size_t last = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].prose) last = i;
  }
  if (last == blocks.size()) return drop;
  std::vector<ShallowFeatures> f;
  f.reserve(blocks.size());
  for (const Block& b : blocks) f.push_back(shallow_features(b));
  const ShallowFeatures none;  // before the first block and after the last
  // From the last block back to the story's last prose paragraph, while
  // the vote holds: a block it lets stand ends the run.
  for (std::size_t i = blocks.size(); i > last + 1; --i) {
    const std::size_t k = i - 1;
    if (blocks[k].decided_by >= 0) break;  // a caption: its rule decides
    const ShallowFeatures& next = k + 1 == blocks.size() ? none : f[k + 1];
    if (!clear_boilerplate(f[k - 1], f[k], next)) break;
    drop[k] = true;
  }
  return drop;
}

void drop_blocks(Document* doc, const std::vector<bool>& drop) {
  if (std::find(drop.begin(), drop.end(), true) == drop.end()) return;
  std::vector<Block>& blocks = doc->blocks;
  // The new index of each block (and of blocks.size(), the end).
  std::vector<std::size_t> at(blocks.size() + 1, 0);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    at[i] = kept;
    kept += drop[i] ? 0 : 1;
  }
  at[blocks.size()] = kept;
  std::vector<ElementRemoval> removed;
  std::vector<Block> left;
  std::size_t next = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    // The removals that stood before block i come before it.
    for (; next < doc->removed.size() && doc->removed[next].index <= i; ++next) {
      removed.push_back(std::move(doc->removed[next]));
      removed.back().index = at[i];
    }
    if (!drop[i]) {
      left.push_back(std::move(blocks[i]));
      continue;
    }
    ElementRemoval e;
    e.index = at[i];
    e.text = blocks[i].text;
    e.words = blocks[i].words;
    e.reason = kOutsideContent;
    removed.push_back(std::move(e));
  }
  for (; next < doc->removed.size(); ++next) {
    removed.push_back(std::move(doc->removed[next]));
    removed.back().index = kept;
  }
  doc->removed = std::move(removed);
  blocks = std::move(left);
  const auto map = [&](std::size_t i) { return at[std::min(i, at.size() - 1)]; };
  for (ImageText& t : doc->image_texts) {
    t.index = map(t.index);
    t.first_block = map(t.first_block);
    t.end_block = map(t.end_block);
  }
}

}  // namespace newsclean
