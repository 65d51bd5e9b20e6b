// The story container: the scorer's choice (choose_by_scores), its spread
// or its own box for a headed short story, and its lead. The climb to a
// higher parent is apart (content_climb.cc), and so are the scoring
// (scoring.cc) and the trim of the container's tail (tail_boxes.cc).
#include "html/content.h"

#include <algorithm>
#include <string>

#include "core/text.h"
#include "core/tuning.h"
#include "html/content_climb.h"
#include "html/scoring.h"
#include "html/selectors.h"

namespace newsclean {

using namespace tuning;

namespace {

// Moves the top candidate up when the story is split over several
// containers: to the common ancestor of three or more near-equal
// candidates (on an article, not one that adds only boxes after the story:
// adds_tail_boxes), to a parent that scores higher (unless it adds mostly link
// lists, named boilerplate boxes or short lines after the story), to an ancestor with few links and much
// more prose (on an article, not prose of named boilerplate boxes), and out
// of wrappers that hold nothing else. No climb joins an <article> story to
// teaser cards of other stories (holds_cards), nor takes in a second copy
// of the story (holds_copy).
xmlNode* promote(PageState& st, xmlNode* top, double best, xmlNode* body,
                 const std::vector<xmlNode*>& others) {
  std::vector<xmlNode*> near;
  for (xmlNode* c : st.candidates) {
    if (c != top && c->parent != nullptr && final_score(st, c) >= kNearCandidateShare * best &&
        !contains(c, top) && !contains(top, c)) {
      near.push_back(c);
    }
  }
  if (near.size() >= 2) {
    for (xmlNode* a = top->parent; a != nullptr && a != body && is_element(a); a = a->parent) {
      const auto inside =
          std::count_if(near.begin(), near.end(), [&](xmlNode* c) { return contains(a, c); });
      if (holds_cards(st, a, top, others) || holds_copy(st, a, top)) break;
      if (inside >= 2) {
        if (st.kind == PageKind::kArticle && adds_tail_boxes(st, top, a)) break;
        top = a;
        break;
      }
    }
  }
  double last = final_score(st, top);
  for (xmlNode* p = top->parent; p != nullptr && p != body && is_element(p); p = p->parent) {
    if (!PageState::measured(p) || !st.stats(p).scored) continue;
    const double score = final_score(st, p);
    if (score < last / kClimbStopRatio) break;
    if (score > last) {
      if (!adds_link_lists(st, top, p) && !adds_chrome(st, top, p, false) &&
          !holds_cards(st, p, top, others) && !holds_copy(st, p, top) &&
          !adds_short_lines(st, top, p)) {
        top = p;
      }
      break;
    }
    last = score;
  }
  // A story split over sibling boxes (one per section): an ancestor with
  // few links whose prose is half again that of its child holds more of
  // it. Link-heavy ancestors (the page's lists and menus) stop the climb.
  xmlNode* below = top;
  for (xmlNode* p = top->parent;
       p != nullptr && p != body && is_element(p) && PageState::measured(p); p = p->parent) {
    const NodeStats& ps = st.stats(p);
    if (ps.text == 0 || ps.links * kStoryLinkShare > ps.text) break;
    if (holds_cards(st, p, top, others) || holds_copy(st, p, top)) break;
    if (ps.prose * kClimbProseDen >= st.stats(below).prose * kClimbProseNum &&
        !(st.kind == PageKind::kArticle && adds_chrome(st, top, p, true))) {
      top = p;
    }
    below = p;
  }
  while (top->parent != nullptr && top->parent != body && is_element(top->parent)) {
    int children = 0;
    for (xmlNode* c = top->parent->children; c != nullptr; c = c->next) {
      children += is_element(c) ? 1 : 0;
    }
    if (children != 1) break;
    top = top->parent;
  }
  return top;
}

// The elements of `nodes` (in document order) that are inside no other.
std::vector<xmlNode*> outermost(std::vector<xmlNode*> nodes) {
  std::vector<xmlNode*> out;
  for (xmlNode* n : nodes) {
    if (std::none_of(out.begin(), out.end(), [&](xmlNode* o) { return contains(o, n); })) {
      out.push_back(n);
    }
  }
  return out;
}

// Characters of text below `nodes`.
std::size_t text_length(PageState& st, const std::vector<xmlNode*>& nodes) {
  std::size_t n = 0;
  for (xmlNode* e : nodes) n += PageState::measured(e) ? st.stats(e).text : text_of(e).size();
  return n;
}

// Characters of text that `a` and `b` (each of elements inside no other of
// its list) both hold: an element of one inside an element of the other.
std::size_t shared_text(PageState& st, const std::vector<xmlNode*>& a,
                        const std::vector<xmlNode*>& b) {
  std::size_t n = 0;
  for (xmlNode* x : a) {
    for (xmlNode* y : b) {
      if (contains(x, y)) {
        n += text_length(st, {y});
      } else if (contains(y, x)) {
        n += text_length(st, {x});
      }
    }
  }
  return n;
}

// True if a guarded body rule's selection `nodes` (an imported site pack's,
// which may be older than the site's markup) is not the story the scorer
// found in `scored`: much less text (the XPath names a teaser or a byline of
// a redesigned page), much more (the page around the story), or elsewhere.
// A scorer that found nothing leaves it to the rule.
bool disagrees(PageState& st, const std::vector<xmlNode*>& nodes,
               const std::vector<xmlNode*>& scored) {
  const std::size_t chosen = text_length(st, nodes), scorer = text_length(st, scored);
  return scorer > 0 && (chosen * kBodyRuleMaxGrowthDen > scorer * kBodyRuleMaxGrowthNum ||
                        chosen * kBodyRuleMinShare < scorer ||
                        shared_text(st, nodes, scored) * kBodyRuleOverlapDen <
                            std::min(chosen, scorer) * kBodyRuleOverlapNum);
}

// True if `n` holds, or held before a rule took it out, a form control, a
// picture or the title: a form's box (a sign-up, a search, the messages it
// shows when sent), a picture's (its caption) or the title's (a header with
// its byline) is not the story's lead.
bool holds_control(PageState& st, xmlNode* n) {
  bool found = false;
  walk(
      n,
      [&](xmlNode* e) {
        if (found) return false;
        if (const Removed* r = st.removal_at(e)) {
          found = holds_control(st, r->node);
          return false;
        }
        if (!is_element(e)) return false;
        found = one_of(name_of(e), {"form", "input", "button", "select", "textarea", "h1", "img"});
        return !found;
      },
      [](xmlNode*) {});
  return found;
}

// True if `n` holds a picture and less text than a lead (kLeadMinChars):
// its caption or credit.
bool is_picture_box(PageState& st, xmlNode* n) {
  if (st.stats(n).text >= kLeadMinChars) return false;
  bool found = false;
  walk(
      n,
      [&](xmlNode* e) {
        if (found || !is_element(e)) return false;
        found = one_of(name_of(e), {"img", "picture", "figure"});
        return !found;
      },
      [](xmlNode*) {});
  return found;
}

// True if `n`, the box with text just before the story's container `top`,
// is the story's lead (a standfirst in a box of its own): paragraphs of
// prose for most of its text (at least kLeadMinChars) that end as a
// sentence does, few links (a name linked in passing) and not what
// holds_control finds, and shorter than the story.
bool is_lead(PageState& st, xmlNode* n, xmlNode* top) {
  if (st.is_caption(n) || !is_block_tag(name_of(n))) return false;
  const NodeStats& s = st.stats(n);
  if (s.links * kLeadLinkDen > s.text || s.prose < kLeadMinChars) return false;
  if (holds_control(st, n)) return false;
  if (!ends_as_sentence(text_of(n))) return false;
  return s.prose * kLeadProseDen >= s.text * kLeadProseNum &&
         s.text * kLeadStoryShare <= st.stats(top).text;
}

// The first <h1> below `body`, or null.
xmlNode* first_h1(xmlNode* body) {
  xmlNode* found = nullptr;
  walk(
      body,
      [&](xmlNode* e) {
        if (found != nullptr || !is_element(e)) return false;
        if (is_tag(e, "h1")) found = e;
        return found == nullptr;
      },
      [](xmlNode*) {});
  return found;
}

// Prose beside `top` inside `a` (its ancestor) in boxes that read as more
// of a story: the element siblings of top's boxes up to `a`, each with at
// most 1/kHeadedLinkShare of its text in links and, outside boxes named as
// boilerplate, kHeadedParagraphChars of prose a paragraph on average.
std::size_t story_prose_beside(PageState& st, xmlNode* top, xmlNode* a) {
  std::size_t sum = 0;
  for (xmlNode* x = top; x != a && x->parent != nullptr; x = x->parent) {
    for (xmlNode* f = x->parent->children; f != nullptr; f = f->next) {
      if (f == x || !is_element(f) || !PageState::measured(f)) continue;
      const NodeStats& s = st.stats(f);
      if (s.paragraphs == 0 || s.links * kHeadedLinkShare > s.text) continue;
      const std::size_t prose = s.prose - std::min(s.prose, chrome_text(st, f, true));
      if (prose >= kHeadedParagraphChars * s.paragraphs) sum += prose;
    }
  }
  return sum;
}

// The spread (choose_by_scores) would take `a` for the winner `top`: null
// when it should, or the story's own box when `top` is a headed short
// story (see kHeadedMinProse): the smallest box holding top and the
// page's first <h1> when it has few links, else top.
xmlNode* headed_story(PageState& st, xmlNode* top, xmlNode* a, xmlNode* body) {
  if (st.kind != PageKind::kArticle || a == top) return nullptr;
  const std::size_t prose = st.stats(top).prose;
  if (prose < kHeadedMinProse) return nullptr;
  xmlNode* h1 = first_h1(body);
  if (h1 == nullptr) return nullptr;
  xmlNode* box = top;
  while (box != nullptr && !contains(box, h1)) box = box->parent;
  if (box == nullptr || !PageState::measured(box)) return nullptr;
  const NodeStats& b = st.stats(box);
  if (b.prose * kHeadedBoxProseDen > prose * kHeadedBoxProseNum) return nullptr;
  if (story_prose_beside(st, top, a) >= prose) return nullptr;
  return b.links * kHeadedLinkShare <= b.text ? box : top;
}

// A candidate and its final score.
struct Scored { xmlNode* node = nullptr; double score = 0; };

// The best-scoring candidate still in the tree for which `take` is true;
// a null node when none is.
template <typename Take>
Scored best_candidate(PageState& st, Take take) {
  Scored out;
  for (xmlNode* c : st.candidates) {
    if (c->parent == nullptr || !take(c)) continue;  // unlinked, or not asked for
    const double f = final_score(st, c);
    if (out.node == nullptr || f > out.score) out = {c, f};
  }
  return out;
}

// The scorer's choice: the best candidate, promoted, and the siblings that
// continue it.
std::vector<xmlNode*> choose_by_scores(PageState& st, xmlNode* body) {
  const Scored first = best_candidate(st, [](xmlNode*) { return true; });
  xmlNode* top = first.node;
  double best = first.score;
  if (top == nullptr) return {};  // no paragraph anywhere: not an article
  // A winner inside a dialog (a consent box, a modal over the page) gives
  // way to the best candidate outside every dialog that scores
  // kDialogRivalShare of it; the dialog is then no part of the page: not
  // its text, not a rival, not a sibling.
  xmlNode* dialog = nullptr;
  if (in_dialog(top, st.bytes)) {
    const Scored rival = best_candidate(
        st, [&](xmlNode* c) { return !contains(c, top) && !in_dialog(c, st.bytes); });
    if (rival.node != nullptr && rival.score >= kDialogRivalShare * best) {
      for (xmlNode* a = top; a != nullptr && a != body && is_element(a); a = a->parent) {
        if (is_dialog(a, st.bytes)) dialog = a;
      }
      top = rival.node;
      best = rival.score;
    }
  }
  const auto with_dialog = [&](xmlNode* n) {
    return dialog != nullptr && (contains(dialog, n) || contains(n, dialog));
  };
  std::vector<xmlNode*> others = other_articles(st, top, body);
  // Of several stories on the page, the one its title names, and nothing
  // of the others: no spread, no climb past its <article>.
  xmlNode* titled = titled_article(st, top, body, others);
  const Scored inside = titled == nullptr ? Scored{} : best_candidate(st, [&](xmlNode* c) {
    return contains(titled, c);
  });
  if (inside.node == nullptr) {
    titled = nullptr;
  } else {
    top = inside.node;
    best = inside.score;
    others = other_articles(st, top, body);
  }
  top = promote(st, top, best, body, others);
  if (titled != nullptr && (top == titled || !contains(titled, top))) return {titled};
  // A page whose text is spread over many boxes (a service or product
  // page) is not one container: when the winner holds less than half of
  // the page's paragraph text and is either short or under a fifth of it,
  // and the page shows many boxes, take the smallest ancestor holding four
  // fifths. A winner that is a story in itself and holds half the page's
  // prose (paragraph text outside links) stays: the rest is lists of links.
  const std::size_t all = st.stats(body).para - (dialog ? st.stats(dialog).para : 0);
  const std::size_t held = st.stats(top).para;
  const std::size_t all_prose = st.stats(body).prose - (dialog ? st.stats(dialog).prose : 0);
  const std::size_t held_prose = st.stats(top).prose;
  const bool story = held_prose >= kStoryChars && held_prose * 2 >= all_prose;
  // Many boxes, not one short story beside its surroundings: another
  // candidate outside the winner scores near it, or (unless the page says
  // it is an article) the winner has too few paragraphs to be a story: an
  // introduction above a list of cards.
  const auto many_boxes = [&] {
    return (st.kind != PageKind::kArticle && st.stats(top).paragraphs < kStoryMinParagraphs) ||
           std::any_of(st.candidates.begin(), st.candidates.end(), [&](xmlNode* c) {
             return c->parent != nullptr && !contains(c, top) && !contains(top, c) &&
                    !(dialog != nullptr && contains(dialog, c)) &&
                    final_score(st, c) >= kSpreadRivalShare * best;
           });
  };
  if (titled == nullptr && all > 0 && held * 2 < all &&
      (held < kStoryChars || held * kSpreadWinnerShare < all) && !story && many_boxes()) {
    xmlNode* a = top;
    while (a->parent != nullptr && a != body && is_element(a->parent) &&
           st.stats(a).para * kSpreadHoldDen < all * kSpreadHoldNum) {
      a = a->parent;
    }
    // A short story under its heading keeps its box: what the spread
    // would add is the page around it.
    xmlNode* own = headed_story(st, top, a, body);
    if (own == nullptr) return {a};
    if (own != top) return {own};
  }
  best = final_score(st, top);
  xmlNode* parent = top->parent;
  if (parent == nullptr || !is_element(parent) || top == body) return {top};
  std::vector<xmlNode*> out;
  const double threshold = std::max(kSiblingMinScore, best * kSiblingShare);
  for (xmlNode* s = parent->children; s != nullptr; s = s->next) {
    if (!is_element(s)) continue;
    if (s == top) {
      out.push_back(s);
      continue;
    }
    const NodeStats& ss = st.stats(s);
    if (holds_copy(st, s, top) || with_dialog(s)) continue;
    bool append = ss.scored && final_score(st, s) >= threshold;
    if (!append && is_tag(s, "p") && ss.text > 0) {
      const double density = static_cast<double>(ss.links) / ss.text;
      const std::string text = text_of(s);
      append = (ss.text > kSiblingParagraphChars && density < kSiblingLinkDensity) ||
               (density == 0 && !text.empty() && text.back() == '.');
    }
    if (append) out.push_back(s);
  }
  // The lead is the box with text before `top`, past a picture's box (a
  // photo with its caption or credit between the standfirst and the story).
  xmlNode* lead = top->prev;
  while (lead != nullptr && !(is_element(lead) && PageState::measured(lead) &&
                              st.stats(lead).text > 0 && !is_picture_box(st, lead))) {
    lead = lead->prev;
  }
  if (lead != nullptr && !with_dialog(lead) && is_lead(st, lead, top) &&
      std::find(out.begin(), out.end(), lead) == out.end()) {
    out.insert(std::find(out.begin(), out.end(), top), lead);
  }
  return out;
}

}  // namespace

std::vector<xmlNode*> choose_content(PageState& st, xmlNode* body) {
  st.body_rule = nullptr;
  std::vector<xmlNode*> scored;
  bool have_scored = false;
  for (const Rule* r : st.rules.body) {
    if (!r->in_scope(st.url.host) || suspended(st, *r)) continue;
    std::vector<xmlNode*> nodes = outermost(select_xpath(st.doc, r->body));
    if (nodes.empty()) continue;
    if (!have_scored && r->guarded) {
      scored = choose_by_scores(st, body);
      have_scored = true;
    }
    if (r->guarded && disagrees(st, nodes, scored)) continue;
    st.body_rule = r;
    return nodes;
  }
  return have_scored ? scored : choose_by_scores(st, body);
}

}  // namespace newsclean
