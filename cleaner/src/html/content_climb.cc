#include "html/content_climb.h"

#include <algorithm>
#include <string>

#include "core/text.h"
#include "core/tuning.h"
#include "html/scoring.h"

namespace newsclean {

using namespace tuning;

bool contains(xmlNode* a, xmlNode* d) {
  for (xmlNode* p = d; p != nullptr; p = p->parent) {
    if (p == a) return true;
  }
  return false;
}

namespace {

// chrome_text of `n` without the branch that holds `child`.
std::size_t chrome_beside(PageState& st, xmlNode* n, xmlNode* child, bool prose) {
  if (n == child) return 0;
  if (!contains(n, child)) return chrome_text(st, n, prose);
  std::size_t sum = 0;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (is_element(c)) sum += chrome_beside(st, c, child, prose);
  }
  return sum;
}

// True if the element siblings after `n` (but copies of its text `own`)
// hold half as much prose again as `n`: the story goes on after it.
bool continued(PageState& st, xmlNode* n, const std::string& own) {
  std::size_t prose = 0;
  for (xmlNode* f = n->next; f != nullptr; f = f->next) {
    if (!is_element(f) || !PageState::measured(f)) continue;
    if (st.stats(f).text == own.size() && text_of(f) == own) continue;
    prose += st.stats(f).prose;
  }
  return prose * 2 >= st.stats(n).prose;
}

}  // namespace

// True if `parent` adds to the text of `child` (inside it) at least as
// much again, mostly in links: the story's container with lists of other
// pages around it, which score high by their many short items.
bool adds_link_lists(PageState& st, xmlNode* child, xmlNode* parent) {
  const NodeStats& c = st.stats(child);
  const NodeStats& p = st.stats(parent);
  if (p.text <= c.text) return false;
  const std::size_t added = p.text - c.text;
  const std::size_t added_links = p.links - std::min(p.links, c.links);
  return added >= c.text * kClimbAddedTextRatio &&
         added_links * kClimbAddedLinkDen > added * kClimbAddedLinkNum;
}

// Text (or prose, outside links) below `n` in boxes whose class or id names
// them as boilerplate: a sidebar, comments, related stories, an author box.
std::size_t chrome_text(PageState& st, xmlNode* n, bool prose) {
  if (!PageState::measured(n)) return 0;
  if (class_weight(st, n) < 0) return prose ? st.stats(n).prose : st.stats(n).text;
  std::size_t sum = 0;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (is_element(c)) sum += chrome_text(st, c, prose);
  }
  return sum;
}

// True if what `parent` adds to `child` (inside it) is mostly in boxes
// named as boilerplate: the climb would join the story to its surroundings
// (a short story is outscored by its sidebar and comments together). When
// the story's own boxes, up to `parent`, carry such a name (a thread whose
// posts sit in "comments"), the names tell nothing.
bool adds_chrome(PageState& st, xmlNode* child, xmlNode* parent, bool prose) {
  const NodeStats& c = st.stats(child);
  const NodeStats& p = st.stats(parent);
  const std::size_t below = prose ? c.prose : c.text;
  const std::size_t above = prose ? p.prose : p.text;
  if (above <= below) return false;
  for (xmlNode* a = child; a != nullptr && a != parent->parent; a = a->parent) {
    if (class_weight(st, a) < 0) return false;
  }
  return chrome_beside(st, parent, child, prose) * kClimbChromeDen >
         (above - below) * kClimbChromeNum;
}

namespace {

// The nearest <article> that is or holds `top`, below `body`; null when
// there is none.
xmlNode* own_article(xmlNode* top, xmlNode* body) {
  xmlNode* own = top;
  while (own != nullptr && own != body && !(is_element(own) && is_tag(own, "article"))) {
    own = own->parent;
  }
  return own == body ? nullptr : own;
}

}  // namespace

