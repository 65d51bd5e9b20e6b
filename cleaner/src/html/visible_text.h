// Visible text: what a reader of the page sees, as blocks, with no rule and
// no choice of content. The last resort when the extractor's content comes
// out empty (see cleaner.cc): the blocks are read as whole-page text.
#ifndef NEWSCLEAN_SRC_HTML_VISIBLE_TEXT_H_
#define NEWSCLEAN_SRC_HTML_VISIBLE_TEXT_H_

#include <string>
#include <string_view>

#include "html/selectors.h"

namespace newsclean {

// The visible text of the page `input` (bytes or text as extract_html
// takes them, with its `charset`): <body> less script, style, template and
// the elements a page hides (hidden, aria-hidden, display:none), one line
// per block; no HTML rule acts but the attribute filter. "" when the page
// does not parse or holds no text.
std::string visible_text(std::string_view input, const HtmlRules& rules,
                         std::string_view charset = {});

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_VISIBLE_TEXT_H_
