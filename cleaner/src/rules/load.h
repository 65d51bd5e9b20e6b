// Loading rules from YAML (yaml-cpp), with errors that name file:line:col.
#ifndef NEWSCLEAN_SRC_RULES_LOAD_H_
#define NEWSCLEAN_SRC_RULES_LOAD_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "newsclean/status.h"
#include "rules/rule.h"

namespace newsclean {

// A rule id to switch off, and where it was asked for ("file:line:col").
struct Disable {
  std::string id;
  std::string origin;
};

// Parses one YAML rules document, appending its rules to `rules` and its
// `disable` ids to `disable`. Errors name "file:line:col: rule 'id': ...".
// With `require_examples` (the built-in rules), a rule without a hit and a
// miss example is an error.
Status parse_rules(const RuleSource& source, std::vector<Rule>* rules,
                   std::vector<Disable>* disable, bool require_examples = false);

// `yaml` with each rule's `keys` (as "examples") left out, their lines
// blank (so that errors name the file's own lines): the built-in rules as a
// Cleaner loads them, without examples (the test suite runs them) and
// descriptions. A rule is a list item that starts with its id ("- id: ");
// a key is taken at its keys' column only.
std::string without_rule_keys(std::string_view yaml,
                              std::initializer_list<std::string_view> keys);

// parse_rules() of `source` in two halves at once, split at a rule near the
// middle ("\n  - id: "), its second half a document of its own whose rules
// keep their lines: for a file (the built-in rules) whose rules are list items
// at column 2 after its other top-level keys. yaml-cpp takes about 1,000
// instructions a byte.
Status parse_rules_in_halves(const RuleSource& source, std::vector<Rule>* rules,
                             std::vector<Disable>* disable);

// Adds the rules of a later source: one with the id of an existing rule
// replaces it in place; new ones go before all existing rules, so that where
// several rules fit a block, the more specific (later) file wins.
void merge_rules(std::vector<Rule> added, std::vector<Rule>* rules);

// Drops the disabled rules; an id that names no rule is an error.
Status apply_disable(const std::vector<Disable>& ids, std::vector<Rule>* rules);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_LOAD_H_
