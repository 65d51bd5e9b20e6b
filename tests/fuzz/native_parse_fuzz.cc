// libFuzzer target: the native HTML parse builds the tree libxml2 builds
// (parse_html) for arbitrary bytes, decoded as a page is; a difference is a
// crash, with both sides printed.
//
// But for names libxml2 reads on its slow path (htmlParseNameComplex: an
// entity's, a DOCTYPE's or a processing instruction's name that starts past
// ASCII or runs into a byte past ASCII or a NUL): libxml2 starts reading such
// a name again where its decoded input buffer moved in memory, which depends
// on the allocator (under ASan it always moves), and drops what it had read;
// the native parse reads the whole name, as libxml2 does when the buffer
// stays put. Pages with such names are not compared, nor DOCTYPE names, nor
// pages that libxml2 takes for UCS-4 by their first bytes (see below).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "../cpp/tree_diff.h"
#include "html/charset.h"
#include "html/dom.h"
#include "html/fast_parse.h"
#include "html/native_parse.h"

namespace {

bool is_ascii_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == ':' || c == '.' || c == '-';
}

// True if some '&' or "<?" starts a name libxml2 reads on its slow path.
bool has_slow_name(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t k = 0;
    if (s[i] == '&') {
      k = i + 1;
    } else if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '?') {
      k = i + 2;
    } else {
      continue;
    }
    while (k < s.size() && is_ascii_name_char(s[k])) ++k;
    if (k < s.size() && (static_cast<unsigned char>(s[k]) >= 0x80 || s[k] == '\0')) return true;
  }
  return false;
}

// libxml2 2.9 sniffs the first four bytes for a UCS-4 signature even when told
// the input is UTF-8; for the two unusual byte orders (00 00 3C 00 and
// 00 3C 00 00, only NULs make them) it then gives no tree at all, where the
// native parse reads the bytes as the UTF-8 they are.
bool starts_as_odd_ucs4(std::string_view s) {
  return s.substr(0, 4) == std::string_view("\0\0<\0", 4) ||
         s.substr(0, 4) == std::string_view("\0<\0\0", 4);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const newsclean::AttributeFilter keep_all = [] {
    newsclean::prepare_libxml();
    newsclean::AttributeFilter f;
    f.add_xpath("//*[@*]");
    return f;
  }();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const newsclean::DecodedPage page = newsclean::decode_page(input, "");
  if (has_slow_name(page.text()) || starts_as_odd_ucs4(page.text())) return 0;
  const newsclean::DocPtr expected = newsclean::parse_html(page.text(), keep_all);
  const newsclean::DocPtr actual = newsclean::parse_html_native(page.text(), keep_all);
  const newsclean::TreeDifference d = newsclean::compare_trees(expected.get(), actual.get(), keep_all);
  if (!d.none() && d.kind != "doctype") {
    std::fprintf(stderr, "trees differ: %s at %s: libxml2 [%s], native [%s]\n", d.kind.c_str(),
                 d.path.c_str(), d.expected.c_str(), d.actual.c_str());
    std::abort();
  }
  return 0;
}
