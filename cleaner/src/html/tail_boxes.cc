#include "html/tail_boxes.h"

#include <algorithm>
#include <vector>

#include "core/tuning.h"
#include "html/content_climb.h"
#include "html/item_runs.h"
#include "html/removals.h"
#include "html/scoring.h"

namespace newsclean {

using namespace tuning;

namespace {

// Prose of `n` outside boxes named as boilerplate: the story's own.
std::size_t story_prose(PageState& st, xmlNode* n) {
  if (!PageState::measured(n) || st.stats(n).prose == 0) return 0;
  const std::size_t prose = st.stats(n).prose;
  return prose - std::min(prose, chrome_text(st, n, true));
}

// True if `n`, after the story's last paragraph, is a box of its own: one
// named as boilerplate, or mostly links (other stories, tags, shares).
bool is_tail_box(PageState& st, xmlNode* n) {
  if (!PageState::measured(n) || st.is_caption(n)) return false;
  for (xmlNode* k : st.keep) {
    if (contains(n, k)) return false;
  }
  const char* tag = name_of(n);
  if (!is_block_tag(tag) && !one_of(tag, {"aside", "nav", "form"})) return false;  // inline
  const NodeStats& s = st.stats(n);
  if (s.text == 0) return false;
  if (class_weight(st, n) < 0) return true;
  // (a paragraph that is one link, a source's address, is the story's)
  return !one_of(tag, {"p", "pre", "blockquote"}) && s.links * kTailLinkDen > s.text * kTailLinkNum;
}

// What follows the story below content element `n`, level by level after
// its last paragraph: the boxes of their own (is_tail_box) and, with
// `runs`, the runs of repeated items (item_runs.h), which the search for
// that paragraph passes over (their excerpts are prose too).
struct Tail {
  std::vector<xmlNode*> boxes, items;
  std::size_t text = 0;        // of the boxes
  std::size_t item_text = 0;   // of the items
  std::size_t item_prose = 0;  // story_prose of the items
};

Tail find_tail(PageState& st, xmlNode* n, bool runs) {
  Tail t;
  while (n != nullptr) {
    const std::vector<xmlNode*> run = runs ? trailing_items(st, n) : std::vector<xmlNode*>{};
    xmlNode* last = run.empty() ? n->last : run.front()->prev;
    while (last != nullptr && !(is_element(last) && story_prose(st, last) > 0 &&
                                !(runs && holds_items(st, last)))) {
      last = last->prev;
    }
    if (last == nullptr) break;
    for (xmlNode* c = last->next; c != nullptr; c = c->next) {
      if (!is_element(c)) continue;
      if (std::find(run.begin(), run.end(), c) != run.end() || (runs && holds_items(st, c))) {
        t.items.push_back(c);
        t.item_text += st.stats(c).text;
        t.item_prose += story_prose(st, c);
      } else if (is_tail_box(st, c)) {
        t.boxes.push_back(c);
        t.text += st.stats(c).text;
      }
    }
    n = last;
  }
  return t;
}

}  // namespace

void trim_tail(PageState& st, xmlNode* n) {
  if (st.kind == PageKind::kListing) return;
  const std::size_t story = story_prose(st, n);
  // Repeated items go on an article (on a page that does not say what it
  // is they were the content of service pages: WCXB-dev tune -0.0009), after
  // a short story: at least kHeadedMinProse of its prose besides them (not
  // the introduction of a list that is the page) and under kStoryChars (a
  // longer story is not the worse for them), and when they are not so many
  // that they are the page (kItemListMaxChars). Else the tail is read as
  // without them.
  Tail tail = find_tail(st, n, st.kind == PageKind::kArticle);
  if (!tail.items.empty()) {
    const std::size_t own = story - std::min(story, tail.item_prose);
    if (own >= kHeadedMinProse && own < kStoryChars && tail.item_text <= kItemListMaxChars) {
      for (xmlNode* i : tail.items) st.remove(i, -1, kOutsideContent);
    } else {
      tail = find_tail(st, n, false);
    }
  }
  const std::vector<xmlNode*>& boxes = tail.boxes;
  const std::size_t text = tail.text;
  if (text > story && st.kind == PageKind::kArticle) {
    // Boxes that outweigh a short story: those that read as no story of
    // their own still go (cards, lists, an author box, widgets); a box of
    // more prose than the story's (a thread's replies) stays.
    for (xmlNode* b : boxes) {
      const NodeStats& s = st.stats(b);
      if (s.prose * kTailProseDen < s.text * kTailProseNum || s.prose <= story) {
        st.remove(b, -1, kOutsideContent);
      }
    }
    return;
  }
  if (text > story && st.kind != PageKind::kProduct) return;
  for (xmlNode* b : boxes) st.remove(b, -1, kOutsideContent);
}

}  // namespace newsclean
