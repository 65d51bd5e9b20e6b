#include "html/page_state.h"

namespace newsclean {

const TextFigures& PageState::text_figures(xmlNode* n) {
  if (n->_private == nullptr) {
    TextFigures f;
    bool space = true;
    for (const xmlChar* p = n->content; p != nullptr && *p; ++p) {
      const bool s = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
      if (!s || !space) ++f.length;
      space = s;
      f.commas += *p == ',';
    }
    texts_.push_back(f);
    n->_private = reinterpret_cast<void*>(texts_.size());
  }
  return texts_[reinterpret_cast<std::uintptr_t>(n->_private) - 1];
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
