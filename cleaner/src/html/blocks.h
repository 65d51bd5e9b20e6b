// Blocks: the chosen content in reading order, as the engine's blocks.
#ifndef NEWSCLEAN_SRC_HTML_BLOCKS_H_
#define NEWSCLEAN_SRC_HTML_BLOCKS_H_

#include <vector>

#include "core/block.h"
#include "html/page_state.h"

namespace newsclean {

// Appends the blocks below `root`: block elements and <br> end a block; a
// caption element (st.captions) is one block, decided by its rule; links
// give each block its link_ratio. A removal's placeholder met on the way
// learns the index of the block it stood before, and joins st.placed.
void emit_blocks(PageState& st, xmlNode* root, std::vector<Block>* blocks);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_BLOCKS_H_
