#include "html/visible_text.h"

#include "core/tuning.h"
#include "html/charset.h"
#include "html/dom.h"
#include "html/flat_text.h"
#include "html/native_parse.h"
#include "html/selectors.h"
#include "html/xml_arena.h"

namespace newsclean {

std::string visible_text(std::string_view input, const HtmlRules& rules,
                         std::string_view charset) {
  prepare_libxml();
  const DecodedPage page = decode_page(input, charset);
  const std::string_view html = page.text();
  if (count_start_tags(html) > tuning::kMaxElements) return flat_text(html);
  const XmlArena arena;
  const DocPtr doc = parse_page(html, rules.attributes);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return "";
  xmlNode* body = root;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (is_element(c) && is_tag(c, "body")) body = c;
  }
  std::string out;
  const auto end_line = [&out] {
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  };
  walk(
      body,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          append_collapsed(n->content, &out);
          return false;
        }
        if (!is_element(n)) return false;
        const char* tag = name_of(n);
        // (a drop-down shows one of its options; an <svg> its drawing)
        if (is_ignored_tag(tag) || is_hidden(n) || one_of(tag, {"select", "svg"})) return false;
        if (is_block_tag(tag) || is_tag(n, "br")) end_line();
        return true;
      },
      [&](xmlNode* n) {
        if (is_element(n) && is_block_tag(name_of(n))) end_line();
      });
  return out;
}

}  // namespace newsclean
