// Block: one paragraph of a document, the unit every text rule looks at.
// Both front ends (text and HTML) end in a list of blocks.
#ifndef NEWSCLEAN_SRC_CORE_BLOCK_H_
#define NEWSCLEAN_SRC_CORE_BLOCK_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace newsclean {

// What element a block came from (text input gives kLine).
enum class BlockKind { kLine, kParagraph, kHeading, kListItem, kQuote, kPre, kCell };

// A paragraph of the input and the features rules look at.
struct Block {
  std::string text;           // normalised, trimmed, never empty
  std::string written;        // text input: the line as written when `text`
                              // is read from it (a table row of one cell,
                              // "| text |"), else empty; the plain text and
                              // Result.removed print it, Markdown the cell
  std::size_t words = 0;      // space-separated tokens
  bool ends_sentence = false; // ends with . ! ? … (before closing quotes)
  bool prose = false;         // a sentence of some length: story text shape
  BlockKind kind = BlockKind::kLine;
  // Markup facts; text input leaves the defaults.
  float link_ratio = 0;       // share of the text inside links
  float site_link_ratio = 0;  // share inside links to the page's own site
  std::uint8_t level = 0;     // kHeading: 1 to 6 (h1..h6)
  bool ordered = false;       // kListItem: an item of a numbered list (<ol>)
  bool row_start = false;     // kCell: the first cell of its table row
  bool lead_link = false;     // its text begins inside a link (a teaser's
                              // headline, then its excerpt)
  bool bold = false;          // all its text inside <b> or <strong>: a
                              // heading in the markup of old pages
  std::uint32_t box = 0;      // the outermost element around it with at most
                              // kItemMaxChars of text (a card), numbered in
                              // reading order from 1; 0 outside any
  int decided_by = -1;        // a rule that already decided the block on the
                              // page (a caption element), or -1
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_BLOCK_H_
