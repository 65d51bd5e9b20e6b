// libxml2 2.9.14's facts of HTML elements and character names, as the
// native parse (native_parse.h) needs them: which elements are empty, which
// start tags close an open element, which end tags may close what, and the
// HTML 4 character entities.
#ifndef NEWSCLEAN_SRC_HTML_HTML_TABLES_H_
#define NEWSCLEAN_SRC_HTML_HTML_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsclean {

// An element libxml2 knows (or names in its auto-close lists), by name.
struct KnownTag {
  const char* name;     // lower case
  bool empty;           // no content and no end tag (<br>, <img>, ...)
  bool allows_text;     // in libxml2's allowPCData list
  int end_priority;     // htmlEndPriority: a stray end tag closes only elements of at most its own
  std::uint64_t closed_by[2];  // bit i: a start tag of kKnownTags[i] closes this element
};

extern const KnownTag kKnownTags[];
extern const std::size_t kKnownTagCount;

// A character entity (case-sensitive name, Unicode code point).
struct NamedChar {
  const char* name;
  std::uint32_t code;
};

extern const NamedChar kNamedChars[];  // sorted by name (byte order)
extern const std::size_t kNamedCharCount;

// The index of `name` (lower case) in kKnownTags, or -1.
int known_tag(std::string_view name);

// The code point of `name` ("amp"), or 0 if HTML 4 has no such entity.
std::uint32_t named_char(std::string_view name);

// The indexes of the elements whose names the parse's rules name.
struct KnownTags {
  int html, head, body, p, script, style, meta, link, title, base, noframes, frame, frameset;
  KnownTags();
};
extern const KnownTags kTags;

// The end tag priority of an element: that of its KnownTag, else 100.
inline int end_priority(int tag) { return tag < 0 ? 100 : kKnownTags[tag].end_priority; }

// True if a start tag of `opening` closes an open `open` element
// (htmlStartClose); indexes of kKnownTags, -1 for unknown elements.
inline bool start_closes(int opening, int open) {
  if (opening < 0 || open < 0) return false;
  return (kKnownTags[open].closed_by[opening >> 6] >> (opening & 63)) & 1u;
}

// True if some start tag closes an open `open` element.
inline bool closable(int open) {
  return open >= 0 && (kKnownTags[open].closed_by[0] | kKnownTags[open].closed_by[1]) != 0;
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_HTML_TABLES_H_
