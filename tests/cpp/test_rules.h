// Helpers shared by the GoogleTest files.
#ifndef NEWSCLEAN_TESTS_CPP_TEST_RULES_H_
#define NEWSCLEAN_TESTS_CPP_TEST_RULES_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "newsclean/cleaner.h"
#include "rules/load.h"
#include "rules/match.h"

namespace newsclean {

// The built-in rules as rules.yaml gives them; a load error fails the test.
inline std::vector<Rule> built_in_rules() {
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  const Status s =
      parse_rules(RuleSource::from_string(std::string(default_rules_yaml())), &rules, &disable);
  EXPECT_TRUE(s.ok()) << s.message();
  return rules;
}

// A made-up text rule: `id` with `pattern` on `unit` texts, in category "x".
inline Rule made_up_rule(std::string id, std::string pattern, Unit unit = Unit::kBlock) {
  Rule r;
  r.id = std::move(id);
  r.category = "x";
  r.pattern = std::move(pattern);
  r.unit = unit;
  r.pattern_at = "t.yaml:1:1";
  return r;
}

}  // namespace newsclean

#endif  // NEWSCLEAN_TESTS_CPP_TEST_RULES_H_
