#include "html/page_state.h"

#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace newsclean {
namespace {

// The bits set in a 16-bit mask (without -mpopcnt, __builtin_popcount is
// a library call).
int bits_set(unsigned v) {
  v = v - ((v >> 1) & 0x5555u);
  v = (v & 0x3333u) + ((v >> 2) & 0x3333u);
  v = (v + (v >> 4)) & 0x0F0Fu;
  return static_cast<int>((v + (v >> 8)) & 0x1Fu);
}

}  // namespace

void PageState::count_text(xmlNode* n) {
  // A byte counts unless it is white space after white space (or at the
  // start); a comma is a ','.
  TextFigures f;
  bool space = true;  // the byte before was white space
  const char* p = reinterpret_cast<const char*>(n->content);
  const std::size_t size = p != nullptr ? std::strlen(p) : 0;
  std::size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time: the white space ones that follow white space
  // are a mask's bits that are set where the mask shifted by one is set too.
  const __m128i blank = _mm_set1_epi8(' ');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i comma = _mm_set1_epi8(',');
  for (; i + 16 <= size; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, blank), _mm_cmpeq_epi8(v, newline)),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
    const unsigned w = static_cast<unsigned>(_mm_movemask_epi8(ws));
    const unsigned after = (w << 1) | (space ? 1u : 0u);
    f.length += 16 - static_cast<std::size_t>(bits_set(w & after & 0xFFFFu));
    f.commas += static_cast<std::size_t>(bits_set(static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)))));
    space = (w & 0x8000u) != 0;
  }
#endif
  for (; i < size; ++i) {
    const char c = p[i];
    const bool s = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!s || !space) ++f.length;
    f.commas += c == ',';
    space = s;
  }
  texts_.push_back(f);
  n->_private = reinterpret_cast<void*>(texts_.size());
}
void PageState::remove(xmlNode* n, int rule, const char* reason, const Rule* site_rule) {
  xmlNode* placeholder = xmlNewDocComment(doc, nullptr);
  if (placeholder == nullptr) {  // out of memory: taken out, not reported
    unlink(n);
    return;
  }
  removals.push_back({n, placeholder, rule, reason, site_rule});
  placeholder->_private = reinterpret_cast<void*>(removals.size());
  xmlReplaceNode(n, placeholder);
  unlinked.emplace_back(n);
}

void clear_private(xmlNode* root) {
  walk(
      root,
      [](xmlNode* n) {
        n->_private = nullptr;
        return is_element(n);
      },
      [](xmlNode*) {});
}

}  // namespace newsclean
