// Runs of blocks that give a document its shape: a story, the list of
// other stories' headlines that ends it, a listing's cards (block features
// and the `needs_story` condition read them; see features.h).
#ifndef NEWSCLEAN_SRC_ENGINE_BLOCK_RUNS_H_
#define NEWSCLEAN_SRC_ENGINE_BLOCK_RUNS_H_

#include <string_view>
#include <vector>

#include "core/block.h"

namespace newsclean {

// A document is shaped like a story when at least tuning::kStoryMinProse
// prose blocks hold at least half of its text up to its last prose block;
// product pages, listings and forums are not. What follows the last
// paragraph does not count: a short story's page goes on with lists of
// other stories, markets and footers that outweigh it. Blocks marked in
// `left_out` (one entry per block, when given) do not count either:
// boilerplate other rules take whatever the shape. Blocks marked in
// `taken_prose` (prose that other rules take: "© 2011 Example FC. All rights
// reserved. Powered by Joomla!") count as prose but, after the story's last
// other prose block, do not move its end.
bool is_story(const std::vector<Block>& blocks, const std::vector<bool>* left_out = nullptr,
              const std::vector<bool>* taken_prose = nullptr);

// Whether `blocks` hold tuning::kStoryMinProse paragraphs of prose (as
// is_story counts them): where they do not, is_story holds for no `left_out`.
bool has_story_prose(const std::vector<Block>& blocks);

// Whether `b` reads as a paragraph though it may end in no full stop (a
// link, a colon, a cut): tuning::kParagraphMinWords words or more, running
// on past kParagraphMinBreaks sentence ends read strictly (after a
// lower-case word, before a capital). A teaser's summary is a sentence or
// two; a list of other stories ends where such a block stands.
bool runs_on_as_paragraph(const Block& b);

// A document whose short link blocks (tuning::kTeaserMaxWords, over
// kLinkHeavyRatio links) hold more than kLinkListNum / kLinkListDen of its
// text is a list of links (a listing, an index of a site's stories): they
// are its content, not teasers beside a story. Unless it is a story whose
// prose runs between them, unbroken (at most kStoryMaxInnerLinks): a short
// story's menus before it and links after it are not its content, however
// much of its text they hold.
bool is_link_list(const std::vector<Block>& blocks);

// Marks the headlines of a list of cards: short link blocks each followed,
// at most kCardGap blocks on, by a summary (prose without links), in runs of
// at least kCardMinHeadlines cards one after the other that hold, headlines
// and summaries, a share of the document's text (kCardShareNum /
// kCardShareDen). `marks` has one entry per block.
void mark_card_headlines(const std::vector<Block>& blocks, std::vector<bool>* marks);

// Marks the list of other stories' headlines that ends `blocks`, if any
// (Feature::kTeaserList; engine/teaser_list.cc); `marks` has one entry per
// block.
void mark_teaser_list(const std::vector<Block>& blocks, std::vector<bool>* marks);

// Whether a block runs a list of other stories together into one line
// (Feature::kGluedTeasers): no sentence in it, and kGluedTeasersMinStamps
// times a headline of kGluedTeasersMinWords words or more, then a dash, a
// bar or a bracket and the date it was posted in digits or how long ago
// ("Bridge repairs start - 3/17/2008 School board picks chief (3/16/08)
// ..."). An extractor that drops a table cell's line breaks writes such a
// box as one line.
bool is_glued_teaser_list(const Block& b);

// Marks the blocks of kGluedCopyMinWords words or more that another,
// longer block holds word for word, one that joins cells with " | "
// (Feature::kGluedCopy): an extractor that wrote a layout table's row as one
// line and then the tables nested in it again, line by line, printed the
// story (and each box) twice. The row stays. At most kGluedCopyMaxPairs
// pairs are compared; `marks` has one entry per block.
void mark_glued_copies(const std::vector<Block>& blocks, std::vector<bool>* marks);

// A headline starts with a capital, a digit or an opening quote: not with a
// lower-case letter, a bullet, a dash or a symbol (a menu item too).
bool starts_like_headline(std::string_view text);

// Whether a block leads into a list of the story's own: a line of
// tuning::kListIntroMinWords words or more that ends with a colon ("As
// novas regras:", "The union's demands:").
bool leads_into_list(const Block& b);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_BLOCK_RUNS_H_
