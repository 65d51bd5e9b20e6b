// Rules' own tests: each rule's `examples` (rules.yaml) run against the rule
// alone. What a fit is, for text and for HTML rules, is in docs/rules.md.
#ifndef NEWSCLEAN_SRC_RULE_EXAMPLES_H_
#define NEWSCLEAN_SRC_RULE_EXAMPLES_H_

#include <vector>

#include "newsclean/cleaner.h"
#include "rules/rule.h"

namespace newsclean {

// Runs the examples of each of `rules`, each rule on its own, and appends
// to `report` (which counts rules, rules without examples and examples)
// every hit the rule does not fit and every miss it fits. Fails, as
// Cleaner::create does, on a rule that does not compile.
Status run_rule_examples(const std::vector<Rule>& rules, ExampleReport* report);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULE_EXAMPLES_H_
