// The checks that stop content.cc's climb from the best candidate to an
// ancestor: what the ancestor would add beside the story (link lists,
// boxes named as boilerplate, short lines after the story, teaser cards of
// other stories, a second copy of the story). Each is documented at its definition in content_climb.cc.
#ifndef NEWSCLEAN_SRC_HTML_CONTENT_CLIMB_H_
#define NEWSCLEAN_SRC_HTML_CONTENT_CLIMB_H_

#include <cstddef>
#include <vector>

#include "html/page_state.h"

namespace newsclean {

// True if `d` is `a` or below it.
bool contains(xmlNode* a, xmlNode* d);

// True if `parent` adds to `child` mostly lists of links.
bool adds_link_lists(PageState& st, xmlNode* child, xmlNode* parent);

// Text (or, with `prose`, prose) below `n` in boxes named as boilerplate.
std::size_t chrome_text(PageState& st, xmlNode* n, bool prose);

// True if what `parent` adds to `child` is mostly in boxes named as
// boilerplate.
bool adds_chrome(PageState& st, xmlNode* child, xmlNode* parent, bool prose);

// The page's <article> elements other than the one holding `top`.
std::vector<xmlNode*> other_articles(PageState& st, xmlNode* top, xmlNode* body);

// The <article> of `others` that is the page's story when the page prints
// several stories and `top` sits in another; null when it is top's own.
xmlNode* titled_article(PageState& st, xmlNode* top, xmlNode* body,
                        const std::vector<xmlNode*>& others);

// True if `a` holds teaser cards of other stories (among `others`).
bool holds_cards(PageState& st, xmlNode* a, xmlNode* top, const std::vector<xmlNode*>& others);

// True if `parent` adds to `child` only short lines, after it.
bool adds_short_lines(PageState& st, xmlNode* child, xmlNode* parent);

// True if `a` holds, beside `top`, another copy of top's text.
bool holds_copy(PageState& st, xmlNode* a, xmlNode* top);

// True if `child` holds a story's prose and what `parent` adds after it is
// no more of the story (links, or text outside paragraphs).
bool adds_tail_boxes(PageState& st, xmlNode* child, xmlNode* parent);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_CONTENT_CLIMB_H_
