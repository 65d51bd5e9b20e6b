#include "html/page_state.h"

namespace newsclean {

void PageState::count_text(xmlNode* n) {
  TextFigures f;
  bool space = true;
  for (const xmlChar* p = n->content; p != nullptr && *p; ++p) {
    const xmlChar c = *p;
    if (c > ' ') {  // (most bytes: not white space, and a comma only if ',')
      ++f.length;
      space = false;
      f.commas += c == ',';
      continue;
    }
    const bool s = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!s || !space) ++f.length;
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
