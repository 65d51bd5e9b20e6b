// Which attributes of a page the tree keeps, and libxml2's name characters
// (the parse reads attribute names with them, and so does add_xpath).
#ifndef NEWSCLEAN_SRC_HTML_ATTRIBUTE_FILTER_H_
#define NEWSCLEAN_SRC_HTML_ATTRIBUTE_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsclean {

// libxml2's htmlParseHTMLName: the characters of a name after its first.
// (A table: the parse's scan asks it of every byte of every name.)
struct NameChars {
  bool at[256];
  constexpr NameChars() : at() {
    for (int c = 0; c < 256; ++c) {
      at[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == ':' || c == '-' || c == '_' || c == '.';
    }
  }
};
inline constexpr NameChars kNameChars{};
inline bool is_name_char(char c) { return kNameChars.at[static_cast<unsigned char>(c)]; }

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

  // `name` as written in the page (libxml2 lower-cases it), on some element.
  bool keeps(std::string_view name) const;
  // ... on an element `tag` (as written): some attributes are read on one
  // or two elements only (<meta content>, <img alt>), unless an XPath
  // expression names them.
  bool keeps(std::string_view name, std::string_view tag) const;

 private:
  struct Kept {
    std::string name;  // lower case
    // The elements it is kept on (lower case); none: every element.
    std::vector<std::string> tags;
  };
  // Adds lower-case `name` to the kept names, on `tags` only if any (and
  // it is not kept on every element already).
  void keep(std::string name, std::vector<std::string> tags = {});
  const Kept* find(std::string_view name) const;

  bool keep_all_ = false;
  // The kept names by length, any of kLongName bytes or more under
  // kLongName; bit (first letter & 31) of shapes_[length] is set if one of
  // that length has that first letter. Most attributes of a page are told
  // apart by the bit, the rest by a scan of a handful of names.
  static constexpr std::size_t kLongName = 31;
  std::vector<Kept> kept_[kLongName + 1];
  std::uint32_t shapes_[kLongName + 1] = {};
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_ATTRIBUTE_FILTER_H_
