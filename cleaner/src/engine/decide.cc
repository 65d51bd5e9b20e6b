#include "engine/decide.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/decoration.h"
#include "core/tuning.h"
#include "engine/block_runs.h"

namespace newsclean {

void keep_captions_that_are_the_content(const std::vector<Rule>& rules,
                                        const std::vector<Block>& blocks,
                                        std::vector<Decision>* d) {
  // The caption lines whose text occurs once: a label repeated on every
  // card ("Quick view") is the template's and leaves whatever happens.
  std::unordered_map<std::string_view, std::size_t> seen;
  std::vector<std::size_t> lines;
  std::size_t prose_bytes = 0;
  for (std::size_t i = 0; i < d->size(); ++i) {
    const Decision& x = (*d)[i];
    if (x.kind == Decision::kDrop && rules[x.rule].caption) {
      ++seen[blocks[i].text];
      lines.push_back(i);
    } else if (x.kept() && blocks[i].prose) {
      prose_bytes += blocks[i].text.size();
    }
  }
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [&](std::size_t i) { return seen[blocks[i].text] > 1; }),
              lines.end());
  std::size_t caption_bytes = 0;
  for (std::size_t i : lines) caption_bytes += blocks[i].text.size();
  if (lines.size() < tuning::kCaptionsContentLines || caption_bytes <= prose_bytes) return;
  for (std::size_t i : lines) (*d)[i] = Decision{};
}

Regions find_regions(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                     const Hits& hits, std::size_t head_blocks,
                     std::size_t tail_blocks) {
  const std::size_t n = blocks.size();
  const auto chrome = [&](std::size_t i) {  // dropped by an `anywhere` rule
    return dropped_anywhere(rules, hits[i].begin(), hits[i].end());
  };
  // A head's stamp that reads like a sentence ("4 de junio de 2019 - 10:48
  // a. m."): a head rule of the posting time fits it.
  const auto stamp = [&](std::size_t i) {
    return std::any_of(hits[i].begin(), hits[i].end(), [&](int k) {
      return rules[k].where == Where::kHead && rules[k].category == "reading-time";
    });
  };
  // The story starts at the first prose block that no `anywhere` rule drops
  // (a long caption is prose-shaped but is not the story) and that is no
  // stamp.
  std::size_t first_prose = 0;
  while (first_prose < n &&
         !(blocks[first_prose].prose && !chrome(first_prose) && !stamp(first_prose))) {
    ++first_prose;
  }
  // The head and the tail hold so many blocks besides the ones `anywhere`
  // rules drop (an old page's menu rows and copyright lines), up to
  // region_reach blocks.
  Regions reg;
  // Without a prose block the last block is the story, never the head.
  const std::size_t head_limit = first_prose < n ? first_prose : (n > 0 ? n - 1 : 0);
  reg.head_end = std::min(head_limit, region_size(head_blocks, n, chrome));
  const std::size_t after_story = first_prose < n ? first_prose + 1 : 0;
  const std::size_t window =
      n - region_size(tail_blocks, n, [&](std::size_t j) { return chrome(n - 1 - j); });
  reg.tail_begin = std::max(after_story, window);
  if (first_prose < n && reg.head_end == first_prose &&
      blocks[first_prose].words <= tuning::kDeckMaxWords) {
    reg.deck_end = first_prose + 1;
    reg.byline_end = reg.deck_end;
    while (reg.byline_end < n && reg.byline_end - reg.deck_end < tuning::kDeckBylineLines &&
           !blocks[reg.byline_end].prose) {
      ++reg.byline_end;
    }
  }
  return reg;
}

