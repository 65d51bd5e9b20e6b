// The boxes after a story in its container: boilerplate boxes, boxes of
// links and lists of repeated items, judged box by box (the blocks are
// judged again later, tail_links.h).
#ifndef NEWSCLEAN_SRC_HTML_TAIL_BOXES_H_
#define NEWSCLEAN_SRC_HTML_TAIL_BOXES_H_

#include "html/page_state.h"

namespace newsclean {

// Takes out, below content element `n`, the boxes after the story's last
// paragraph (the end of its prose outside boilerplate boxes, level by
// level): boxes whose class or id names boilerplate and boxes mostly of
// links (an author box, related stories, tags, share buttons; on a
// product page, other products, however long). Not on a listing: its cards
// are its content; when the boxes outweigh the story, on an article only
// those that are not mostly prose or hold no more prose than the story,
// and on other pages none. On an article, runs of repeated items after the
// story (item_runs.h: teaser cards with excerpts, comments) go as well.
void trim_tail(PageState& st, xmlNode* n);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_TAIL_BOXES_H_
