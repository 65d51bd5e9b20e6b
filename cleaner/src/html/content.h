// Content: which elements hold the story, from the scores.
#ifndef NEWSCLEAN_SRC_HTML_CONTENT_H_
#define NEWSCLEAN_SRC_HTML_CONTENT_H_

#include <vector>

#include "html/page_state.h"

namespace newsclean {

// The story's container and the siblings that continue it, in order: a
// site rule's `body` when it selects something, else the best candidate
// of the last Measure::kScores, promoted (see content.cc). Empty when no
// paragraph scored anywhere: the page is not an article.
std::vector<xmlNode*> choose_content(PageState& st, xmlNode* body);

// Takes out, below content element `n`, the boxes after the story's last
// paragraph (the end of its prose outside boilerplate boxes, level by
// level): boxes whose class or id names boilerplate and boxes mostly of
// links (an author box, related stories, tags, share buttons; on a
// product page, other products, however long). Not on a listing: its cards
// are its content; when the boxes outweigh the story, on an article only
// those that are not mostly prose or hold no more prose than the story,
// and on other pages none.
void trim_tail(PageState& st, xmlNode* n);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_CONTENT_H_