void drop_headings_of_dropped_boxes(const std::vector<Block>& blocks,
                                    std::vector<Decision>* d) {
  const auto heading = [](const Block& b) {
    return !b.ends_sentence && (b.kind == BlockKind::kHeading ||
                                (b.bold && b.words <= tuning::kBoldHeadingMaxWords));
  };
  std::vector<Decision>& dec = *d;
  std::size_t last = blocks.size();  // the last kept block
  while (last > 0 && !dec[last - 1].kept()) --last;
  if (last == 0 || last == blocks.size() || dec[last].kind != Decision::kDrop) return;
  // The box is a list: its first two lines are links (one is a card's
  // button under its own heading), and no heading of its own (the next
  // column's) opens it.
  for (std::size_t i = last; i < last + 2; ++i) {
    if (i == blocks.size() || heading(blocks[i]) ||
        blocks[i].link_ratio <= tuning::kLinkHeavyRatio) {
      return;
    }
  }
  const int rule = dec[last].rule;
  std::size_t first = last;  // the headings run [first, last)
  while (first > 0 && dec[first - 1].kept() && heading(blocks[first - 1])) --first;
  if (first == last) return;
  const bool other = std::any_of(blocks.begin(), blocks.begin() + first,
                                 [&](const Block& b) { return !heading(b); });
  if (!other) return;
  for (std::size_t i = first; i < last; ++i) dec[i] = {Decision::kDrop, rule};
}

void drop_comment_runs(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                       const Hits& hits, std::vector<Decision>* d) {
  std::vector<Decision>& dec = *d;
  const std::size_t n = blocks.size();
  const auto comments_label = [&](std::size_t i) {
    return !dec[i].kept() && std::any_of(hits[i].begin(), hits[i].end(), [&](int k) {
      return rules[k].action == Action::kDrop && rules[k].category == "comments";
    });
  };
  // Most documents have no such label: nothing more to read.
  std::size_t first_label = 0;
  while (first_label < n && !comments_label(first_label)) ++first_label;
  if (first_label == n) return;
  // Whether kept prose stands at or after block j (read once, from the end:
  // the runs that go below lie before the blocks it is asked of).
  std::vector<bool> prose_from(n + 1, false);
  for (std::size_t j = n; j-- > 0;) {
    prose_from[j] = prose_from[j + 1] || (dec[j].kept() && blocks[j].prose);
  }
  std::size_t prose_before = 0, words_before = 0;  // kept prose before block i
  for (std::size_t i = 0; i < n; ++i) {
    if (i >= first_label && prose_before >= tuning::kStoryMinProse && comments_label(i)) {
      std::size_t end = i + 1, words = 0;  // the run [i + 1, end)
      while (end < n && dec[end].kept() && end - i <= tuning::kCommentRunMaxLines) {
        words += blocks[end].words;
        ++end;
      }
      // A dropped line closes the run, and the story does not go on after it.
      const bool resumes = end == n || dec[end].kept() || prose_from[end];
      if (end > i + 1 && !resumes && words_before >= tuning::kCommentRunStoryRatio * words) {
        for (std::size_t j = i + 1; j < end; ++j) dec[j] = {Decision::kDrop, dec[i].rule};
        i = end - 1;
        continue;
      }
    }
    if (dec[i].kept() && blocks[i].prose) {
      ++prose_before;
      words_before += blocks[i].words;
    }
  }
}

namespace {

// Whether block j, after an inline teaser's headlines (the shortest of them
// `shortest` words long), is the story's subheading: a short line, not a
// sentence, at most half as long as any headline before it, with the
// story's prose or its list under it ("Ce qu'il faut savoir" after "À lire
// aussi :" and two headlines). A teaser's headlines are of one kind, and long.
bool heads_story_after_teaser(const std::vector<Block>& blocks, std::size_t j,
                              std::size_t shortest) {
  const Block& b = blocks[j];
  if (shortest == SIZE_MAX || j + 1 >= blocks.size() || b.ends_sentence ||
      b.words > tuning::kSubheadingMaxWords || 2 * b.words > shortest) {
    return false;
  }
  const Block& next = blocks[j + 1];
  return (next.prose && next.words >= tuning::kStoryParagraphWords) ||
         !list_item(next.text).empty();
}

// Rules that act after the others: among_dropped, head_among_dropped and
// tail_among_dropped ones (drop_among_dropped) and chrome_words ones (at
// the end of decide).
bool acts_late(const Rule& r) {
  return acts_among_dropped(r.feature) || r.feature == Feature::kChromeWords;
}

}  // namespace

