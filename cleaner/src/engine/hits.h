// Hits: which rules fit each block (pattern, scope, words, features, format).
#ifndef NEWSCLEAN_SRC_ENGINE_HITS_H_
#define NEWSCLEAN_SRC_ENGINE_HITS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/document.h"
#include "core/page_url.h"
#include "rules/match.h"

namespace newsclean {

// Per block, the indices (ascending, into matcher.rules()) of the rules
// that fit it: the block's pattern hits (or its lines', for `unit: line`),
// in scope for the URL's host, within the word limits, with the rule's
// feature, in a story-shaped document for `needs_story`, of the rule's
// input format, and not suspended on this page (`suspend_on`, `page_kinds`). A block an HTML rule
// decided already (decided_by) has that rule only.
// `head_blocks`, `tail_blocks`: the most blocks the head and the tail can
// hold (engine/decide.h); a `where: head` or `where: tail` rule is not
// looked for elsewhere. By default every block is looked at for every rule.
std::vector<std::vector<int>> find_hits(const RuleMatcher& matcher, const Document& doc,
                                        const PageUrl& url,
                                        std::size_t head_blocks = SIZE_MAX,
                                        std::size_t tail_blocks = SIZE_MAX);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_HITS_H_
