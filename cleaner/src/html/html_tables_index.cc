// Lookups in libxml2's HTML tables (html_tables.h): tags by name through a
// hash, character entities by binary search.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>

#include "html/html_tables.h"

namespace newsclean {

namespace {

// kKnownTags by a hash of the name (open addressing): the parse looks up
// every tag it reads.
class TagIndex {
 public:
  TagIndex() {
    std::fill(std::begin(slots_), std::end(slots_), -1);
    for (std::size_t i = 0; i < kKnownTagCount; ++i) {
      const std::string_view name = kKnownTags[i].name;
      lengths_[i] = static_cast<std::uint8_t>(name.size());
      std::size_t h = hash(name);
      while (slots_[h] >= 0) h = (h + 1) & (kSlots - 1);
      slots_[h] = static_cast<std::int16_t>(i);
    }
  }
  int find(std::string_view name) const {
    if (name.empty() || name.size() > 10) return -1;  // (no known name is longer)
    for (std::size_t h = hash(name); slots_[h] >= 0; h = (h + 1) & (kSlots - 1)) {
      const int i = slots_[h];
      if (lengths_[i] == name.size() && std::memcmp(kKnownTags[i].name, name.data(), name.size()) == 0) {
        return i;
      }
    }
    return -1;
  }

 private:
  static constexpr std::size_t kSlots = 512;
  static std::size_t hash(std::string_view name) {
    const auto u = [](char c) { return static_cast<std::size_t>(static_cast<unsigned char>(c)); };
    return (name.size() * 131 + u(name[0]) * 31 + u(name.back()) * 7 + u(name[name.size() / 2])) &
           (kSlots - 1);
  }
  std::int16_t slots_[kSlots];
  std::uint8_t lengths_[128] = {};
};

const TagIndex kTagIndex;

}  // namespace

int known_tag(std::string_view name) { return kTagIndex.find(name); }

KnownTags::KnownTags()
    : html(known_tag("html")), head(known_tag("head")), body(known_tag("body")), p(known_tag("p")),
      script(known_tag("script")), style(known_tag("style")), meta(known_tag("meta")),
      link(known_tag("link")), title(known_tag("title")), base(known_tag("base")),
      noframes(known_tag("noframes")), frame(known_tag("frame")), frameset(known_tag("frameset")) {}

const KnownTags kTags;

std::uint32_t named_char(std::string_view name) {
  const NamedChar* end = kNamedChars + kNamedCharCount;
  const NamedChar* it = std::lower_bound(
      kNamedChars, end, name, [](const NamedChar& e, std::string_view n) { return n.compare(e.name) > 0; });
  return (it != end && name == it->name) ? it->code : 0;
}

}  // namespace newsclean
