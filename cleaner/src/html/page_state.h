// PageState: everything the HTML stages know about one page, passed from
// stage to stage as an explicit value (fast_parse -> page_meta -> selectors
// -> scoring -> content -> blocks; extract.cc runs them in order).
//
// Per-node figures hang off xmlNode::_private, with one meaning: 1 + an
// index into this state's table for the node's kind (elements: `stats`,
// text nodes: `texts`), or null before the node is first measured.
#ifndef NEWSCLEAN_SRC_HTML_PAGE_STATE_H_
#define NEWSCLEAN_SRC_HTML_PAGE_STATE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "core/page_url.h"
#include "html/dom.h"

namespace newsclean {

struct HtmlRules;
struct Rule;

// What scoring measured of an element.
struct NodeStats {
  std::size_t text = 0;   // characters of text below
  std::size_t links = 0;  // of which inside links
  std::size_t own = 0;    // characters in the element's own text nodes
  std::size_t para = 0;   // characters of scored paragraphs below (and own)
  std::size_t prose = 0;  // of which outside links
  std::size_t paragraphs = 0;  // scored paragraphs below (and this one)
  std::size_t own_commas = 0;
  std::size_t commas = 0;  // commas in the text below
  double score = 0;       // content score (paragraphs add to their ancestors)
  bool scored = false;    // a candidate: some paragraph scored it
  // class_weight of the element, once read (its attributes do not change;
  // reset_stats keeps it).
  bool weighed = false;
  double weight = 0;
};

// A text node's length with runs of white space as one, and its commas:
// counted once per page, every measure reads them.
struct TextFigures {
  std::size_t length = 0;
  std::size_t commas = 0;
};

// An element taken out of the tree for a reason (a rule, or the extractor's
// choice): a comment node with _private = 1 + its index in
// PageState::removals holds its place, so that where it stood is known.
struct Removed {
  xmlNode* node = nullptr;         // the subtree, unlinked
  xmlNode* placeholder = nullptr;  // where it stood
  int rule = -1;                   // the HTML rule, or -1 for `reason`
  const char* reason = "";
  const Rule* site_rule = nullptr;  // a site pack's rule (not in the rules)
  std::size_t index = kUnplaced;   // the block it stood before
  static constexpr std::size_t kUnplaced = static_cast<std::size_t>(-1);
};

struct PageState {
  PageState(xmlDoc* d, const HtmlRules& r, const PageUrl& u, bool discussion_page,
            PageKind page_kind = PageKind::kUnknown, std::string_view page_title = {})
      : doc(d), rules(r), url(u), discussion(discussion_page), kind(page_kind),
        title(page_title) {}
  PageState(const PageState&) = delete;
  PageState& operator=(const PageState&) = delete;

  xmlDoc* const doc;
  const HtmlRules& rules;
  const PageUrl& url;
  // A forum thread (schema.org DiscussionForumPosting), whose posts are its
  // content: rules with `suspend_on: discussion` leave it alone.
  const bool discussion;
  // What the page says it is, then (after the content is chosen) what the
  // engine reads it as (html/page_kind.h checked_kind).
  PageKind kind;
  // The title the page gives in its head (PageInfo::declared_title), maybe
  // with the site's name; empty when it gives none.
  const std::string_view title;
  const ByteClasses bytes;  // read from the locale once per page
  // Class and id tokens act (strip_id_or_class). False when a page is read
  // again because they stripped all of its content.
  bool trust_tokens = true;
  // The chosen content is widened to the smallest ancestor holding
  // kWidenHoldNum/kWidenHoldDen of the page's text outside links (a page
  // read again because its content showed next to nothing).
  bool widen = false;
  // The chosen content is story_shaped (page_kind.h): a short story, not
  // an introduction to the page's cards.
  bool content_is_story = false;
  // prune took out an element for a rule with class/id tokens.
  bool tokens_stripped = false;
  // Prose (paragraph text outside links) of the chosen content before the
  // content pass, and how much of it class/id tokens took out there.
  std::size_t content_prose = 0;
  std::size_t token_prose = 0;

