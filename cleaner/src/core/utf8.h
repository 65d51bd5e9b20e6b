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
// > U+10FFFF, truncated sequences, stray continuation bytes. (Inline: text
// normalisation calls it for every non-ASCII character.)
inline char32_t decode_utf8(std::string_view in, std::size_t i, std::size_t* len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(in[i + k]); };
  const unsigned char c = b(0);
  *len = 1;
  if (c < 0x80) return c;
  std::size_t n;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return kInvalidUtf8;
  }
  if (i + n > in.size()) return kInvalidUtf8;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return kInvalidUtf8;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalidUtf8;
  *len = n;
  return cp;
}

// Decodes the code point at s[i] and advances i; U+FFFD for an ill-formed
// sequence (one byte is consumed).
inline char32_t next_code_point(std::string_view s, std::size_t* i) {
  std::size_t len;
  const char32_t cp = decode_utf8(s, *i, &len);
  *i += len;
  return cp == kInvalidUtf8 ? kReplacementChar : cp;
}

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
