#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "core/decode.h"
#include "core/tuning.h"

namespace newsclean {
namespace {

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

bool plain_ascii(unsigned char b) { return (b >= 0x20 && b < 0x7F) || b == '\n'; }

// The end of the run of plain_ascii bytes of `in` from `i`: eight bytes at a
// time while none of them is a newline's neighbour below 0x20 or above 0x7E.
std::size_t end_of_plain(std::string_view in, std::size_t i) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kLow = kOnes * 0x7F;
  const std::size_t n = in.size();
  for (;;) {
    for (std::uint64_t x; i + 8 <= n; i += 8) {
      std::memcpy(&x, in.data() + i, 8);
      // Each byte's high bit: below 0x20, a newline (no carry crosses bytes:
      // seven bits plus 0x60 or 0x7F stay below 0x100), above 0x7E (a carry
      // may mark the byte after one: it is then read one by one).
      const std::uint64_t below = ~(((x & kLow) + kOnes * 0x60) | x) & kHigh;
      const std::uint64_t t = x ^ (kOnes * '\n');
      const std::uint64_t newline = ~(((t & kLow) + kLow) | t) & kHigh;
      const std::uint64_t above = ((x + kOnes * (0x7F - 0x7E)) | x) & kHigh;
      if (((below & ~newline) | above) != 0) break;
    }
    const std::size_t stop = std::min(i + 8, n);
    while (i < stop && plain_ascii(static_cast<unsigned char>(in[i]))) ++i;
    if (i < stop || i == n) return i;
  }
}

// True if `s` has two spaces in a row: eight bytes at a time.
bool has_double_space(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kLow = kOnes * 0x7F;
  std::uint64_t after_space = 0;  // 1 if the byte before is a space
  std::size_t i = 0;
  for (std::uint64_t x; i + 8 <= s.size(); i += 8) {
    std::memcpy(&x, s.data() + i, 8);
    const std::uint64_t t = x ^ (kOnes * ' ');  // a space: a zero byte
    const std::uint64_t space = ~(((t & kLow) + kLow) | t) & (kOnes * 0x80);  // its high bit
    // Byte j and byte j + 1 (little-endian: the next higher), or the last
    // byte before and byte 0.
    if ((space & (space >> 8)) != 0 || (after_space & (space >> 7)) != 0) return true;
    after_space = space >> 63;
  }
  for (; i < s.size(); ++i) {
    const std::uint64_t space = s[i] == ' ';
    if (after_space & space) return true;
    after_space = space;
  }
  return false;
}

// `s` with each run of spaces made one: an extractor writes "READ MORE:  X"
// (a no-break space beside a space, both ' ' once normalised) or aligns a
// table's cells with spaces, and a rule reads words with one space between.
std::string one_space(std::string_view s) {
  std::string out(s);
  if (!has_double_space(s)) return out;
  out.erase(std::unique(out.begin(), out.end(), [](char a, char b) { return a == ' ' && b == ' '; }),
            out.end());
  return out;
}

// An extractor writes a table's row as "| cell | cell |", a "|" inside a
// cell as "\|". Of a row whose text is all in one cell (a layout table's:
// the page's menu, a teaser or the story in a column of its own), the
// cell's text, else empty.
std::string one_cell(std::string_view line) {
  if (!is_table_row(line)) return {};
  std::string cell;
  bool filled = false;  // a cell before this one has text
  std::size_t start = 1;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] != '|' || line[i - 1] == '\\') continue;
    const std::string_view c = trim_spaces(line.substr(start, i - start));
    start = i + 1;
    if (c.empty()) continue;
    if (filled) return {};
    filled = true;
    for (std::size_t k = 0; k < c.size(); ++k) {
      if (!(c[k] == '\\' && k + 1 < c.size() && c[k + 1] == '|')) cell.push_back(c[k]);
    }
  }
  return cell;
}

// The blocks of split_blocks. With `text_input`, each line's runs of spaces
// made one first (runs end at a line's end: a newline is no space), and a
// table row of one cell read as its cell (one_cell; the row stays as
// written in the output).
std::vector<Block> blocks_of(std::string_view text, bool text_input) {
  std::vector<Block> blocks;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim_spaces(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    if (!text_input) {
      blocks.push_back(make_block(std::string(line)));
      continue;
    }
    std::string spaced = one_space(line);
    std::string cell = one_cell(spaced);
    if (cell.empty()) {
      blocks.push_back(make_block(std::move(spaced)));
    } else {
      blocks.push_back(make_block(std::move(cell)));
      blocks.back().written = std::move(spaced);
    }
  }
  return blocks;
}

// True if in[i] (lead byte c, not ASCII) begins a well-formed character
// that normalise keeps as it is, among the most frequent ones: one of two
// bytes from U+00C0 (Latin letters, Greek, Cyrillic, Hebrew, Arabic), one
// of three in U+4000 to U+CFFF or U+E000 to U+EFFF, and punctuation in
// U+200C to U+2027 and U+2030 to U+203F (quotes, dashes, bullets,
// ellipsis). Spaces, breaks, controls and dropped characters are all
// outside these ranges; any other character is decoded and looked at.
bool stays_as_it_is(std::string_view in, std::size_t i, unsigned char c) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(in[i + k]); };
  const auto continuation = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
  if (c >= 0xC3 && c <= 0xDF) return i + 1 < in.size() && continuation(1);
  if (i + 2 >= in.size() || !continuation(1) || !continuation(2)) return false;
  if ((c >= 0xE4 && c <= 0xEC) || c == 0xEE) return true;
  return c == 0xE2 && byte(1) == 0x80 &&
         ((byte(2) >= 0x8C && byte(2) <= 0xA7) || byte(2) >= 0xB0);
}

}  // namespace

