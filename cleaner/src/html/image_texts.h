// Image texts: the short texts bound to the images of a page, wherever the
// extractor put them (in the story, outside it, in an element a rule took
// out), so that the engine can list and judge them as captions.
//
// Run once, after the blocks and removals: each <img> gets at most one text,
// found in this order:
//   - "figcaption": the <figcaption> of the image's <figure>;
//   - "class": an element named like a caption (caption, credit, legend,
//     ...) inside the image's small container;
//   - "container": the text of the image's nearest ancestor that holds any,
//     when it is short (a teaser card <a><img><h3>..</h3></a>, a slide);
//   - "alt": the image's alt (or title) text, when nothing above describes
//     it and it is not a file name or a word such as "image".
// Caption elements the rules made blocks of are left to them (they are
// judged as blocks); a container's text inside the story is given only when
// the card links to another page (a teaser among the paragraphs), with the
// blocks that hold it, and a paragraph that holds an inline image is not a
// container.
#ifndef NEWSCLEAN_SRC_HTML_IMAGE_TEXTS_H_
#define NEWSCLEAN_SRC_HTML_IMAGE_TEXTS_H_

#include <vector>

#include "core/block.h"
#include "core/document.h"
#include "html/page_state.h"
#include "html/removals.h"

namespace newsclean {

// The image texts below `body`, in reading order, each text once.
// `blocks` are the content's blocks (`content` says which element gave
// which).
std::vector<ImageText> find_image_texts(PageState& st, xmlNode* body,
                                        const std::vector<ContentSpan>& content,
                                        const std::vector<Block>& blocks);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_IMAGE_TEXTS_H_
