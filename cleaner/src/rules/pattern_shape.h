// What the text of an RE2 pattern says about where and how it can match,
// read without compiling it. Used to lay rules out in RE2::Sets; each answer
// errs on the side that costs time, never a hit.
#ifndef NEWSCLEAN_SRC_RULES_PATTERN_SHAPE_H_
#define NEWSCLEAN_SRC_RULES_PATTERN_SHAPE_H_

#include <string>
#include <string_view>

namespace newsclean {

// True if every match of RE2 `pattern` starts at the start of the text (each
// alternative begins with ^ or \A, outside (?m)). False where unsure.
bool anchored_at_start(std::string_view pattern);

// True if every alternative of `pattern` begins with a literal character:
// after zero-width assertions (^ \A \b), flag groups and optional literal
// atoms, the first thing it must read is a given character (a byte, an
// escaped punctuation mark, or a group whose alternatives all begin so) or
// one of a few (\d, \s, a bracket class of a few marks or digits), not a
// broad class ([^...], \p{..}, \w, \S, .). Such a pattern gives up after a
// byte or a word on most text; one that begins with a broad class may read
// on across a whole block. False where unsure.
bool starts_with_literal(std::string_view pattern);

// `pattern` with each counted repeat ({2,40}, {3,}, {0,3}) of a broad class
// (\p{L}, [^.!?], \S, a group holding one) made open (+, or * when it may
// repeat zero times); "" when there is none, or where unsure. It matches
// every text `pattern` matches, and more: a candidate, to be confirmed by
// `pattern`. In UTF-8 each copy of a broad class is a large program: RE2
// writes {1,40} out 40 times, which was most of the time the rules took to
// compile.
std::string relaxed_pattern(std::string_view pattern);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_PATTERN_SHAPE_H_
