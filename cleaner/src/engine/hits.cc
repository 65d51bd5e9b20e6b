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
  // The rules that fit block i within `scope`, appended to `fit`.
  const auto match_block = [&](std::size_t i, const MatchScope& scope) {
    const Block& b = blocks[i];
    const auto fits = [&](int k, std::size_t words) {
      return in_document[k] && words_fit(rules[k], words) &&
             features.has(rules[k].feature, i);  // last: the dearest to ask
    };
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
    fit.erase(std::unique(fit.begin(), fit.end()), fit.end());
  };
  const auto scope_of = [&](std::size_t i, const BlockFeatures& block_features) {
    MatchScope scope;
    scope.features = &block_features;
    // A feature no rule here asks is not worked out (the chrome-words
    // model on HTML).
    scope.may_hold = ~features.lacking(i) & asked;
    return scope;
  };
  // The last blocks (as far as the tail may stretch) wait: whether the
  // tail holds one is known once the blocks after it are matched, and its
  // rules are looked for only there (find_regions counts the same way).
  const std::size_t n = blocks.size();
  const std::size_t sure_tail = n > tail_blocks ? n - tail_blocks : 0;
  const std::size_t maybe_tail = n > region_reach(tail_blocks) ? n - region_reach(tail_blocks) : 0;
  std::vector<std::vector<int>> waiting;  // the fits of blocks [maybe_tail, n)
  std::vector<char> chrome;               // ... and whether an `anywhere` rule drops each
  std::size_t head_counted = 0;  // blocks before i that the head counts
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = blocks[i];
    fit.clear();
    if (b.decided_by >= 0) {  // an HTML rule decided it already (a figure caption)
      fit.push_back(b.decided_by);
    } else {
      const BlockFeatures block_features(features, i);
      MatchScope scope = scope_of(i, block_features);
      scope.head = head_counted < head_blocks && i < region_reach(head_blocks);
      scope.tail = i >= sure_tail;
      match_block(i, scope);
    }
    // Asked only where a region's count needs it: the first blocks (the
    // head's) and the last (the tail's).
    const bool counts = i < region_reach(head_blocks) || i >= maybe_tail;
    const bool dropped = counts && dropped_anywhere(rules, fit.data(), fit.data() + fit.size());
    if (b.decided_by < 0 && !dropped) ++head_counted;
    if (i < maybe_tail) {
      hits.add_block(fit.data(), fit.data() + fit.size());
    } else {
      waiting.push_back(fit);
      chrome.push_back(dropped);
    }
  }
  // The tail: tail_blocks blocks that no `anywhere` rule drops, counted from
  // the end, at most region_reach of them; the tail's rules for the blocks
  // it holds beyond the sure ones.
  const std::size_t in_tail = region_size(tail_blocks, waiting.size(), [&](std::size_t j) {
    return chrome[waiting.size() - 1 - j] != 0;
  });
  for (std::size_t i = n - in_tail; i < sure_tail; ++i) {
    if (blocks[i].decided_by >= 0) continue;
    const BlockFeatures block_features(features, i);
    MatchScope scope = scope_of(i, block_features);
    scope.head = false;
    scope.anywhere = false;
    fit.swap(waiting[i - maybe_tail]);
    match_block(i, scope);
    fit.swap(waiting[i - maybe_tail]);
  }
  for (const std::vector<int>& w : waiting) hits.add_block(w.data(), w.data() + w.size());
  // Lines that are not prose and that rules not needing a story take are
  // left out (so the answer can only turn from no to yes).
  std::vector<bool> taken(blocks.size()), taken_prose(blocks.size());
  bool story_rules = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    taken[i] = blocks[i].decided_by >= 0;
    for (int k : hits[i]) {
      story_rules = story_rules || rules[k].needs_story;
      // An among_dropped rule (and a head_ or tail_among_dropped one) has
      // not acted yet: it acts after the others.
      taken[i] = taken[i] || (!rules[k].needs_story && drops(rules[k].action) &&
                              !acts_among_dropped(rules[k].feature));
    }
    taken_prose[i] = taken[i] && blocks[i].prose;
    taken[i] = taken[i] && !blocks[i].prose;
  }
  if (!story_rules || is_story(blocks, &taken, &taken_prose)) return hits;
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