  // The site rule whose `body` chose the content; null when the scorer did.
  const Rule* body_rule = nullptr;
  // Elements that scored as paragraph holders: the content's candidates.
  std::vector<xmlNode*> candidates;
  // <noscript> elements seen by the first measure.
  std::vector<xmlNode*> noscripts;
  // Caption elements (an HTML rule with `caption: true`) -> rule index.
  std::unordered_map<xmlNode*, int> captions;
  // The <img> elements of the content -> the block each stood before.
  std::unordered_map<const xmlNode*, std::size_t> image_blocks;
  // What each `pass: content` XPath rule selects in the page (elements
  // unlinked since are in `unlinked`, out of the tree but not freed).
  std::unordered_map<const Rule*, std::vector<xmlNode*>> content_selections;
  // Elements protected by a `keep` XPath rule.
  std::unordered_set<xmlNode*> keep;
  // Subtrees taken out of the tree, freed with the state.
  std::vector<NodePtr> unlinked;
  // Those of them taken out by remove(), in the order they were.
  std::vector<Removed> removals;
  // The removals emit_blocks met inside the content, in document order, as
  // indices into `removals` (which may grow, and move, after they are met).
  std::vector<std::size_t> placed;

  // The figures of element `n`, created empty on first use.
  NodeStats& stats(xmlNode* n) {
    if (n->_private == nullptr) {
      stats_.emplace_back();
      n->_private = reinterpret_cast<void*>(stats_.size());
    }
    return stats_[reinterpret_cast<std::uintptr_t>(n->_private) - 1];
  }
  static bool measured(const xmlNode* n) { return n->_private != nullptr; }

  // The figures of text node `n`, counted on first use.
  const TextFigures& text_figures(xmlNode* n) {
    if (n->_private == nullptr) count_text(n);
    return texts_[reinterpret_cast<std::uintptr_t>(n->_private) - 1];
  }

  // Forgets every element's figures (the page changed; measure again).
  void reset_stats() {
    for (NodeStats& st : stats_) {
      NodeStats fresh;
      fresh.weighed = st.weighed;
      fresh.weight = st.weight;
      st = fresh;
    }
  }

  bool is_caption(xmlNode* n) const { return !captions.empty() && captions.count(n) > 0; }

  // Takes `n` out of the tree; it is freed with the state.
  void unlink(xmlNode* n) {
    xmlUnlinkNode(n);
    unlinked.emplace_back(n);
  }

  // Takes `n` out of the tree for HTML rule `rule` (an index into the
  // rules) or, when -1, for the extractor's `reason`, leaving a
  // placeholder: html/removals.h reports it.
  void remove(xmlNode* n, int rule, const char* reason = "", const Rule* site_rule = nullptr);

  // The removal whose placeholder `n` is, or null.
  Removed* removal_at(const xmlNode* n) {
    const std::size_t k = removal_index(n);
    return k < removals.size() ? &removals[k] : nullptr;
  }

  // The index in `removals` of the removal whose placeholder `n` is, or
  // removals.size().
  std::size_t removal_index(const xmlNode* n) const {
    if (n->type != XML_COMMENT_NODE || n->_private == nullptr) return removals.size();
    const auto k = reinterpret_cast<std::uintptr_t>(n->_private) - 1;
    return k < removals.size() && removals[k].placeholder == n ? k : removals.size();
  }

 private:
  void count_text(xmlNode* n);

  std::deque<NodeStats> stats_;  // a deque: references stay valid as it grows
  std::vector<TextFigures> texts_;
};

// Clears xmlNode::_private below `root` (and on it), whatever the parser
// left there.
void clear_private(xmlNode* root);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_PAGE_STATE_H_
