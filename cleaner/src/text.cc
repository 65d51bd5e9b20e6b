#include "text.h"

namespace newsclean {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one well-formed UTF-8 sequence at in[i]; returns kInvalid (and a
// length of 1) for an ill-formed one: overlong forms, surrogates, > U+10FFFF,
// truncated or stray continuation bytes.
char32_t decode(std::string_view in, std::size_t i, std::size_t* len) {
  const auto b = [&](std::size_t k) {
    return static_cast<unsigned char>(in[i + k]);
  };
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
    return kInvalid;
  }
  if (i + n > in.size()) return kInvalid;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kInvalid;
  }
  *len = n;
  return cp;
}

bool is_space_like(char32_t cp) {
  return cp == '\t' || cp == 0x00A0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool is_dropped(char32_t cp) {
  return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == 0x0085 || cp == 0x2028 || cp == 0x2029;
}

bool is_control(char32_t cp) {
  return (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F ||
         (cp >= 0x80 && cp < 0xA0 && cp != 0x85);
}

bool is_closing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x2019 ||
         cp == 0x201D || cp == 0x00BB || cp == 0x203A || cp == 0x300D ||
         cp == 0x300F || cp == 0xFF09;
}

bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
         cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x0964;
}

// Last code point of s that is not a closing quote or bracket.
char32_t last_significant(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    std::size_t i = start;
    const char32_t cp = next_code_point(s, &i);
    if (!is_closing(cp)) return cp;
    end = start;
  }
  return 0;
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t* i) {
  std::size_t len;
  const char32_t cp = decode(s, *i, &len);
  *i += len;
  return cp == kInvalid ? kReplacement : cp;
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

Normalised normalise(std::string_view in) {
  Normalised out;
  out.text.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    // Fast path: printable ASCII and newline are copied as they are.
    if ((c >= 0x20 && c < 0x7F) || c == '\n') {
      out.text.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c == '\r') {
      out.text.push_back('\n');
      i += (i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    std::size_t len;
    const char32_t cp = decode(in, i, &len);
    if (cp == kInvalid) {
      ++out.invalid_utf8;
      append_utf8(kReplacement, &out.text);
    } else if (is_line_break(cp)) {
      out.text.push_back('\n');
    } else if (is_space_like(cp)) {
      out.text.push_back(' ');
    } else if (is_control(cp)) {
      ++out.controls;
    } else if (!is_dropped(cp)) {
      out.text.append(in.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

Block make_block(std::string text) {
  Block b;
  b.words = count_words(text);
  b.ends_sentence = is_sentence_end(last_significant(text));
  // Scripts without spaces between words (CJK, Thai) count as prose by length.
  b.prose = b.ends_sentence && (b.words >= 8 || text.size() >= 90);
  b.text = std::move(text);
  return b;
}

std::vector<Block> split_blocks(std::string_view text) {
  std::vector<Block> blocks;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    const std::size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos) {
      const std::size_t last = line.find_last_not_of(' ');
      blocks.push_back(make_block(std::string(line.substr(first, last - first + 1))));
    }
    pos = nl + 1;
  }
  return blocks;
}

}  // namespace newsclean
