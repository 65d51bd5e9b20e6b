#include "engine/hits.h"

#include <algorithm>
#include <string>

#include "core/text.h"
#include "engine/features.h"

namespace newsclean {
namespace {

bool fits_format(InputFormat f, bool html) {
  return f == InputFormat::kAny || f == (html ? InputFormat::kHtml : InputFormat::kText);
}

bool words_fit(const Rule& r, std::size_t words) {
  return words >= r.min_words && (r.max_words == 0 || words <= r.max_words);
}

// The features of one block, as RuleMatcher::match asks them.
class BlockFeatures final : public FeatureTest {
 public:
  BlockFeatures(const Features& features, std::size_t i) : features_(features), i_(i) {}
  bool has(Feature f) const override { return features_.has(f, i_); }

 private:
  const Features& features_;
  std::size_t i_;
};

}  // namespace

std::vector<std::vector<int>> find_hits(const RuleMatcher& matcher, const Document& doc,
                                        const PageUrl& url, std::size_t head_blocks,
                                        std::size_t tail_blocks) {
  const auto& rules = matcher.rules();
  const std::vector<Block>& blocks = doc.blocks;
  const Features features(blocks, url, doc.page_text);
  const bool story = is_story(blocks);
  std::vector<std::vector<int>> hits(blocks.size());
  std::vector<int> found;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.decided_by >= 0) {  // an HTML rule decided it already (a figure caption)
      hits[i].push_back(b.decided_by);
      continue;
    }
    const auto fits = [&](const Rule& r, std::size_t words) {
      return r.in_scope(url.host) && words_fit(r, words) && (story || !r.needs_story) &&
             fits_format(r.format, doc.html) && !r.suspended_on(doc.kind, doc.discussion) &&
             features.has(r.feature, i);  // last: the dearest to ask
    };
    const BlockFeatures block_features(features, i);
    MatchScope scope;
    scope.head = i < head_blocks;
    scope.tail = blocks.size() - i <= tail_blocks;
    scope.features = &block_features;
    matcher.match(Unit::kBlock, b.text, b.words, &found, scope);
    for (int k : found) {
      if (fits(rules[k], b.words)) hits[i].push_back(k);
    }
    // Line rules look at each line of a block (text blocks have one line;
    // HTML blocks may have several).
    std::size_t pos = 0;
    while (pos <= b.text.size()) {
      std::size_t nl = b.text.find('\n', pos);
      if (nl == std::string::npos) nl = b.text.size();
      const std::string_view line(b.text.data() + pos, nl - pos);
      // A text block is one line, its words counted already (as count_words).
      const std::size_t line_words = !doc.html && line.size() == b.text.size() ? b.words
                                                                               : count_words(line);
      matcher.match(Unit::kLine, line, line_words, &found, scope);
      for (int k : found) {
        if (fits(rules[k], line_words)) hits[i].push_back(k);
      }
      pos = nl + 1;
    }
    std::sort(hits[i].begin(), hits[i].end());
    hits[i].erase(std::unique(hits[i].begin(), hits[i].end()), hits[i].end());
  }
  return hits;
}

}  // namespace newsclean
