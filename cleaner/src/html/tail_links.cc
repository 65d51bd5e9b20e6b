#include "html/tail_links.h"

#include <algorithm>

#include "core/tuning.h"
#include "html/removals.h"

namespace newsclean {

std::vector<bool> tail_links(const std::vector<Block>& blocks, PageKind kind) {
  std::vector<bool> drop(blocks.size(), false);
  if (kind != PageKind::kArticle) return drop;
  std::size_t last = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].prose) last = i;
  }
  if (last == blocks.size()) return drop;
  // From the last block back to the story's last prose paragraph.
  for (std::size_t k = blocks.size() - 1; k > last; --k) {
    if (blocks[k].decided_by >= 0) break;  // a caption: its rule decides
    if (!(blocks[k].link_ratio > tuning::kTailRunLinkShare)) break;
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
