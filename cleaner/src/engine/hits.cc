#include "engine/hits.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "core/decoration.h"
#include "core/text.h"
#include "core/tuning.h"
#include "engine/features.h"

namespace newsclean {
namespace {

bool fits_format(InputFormat f, bool html) {
  return f == InputFormat::kAny || f == (html ? InputFormat::kHtml : InputFormat::kText);
}

// True if a rule of this action takes its block out.
bool drops(Action a) {
  return a == Action::kDrop || a == Action::kDropRest || a == Action::kDropTail ||
         a == Action::kDropBefore;
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

bool dropped_anywhere(const std::vector<Rule>& rules, const int* begin, const int* end) {
  return std::any_of(begin, end, [&](int k) {
    return rules[k].where == Where::kAnywhere && rules[k].action != Action::kKeep;
  });
}

std::size_t region_reach(std::size_t blocks) {
  return blocks > SIZE_MAX / tuning::kRegionStretch ? SIZE_MAX : blocks * tuning::kRegionStretch;
}

Hits find_hits(const RuleMatcher& matcher, const Document& doc, const PageUrl& url,
               std::size_t head_blocks, std::size_t tail_blocks) {
  const auto& rules = matcher.rules();
  const std::vector<Block>& blocks = doc.blocks;
  const Features features(blocks, url, doc.page_text, doc.kind);
  // What a rule needs of the document, asked once per rule, not per hit.
  // Whether the document is shaped like a story (for needs_story) is
  // answered after the other rules: what they take (a short story's menus,
  // tools and footers on an old page) does not count against the story.
  std::vector<char> in_document(rules.size());
  std::uint32_t asked = 0;  // bit f: a rule of this document asks Feature f
  for (std::size_t k = 0; k < rules.size(); ++k) {
    const Rule& r = rules[k];
    in_document[k] = r.in_scope(url.host) && fits_format(r.format, doc.html) &&
                     !r.suspended_on(doc.kind, doc.discussion);
    if (in_document[k]) asked |= 1u << static_cast<int>(r.feature);
  }
  const bool line_rules = matcher.has_rules(Unit::kLine);
  const bool list_items = matcher.has_list_item_rules();
  Hits hits;
  hits.reserve_blocks(blocks.size());
  std::vector<int> found, fit;
  std::size_t head_counted = 0;  // blocks before i that the head counts
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.decided_by >= 0) {  // an HTML rule decided it already (a figure caption)
      hits.add_block(&b.decided_by, &b.decided_by + 1);
      continue;
    }
    const auto fits = [&](int k, std::size_t words) {
      return in_document[k] && words_fit(rules[k], words) &&
             features.has(rules[k].feature, i);  // last: the dearest to ask
    };
    const BlockFeatures block_features(features, i);
    MatchScope scope;
    // Wide enough for what find_regions makes of them: the tail's count is
    // known only once the blocks after it are matched.
    scope.head = head_counted < head_blocks && i < region_reach(head_blocks);
    scope.tail = blocks.size() - i <= region_reach(tail_blocks);
    scope.features = &block_features;
    // A feature no rule here asks is not worked out (the chrome-words
    // model on HTML).
    scope.may_hold = ~features.lacking(i) & asked;
    fit.clear();
    // The rules that fit `text` (`only_list_items`: those of them that read
    // a list's item).
    const auto match_as = [&](Unit unit, std::string_view text, std::size_t words,
                              bool only_list_items) {
      matcher.match(unit, text, words, &found, scope);
      for (int k : found) {
        if ((!only_list_items || rules[k].list_items) && fits(k, words)) fit.push_back(k);
      }
    };
    // A decorated text ("» More news", "[ Print ]") is also matched without
    // its marks, as the rules write it; a list's item ("- 5 min read")
    // without its marker, by the rules that read one.
    const auto match = [&](Unit unit, std::string_view text, std::size_t words) {
      match_as(unit, text, words, false);
      const std::string_view bare = undecorated(text);
      if (!bare.empty()) match_as(unit, bare, count_words(bare), false);
      const std::string_view item = list_items ? list_item(text) : std::string_view{};
      if (!item.empty()) match_as(unit, item, count_words(item), true);
    };
    match(Unit::kBlock, b.text, b.words);
    // Line rules look at each line of a block (text blocks have one line;
    // HTML blocks may have several).
    std::size_t pos = line_rules ? 0 : b.text.size() + 1;
    while (pos <= b.text.size()) {
      std::size_t nl = b.text.find('\n', pos);
      if (nl == std::string::npos) nl = b.text.size();
      const std::string_view line(b.text.data() + pos, nl - pos);
      // A text block is one line, its words counted already (as count_words).
      const std::size_t line_words = !doc.html && line.size() == b.text.size() ? b.words
                                                                               : count_words(line);
      match(Unit::kLine, line, line_words);
      pos = nl + 1;
    }
    std::sort(fit.begin(), fit.end());
    const auto end = std::unique(fit.begin(), fit.end());
    hits.add_block(fit.data(), fit.data() + (end - fit.begin()));
    if (!dropped_anywhere(rules, fit.data(), fit.data() + (end - fit.begin()))) ++head_counted;
  }
  // Lines that are not prose and that rules not needing a story take are
  // left out (so the answer can only turn from no to yes).
  std::vector<bool> taken(blocks.size());
  bool story_rules = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    taken[i] = blocks[i].decided_by >= 0;
    for (int k : hits[i]) {
      story_rules = story_rules || rules[k].needs_story;
      // An among_dropped rule has not acted yet: it acts after the others.
      taken[i] = taken[i] || (!rules[k].needs_story && drops(rules[k].action) &&
                              rules[k].feature != Feature::kAmongDropped);
    }
    taken[i] = taken[i] && !blocks[i].prose;
  }
  if (!story_rules || is_story(blocks, &taken)) return hits;
  Hits kept;  // not a story: without the rules that need one
  kept.reserve_blocks(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].decided_by >= 0) {
      kept.add_block(&blocks[i].decided_by, &blocks[i].decided_by + 1);
      continue;
    }
    fit.clear();
    for (int k : hits[i]) {
      if (!rules[k].needs_story) fit.push_back(k);
    }
    kept.add_block(fit.data(), fit.data() + fit.size());
  }
  return kept;
}

}  // namespace newsclean
