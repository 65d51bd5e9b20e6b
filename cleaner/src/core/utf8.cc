#include "core/utf8.h"

#include <cstdint>
#include <cstring>


namespace newsclean {

char32_t decode_utf8(std::string_view in, std::size_t i, std::size_t* len) {
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

char32_t next_code_point(std::string_view s, std::size_t* i) {
  std::size_t len;
  const char32_t cp = decode_utf8(s, *i, &len);
  *i += len;
  return cp == kInvalidUtf8 ? kReplacementChar : cp;
}

void append_utf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t find_invalid_utf8_in(std::string_view s) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i + 8 <= s.size()) {  // most text is ASCII
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, sizeof w);
      if ((w & kHighBits) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    std::size_t len;
    if (decode_utf8(s, i, &len) == kInvalidUtf8) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace newsclean
