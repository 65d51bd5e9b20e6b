// Matching rules with RE2: a few RE2::Set passes per string.
#ifndef NEWSCLEAN_SRC_RULES_MATCH_H_
#define NEWSCLEAN_SRC_RULES_MATCH_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "newsclean/status.h"
#include "rules/pattern_shape.h"
#include "rules/rule.h"

namespace newsclean {

// Compiled rules: per unit, RE2::Sets (split by word limit and anchoring,
// and one of its own for a rule file's pattern that starts broad) find the
// candidate rules of a string. Immutable after construction, safe to share.
class RuleMatcher {
 public:
  // Compiles `rules`; fails on a pattern that does not compile, is empty,
  // matches the empty string or matches any text. A rule with a feature may
  // have no pattern. Built-in rules (Rule::built_in) are trusted to compile,
  // as the test suite checks: their sets hold relaxed_pattern()s, their own
  // patterns and `unless` are compiled on their first candidate hit.
  static Status build(std::vector<Rule> rules,
                      std::unique_ptr<const RuleMatcher>* out);
  ~RuleMatcher();

  const std::vector<Rule>& rules() const { return rules_; }

  // Indices (into rules()) of the `unit` rules whose pattern matches `s`
  // (rules with a feature and no pattern are always candidates) and whose
  // `unless` pattern does not, ascending.
  // `words` is the word count of `s`: rules whose word limits (min_words,
  // max_words) it does not fit are left out, most of them not even scanned.
  void match(Unit unit, std::string_view s, std::size_t words, std::vector<int>* hits) const;

 private:
  RuleMatcher() = default;
  std::vector<Rule> rules_;
  struct Sets;  // RE2 types stay out of this header
  std::unique_ptr<const Sets> sets_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_MATCH_H_
