// libxml2's own HTML parse: bytes -> libxml2 tree, fast. The reference that
// the native parse (native_parse.h, what the stages use) is compared with,
// and the parse of a build with NEWSCLEAN_LIBXML2_PARSE.
//
// libxml2 (2.9) reads script and style bodies, attribute values and text one
// character at a time; long ones are handed to it as placeholders, and the
// tree is built with the original bytes (see fast_parse.cc); quoted attributes
// that nobody reads never reach it. The tree is allocated from the thread's
// XmlArena (see xml_arena.h).
#ifndef NEWSCLEAN_SRC_HTML_FAST_PARSE_H_
#define NEWSCLEAN_SRC_HTML_FAST_PARSE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/attribute_filter.h"
#include "html/dom.h"

namespace newsclean {

// Parses `in` (well-formed UTF-8, see decode_page; a <meta charset> in it
// is ignored) into a tree whose attributes are those `attributes` keeps.
// Text nodes of any size and nesting of any depth are kept whole; a
// DOCTYPE's internal subset (<!ENTITY ...>) is skipped. Null if libxml2
// gives nothing. Call prepare_libxml() first on the thread.
DocPtr parse_html(std::string_view in, const AttributeFilter& attributes);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_FAST_PARSE_H_
