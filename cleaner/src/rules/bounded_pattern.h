// A built-in rule's pattern matched without compiling it, most of the time:
// its Unicode letter and number classes (\p{L}, \p{Lu}, \p{Ll}, \p{N}) are
// each over a thousand RE2 instructions in UTF-8, written out once per copy
// of a counted repeat, and RE2 takes some thousands of CPU instructions to
// compile each (a rule's pattern: up to 80 million, 20-odd ms). Two small
// programs bound the pattern's answer: one with narrow classes (the letters
// of the Latin, Greek and Cyrillic alphabets' basic blocks) matches only
// where the pattern does, one with wide classes (every character from
// beyond those blocks added) wherever it does. Only a text the two do not
// agree on (one with a letter of another script) needs the pattern itself.
#ifndef NEWSCLEAN_SRC_RULES_BOUNDED_PATTERN_H_
#define NEWSCLEAN_SRC_RULES_BOUNDED_PATTERN_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <re2/re2.h>

namespace newsclean {

// Which bound of a Unicode class with_bounded_classes() writes.
enum class ClassBound {
  kNarrow,  // a subset of the class: what the result matches, the pattern does
  kWide,    // a superset: what the pattern matches, the result does
};

// `pattern` with each \p{L}, \p{Lu}, \p{Ll} and \p{N} (also inside a
// bracket class, negated or not) replaced by its `bound` (inside a negated
// class, the other bound, so that the whole stays a subset or a superset);
// "" if it has none, or a form not read here (\P{..}, \pL).
std::string with_bounded_classes(std::string_view pattern, ClassBound bound);

// RE2 `pattern` matched (RE2::PartialMatch) as above; thread-safe, compiled
// on the first match.
class BoundedPattern {
 public:
  BoundedPattern(std::string pattern, const RE2::Options& options);
  ~BoundedPattern();

  bool partial_match(std::string_view text) const;
  // The pattern itself, compiled on the first call.
  const RE2& exact() const;

 private:
  // The pattern with `which` bound classes, compiled once; null if it has
  // none.
  const RE2* bound(std::once_flag* once, std::unique_ptr<const RE2>* re, ClassBound which) const;

  const std::string pattern_;
  const RE2::Options options_;
  mutable std::once_flag narrow_once_, wide_once_, exact_once_;
  mutable std::unique_ptr<const RE2> narrow_, wide_, exact_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_BOUNDED_PATTERN_H_
