// Decisions: from the hits of each block to what happens to it.
#ifndef NEWSCLEAN_SRC_ENGINE_DECIDE_H_
#define NEWSCLEAN_SRC_ENGINE_DECIDE_H_

#include <cstddef>
#include <vector>

#include "core/block.h"
#include "core/page_url.h"
#include "engine/hits.h"
#include "rules/rule.h"

namespace newsclean {

// What happens to one block, and by which rule (index, or -1).
struct Decision {
  enum Kind { kNone, kKeep, kDrop, kMetadata } kind = kNone;
  int rule = -1;
  bool kept() const { return kind == kNone || kind == kKeep; }
};

// Where head and tail rules may look.
struct Regions {
  std::size_t head_end = 0;    // blocks [0, head_end) are the head
  std::size_t tail_begin = 0;  // blocks [tail_begin, n) are the tail
  // The short lines under a standfirst, [deck_end, byline_end): the head's
  // bylines may still stand there ("By Jane Doe" under the deck).
  std::size_t deck_end = 0, byline_end = 0;
  bool in(Where w, std::size_t i) const {
    switch (w) {
      case Where::kHead: return i < head_end;
      case Where::kTail: return i >= tail_begin;
      case Where::kAnywhere: return true;
    }
    return false;
  }
  // Whether `r` may act on block i: in its region, or a head rule of a
  // byline or its time (category credit or reading-time) on the lines under
  // a standfirst.
  bool allows(const Rule& r, std::size_t i) const {
    return in(r.where, i) ||
           (r.where == Where::kHead && i >= deck_end && i < byline_end &&
            (r.category == "credit" || r.category == "reading-time"));
  }
};

// A heading left last in the text, after which only dropped blocks follow
// and first two lines of links, headed the box that went (a list of other
// stories under <b>Most read</b>): it goes with the box, by that line's
// rule. A heading is an <hN> or a short line all in bold without a
// sentence's end; when a heading follows it (the next column's), it stays.
void drop_headings_of_dropped_boxes(const std::vector<Block>& blocks,
                                    std::vector<Decision>* d);

// Caption lines leave only beside a story. When the distinct lines that
// caption rules drop are several (tuning::kCaptionsContentLines) and hold
// more characters than the prose that stays, they are the document's own
// entries (a catalogue whose every item ends in "(page images at ...)", a
// shop's product cards in figure captions) and stay. A line repeated word
// for word is a template's label and leaves.
void keep_captions_that_are_the_content(const std::vector<Rule>& rules,
                                        const std::vector<Block>& blocks,
                                        std::vector<Decision>* d);

// The head ends at the first prose block that no `anywhere` rule drops (a
// long caption is prose-shaped but is not the story) and no head stamp rule
// fits (a time that ends like a sentence, "10:48 a. m."), after at most
// `head_blocks`; the tail is the last `tail_blocks` after it. When that
// block is short (a standfirst, tuning::kDeckMaxWords), the lines that are
// not prose right under it, up to tuning::kDeckBylineLines, are where a
// byline and its time may stand (Regions::allows).
Regions find_regions(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                     const Hits& hits, std::size_t head_blocks,
                     std::size_t tail_blocks);

// One decision per block: `keep` wins, then the first rule in order that
// may act in its region (a `once` rule acts once); then the range actions
// (drop_rest, drop_tail, drop_before) fill the blocks no rule of their own
// decided; last, a rule with Feature::kChromeWords decides a block that is
// still undecided (the block alone: its range action reaches no further).
// Rules with Feature::kAmongDropped wait for drop_among_dropped.
std::vector<Decision> decide(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                             const Hits& hits, const Regions& regions);

// Readers' comments under their label: a comment section's label that a
// `comments` rule drops ("Vos réactions (3)", "Leserbriefe zu diesem
// Artikel (2)"), then at most tuning::kCommentRunMaxLines lines no rule
// dropped, then a dropped line: those lines are the comments and go by the
// label's rule, when no kept prose follows them (the story does not go on
// after its comments) and the kept prose before the label, kStoryMinProse
// blocks or more, holds tuning::kCommentRunStoryRatio times their words (a
// comment count under the headline or in the story's middle is a button).
void drop_comment_runs(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                       const Hits& hits, std::vector<Decision>* d);

// The neighbours vote (jusText's context pass, on lines): a run of lines
// that no rule decided and that an `among_dropped` rule fits (short lines
// that are not sentences) goes by that rule when it stands among lines the
// other rules drop: a dropped line on each side, or one side a dropped line
// and the other the document's start or end. On whole-page text
// (`page_text`) a run before the story's first kept prose block or after
// its last goes too when a dropped line touches it. Lines of the story stay:
// a line right above a kept prose block (its heading), the first line of an
// extractor's output and, before the first prose, the first line of
// tuning::kAmongDroppedTitleWords words or more that starts like a headline
// (the title), and inside the story a run that opens with a lead-in
// (leads_into_list) and holds two items or more (its own list). An
// extractor's output is read only when, without the lines the rules drop,
// it is shaped like a story (is_story; a product's specifications or a
// listing's entries are short lines too), and a run stays beside a dropped
// line that stands alone between it and another line that is not prose: a
// list the rules took every other line of. In such an
// output, after the story's last kept prose block, the lines that a
// `tail_among_dropped` rule fits (not prose) and no other took go by it
// when they stand after the first line there that a rule of what follows a
// story drops (comments, copyright, credit, footer, navigation, related,
// share, social, subscribe; not a caption or an advert's marker) and before
// the last dropped line, but a sentence right after an advert (the story
// goes on under it): the page's comments and boxes around the story's end.
// When those lines outweigh the story (not shaped like one), they go alone
// if the output without them is.
// Before its first kept prose block, the lines a `head_among_dropped` rule
// fits go when they stand in a run of at most
// tuning::kHeadBetweenMaxLines kept lines between two dropped lines, the
// title (the first kept line that starts like a headline) excepted, and,
// when a title rule took the headline, the few lines above the first
// dropped line at the output's top (tuning::kMastheadMaxLines; the site's
// name) that do not agree with `url`'s slug, and, when at most that many
// lines in all are kept between the first and the last dropped line, the
// few after its deck (prose under it with a line after that a rule dropped,
// not the chrome-words model alone) before the story's next prose.
// Last, once those have gone: the lines a `closing_among_dropped` rule fits
// go when every line left between a run of tuning::kClosingMinRun dropped
// lines or more that a footer, copyright, comments or credit rule opens and
// the last dropped line is one, at most tuning::kClosingMaxLines of
// tuning::kClosingMaxWords words in all, and the kept prose before the run
// has tuning::kClosingStoryRatio times their words (sentences too: a
// related story's summary, a classified ad among the footer's lines).
// After the line a title rule took (the page's title, "Headline | Site"),
// the lines the rules drop (a menu, a breadcrumb) and the first kept line
// after them (or the next one, after a section's short label, unless the
// two kept lines after that are shaped alike: a list's heading, "Key
// points"), or the line right under the title when lines the rules drop
// (a posting time, a byline) stand between it and the story's first prose,
// when it is the page's headline printed again: not a
// sentence nor a lead-in (a colon last), tuning::kTitleMinWordsWithoutUrl to
// tuning::kHeadlineAfterMenuMaxWords words, starting like a headline,
// with the story's prose within tuning::kTitleLookahead lines after it, and
// naming the page the URL names when there is one. It goes by the title
// rule, and the function says so. Not on whole-page text.
bool drop_headline_after_menu(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                              const PageUrl& url, std::vector<Decision>* d);

void drop_among_dropped(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                        const PageUrl& url, const Hits& hits, const Regions& regions,
                        bool page_text, std::vector<Decision>* d);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_DECIDE_H_
