#include "html/attribute_filter.h"

#include <algorithm>

#include "core/text.h"
#include "html/dom.h"

namespace newsclean {

AttributeFilter::AttributeFilter() {
  for (const Attr a : kAllAttrs) keep(attr_name(a));
}

void AttributeFilter::keep(std::string name) {
  if (name.empty()) return;
  const std::size_t size = std::min(name.size(), kLongName);
  shapes_[size] |= 1u << (ascii_lower(name[0]) & 31);
  kept_[size].push_back(std::move(name));
}

void AttributeFilter::add_xpath(std::string_view xpath) {
  for (std::size_t i = 0; i < xpath.size(); ++i) {
    std::size_t start = std::string_view::npos;
    if (xpath[i] == '@') {
      start = i + 1;
    } else if (xpath.compare(i, 11, "attribute::") == 0) {
      start = i + 11;
    } else {
      continue;
    }
    std::size_t end = start;
    while (end < xpath.size() && (is_name_char(xpath[end]))) ++end;
    if (end == start) {
      keep_all_ = true;
      return;
    }
    keep(lower(std::string(xpath.substr(start, end - start))));
    i = end - 1;
  }
}

bool AttributeFilter::keeps(std::string_view name) const {
  if (keep_all_) return true;
  if (name.empty()) return false;
  const std::size_t size = std::min(name.size(), kLongName);
  if ((shapes_[size] & (1u << (ascii_lower(name[0]) & 31))) == 0) return false;
  return std::any_of(kept_[size].begin(), kept_[size].end(),
                     [&](const std::string& k) { return iequals_ascii(k, name); });
}

}  // namespace newsclean
