// Markdown of the kept blocks (Options::text_format = kMarkdown): the
// structure the HTML had, as blocks. Headings (#, by level), list items (-
// or 1.), quotes (>), preformatted text (a fenced block) and tables (a pipe
// table, the first row its header) stay what they were; other blocks are
// paragraphs. Blocks are parted by an empty line; the items of one list and
// the rows of one table by a line break. Text is escaped where Markdown
// would read it as markup: a backslash before *, _, `, [, ], <, \ anywhere
// and where a line start would open a heading, list, quote or rule ("\#",
// "\- ", "1\. ", "\> "); | in table cells.
#ifndef NEWSCLEAN_SRC_ENGINE_MARKDOWN_H_
#define NEWSCLEAN_SRC_ENGINE_MARKDOWN_H_

#include <string>
#include <vector>

#include "core/block.h"

namespace newsclean {

std::string markdown_of(const std::vector<const Block*>& blocks);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_MARKDOWN_H_
