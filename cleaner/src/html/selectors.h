// The HTML rules on a page's elements: which rule acts on an element
// (tags, class/id tokens, roles, hidden, XPath), and pruning by them.
#ifndef NEWSCLEAN_SRC_HTML_SELECTORS_H_
#define NEWSCLEAN_SRC_HTML_SELECTORS_H_

#include <algorithm>
#include <bitset>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/fast_parse.h"
#include "html/page_state.h"
#include "rules/rule.h"

namespace newsclean {

// The HTML rules of a rule set, compiled for lookups by element.
struct HtmlRules {
  // `rules` are all the rules (they must outlive this); those with HTML
  // selectors are taken. Indices given out refer to `rules`. `site` are
  // more rules (a site pack's, for one host), after `rules` in order.
  explicit HtmlRules(const std::vector<Rule>& rules, const std::vector<const Rule*>& site = {});
  HtmlRules(const HtmlRules&) = delete;
  HtmlRules& operator=(const HtmlRules&) = delete;

  // The index of `r` in `rules`; -1 for one of the `site` rules.
  int index_of(const Rule* r) const {
    return r >= base && r < base + count ? static_cast<int>(r - base) : -1;
  }

  const Rule* base = nullptr;  // rules[0]
  std::size_t count = 0;       // rules.size()
  // Selector -> the first rule (in rule order) that names it. Tags are
  // looked up for every element: by view, with no string built.
  std::unordered_map<std::string_view, const Rule*> tags;
  std::unordered_map<std::string, const Rule*> tokens, roles;
  // False if no token has the length and first byte of `t`: most class
  // words of a page are no token, and this spares hashing them.
  bool may_be_token(std::size_t length, char first) const {
    return length > 0 && token_shapes[shape(length, first)];
  }
  static std::size_t shape(std::size_t length, char first) {
    return std::min<std::size_t>(length, 31) * 256 + static_cast<unsigned char>(first);
  }
  std::bitset<32 * 256> token_shapes;
  // False if no token has the length of `a-b` joined ("author-box" ->
  // authorbox), a's first byte and b's first byte at some place after it:
  // a pair of parts is looked up only when this holds.
  bool may_be_joined(std::size_t length, char first, char second) const {
    const std::size_t at = pair_shape(length, first, second);
    return at != kNoPairShape && pair_shapes[at];
  }
  static constexpr std::size_t kNoPairShape = static_cast<std::size_t>(-1);
  static std::size_t pair_shape(std::size_t length, char first, char second) {
    // letters and digits only (parts are ASCII letters and digits)
    const auto at = [](char ch) -> int {
      if (ch >= 'a' && ch <= 'z') return ch - 'a';
      if (ch >= '0' && ch <= '9') return 26 + (ch - '0');
      return -1;
    };
    const int a = at(first), b = at(second);
    if (a < 0 || b < 0) return kNoPairShape;
    return (std::min<std::size_t>(length, 31) * 36 + a) * 36 + b;
  }
  std::bitset<32 * 36 * 36> pair_shapes;
  const Rule* hidden = nullptr;
  std::vector<const Rule*> xpath;  // rules with an xpath, in order
  std::vector<const Rule*> body;   // rules with a body
  std::vector<const Rule*> meta;   // xpath rules with action metadata
  AttributeFilter attributes;      // what the tree must keep for these rules
};

// True if the tree of a page keeps attribute `name` for `rules`: a stage
// reads it, or an XPath rule names it. Others never reach libxml2.
bool keeps_attribute(const HtmlRules& rules, std::string_view name);

// True if `r` does not act on this page (`suspend_on`, `page_kinds`).
bool suspended(const PageState& st, const Rule& r);

// hidden, aria-hidden="true", display:none or visibility:hidden.
bool is_hidden(const xmlNode* n);

// Which HTML rule acts on element `n` of the page: of the rules in scope
// and not suspended there, keep wins over drop, otherwise the first rule in
// order. In Pass::kEarly (before the content is chosen), class/id tokens
// count only for rules with `pass: early`, and not on an element whose class
// or id also has a story token ("article-comments"); when the page is read
// again without them (st.trust_tokens false), they count for no rule.
const Rule* html_rule_for(const xmlNode* n, const PageState& st, Pass pass);

// Element nodes an XPath expression (re:test included) selects in `doc`,
// with `context` (default: the document) as the context node: `.//p` looks
// below it only, `//p` in the whole document.
std::vector<xmlNode*> select_xpath(xmlDoc* doc, const std::string& expr,
                                   xmlNode* context = nullptr);

// The text of what `expr` gives in `doc`: a string, or the first node's
// text (an attribute's value), as it is; "" for nothing.
std::string xpath_text(xmlDoc* doc, const std::string& expr);

// Strips below `root` what the HTML rules name; caption elements stay in
// st.captions, to become caption blocks. Pass::kEarly also applies the
// XPath rules (keep rules fill st.keep). A generic rule never strips an
// element holding more than 1/kMaxStripShare of the text of `root`, nor
// hidden prose. Reads the figures of the last measure.
void prune(PageState& st, xmlNode* root, Pass pass);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_SELECTORS_H_
