// Text: bytes -> normalised UTF-8 -> blocks with features; and the small
// string helpers every layer uses.
#ifndef NEWSCLEAN_SRC_CORE_TEXT_H_
#define NEWSCLEAN_SRC_CORE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/block.h"
#include "core/document.h"
#include "core/utf8.h"

namespace newsclean {

struct Normalised {
  std::string text;
  std::size_t invalid_utf8 = 0;  // ill-formed sequences replaced by U+FFFD
  std::size_t controls = 0;      // NUL and other control characters dropped
};

// Repairs and normalises `in`: ill-formed UTF-8 becomes U+FFFD; a leading BOM,
// zero-width spaces (U+200B, U+2060, U+FEFF), soft hyphens and C0/C1 controls
// other than tab and newline are dropped; tab, U+00A0 and the other Unicode
// spaces become ' '; CR, CRLF, U+0085, U+2028 and U+2029 become '\n'.
// ZWJ and ZWNJ are kept (they carry meaning in emoji and several scripts).
// Every other byte is kept as it was.
Normalised normalise(std::string_view in);

// The text front end: `in` normalised and split into blocks, with a warning
// for each kind of repair. `charset`: "" or "utf-8" read the bytes as
// UTF-8; another charset converts them from it first.
Document text_document(std::string_view in, std::string_view charset = {});

// Splits normalised text into blocks: one per non-empty line, trimmed.
std::vector<Block> split_blocks(std::string_view normalised);

// Features of one line of text (used for blocks and for `unit: line`).
Block make_block(std::string text);

std::size_t count_words(std::string_view s);

// True if `c` is a byte of a word: an ASCII letter or digit, or any byte of a
// multi-byte (UTF-8) character.
inline bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

// True if `line` is a table's row as an extractor writes it: "| cell | cell |".
inline bool is_table_row(std::string_view line) {
  return line.size() > 2 && line.front() == '|' && line.back() == '|';
}

// True if `s` ends as a sentence does: . ! ? … (or a CJK or Devanagari full
// stop) before any closing quotes, brackets and trailing ASCII white space.
bool ends_as_sentence(std::string_view s);

// The words of a text read piece by piece, without building it, as
// count_words counts them once ASCII white space (\n \t \r \f) is made
// spaces (as the HTML stages do) and the text normalised: those, the
// Unicode spaces and line breaks separate words; what normalise drops
// (controls, zero-width spaces) is neither word nor space.
class WordCounter {
 public:
  void add(std::string_view piece);
  void separate() { in_word_ = false; }  // a boundary between pieces
  std::size_t words() const { return words_; }

 private:
  std::size_t words_ = 0;
  bool in_word_ = false;
};

// `s` cut to at most `max_chars` code points, then "…"; unchanged when it
// is no longer or `max_chars` is 0 (but for the "…" when `cut` already).
std::string cut_chars(std::string s, std::size_t max_chars, bool cut = false);

// `s` without leading and trailing ' ' (only that character).
std::string_view trim_spaces(std::string_view s);

// `s` with ASCII letters lower-cased (the C locale's tolower, in any locale).
std::string lower(std::string s);

// `c` lower-cased if it is an ASCII capital (as libxml2 folds names).
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// True if a and b are equal ignoring ASCII case. (Inline: the parse asks
// it of every attribute.)
inline bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (ascii_lower(a[k]) != ascii_lower(b[k])) return false;
  }
  return true;
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_TEXT_H_
