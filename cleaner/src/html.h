// HTML front end: bytes -> libxml2 tree -> pruned -> main content -> blocks.
// The blocks then go through the same text rules as plain text.
#ifndef NEWSCLEAN_SRC_HTML_H_
#define NEWSCLEAN_SRC_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace newsclean {

struct Rule;

// What the page says about itself, each field only when the page has it.
struct PageMeta {
  std::string title;
  std::string site_name;
  std::string author;
  std::string published;
  std::string language;
  std::string canonical_url;
  std::vector<std::string> section;  // from a schema.org BreadcrumbList or article:section
};

struct HtmlDocument {
  // The main content in reading order. Elements an HTML rule of category
  // caption names (figcaption, ...) are blocks with Block::html_rule set.
  std::vector<Block> blocks;
  PageMeta meta;
  std::vector<std::string> warnings;
};

// The HTML rules of a rule set that apply to a page, compiled for one pass.
class HtmlRules {
 public:
  // `rules` are all the rules (they must outlive this); those with HTML
  // selectors are taken. Block::html_rule indexes `rules`.
  explicit HtmlRules(const std::vector<Rule>& rules);
  ~HtmlRules();
  HtmlRules(const HtmlRules&) = delete;
  HtmlRules& operator=(const HtmlRules&) = delete;

  struct Compiled;
  const Compiled& compiled() const { return *compiled_; }

 private:
  Compiled* compiled_;
};

// True if the tree of a page keeps attribute `name` for `rules`: the
// extractor reads it, or an XPath rule names it. Others never reach libxml2.
bool keeps_attribute(const HtmlRules& rules, std::string_view name);

// True if `input` looks like an HTML document rather than plain text.
bool looks_like_html(std::string_view input);

// Parses `input` (any charset; BOM, <meta charset> or detection) and extracts
// the main content. Never throws for any input; a page with no content gives
// no blocks.
HtmlDocument extract_html(std::string_view input, std::string_view url,
                          const HtmlRules& rules);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_H_
