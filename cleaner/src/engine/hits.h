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

// The rules that fit each block of a document, all in one array (one
// allocation per document, not one per block with a hit): (*this)[i] is
// block i's, a range of rule indices, ascending.
class Hits {
 public:
  // One block's rules: [first, last).
  struct Range {
    const int* first;
    const int* last;
    const int* begin() const { return first; }
    const int* end() const { return last; }
    bool empty() const { return first == last; }
    std::size_t size() const { return static_cast<std::size_t>(last - first); }
  };

  Hits() = default;
  // From one list per block (tests, made-up hits).
  explicit Hits(const std::vector<std::vector<int>>& lists) {
    for (const auto& l : lists) add_block(l.data(), l.data() + l.size());
  }
  // Adds the next block's rules [first, last).
  void add_block(const int* first, const int* last) {
    rules_.insert(rules_.end(), first, last);
    end_.push_back(rules_.size());
  }
  void reserve_blocks(std::size_t n) { end_.reserve(n); }

  std::size_t size() const { return end_.size(); }  // blocks
  Range operator[](std::size_t i) const {
    const int* base = rules_.data();
    return {base + (i == 0 ? 0 : end_[i - 1]), base + end_[i]};
  }
  // One list per block (tests).
  std::vector<std::vector<int>> lists() const {
    std::vector<std::vector<int>> out;
    for (std::size_t i = 0; i < size(); ++i) out.emplace_back((*this)[i].begin(), (*this)[i].end());
    return out;
  }

 private:
  std::vector<int> rules_;        // every block's rules, block after block
  std::vector<std::size_t> end_;  // per block: the end of its rules in rules_
};

// Per block, the indices (ascending, into matcher.rules()) of the rules
// that fit it: the block's pattern hits (or its lines', for `unit: line`),
// in scope for the URL's host, within the word limits, with the rule's
// feature, in a story-shaped document for `needs_story`, of the rule's
// input format, and not suspended on this page (`suspend_on`, `page_kinds`). A block an HTML rule
// decided already (decided_by) has that rule only.
// `head_blocks`, `tail_blocks`: the most blocks the head and the tail can
// hold (engine/decide.h), stretched over the lines `anywhere` rules drop
// (dropped_anywhere, region_reach); a `where: head` or `where: tail` rule is
// not looked for elsewhere. By default every block is looked at for every rule.
Hits find_hits(const RuleMatcher& matcher, const Document& doc, const PageUrl& url,
               std::size_t head_blocks = SIZE_MAX, std::size_t tail_blocks = SIZE_MAX);

// Whether an `anywhere` rule among `hits` drops or takes the block (a menu
// row, a copyright line): chrome wherever it stands, which the head and the
// tail do not count (find_regions).
bool dropped_anywhere(const std::vector<Rule>& rules, const int* begin, const int* end);

// The most blocks a head or a tail of `blocks` blocks may stretch over,
// counting the lines `anywhere` rules drop (tuning::kRegionStretch times).
std::size_t region_reach(std::size_t blocks);

// How many blocks a head or a tail of `limit` counted blocks takes, of the
// `available` ones read from its edge inwards: `dropped(j)` says whether the
// j-th of them is one an `anywhere` rule drops (not counted); at most
// region_reach(limit).
template <typename Dropped>
std::size_t region_size(std::size_t limit, std::size_t available, Dropped dropped) {
  std::size_t taken = 0, counted = 0;
  while (taken < available && taken < region_reach(limit) && counted < limit) {
    counted += dropped(taken) ? 0 : 1;
    ++taken;
  }
  return taken;
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_HITS_H_
