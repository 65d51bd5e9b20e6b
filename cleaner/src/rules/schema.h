// The keys of a rule in rules.yaml. docs/rules.md documents each of them
// (a test checks that the two agree); the loader reads exactly these.
#ifndef NEWSCLEAN_SRC_RULES_SCHEMA_H_
#define NEWSCLEAN_SRC_RULES_SCHEMA_H_

#include <string>
#include <vector>

namespace newsclean {

struct RuleKey {
  const char* name;
  const char* summary;  // one line, as in docs/rules.md
};

// Every key a rule may have, in the order docs/rules.md lists them.
const std::vector<RuleKey>& rule_keys();

// "id, category, ..." for error messages.
std::string rule_key_names();

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_SCHEMA_H_
