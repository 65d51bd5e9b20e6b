// Visible text: what a reader of the page sees, a line a block, with no rule
// and no choice of content. The last resort when the extracted content comes
// out empty (see cleaner.cc): the lines are read as whole-page text.
#ifndef NEWSCLEAN_SRC_HTML_VISIBLE_TEXT_H_
#define NEWSCLEAN_SRC_HTML_VISIBLE_TEXT_H_

#include <string>
#include <string_view>

namespace newsclean {

struct HtmlRules;  // html/selectors.h

// The visible text of the page `input` (bytes or text as extract_html
// takes them, with its `charset`): <body> less script, style, template,
// drop-downs, drawings (<svg>) and the elements a page hides (hidden,
// aria-hidden, display:none), one line per block; no HTML rule acts but
// the attribute filter. "" when the page does not parse or holds no text.
std::string visible_text(std::string_view input, const HtmlRules& rules,
                         std::string_view charset = {});

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_VISIBLE_TEXT_H_
