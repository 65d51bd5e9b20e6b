// libFuzzer target: the native HTML parse builds the tree libxml2 builds
// (parse_html) for arbitrary bytes, decoded as a page is; a difference is a
// crash, with both sides printed.
//
// But for a DOCTYPE's name: libxml2 starts reading a name past ASCII again
// where its decoded input buffer moved in memory (htmlParseNameComplex),
// which depends on the allocator (under ASan it always moves), so its name
// may be cut there; the native parse reads the whole name, as libxml2 does
// when the buffer stays put.

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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const newsclean::AttributeFilter keep_all = [] {
    newsclean::prepare_libxml();
    newsclean::AttributeFilter f;
    f.add_xpath("//*[@*]");
    return f;
  }();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const newsclean::DecodedPage page = newsclean::decode_page(input, "");
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