Normalised normalise(std::string_view in) {
  Normalised out;
  out.text.reserve(in.size());
  // in[run, i) goes to the text as it is: printable ASCII, newlines and the
  // characters outside ASCII that stay (most of them), copied a run at a time.
  std::size_t i = 0, run = 0;
  const auto copy_run = [&] { out.text.append(in.data() + run, i - run); };
  while (i < in.size()) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (plain_ascii(c)) {
      i = end_of_plain(in, i + 1);
      continue;
    }
    if (stays_as_it_is(in, i, c)) {
      i += c < 0xE0 ? 2 : 3;
      continue;
    }
    if (c == '\r') {
      copy_run();
      out.text.push_back('\n');
      i += (i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
      run = i;
      continue;
    }
    std::size_t len;
    const char32_t cp = decode_utf8(in, i, &len);
    if (cp != kInvalidUtf8 && !is_line_break(cp) && !is_space_like(cp) && !is_control(cp) &&
        !is_dropped(cp)) {
      i += len;
      continue;
    }
    copy_run();
    if (cp == kInvalidUtf8) {
      ++out.invalid_utf8;
      append_utf8(kReplacementChar, &out.text);
    } else if (is_line_break(cp)) {
      out.text.push_back('\n');
    } else if (is_space_like(cp)) {
      out.text.push_back(' ');
    } else if (is_control(cp)) {
      ++out.controls;
    }  // else dropped
    i += len;
    run = i;
  }
  copy_run();
  return out;
}

std::size_t count_words(std::string_view s) {
  // A word starts where a non-space follows a space (or the start). Written
  // without a branch, a carried state or a short-circuit, so the compiler
  // runs it on vectors.
  // The starts are summed a byte-wide lane each, in runs of at most 255
  // bytes (no lane overflows), then added up: a 64-bit sum per byte would
  // take eight times the vector lanes.
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto space = [](unsigned char c) { return (c == ' ') | (c == '\n'); };
  std::size_t words = !space(p[0]);
  for (std::size_t i = 1; i < s.size();) {
    const std::size_t end = std::min(s.size(), i + 255);
    unsigned char run = 0;
    for (; i < end; ++i) run += static_cast<unsigned char>(space(p[i - 1]) & !space(p[i]));
    words += run;
  }
  return words;
}

void WordCounter::add(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c > 0x20 && c < 0x7F) {  // most bytes: a letter, digit or sign
      words_ += in_word_ ? 0 : 1;
      in_word_ = true;
      ++i;
      continue;
    }
    bool space;
    bool gone;  // dropped by normalise
    if (c < 0x80) {
      space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      gone = !space && (c < 0x20 || c == 0x7F);
      ++i;
    } else {
      std::size_t len;
      const char32_t cp = decode_utf8(s, i, &len);
      const bool valid = cp != kInvalidUtf8;
      space = valid && (is_space_like(cp) || is_line_break(cp));
      gone = valid && !space && (is_control(cp) || is_dropped(cp));
      i += len;
    }
    if (gone) continue;
    if (!space && !in_word_) ++words_;
    in_word_ = !space;
  }
}

bool ends_as_sentence(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0 && (s[end - 1] == ' ' || (s[end - 1] >= '\t' && s[end - 1] <= '\r'))) --end;
  return is_sentence_end(last_significant(s.substr(0, end)));
}

Block make_block(std::string text) {
  Block b;
  b.words = count_words(text);
  b.ends_sentence = is_sentence_end(last_significant(text));
  // Scripts without spaces between words (CJK, Thai) count as prose by length.
  b.prose = b.ends_sentence &&
           (b.words >= tuning::kProseMinWords || text.size() >= tuning::kProseMinBytes);
  b.text = std::move(text);
  return b;
}

Document text_document(std::string_view in, std::string_view charset) {
  Document doc;
  std::string converted;
  const std::string given = canonical_charset(charset);
  if (!given.empty() && given != "UTF-8") {
    std::size_t replaced = 0;
    const Conversion c = to_utf8(in, given, /*strict=*/false, &converted, &replaced);
    if (c == Conversion::kUnknown) {
      doc.warnings.push_back("charset: given " + lower(std::string(charset)) +
                             " is not known; read as UTF-8");
    } else {
      in = converted;
      if (replaced > 0) {
        doc.warnings.push_back("charset: " + std::to_string(replaced) + " byte(s) that are not " +
                               lower(std::string(charset)) + " replaced by U+FFFD");
      }
    }
  }
  const Normalised norm = normalise(in);
  if (norm.invalid_utf8 > 0) {
    doc.warnings.push_back("invalid UTF-8: " + std::to_string(norm.invalid_utf8) +
                           " ill-formed sequence(s) replaced by U+FFFD");
  }
  if (norm.controls > 0) {
    doc.warnings.push_back("control characters: " + std::to_string(norm.controls) + " dropped");
  }
  doc.blocks = blocks_of(norm.text, /*text_input=*/true);
  return doc;
}

std::vector<Block> split_blocks(std::string_view text) { return blocks_of(text, false); }

std::string cut_chars(std::string s, std::size_t max_chars, bool cut) {
  if (max_chars > 0 && s.size() > max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // a continuation byte
      if (chars++ == max_chars) {
        s.resize(i);
        cut = true;
        break;
      }
    }
  }
  if (cut) s += "\u2026";
  return s;
}

std::string_view trim_spaces(std::string_view s) {
  const std::size_t first = s.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

std::string lower(std::string s) {
  // ASCII alone, whatever the process's locale (a Latin-1 one would change
  // bytes of UTF-8 text); a loop the compiler runs on vectors.
  for (char& c : s) c = ascii_lower(c);
  return s;
}

}  // namespace newsclean
