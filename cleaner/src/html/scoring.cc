#include "html/scoring.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "core/tuning.h"

namespace newsclean {

using namespace tuning;

namespace {

bool has_block_child(xmlNode* n) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (is_element(c) && is_block_tag(name_of(c))) return true;
  }
  return false;
}

double initial_score(xmlNode* n, const ByteClasses& bytes) {
  const char* tag = name_of(n);
  double s = class_weight(n, bytes);
  if (tag_is(tag, "article")) s += kArticleTagWeight;
  else if (tag_is(tag, "main")) s += kMainTagWeight;
  else if (tag_is(tag, "div")) s += kDivTagWeight;
  else if (one_of(tag, {"pre", "td", "blockquote"})) s += kTextTagWeight;
  else if (one_of(tag, {"ol", "ul", "dl", "form"})) s += kListTagWeight;
  else if (one_of(tag, {"h1", "h2", "h3", "h4", "h5", "h6", "th"})) s += kHeadingTagWeight;
  return s;
}

// A paragraph adds to the scores of its parent, grandparent and
// great-grandparent. Text that sits directly in a container between its
// block children (a blog post written with <br>s) is a paragraph of that
// container.
void score_paragraph(PageState& st, xmlNode* n) {
  const char* tag = name_of(n);
  const bool paragraph = one_of(tag, {"p", "pre", "td", "blockquote"}) ||
                         (tag_is(tag, "div") && !has_block_child(n));
  const NodeStats& s = st.stats(n);
  std::size_t length = s.text;
  double commas;
  xmlNode* a = n->parent;
  if (paragraph) {
    if (s.text < kParagraphMinChars) return;
    commas = static_cast<double>(s.commas);
  } else {
    if (s.own < kOwnTextMinChars || one_of(tag, {"a", "span", "b", "i", "em", "strong", "font"})) {
      return;
    }
    length = s.own;
    commas = static_cast<double>(s.own_commas);
    a = n;
  }
  st.stats(n).para += length;
  st.stats(n).paragraphs += 1;
  st.stats(n).prose += paragraph ? s.text - std::min(s.links, s.text) : length;
  const double add =
      1 + commas + std::min(static_cast<double>(length) / kCharsPerPoint, kMaxLengthPoints);
  double share = 1;
  for (int level = 0; level < kScoredLevels && a != nullptr && is_element(a);
       ++level, a = a->parent) {
    NodeStats& as = st.stats(a);
    if (!as.scored) {
      as.scored = true;
      as.score += initial_score(a, st.bytes);
      st.candidates.push_back(a);
    }
    as.score += add * share;
    share = level == 0 ? kGrandparentShare : kGreatGrandparentShare;
  }
}

}  // namespace

double class_weight(const xmlNode* n, const ByteClasses& bytes) {
  if (n->properties == nullptr) return 0;
  // +1 a story word, -1 a boilerplate word. ("widget" is not here: page
  // builders call every content box a widget.)
  struct Word {
    std::string_view text;
    int sign;
  };
  static constexpr Word kWords[] = {
      {"article", 1}, {"body", 1}, {"content", 1}, {"entry", 1}, {"main", 1}, {"page", 1},
      {"post", 1}, {"text", 1}, {"blog", 1}, {"story", 1}, {"articlebody", 1},
      {"storybody", 1}, {"prose", 1},
      {"comment", -1}, {"comments", -1}, {"meta", -1}, {"footer", -1}, {"footnote", -1},
      {"sidebar", -1}, {"related", -1}, {"promo", -1}, {"teaser", -1}, {"share", -1},
      {"social", -1}, {"nav", -1}, {"menu", -1}, {"header", -1}, {"masthead", -1},
      {"ad", -1}, {"advert", -1}, {"sponsor", -1}, {"popup", -1}, {"tags", -1},
      {"byline", -1}, {"author", -1}, {"newsletter", -1}, {"recirc", -1}};
  constexpr std::size_t kLongest = 11;  // "articlebody"
  // The words of each length: a token is compared with those only.
  static const auto kByLength = [] {
    std::array<std::vector<Word>, kLongest + 1> by_length;
    for (const Word& word : kWords) by_length[word.text.size()].push_back(word);
    return by_length;
  }();
  double w = 0;
  for (const Attr a : {Attr::kClass, Attr::kId}) {
    const std::string_view v = attr_view(n, a);
    if (v.empty()) continue;
    bool pos = false, neg = false;
    // Only tokens as long as some word are copied and looked up.
    const auto as_long_as_a_word = [](std::size_t length, char) {
      return length <= kLongest && !kByLength[length].empty();
    };
    for_each_token_if(v, bytes, as_long_as_a_word, [&](const std::string& t) {
      for (const Word& word : kByLength[t.size()]) {
        if (word.text[0] == t[0] && word.text == t) {
          pos = pos || word.sign > 0;
          neg = neg || word.sign < 0;
          break;
        }
      }
    });
    if (pos) w += kClassWeight;
    if (neg) w -= kClassWeight;
  }
  if (iequals_ascii(attr_view(n, Attr::kItemprop), "articlebody")) w += kArticleBodyWeight;
  return w;
}

