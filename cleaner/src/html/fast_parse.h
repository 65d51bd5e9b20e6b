// The parse: bytes -> libxml2 tree, fast.
//
// libxml2 (2.9) reads script and style bodies, attribute values and text one
// character at a time; long ones are handed to it as placeholders and put
// back into the tree afterwards (see fast_parse.cc), and quoted attributes
// that nobody reads never reach it. The tree is allocated from the thread's
// XmlArena (see xml_arena.h).
#ifndef NEWSCLEAN_SRC_HTML_FAST_PARSE_H_
#define NEWSCLEAN_SRC_HTML_FAST_PARSE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace newsclean {

// Which attributes a page's tree needs: those the stages read (Attr) and
// those the rule set's XPath expressions name. Most attributes of a news
// page (data-*, event handlers, sizes, SVG geometry) are neither; building
// them was a tenth of a clean.
class AttributeFilter {
 public:
  AttributeFilter();

  // Adds the attributes `xpath` names (@name, attribute::name). One it names
  // by wildcard or not at all (@*, attribute::node()) keeps every attribute.
  void add_xpath(std::string_view xpath);

  // `name` as written in the page (libxml2 lower-cases it).
  bool keeps(std::string_view name) const;

 private:
  // Adds lower-case `name` to the kept names.
  void keep(std::string name);

  bool keep_all_ = false;
  // The kept names (lower case) by length, any of kLongName bytes or more
  // under kLongName; bit (first letter & 31) of shapes_[length] is set if
  // one of that length has that first letter. Most attributes of a page are
  // told apart by the bit, the rest by a scan of a handful of names.
  static constexpr std::size_t kLongName = 31;
  std::vector<std::string> kept_[kLongName + 1];
  std::uint32_t shapes_[kLongName + 1] = {};
};

// Parses `in` (well-formed UTF-8, see decode_page; a <meta charset> in it
// is ignored) into a tree whose attributes are those `attributes` keeps.
// Text nodes of any size and nesting of any depth are kept whole; a
// DOCTYPE's internal subset (<!ENTITY ...>) is skipped. Null if libxml2
// gives nothing. Call prepare_libxml() first on the thread.
DocPtr parse_html(std::string_view in, const AttributeFilter& attributes);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_FAST_PARSE_H_
