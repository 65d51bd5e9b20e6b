// The links after a story: on an article, the blocks after the story's last
// prose paragraph that are mostly links (lists of other stories, tags,
// share and footer links) go, block by block. The container's trims
// (tail_boxes.cc trim_tail) judge boxes, not blocks, and keep a paragraph that
// is one link; this is the second look, at the blocks themselves. After a
// short story, runs of teaser cards of other pages of the site go too.
#ifndef NEWSCLEAN_SRC_HTML_TAIL_LINKS_H_
#define NEWSCLEAN_SRC_HTML_TAIL_LINKS_H_

#include <vector>

#include "core/block.h"
#include "core/document.h"

namespace newsclean {

// The blocks of `blocks` to take out: on an article, the run of blocks at
// the end, after the story's last prose paragraph, each with more than
// kTailRunLinkShare of its text in links. The run stops at the first block
// with fewer links (a signature, an item of the story's own list: left to
// the engine's rules) and at a caption block (its rule decides).
std::vector<bool> tail_links(const std::vector<Block>& blocks, PageKind kind);

// The blocks of `blocks` to take out: on an article whose story is short
// (kHeadedMinProse to kStoryChars of prose), the runs after it of
// kItemRunMin or more teasers of other pages of the site, each in a card of
// its own (Block::box): a title that opens with a link to the site (not
// numbered: the story's own list), then up to three blocks of at most one
// paragraph (a date, an excerpt, a "read more"), kItemMaxChars in all. The
// teasers item_runs.h finds in the tree as repeated siblings, found here in
// reading order whatever their wrappers. None go when any of the story's
// prose comes after a run or sits in one of its cards.
std::vector<bool> teaser_runs(const std::vector<Block>& blocks, PageKind kind);

// Takes the blocks marked in `drop` out of `doc` (tail_links, teaser_runs and
// extract.cc's trailing headings), each as an
// "outside-content" removal in its place; removals and image texts keep
// pointing at the blocks they stood before.
void drop_blocks(Document* doc, const std::vector<bool>& drop);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_TAIL_LINKS_H_
