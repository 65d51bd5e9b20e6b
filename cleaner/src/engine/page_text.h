// Whole-page text (a Common Crawl WET record, html-text's or Resiliparse's
// text of a whole page): telling it from an extractor's output, and marking
// the lines of the page's chrome around the story (Feature::kPageChrome).
#ifndef NEWSCLEAN_SRC_ENGINE_PAGE_TEXT_H_
#define NEWSCLEAN_SRC_ENGINE_PAGE_TEXT_H_

#include <vector>

#include "core/block.h"

namespace newsclean {

// Whether text input of these blocks is a whole page rather than an
// extractor's output: a run of short non-sentences (a menu) and many of
// them around the prose, a story in prose to tell them from, and the menu
// before the story (an extractor's output opens with the story).
bool looks_like_page_text(const std::vector<Block>& blocks);

// Marks the blocks of whole-page text that are the page's chrome; `marks`
// has one entry per block. Unless `everywhere` (the caller said the input
// is a page), only the lines before the story's first prose block and
// after its last are marked, and prose far from the story.
void mark_page_chrome(const std::vector<Block>& blocks, bool everywhere,
                      std::vector<bool>* marks);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_PAGE_TEXT_H_
