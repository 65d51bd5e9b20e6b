// parse_diff: parses pages both ways (parse_html, libxml2's parser, and
// parse_html_native) and prints where their trees differ.
//
//   parse_diff PAGES            one line a page: "<n>\tsame" or
//                               "<n>\t<kind>\t<path>\t<libxml2's>\t<native>"
//   parse_diff PAGES --only native|libxml2 [--repeat N]
//                               parses with one only (for callgrind)
//   --filter default            keeps the attributes the stages read (Attr),
//                               not every attribute
//
// PAGES holds pages one after another, each as its length in bytes in
// decimal, a newline and the page's UTF-8 (bench/parse_diff.py writes it).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "html/attribute_filter.h"
#include "html/charset.h"
#include "html/dom.h"
#include "html/fast_parse.h"
#include "html/native_parse.h"
#include "html/xml_arena.h"
#include "tree_diff.h"

namespace {

std::vector<std::string> read_pages(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> pages;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t n = std::stoul(line);
    std::string page(n, '\0');
    in.read(page.data(), static_cast<std::streamsize>(n));
    pages.push_back(std::move(page));
  }
  return pages;
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_diff PAGES [--only native|libxml2] [--repeat N]\n");
    return 2;
  }
  std::string only;
  std::string filter = "all";
  int repeat = 1;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--filter") == 0) filter = argv[i + 1];
  }
  newsclean::prepare_libxml();
  newsclean::XmlArena::install();
  newsclean::AttributeFilter keep_all;
  if (filter == "all") keep_all.add_xpath("//*[@*]");
  const std::vector<std::string> pages = read_pages(argv[1]);
  std::vector<newsclean::DecodedPage> decoded;
  decoded.reserve(pages.size());
  for (const std::string& p : pages) decoded.push_back(newsclean::decode_page(p, "utf-8"));
  if (!only.empty()) {
    std::size_t nodes = 0;
    for (int r = 0; r < repeat; ++r) {
      for (const auto& d : decoded) {
        newsclean::XmlArena arena;
        newsclean::DocPtr doc = only == "native"
                                    ? newsclean::parse_html_native(d.text(), keep_all)
                                    : newsclean::parse_html(d.text(), keep_all);
        if (doc && doc->children) ++nodes;
      }
    }
    std::printf("%zu docs parsed\n", nodes);
    return 0;
  }
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    newsclean::XmlArena arena;
    const newsclean::DocPtr expected = newsclean::parse_html(decoded[i].text(), keep_all);
    const newsclean::DocPtr actual = newsclean::parse_html_native(decoded[i].text(), keep_all);
    const newsclean::TreeDifference d =
        newsclean::compare_trees(expected.get(), actual.get(), keep_all);
    if (d.none()) {
      std::printf("%zu\tsame\n", i);
    } else {
      std::printf("%zu\t%s\t%s\t%s\t%s\n", i, d.kind.c_str(), one_line(d.path).c_str(),
                  one_line(d.expected).c_str(), one_line(d.actual).c_str());
    }
  }
  return 0;
}
