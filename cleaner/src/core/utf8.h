// UTF-8: the one decoder of the library.
#ifndef NEWSCLEAN_SRC_CORE_UTF8_H_
#define NEWSCLEAN_SRC_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsclean {

constexpr char32_t kReplacementChar = 0xFFFD;
// decode_utf8() of an ill-formed sequence.
constexpr char32_t kInvalidUtf8 = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at in[i] (i < in.size()). Returns kInvalidUtf8,
// with *len 1, for an ill-formed one: overlong forms, surrogates,
// > U+10FFFF, truncated sequences, stray continuation bytes.
char32_t decode_utf8(std::string_view in, std::size_t i, std::size_t* len);

// Decodes the code point at s[i] and advances i; U+FFFD for an ill-formed
// sequence (one byte is consumed).
char32_t next_code_point(std::string_view s, std::size_t* i);

// Appends `cp` to `out` as UTF-8.
void append_utf8(char32_t cp, std::string* out);

// Offset of the first ill-formed sequence of `s`, or npos when it is all
// well-formed UTF-8. ASCII runs are skipped eight bytes at a time.
std::size_t find_invalid_utf8_in(std::string_view s);

inline bool valid_utf8(std::string_view s) {
  return find_invalid_utf8_in(s) == std::string_view::npos;
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_UTF8_H_
