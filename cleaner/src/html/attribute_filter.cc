#include "html/attribute_filter.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/text.h"
#include "html/dom.h"

namespace newsclean {

AttributeFilter::AttributeFilter() {
  // Attributes read on these elements only (page_meta, image_texts; and
  // libxml2 reads <meta charset> and <meta http-equiv>). <a name> is an id
  // to XPath's id(), as "id" is on every element.
  const std::pair<Attr, std::vector<std::string>> kOnTags[] = {
      {Attr::kAlt, {"img"}},         {Attr::kTitle, {"img"}},
      {Attr::kLang, {"html"}},       {Attr::kRel, {"link"}},
      {Attr::kType, {"script"}},     {Attr::kContent, {"meta"}},
      {Attr::kName, {"meta", "a"}},  {Attr::kProperty, {"meta"}},
      {Attr::kCharset, {"meta"}},    {Attr::kHttpEquiv, {"meta"}},
      {Attr::kDatetime, {"time"}}};
  for (const Attr a : kAllAttrs) {
    const auto on = std::find_if(std::begin(kOnTags), std::end(kOnTags),
                                 [&](const auto& t) { return t.first == a; });
    keep(attr_name(a), on != std::end(kOnTags) ? on->second : std::vector<std::string>{});
  }
}

void AttributeFilter::keep(std::string name, std::vector<std::string> tags) {
  if (name.empty()) return;
  const std::size_t size = std::min(name.size(), kLongName);
  for (Kept& k : kept_[size]) {
    if (k.name != name) continue;
    if (tags.empty()) k.tags.clear();  // now on every element
    return;
  }
  shapes_[size] |= 1u << (ascii_lower(name[0]) & 31);
  kept_[size].push_back({std::move(name), std::move(tags)});
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

const AttributeFilter::Kept* AttributeFilter::find(std::string_view name) const {
  if (name.empty()) return nullptr;
  const std::size_t size = std::min(name.size(), kLongName);
  if ((shapes_[size] & (1u << (ascii_lower(name[0]) & 31))) == 0) return nullptr;
  for (const Kept& k : kept_[size]) {
    if (iequals_ascii(k.name, name)) return &k;
  }
  return nullptr;
}

bool AttributeFilter::keeps(std::string_view name) const {
  return keep_all_ || find(name) != nullptr;
}

bool AttributeFilter::keeps(std::string_view name, std::string_view tag) const {
  if (keep_all_) return true;
  const Kept* k = find(name);
  if (k == nullptr) return false;
  return k->tags.empty() || std::any_of(k->tags.begin(), k->tags.end(), [&](const std::string& t) {
           return iequals_ascii(t, tag);
         });
}

}  // namespace newsclean
