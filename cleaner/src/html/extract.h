// HTML front end: bytes -> libxml2 tree -> pruned -> main content -> blocks.
// The blocks then go through the same text rules as plain text.
//
//   charset -> fast_parse -> page_meta -> selectors (prune) -> scoring
//           -> content -> selectors (prune inside) -> blocks
#ifndef NEWSCLEAN_SRC_HTML_EXTRACT_H_
#define NEWSCLEAN_SRC_HTML_EXTRACT_H_

#include <string_view>

#include "core/document.h"
#include "core/page_url.h"

namespace newsclean {

struct HtmlRules;

// Decodes `input` (see decode_page: `charset` is "" for bytes as fetched,
// "utf-8" for decoded text, or the caller's charset), parses it and extracts
// the main content. Never throws for any input but resource exhaustion; a
// page with no content gives no blocks.
// Removal texts are read to about `removed_text_chars` characters (0: all).
Document extract_html(std::string_view input, const PageUrl& url, const HtmlRules& rules,
                      std::string_view charset = {}, std::size_t removed_text_chars = 0);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_EXTRACT_H_
