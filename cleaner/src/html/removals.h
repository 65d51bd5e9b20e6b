// Removals: what of a page's visible text is not in its blocks, and why.
//
// Run once, after the blocks are emitted: one walk of <body> in document
// order finds the placeholders of the elements the HTML rules stripped
// (PageState::remove) and the parts of the page outside the chosen content;
// each becomes an ElementRemoval with its text, words, path and the index of
// the block it stood before. Script, style, template, noscript, comments and
// elements with no text give none.
#ifndef NEWSCLEAN_SRC_HTML_REMOVALS_H_
#define NEWSCLEAN_SRC_HTML_REMOVALS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "html/page_state.h"

namespace newsclean {

// The extractor's reasons (ElementRemoval::reason).
inline constexpr const char* kOutsideContent = "outside-content";
inline constexpr const char* kNoContent = "no-content";
inline constexpr const char* kJsonLdBody = "json-ld-body";

// A content element, the blocks it gave, [begin, end), and the removals
// emit_blocks met in it, st.placed[placed_begin, placed_end).
struct ContentSpan {
  xmlNode* node = nullptr;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t placed_begin = 0;
  std::size_t placed_end = 0;
};

// The removals of the page below `body`, in reading order: st.removals
// (their index set by emit_blocks inside the content, else here) and each
// largest subtree outside `content` ("no-content" when it is empty). Paths
// read "body/div[2]/aside.related": tag, [n] among siblings of that tag
// when there are several, #id or .first-class; the last five steps.
// Texts are read to `max_bytes` (then ElementRemoval::cut), words to the end.
std::vector<ElementRemoval> collect_removals(PageState& st, xmlNode* body,
                                             const std::vector<ContentSpan>& content,
                                             std::size_t max_bytes);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_REMOVALS_H_