bool is_dialog(const xmlNode* n, const ByteClasses& bytes) {
  if (is_tag(n, "dialog")) return true;
  if (n->properties == nullptr) return false;
  const std::string_view role = attr_view(n, Attr::kRole);
  if (iequals_ascii(role, "dialog") || iequals_ascii(role, "alertdialog")) return true;
  // A class or id name (split at spaces) whose last word names the box:
  // "privacy-popup", "newsletter-modal", "modal"; not a state or a page's
  // wrapper that starts with the word ("modal-open", "dialog-off-canvas").
  // ("overlay" and "lightbox" are not here: a story's hero image and a
  // gallery wear them.)
  static constexpr std::string_view kWords[] = {"modal", "popup", "dialog", "consent"};
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  bool found = false;
  for (const Attr a : {Attr::kClass, Attr::kId}) {
    const std::string_view v = attr_view(n, a);
    std::size_t i = 0;
    while (!found && i < v.size()) {
      while (i < v.size() && space(v[i])) ++i;
      std::size_t j = i;
      while (j < v.size() && !space(v[j])) ++j;
      std::string last;
      for_each_token(v.substr(i, j - i), bytes, [&](const std::string& t) { last = t; });
      found = std::find(std::begin(kWords), std::end(kWords), last) != std::end(kWords);
      i = j;
    }
  }
  return found;
}

bool in_dialog(const xmlNode* n, const ByteClasses& bytes) {
  for (const xmlNode* a = n; a != nullptr && is_element(a); a = a->parent) {
    if (is_tag(a, "body") || is_tag(a, "html")) return false;
    if (is_dialog(a, bytes)) return true;
  }
  return false;
}

double class_weight(PageState& st, xmlNode* n) {
  if (!PageState::measured(n)) return class_weight(n, st.bytes);
  NodeStats& s = st.stats(n);
  if (!s.weighed) {
    s.weight = class_weight(n, st.bytes);
    s.weighed = true;
  }
  return s.weight;
}

void measure(PageState& st, xmlNode* body, Measure what) {
  const bool score = what == Measure::kScores;
  int in_link = 0;
  // What enter found of each open element, for leave: counted (not a
  // caption, not an ignored tag) and a link.
  constexpr unsigned char kCounted = 1, kLink = 2;
  std::vector<unsigned char> open;
  walk(
      body,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE) {
          if (n->parent != nullptr && is_element(n->parent)) {
            const TextFigures& f = st.text_figures(n);
            NodeStats& p = st.stats(n->parent);
            p.text += f.length;
            if (in_link > 0) p.links += f.length;
            p.own += f.length;
            p.own_commas += f.commas;
            p.commas += f.commas;
          }
          return false;
        }
        if (!is_element(n)) return false;
        if (st.is_caption(n)) {  // a caption is not story text
          open.push_back(0);
          return false;
        }
        if (is_ignored_tag(name_of(n))) {
          if (!score && is_tag(n, "noscript")) st.noscripts.push_back(n);
          open.push_back(0);
          return false;
        }
        const bool link = is_link(n);
        if (link) ++in_link;
        open.push_back(link ? kCounted | kLink : kCounted);
        return true;
      },
      [&](xmlNode* n) {
        if (!is_element(n)) return;
        const unsigned char found = open.back();
        open.pop_back();
        if ((found & kCounted) == 0) return;
        if ((found & kLink) != 0) --in_link;
        if (score) score_paragraph(st, n);
        NodeStats& s = st.stats(n);
        if (n != body && n->parent != nullptr && is_element(n->parent)) {
          NodeStats& p = st.stats(n->parent);
          p.text += s.text;
          p.links += s.links;
          p.para += s.para;
          p.prose += s.prose;
          p.paragraphs += s.paragraphs;
          p.commas += s.commas;
        }
      });
}

bool reveal_noscript(PageState& st, xmlNode* body) {
  if (st.noscripts.empty() || !PageState::measured(body)) return false;
  const NodeStats& b = st.stats(body);
  const std::size_t visible = b.text - std::min(b.links, b.text);
  bool changed = false;
  for (xmlNode* ns : st.noscripts) {
    std::size_t prose = 0;
    int in_link = 0;
    walk(
        ns,
        [&](xmlNode* n) {
          if (n->type == XML_TEXT_NODE) {
            if (in_link == 0) {
              for (const xmlChar* p = n->content; p != nullptr && *p; ++p) {
                prose += !(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r');
              }
            }
            return false;
          }
          if (!is_element(n) || one_of(name_of(n), {"script", "style", "template"})) {
            return false;
          }
          if (is_tag(n, "a")) ++in_link;
          return true;
        },
        [&](xmlNode* n) {
          if (is_element(n) && is_tag(n, "a")) --in_link;
        });
    if (prose >= kNoscriptProse && prose > visible) {
      xmlNodeSetName(ns, reinterpret_cast<const xmlChar*>("div"));
      changed = true;
    }
  }
  st.noscripts.clear();
  return changed;
}

double final_score(PageState& st, xmlNode* n) {
  const NodeStats& s = st.stats(n);
  const double density = s.text == 0 ? 0 : static_cast<double>(s.links) / s.text;
  return s.score * (1 - density);
}

}  // namespace newsclean
