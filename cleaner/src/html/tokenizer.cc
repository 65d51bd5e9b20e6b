// The byte-level reads of the native HTML parse (see tokenizer.h).
#include "html/tokenizer.h"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <libxml/chvalid.h>

#include "core/utf8.h"
#include "html/attribute_filter.h"
#include "html/html_tables.h"

namespace newsclean {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 0x20) : c; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// htmlParseName's characters (entity and PI names; case kept): a name
// starts with a letter, '_' or ':'.
bool is_xml_name_start(char c) { return is_ascii_alpha(c) || c == '_' || c == ':'; }
bool is_xml_name_char(char c) {
  return is_ascii_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == ':' || c == '.';
}

// IS_CHAR of a code point.
bool is_char_code(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// IS_LETTER, IS_DIGIT, IS_COMBINING and IS_EXTENDER of XML 1.0 (libxml2's
// own tables), for names past ASCII.
bool is_name_letter(std::uint32_t c) { return xmlIsBaseChar(c) != 0 || xmlIsIdeographic(c) != 0; }
bool is_name_other(std::uint32_t c) {
  return xmlIsDigit(c) != 0 || xmlIsCombining(c) != 0 || xmlIsExtender(c) != 0 || c == '.' ||
         c == '-' || c == '_' || c == ':';
}

// The code point at in[k] as libxml2 reads it there: a NUL byte is a
// space, the end 0; *len its length.
std::uint32_t code_at(std::string_view in, std::size_t k, std::size_t* len) {
  *len = 1;
  if (k >= in.size()) return 0;
  if (in[k] == '\0') return ' ';
  const char32_t c = decode_utf8(in, k, len);
  return c == kInvalidUtf8 ? 0xFFFD0000u : static_cast<std::uint32_t>(c);
}

}  // namespace

std::string_view read_xml_name(Cursor* c) {
  const std::string_view in = c->in;
  const std::size_t begin = c->pos;
  std::size_t k = begin;
  if (k < in.size() && is_xml_name_start(in[k])) {
    ++k;
    while (k < in.size() && is_xml_name_char(in[k])) ++k;
    if (k == in.size()) return {};
    if (static_cast<unsigned char>(in[k]) < 0x80 && in[k] != '\0') {
      c->pos = k;
      return in.substr(begin, k - begin);
    }
  }
  // libxml2's slower path, from the start: XML 1.0 letters and the rest.
  std::size_t len = 1;
  std::uint32_t ch = code_at(in, begin, &len);
  if (ch == ' ' || ch == '>' || ch == '/' || (!is_name_letter(ch) && ch != '_' && ch != ':')) {
    return {};
  }
  k = begin;
  while (ch != ' ' && ch != '>' && ch != '/' && (is_name_letter(ch) || is_name_other(ch))) {
    k += len;
    ch = code_at(in, k, &len);
  }
  c->pos = k;
  return in.substr(begin, k - begin);
}

bool Cursor::at_nocase(std::string_view s) const {
  if (in.size() - std::min(pos, in.size()) < s.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (lower(in[pos + k]) != s[k]) return false;
  }
  return true;
}

bool read_html_name(Cursor* c, std::string_view* out, std::string* scratch) {
  const char first = c->at();
  if (!is_ascii_alpha(first) && first != '_' && first != ':' && first != '.') return false;
  const std::string_view in = c->in;
  const std::size_t limit = std::min(in.size(), c->pos + kMaxHtmlName);
  std::size_t k = c->pos;
  bool upper = false;
  for (; k < limit && is_name_char(in[k]); ++k) upper = upper || (in[k] >= 'A' && in[k] <= 'Z');
  *out = in.substr(c->pos, k - c->pos);
  c->pos = k;
  if (upper) {
    scratch->assign(*out);
    for (char& ch : *scratch) ch = lower(ch);
    *out = *scratch;
  }
  return true;
}

void peek_tag_name(const Cursor& c, std::string* out) {
  out->clear();
  const std::string_view in = c.in;
  for (std::size_t k = c.pos + 1; k < in.size() && out->size() < kMaxHtmlName; ++k) {
    const char ch = in[k];
    if (!is_ascii_alpha(ch) && !is_digit(ch) && ch != ':' && ch != '-' && ch != '_') break;
    out->push_back(lower(ch));
  }
}

