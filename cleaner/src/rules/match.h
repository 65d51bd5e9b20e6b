// Matching rules with RE2: a few RE2::Set passes per string.
#ifndef NEWSCLEAN_SRC_RULES_MATCH_H_
#define NEWSCLEAN_SRC_RULES_MATCH_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "newsclean/status.h"
#include "rules/pattern_shape.h"
#include "rules/rule.h"

namespace newsclean {

// What a string's block has besides its text (rules.yaml `feature:`), asked
// by RuleMatcher::match before it scans the pattern of a rule with a feature.
class FeatureTest {
 public:
  virtual bool has(Feature f) const = 0;

 protected:
  ~FeatureTest() = default;
};

// Which rules can act on the block a string comes from, besides its words:
// rules with `where: head` only on the first blocks, `where: tail` only on the
// last (engine/decide.h), and a rule with a feature only where the block has it.
struct MatchScope {
  bool head = true;  // the block may be in the head
  bool tail = true;  // the block may be in the tail
  // False: only the rules of the head or the tail (as `head` and `tail`
  // say), as for a block found to be in the tail after it was matched.
  bool anywhere = true;
  const FeatureTest* features = nullptr;  // null: every feature holds
  // Bit f (static_cast<int>(Feature)): feature f may hold, and `features` is
  // asked; clear: it does not (a caller that knows most blocks have none
  // saves asking).
  std::uint32_t may_hold = ~0u;
  bool has(Feature f) const {
    return f == Feature::kNone || (((may_hold >> static_cast<int>(f)) & 1u) != 0 &&
                                   (features == nullptr || features->has(f)));
  }
};

// Compiled rules: per unit, RE2::Sets (split by anchoring and `where`, and
// one of its own for a rule with a feature or a rule file's pattern that
// starts broad) find the candidate rules of a string. Immutable after
// construction, safe to share.
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
  // True if some rule looks at `unit` texts (a set, or a feature alone).
  bool has_rules(Unit unit) const;
  // True if some rule reads a list's item without its marker (Rule::list_items).
  bool has_list_item_rules() const { return list_item_rules_; }

  // Indices (into rules()) of the `unit` rules whose pattern matches `s`
  // (a rule with a feature and no pattern: wherever `scope` says the block
  // has the feature) and whose `unless` pattern does not, ascending.
  // `words` is the word count of `s`: rules whose word limits (min_words,
  // max_words) it does not fit are left out, most of them not even scanned;
  // so are the rules out of `scope` (a rule with a feature and a pattern has
  // a set of its own, scanned only where the block has the feature).
  void match(Unit unit, std::string_view s, std::size_t words, std::vector<int>* hits,
             const MatchScope& scope = {}) const;

 private:
  RuleMatcher() = default;
  std::vector<Rule> rules_;
  bool list_item_rules_ = false;
  struct Sets;  // RE2 types stay out of this header
  std::unique_ptr<const Sets> sets_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_MATCH_H_