// The page's <article> elements outside the one that is or holds `top`
// (and not holding it), on a page that is not a forum or a listing; empty
// when `top` is in no <article>.
std::vector<xmlNode*> other_articles(PageState& st, xmlNode* top, xmlNode* body) {
  if (st.kind == PageKind::kForum || st.kind == PageKind::kListing) return {};
  xmlNode* own = own_article(top, body);
  if (own == nullptr) return {};
  std::vector<xmlNode*> out;
  walk(
      body,
      [&](xmlNode* n) {
        if (!is_element(n) || n == own) return false;  // (its own boxes are the story's)
        if (is_tag(n, "article") && !contains(n, top)) {
          out.push_back(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return out;
}

namespace {

// The text of the first <h1>, <h2> or <h3> below `a` (one line, text_of),
// lower-cased; "" when none.
std::string first_heading(xmlNode* a) {
  xmlNode* found = nullptr;
  walk(
      a,
      [&](xmlNode* e) {
        if (found != nullptr || !is_element(e)) return false;
        if (one_of(name_of(e), {"h1", "h2", "h3"})) found = e;
        return found == nullptr;
      },
      [](xmlNode*) {});
  return found == nullptr ? std::string() : lower(text_of(found));
}

// True if the page's title (lower-cased) holds `heading`, a heading of
// kTitledHeadingMinWords words at least.
bool titles(const std::string& title, const std::string& heading) {
  return count_words(heading) >= kTitledHeadingMinWords &&
         title.find(heading) != std::string::npos;
}

}  // namespace

// The page prints several stories, each an <article> with its own heading
// (the next ones of an endless scroll, loaded with the page), and the
// scorer's winner `top` sits in one whose heading the page's title does
// not hold: the page's story is the article of `others` whose heading the
// title holds (of several, the one with most prose), with kTitledMinProse
// of prose at least.
xmlNode* titled_article(PageState& st, xmlNode* top, xmlNode* body,
                        const std::vector<xmlNode*>& others) {
  if (st.title.empty() || others.empty()) return nullptr;
  xmlNode* own = own_article(top, body);
  if (own == nullptr) return nullptr;
  const std::string title = lower(std::string(st.title));  // one line (tidy)
  const std::string heading = first_heading(own);
  if (heading.empty() || titles(title, heading)) return nullptr;
  xmlNode* best = nullptr;
  for (xmlNode* o : others) {
    if (!PageState::measured(o) || st.stats(o).prose < kTitledMinProse) continue;
    if (best != nullptr && st.stats(o).prose <= st.stats(best).prose) continue;
    if (titles(title, first_heading(o))) best = o;
  }
  return best;
}

// True if `a`, an ancestor of `top`, holds teaser cards of other stories:
// <article> elements of `others` (other_articles), each with a link and
// under 1/kCardShare of top's text. A story whose sections are articles
// without links, or a list of whole posts, does not stop the climb.
bool holds_cards(PageState& st, xmlNode* a, xmlNode* top, const std::vector<xmlNode*>& others) {
  bool any = false;
  for (xmlNode* o : others) {
    if (!contains(a, o)) continue;
    if (!PageState::measured(o)) return false;
    const NodeStats& s = st.stats(o);
    if (s.links == 0 || s.text * kCardShare >= st.stats(top).text) return false;
    any = true;
  }
  return any;
}

// True if all that `parent` adds to `child` (inside it) comes after it and
// its scored paragraphs average under kClimbAddedLineChars characters of
// prose: lines of metadata, labels and tools below a short story (subjects,
// citations, a list of formats), not more of the story. A parent that adds
// anything before the story (a standfirst, a lead) may still hold it.
bool adds_short_lines(PageState& st, xmlNode* child, xmlNode* parent) {
  const NodeStats& c = st.stats(child);
  const NodeStats& p = st.stats(parent);
  if (p.paragraphs <= c.paragraphs) return false;
  for (xmlNode* x = child; x != parent && x != nullptr; x = x->parent) {
    for (xmlNode* b = x->prev; b != nullptr; b = b->prev) {
      if (is_element(b) && PageState::measured(b) && st.stats(b).prose > 0) return false;
    }
  }
  const std::size_t added_prose = p.prose - std::min(p.prose, c.prose);
  return added_prose < kClimbAddedLineChars * (p.paragraphs - c.paragraphs);
}

// True if `a` holds, beside `top` (inside it or not), another copy of
// top's text (a page that prints its story twice, once per screen size, or
// a gated copy): no climb takes the copy in, nor does it join top as a
// sibling. A copy that a longer text continues (a teaser's text at the
// head of the full story) is no copy of the story.
bool holds_copy(PageState& st, xmlNode* a, xmlNode* top) {
  const std::size_t length = st.stats(top).text;
  if (length < kCopyMinChars) return false;
  std::string own;  // top's text, read when a candidate copy has its length
  bool found = false;
  walk(
      a,
      [&](xmlNode* n) {
        if (found || n == top || !is_element(n) || !PageState::measured(n)) return false;
        const NodeStats& s = st.stats(n);
        if (s.text < length) return false;
        if (s.text == length && s.links == st.stats(top).links && !contains(n, top)) {
          if (own.empty()) own = text_of(top);
          found = text_of(n) == own && (n == a || !continued(st, n, own));
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return found;
}

// True if `child` holds at least kMergeStoryMinProse characters of prose
// and the text that `parent` adds after it (the element siblings after each
// of child's boxes up to `parent`) has more than 1/kStoryLinkShare of it in
// links, or under kMergeTailProseNum/kMergeTailProseDen of it prose: the
// boxes after a short story (related links, teasers of other stories, a
// sign-up form, a footer), not more of it. What comes before the story (a
// header, a standfirst, a list of ingredients) is not weighed; a parent that
// adds nothing after it may hold it.
bool adds_tail_boxes(PageState& st, xmlNode* child, xmlNode* parent) {
  if (st.stats(child).prose < kMergeStoryMinProse) return false;
  std::size_t text = 0, links = 0, prose = 0;
  for (xmlNode* x = child; x != parent && x != nullptr; x = x->parent) {
    for (xmlNode* f = x->next; f != nullptr; f = f->next) {
      if (!is_element(f) || !PageState::measured(f)) continue;
      const NodeStats& s = st.stats(f);
      text += s.text;
      links += s.links;
      prose += s.prose;
    }
  }
  return text > 0 && (links * kStoryLinkShare > text ||
                      prose * kMergeTailProseDen < text * kMergeTailProseNum);
}

}  // namespace newsclean
