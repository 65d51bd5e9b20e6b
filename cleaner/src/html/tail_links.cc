#include "html/tail_links.h"

#include <algorithm>
#include <cstdint>

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

namespace {

// A teaser's title: a line of at most kItemLabelChars that opens with a link
// to the page's own site (a link away is a source or a place the story
// names), a heading or mostly that link.
bool is_title(const Block& b) {
  if (b.text.size() > tuning::kItemLabelChars || !b.lead_link) return false;
  if (b.site_link_ratio * 2 <= b.link_ratio) return false;
  if (b.kind == BlockKind::kHeading && b.level >= 2) return true;
  return !b.prose && b.link_ratio > 0.5f;
}

// The end of the teaser that begins with the title at `j`: past its body,
// up to three blocks that are no title (a date, an excerpt, a "read more"),
// kItemMaxChars with the title at most; a title with no body when another
// title follows (a list of links). blocks.size() + 1 when what follows is
// no teaser's (a fourth block, or no title after a title alone).
std::size_t teaser_end(const std::vector<Block>& blocks, std::size_t j) {
  std::size_t k = j + 1, chars = blocks[j].text.size();
  while (k < blocks.size() && !is_title(blocks[k]) && k - j <= 3 &&
         chars + blocks[k].text.size() <= tuning::kItemMaxChars) {
    chars += blocks[k].text.size();
    ++k;
  }
  const bool title_next = k < blocks.size() && is_title(blocks[k]);
  if (k == j + 1 && !title_next) return blocks.size() + 1;
  if (k - j > 3 && k < blocks.size() && !title_next) return blocks.size() + 1;
  return k;
}

// True if each teaser of blocks [i, j) sits in a card of its own: its
// blocks in one box (Block::box), the title's.
bool in_cards(const std::vector<Block>& blocks, std::size_t i, std::size_t j) {
  for (std::size_t k = i; k < j; ++k) {
    if (blocks[k].box == 0) return false;
    if (k > i && !is_title(blocks[k]) && blocks[k].box != blocks[k - 1].box) return false;
  }
  return true;
}

}  // namespace

std::vector<bool> teaser_runs(const std::vector<Block>& blocks, PageKind kind) {
  std::vector<bool> drop(blocks.size(), false);
  if (kind != PageKind::kArticle) return drop;
  std::size_t i = 0;
  while (i < blocks.size() && !blocks[i].prose) ++i;
  bool any = false;
  for (; i < blocks.size(); ++i) {
    if (!is_title(blocks[i])) continue;
    // The teasers from i on, each ending where the next title begins.
    std::size_t j = i, teasers = 0;
    while (j < blocks.size() && is_title(blocks[j])) {
      const std::size_t k = teaser_end(blocks, j);
      if (k > blocks.size()) break;
      ++teasers;
      j = k;
    }
    if (teasers >= tuning::kItemRunMin && in_cards(blocks, i, j)) {
      for (std::size_t k = i; k < j; ++k) drop[k] = blocks[k].decided_by < 0;
      any = true;
      i = j - 1;
    }
  }
  if (!any) return drop;
  // Only after a short story (kHeadedMinProse to kStoryChars of prose
  // besides the runs), none of it in a card of the runs or after them.
  std::vector<std::uint32_t> cards;  // in reading order: sorted
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (drop[k]) cards.push_back(blocks[k].box);
  }
  std::size_t story = 0;
  bool past = false;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    past = past || drop[k];
    if (drop[k] || !blocks[k].prose) continue;
    if (past || std::binary_search(cards.begin(), cards.end(), blocks[k].box)) {
      return std::vector<bool>(blocks.size(), false);
    }
    story += blocks[k].text.size();
  }
  if (story < tuning::kHeadedMinProse || story >= tuning::kStoryChars) {
    std::fill(drop.begin(), drop.end(), false);
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