std::vector<Decision> decide(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                             const Hits& hits, const Regions& reg) {
  const std::size_t n = hits.size();
  std::vector<Decision> d(n);
  std::vector<bool> used(rules.size(), false);  // for `once` rules
  for (std::size_t i = 0; i < n; ++i) {
    int keep = -1;
    int act = -1;
    int other = -1;  // the next rule that acts on the block
    bool chrome = false;  // a chrome_words rule acts on it, last
    for (int k : hits[i]) {
      const Rule& r = rules[k];
      if (!reg.allows(r, i) || (r.once && used[k])) continue;
      chrome = chrome || r.feature == Feature::kChromeWords;
      if (acts_late(r)) continue;
      if (r.action == Action::kKeep) {
        if (keep < 0) keep = k;
      } else if (act < 0) {
        act = k;
      } else if (other < 0) {
        other = k;
      }
    }
    // The headline is a line no other rule names: a title rule yields the
    // block to another that acts on it (a breadcrumb, "Subscribe from £1 a
    // week"; the chrome-words model, at the end, "Home News Business Sports
    // Photos"), and looks on for the headline.
    if (act >= 0 && (other >= 0 || chrome) && rules[act].field == Field::kTitle &&
        rules[act].action == Action::kMetadata) {
      act = other;
    }
    if (keep >= 0) {
      d[i] = {Decision::kKeep, keep};
    } else if (act >= 0) {
      used[act] = true;
      d[i] = {rules[act].action == Action::kMetadata ? Decision::kMetadata
                                                      : Decision::kDrop,
              act};
    }
  }
  // Prose paragraphs and their bytes before each block, for drop_tail;
  // counted when a drop_tail rule first acts.
  std::vector<std::size_t> paragraphs_before, prose_before;
  const auto count_prose = [&] {
    if (!prose_before.empty()) return;
    paragraphs_before.assign(n + 1, 0);
    prose_before.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
      const bool prose = blocks[j].prose;
      paragraphs_before[j + 1] = paragraphs_before[j] + (prose ? 1 : 0);
      prose_before[j + 1] = prose_before[j] + (prose ? blocks[j].text.size() : 0);
    }
  };
  std::size_t dropped_before = 0;  // blocks [0, dropped_before) filled by drop_before
  std::size_t rest_end = 0;        // blocks [.., rest_end) filled by a drop_rest
  // After the last two prose blocks in a row, the story's paragraphs are
  // over: a list of other stories' teasers alternates a headline and its
  // summary. Found when a drop_rest rule first acts.
  std::size_t paired_prose_end = SIZE_MAX;
  const auto find_paired_prose_end = [&] {
    if (paired_prose_end != SIZE_MAX) return;
    paired_prose_end = 0;
    for (std::size_t j = 0; j + 1 < n; ++j) {
      if (blocks[j].prose && blocks[j + 1].prose) paired_prose_end = j + 2;
    }
  };
  // Range actions fill the blocks that no rule of their own decided; a block
  // inside another's range that a rule of its own decided still acts (a
  // comment section's heading after a list of links).
  for (std::size_t i = 0; i < n; ++i) {
    if (d[i].kind != Decision::kDrop) continue;
    const Action a = rules[d[i].rule].action;
    if (a == Action::kDropRest) {
      // A run ends where the story resumes: a drop_rest inside another's
      // run ends where that one did, so it has nothing left to fill.
      if (i < rest_end) continue;
      find_paired_prose_end();
      std::size_t j = i + 1;
      // Whether the run so far is items with a mark ("- "), each with at
      // most one line under it (a summary), and whether block j-1 is such
      // an item; the fewest words of a headline in the run.
      bool marked = false, after_item = false;
      std::size_t shortest = SIZE_MAX;
      std::size_t last_summary = SIZE_MAX - 2;  // the run's last teaser summary
      // A run that opens a list (not one that goes on from the rule's
      // previous line, the story's own subheading cut in) may hold summaries.
      const bool opens = i == 0 || d[i - 1].rule != d[i].rule;
      for (; j < n; ++j) {
        const Block& b = blocks[j];
        // Such a list ends at a sentence without a mark and no item after
        // it: the story's next paragraph, however short.
        const bool item = !list_item(b.text).empty();
        if (j == i + 1) marked = item;
        if (marked && !item && b.ends_sentence &&
            (j + 1 == n || list_item(blocks[j + 1].text).empty())) {
          break;
        }
        marked = marked && (item || after_item);
        after_item = item;
        // In HTML a list of other stories is links; text that is not ends it,
        // but for a teaser: an item that opens with its headline's link.
        const bool teaser = b.kind == BlockKind::kListItem && b.lead_link &&
                            b.link_ratio >= tuning::kTeaserLinkRatio;
        // A teaser's summary: a sentence or two (tuning::kTeaserSummaryMaxWords
        // words at most, not running on as a paragraph) where no story
        // paragraphs follow, under the run's first headline or under one
        // right after a summary (a list of links ends where the story goes
        // on; a list of tips under their headings has longer paragraphs).
        const bool summary = opens && b.prose && b.words <= tuning::kTeaserSummaryMaxWords &&
                             !runs_on_as_paragraph(b) && j >= paired_prose_end &&
                             (j == i + 2 || j == last_summary + 2) &&
                             d[j - 1].rule == d[i].rule && !blocks[j - 1].ends_sentence;
        if (summary) last_summary = j;
        // The story resumes.
        if ((b.prose || runs_on_as_paragraph(b)) &&
            b.words >= tuning::kStoryParagraphWords && !teaser && !summary) {
          break;
        }
        if (b.kind != BlockKind::kLine && b.link_ratio <= tuning::kLinkHeavyRatio && !teaser) {
          break;
        }
        // The story opens a list of its own after an inline teaser ("Read
        // also:" and a headline or two).
        if (j - i <= tuning::kInlineTeaserMaxLines + 1 && d[j].kind == Decision::kNone &&
            (leads_into_list(b) || heads_story_after_teaser(blocks, j, shortest))) {
          break;
        }
        shortest = std::min(shortest, b.words);
        if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
      }
      rest_end = j;
      continue;
    }
    if (a == Action::kDropTail) {
      // Everything after the block goes, prose included (a comment section),
      // once a story stands before it: enough prose paragraphs, and not far
      // less prose than would go. A link ("12 Comments" under each post of
      // a blog's front page) leads to a section elsewhere: only it goes.
      count_prose();
      const std::size_t before = prose_before[i];
      const std::size_t after = prose_before[n] - prose_before[i];
      if (blocks[i].link_ratio <= tuning::kLinkHeavyRatio &&
          paragraphs_before[i] >= tuning::kDropTailMinProse &&
          before * tuning::kDropTailMaxRatio >= after) {
        for (std::size_t j = i + 1; j < n; ++j) {
          if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
        }
        break;
      }
      continue;
    }
    if (a == Action::kDropBefore) {
      for (std::size_t j = dropped_before; j < i; ++j) {
        if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
      }
      dropped_before = i;
    }
  }
  // Last, the model of chrome words, on blocks nothing else decided: a
  // rule that names the line, or a range that holds it, explains it better.
  for (std::size_t i = 0; i < n; ++i) {
    if (d[i].kind != Decision::kNone) continue;
    for (int k : hits[i]) {
      const Rule& r = rules[k];
      if (r.feature == Feature::kChromeWords && reg.in(r.where, i) && !(r.once && used[k])) {
        used[k] = true;
        d[i] = {r.action == Action::kKeep       ? Decision::kKeep
                : r.action == Action::kMetadata ? Decision::kMetadata
                                                : Decision::kDrop,
                k};
        break;
      }
    }
  }
  return d;
}

}  // namespace newsclean
