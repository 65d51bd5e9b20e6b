// The native HTML parse: bytes -> the libxml2 tree that libxml2 2.9.14's
// HTML parser builds in recovery mode (with parse_html's options), without
// libxml2's parser.
//
// libxml2 reads a page a character at a time through function calls; this
// parse finds '<' and '&' with a wide scan and reads names and attribute
// values in place (tokenizer.h), and builds the same tree: the same
// elements closed and implied by libxml2's own HTML 4 tables, not the HTML5
// tree builder (tree_builder.h). It is the parse every stage uses
// (parse_page); libxml2's own (parse_html, fast_parse.h) is kept as its
// reference: tests/cpp/native_parse_test.cc, bench/parse_diff.py and the
// native_parse fuzzer compare the two, and a build with
// -DNEWSCLEAN_LIBXML2_PARSE=ON parses with libxml2 to compare whole outputs.
//
// Where the trees may differ, on purpose:
// - attributes: this parse keeps only those the filter keeps; parse_html
//   also keeps unquoted ones it drops;
// - libxml2 reads a name past ASCII (an entity's, a DOCTYPE's, a processing
//   instruction's) again from where its input buffer moved in memory, if it
//   moved while it read the name, losing what it had read: it depends on the
//   allocator; this parse reads the whole name, as libxml2 does otherwise;
// - names are not interned in a dictionary and nodes carry no line numbers
//   (nothing reads either).
#ifndef NEWSCLEAN_SRC_HTML_NATIVE_PARSE_H_
#define NEWSCLEAN_SRC_HTML_NATIVE_PARSE_H_

#include <string_view>

#include "html/attribute_filter.h"
#include "html/dom.h"

namespace newsclean {

// Parses `in` (UTF-8, see decode_page) into the tree parse_html gives, with
// the attributes `attributes` keeps (on every element: parse_html keeps some
// others). Never null. Allocates through libxml2's allocator (the thread's
// XmlArena when one is active).
DocPtr parse_html_native(std::string_view in, const AttributeFilter& attributes);

// The parse of a page for every stage (extract, visible_text, rule examples):
// parse_html_native; parse_html in a build with NEWSCLEAN_LIBXML2_PARSE.
DocPtr parse_page(std::string_view in, const AttributeFilter& attributes);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_NATIVE_PARSE_H_
