// Repeated items after a story: a run of sibling elements of one shape
// (the same tag and class, or the same child tags), each a label line (a
// title, a name, a date) and a little text with a link or a date. Teaser
// cards of other stories with their excerpts, and reader comments, read as
// prose to the link and length figures; their repetition tells them from a
// story's own paragraphs, which are not label-and-text wrappers.
#ifndef NEWSCLEAN_SRC_HTML_ITEM_RUNS_H_
#define NEWSCLEAN_SRC_HTML_ITEM_RUNS_H_

#include <vector>

#include "html/page_state.h"

namespace newsclean {

// The run of items that ends `parent`'s element children (elements without
// text between them left out), in document order: at least kItemRunMin
// elements of one shape, each an item. Empty when there is none.
std::vector<xmlNode*> trailing_items(PageState& st, xmlNode* parent);

// True if `box` is a list of items: runs of items (trailing_items) hold
// kItemBoxNum/kItemBoxDen of its text (the rest headings over them), the
// box's own run and the runs below its other children added up, at most
// kItemBoxMaxDepth levels down (a column of two or three lists of teasers,
// each under its heading, in wrappers).
bool holds_items(PageState& st, xmlNode* box);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_ITEM_RUNS_H_