std::uint32_t read_char_ref(Cursor* c) {
  std::uint32_t value = 0;
  const bool hex = c->at(2) == 'x' || c->at(2) == 'X';
  c->pos += hex ? 3 : 2;
  for (char ch; (ch = c->at()) != ';'; ++c->pos) {
    int digit = -1;
    if (is_digit(ch)) {
      digit = ch - '0';
    } else if (hex && lower(ch) >= 'a' && lower(ch) <= 'f') {
      digit = lower(ch) - 'a' + 10;
    }
    if (digit < 0) break;
    if (value < 0x110000) value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  if (c->at() == ';') ++c->pos;
  return is_char_code(value) ? value : 0;
}

std::uint32_t read_named_ref(Cursor* c, std::string_view* literal) {
  const std::size_t begin = c->pos;
  ++c->pos;
  const std::string_view name = read_xml_name(c);
  if (!name.empty() && c->at() == ';') {
    if (const std::uint32_t code = named_char(name); code != 0) {
      ++c->pos;
      return code;
    }
  }
  *literal = c->in.substr(begin, c->pos - begin);
  return 0;
}

void read_attribute_value(Cursor* c, std::string* out) {
  const char quote = (c->at() == '"' || c->at() == '\'') ? c->at() : '\0';
  if (quote != '\0') ++c->pos;
  // A reference to no character ends the value libxml2 keeps (it writes a
  // NUL there); the rest is still read. Null `out`: read, not kept.
  bool cut = out == nullptr;
  const std::string_view in = c->in;
  while (c->pos < in.size()) {
    if (quote != '\0') {  // the bytes up to the quote, a '&' or a NUL go as they are
      const std::size_t end = find_any_of3(in, c->pos, quote, '&', '\0');
      if (!cut) out->append(in.data() + c->pos, end - c->pos);
      c->pos = end;
      if (end == in.size()) break;
    }
    const char ch = in[c->pos];
    if (ch == '\0' || ch == quote) break;
    if (quote == '\0' && (ch == '>' || is_html_blank(ch))) break;
    if (ch == '&') {
      std::uint32_t code = 0;
      if (c->at(1) == '#') {
        code = read_char_ref(c);
        if (code == 0) cut = true;
      } else {
        std::string_view literal;
        code = read_named_ref(c, &literal);
        if (code == 0 && !cut) out->append(literal);
      }
      if (code != 0 && !cut) append_utf8(code, out);
      continue;
    }
    if (!cut) out->push_back(ch);
    ++c->pos;
  }
  if (quote != '\0' && c->at() == quote) ++c->pos;
}

bool is_xml_char(const char* p, std::size_t len) {
  const unsigned char u = static_cast<unsigned char>(p[0]);
  if (len == 1) return u >= 0x20 || u == '\t' || u == '\n' || u == '\r';
  if (len == 3 && u == 0xEF && static_cast<unsigned char>(p[1]) == 0xBF) {
    const unsigned char last = static_cast<unsigned char>(p[2]);
    return last != 0xBE && last != 0xBF;
  }
  return true;
}

namespace {

#ifdef __SSE2__
// True if none of the 16 bytes at `p` is a control byte but tab, newline
// and carriage return, or 0xEF (the lead byte of U+FFFE and U+FFFF).
bool plain16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i below = _mm_andnot_si128(_mm_cmpeq_epi8(v, space),
                                         _mm_cmpeq_epi8(_mm_min_epu8(v, space), v));  // v < 0x20
  const __m128i allowed = _mm_or_si128(
      _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  const __m128i odd = _mm_or_si128(_mm_andnot_si128(allowed, below),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEF))));
  return _mm_movemask_epi8(odd) == 0;
}
#endif

}  // namespace

void append_char_data(std::string_view in, std::size_t begin, std::size_t end, std::string* out) {
  std::size_t run = begin;  // in[run, k) is copied as it is
  std::size_t k = begin;
  while (k < end) {
#ifdef __SSE2__
    while (k + 16 <= end && plain16(in.data() + k)) k += 16;
#endif
    const std::size_t stop = std::min(end, k + 16);
    while (k < stop) {
      const unsigned char u = static_cast<unsigned char>(in[k]);
      if ((u >= 0x20 && u != 0xEF) || u == '\t' || u == '\n' || u == '\r') {
        ++k;
        continue;
      }
      const std::size_t len = std::min(utf8_length(u), end - k);
      if (u == 0 || !is_xml_char(in.data() + k, len)) {
        out->append(in.data() + run, k - run);
        if (u == 0) out->push_back(' ');
        run = k + len;
      }
      k += len;
    }
  }
  out->append(in.data() + run, end - run);
}

std::string_view char_data(std::string_view in, std::size_t begin, std::size_t end,
                           std::string* scratch) {
  std::size_t k = begin;
  for (;;) {
#ifdef __SSE2__
    while (k + 16 <= end && plain16(in.data() + k)) k += 16;
#endif
    if (k >= end) return in.substr(begin, end - begin);
    const unsigned char u = static_cast<unsigned char>(in[k]);
    if ((u >= 0x20 && u != 0xEF) || u == '\t' || u == '\n' || u == '\r') {
      ++k;
      continue;
    }
    const std::size_t len = std::min(utf8_length(u), end - k);
    if (u == 0 || !is_xml_char(in.data() + k, len)) break;
    k += len;
  }
  scratch->clear();
  append_char_data(in, begin, end, scratch);
  return *scratch;
}

std::size_t find_any_of3(std::string_view in, std::size_t from, char a, char b, char c) {
  const char* const data = in.data();
  std::size_t k = from;
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a);
  const __m128i vb = _mm_set1_epi8(b);
  const __m128i vc = _mm_set1_epi8(c);
  for (; k + 16 <= in.size(); k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + k));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                     _mm_cmpeq_epi8(v, vc));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return k + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; k < in.size(); ++k) {
    const char ch = data[k];
    if (ch == a || ch == b || ch == c) return k;
  }
  return in.size();
}

std::size_t find_text_end(std::string_view in, std::size_t from) {
  const char* const data = in.data();
  std::size_t k = from;
#ifdef __SSE2__
  const __m128i lt = _mm_set1_epi8('<');
  const __m128i amp = _mm_set1_epi8('&');
  for (; k + 16 <= in.size(); k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + k));
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return k + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; k < in.size(); ++k) {
    const char ch = data[k];
    if (ch == '<' || ch == '&') return k;
  }
  return in.size();
}

}  // namespace newsclean
