// Text front end: bytes -> normalised UTF-8 -> blocks with features.
#ifndef NEWSCLEAN_SRC_TEXT_H_
#define NEWSCLEAN_SRC_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsclean {

// What element a block came from (text input gives kLine).
enum class BlockKind { kLine, kParagraph, kHeading, kListItem, kQuote, kPre, kCell };

// A paragraph of the input and the features rules look at.
struct Block {
  std::string text;           // normalised, trimmed, never empty
  std::size_t words = 0;      // space-separated tokens
  bool ends_sentence = false; // ends with . ! ? … (before closing quotes)
  bool prose = false;         // a sentence of some length: story text shape
  BlockKind kind = BlockKind::kLine;
  float link_ratio = 0;       // share of the text inside links (HTML only)
  int html_rule = -1;         // an HTML rule that already decided this block
};

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

// Splits normalised text into blocks: one per non-empty line, trimmed.
std::vector<Block> split_blocks(std::string_view normalised);

// Features of one line of text (used for blocks and for `unit: line`).
Block make_block(std::string text);

std::size_t count_words(std::string_view s);

// Decodes the code point at s[i] (s is valid UTF-8) and advances i.
char32_t next_code_point(std::string_view s, std::size_t* i);

// Appends `cp` to `out` as UTF-8.
void append_utf8(char32_t cp, std::string* out);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_TEXT_H_
