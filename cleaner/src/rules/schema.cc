#include "rules/schema.h"

namespace newsclean {

const std::vector<RuleKey>& rule_keys() {
  static const std::vector<RuleKey> kKeys = {
      {"id", "unique name: lower-case letters, digits, '-', '_', '.'"},
      {"category", "what the text is (breadcrumb, footer, ...): a label in Result.removed"},
      {"description", "free text"},
      {"pattern", "RE2 pattern searched in the block (or line)"},
      {"unless", "RE2 pattern that vetoes a hit"},
      {"feature", "a block feature the block must have"},
      {"format", "any | text | html: the input the rule applies to"},
      {"where", "head | tail | anywhere"},
      {"unit", "block | line"},
      {"action", "drop | drop_rest | drop_tail | drop_before | keep | metadata"},
      {"field", "title | section (text rules), title | author | published (xpath), with action metadata"},
      {"min_words", "the block has at least this many words"},
      {"max_words", "the block has at most this many words"},
      {"once", "only the first block the rule fits"},
      {"needs_story", "only in documents shaped like a story"},
      {"list_items", "also a line marked as a list's item (\"- 5 min read\")"},
      {"caption", "what the rule removes is a photo caption"},
      {"suspend_on", "never | discussion: pages the rule does not act on"},
      {"page_kinds", "article, forum, product, listing, unknown: the only pages it acts on"},
      {"sites", "only for pages of these sites"},
      {"tags", "HTML: element names"},
      {"strip_id_or_class", "HTML: class or id tokens"},
      {"roles", "HTML: ARIA roles"},
      {"hidden", "HTML: elements the page hides"},
      {"spare_linkless_prose", "HTML, drop: an element of prose without links stays"},
      {"xpath", "HTML: elements an XPath 1.0 expression selects"},
      {"body", "HTML: XPath of the story's container"},
      {"prune", "HTML, with body: false to leave what body selects unpruned by generic rules"},
      {"guarded", "HTML, with body: the scorer's choice stands where the two disagree"},
      {"pass", "content | early: when class/id tokens act"},
      {"examples", "hit / miss: made-up texts the rule must fit and must not fit"},
  };
  return kKeys;
}

std::string rule_key_names() {
  std::string out;
  for (const RuleKey& k : rule_keys()) {
    if (!out.empty()) out += ", ";
    out += k.name;
  }
  return out;
}

}  // namespace newsclean
