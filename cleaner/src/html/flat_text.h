// A page too big for a tree, read as text: libxml2's SAX parser streams it,
// tags are dropped and block-level tags end lines. Memory is the page's
// text, not ~300 bytes per element (see tuning::kMaxElements).
#ifndef NEWSCLEAN_SRC_HTML_FLAT_TEXT_H_
#define NEWSCLEAN_SRC_HTML_FLAT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsclean {

// An upper bound of the elements of `in`: its '<' followed by a letter.
std::size_t count_start_tags(std::string_view in);

// The text of UTF-8 HTML `in`, one line per block-level element, without
// script, style, noscript and template bodies. Call prepare_libxml() first
// on the thread.
std::string flat_text(std::string_view in);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_FLAT_TEXT_H_
