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

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_CONTENT_H_
