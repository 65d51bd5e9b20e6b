// Shallow text: a second judge of the blocks at the end of a story, from
// their shape alone (words, words a wrapped line, share in
// links, and the same of the blocks before and after), in the manner of
// Kohlschuetter et al. 2010, "Boilerplate detection using shallow text
// features". Language independent; it reads no words.
#ifndef NEWSCLEAN_SRC_HTML_SHALLOW_TEXT_H_
#define NEWSCLEAN_SRC_HTML_SHALLOW_TEXT_H_

#include <cstddef>
#include <vector>

#include "core/block.h"
#include "core/document.h"

namespace newsclean {

// The shape of one block.
struct ShallowFeatures {
  std::size_t words = 0;
  // Words a line when the text is wrapped at kShallowLineChars characters,
  // the last line left out when there are several (it is partly empty).
  double text_density = 0;
  float link_density = 0;  // share of the text inside links
};

ShallowFeatures shallow_features(const Block& b);

// The two decision trees of the paper, written from its description: true
// when block `cur` reads as content beside `prev` and `next` (an absent
// neighbour has all features zero). The first looks at text density, the
// second at word counts.
bool density_says_content(const ShallowFeatures& prev, const ShallowFeatures& cur,
                          const ShallowFeatures& next);
bool words_say_content(const ShallowFeatures& prev, const ShallowFeatures& cur,
                       const ShallowFeatures& next);

// The blocks of `blocks` the vote takes out: on an article, the run of
// blocks at the end, after the story's last prose paragraph, that both
// trees call boilerplate by their own link share (over kShallowLinkDensity
// of their text in links): lists of other stories, tags, share and footer
// links that the container's trims (content.cc trim_tail, which judges
// boxes, not blocks, and keeps a paragraph that is one link) let through.
// The run stops at the first block the vote lets stand, and at a caption
// block (its rule decides). Measured and left out: blocks the trees call
// boilerplate through their neighbours only (a story's own list, a
// signature: losses on full pages), the blocks before the story's first
// paragraph (no gain on short stories; the engine's head rules then read a
// story's second line as its first).
std::vector<bool> shallow_boilerplate(const std::vector<Block>& blocks, PageKind kind);

// Takes the blocks marked in `drop` out of `doc`, each as an
// "outside-content" removal in its place; removals and image texts keep
// pointing at the blocks they stood before.
void drop_blocks(Document* doc, const std::vector<bool>& drop);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_SHALLOW_TEXT_H_
