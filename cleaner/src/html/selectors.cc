#include "html/selectors.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "core/text.h"
#include "core/tuning.h"
#include "rules/xpath_regex.h"

namespace newsclean {
namespace {

// Class/id tokens that mark the story's own containers.
bool is_story_token(const std::string& t) {
  static const std::unordered_set<std::string> kStory = {
      "article", "body", "content", "entry", "main", "post", "story", "text", "column",
      "articlebody", "storybody", "prose"};
  return kStory.count(t) > 0;
}

// The words of a class or id value a rule's token may name: each part, as
// for_each_token_if gives them ("post-share_bar" -> post, share, bar), and
// two parts joined by one '-' or '_' ("author-box" -> authorbox; not two
// classes: "author box"). fn(word, joined) only for parts with part(length,
// first byte) and joined words with pair(length, first bytes of the two
// parts), bytes in lower case.
template <typename Part, typename Pair, typename Fn>
void for_each_word_if(std::string_view value, const ByteClasses& bytes, Part part, Pair pair,
                      Fn fn) {
  const auto low = [&](std::size_t k) { return bytes.lower[static_cast<unsigned char>(value[k])]; };
  std::string word;
  std::size_t i = 0, prev_i = 0, prev_j = 0;
  bool after_part = false;  // a part ended right before value[i]
  while (i < value.size()) {
    std::size_t k = i;
    while (k < value.size() && !bytes.is_alnum(value[k])) ++k;
    const bool joinable = after_part && k == i + 1 && (value[i] == '-' || value[i] == '_');
    i = k;
    std::size_t j = i;
    while (j < value.size() && bytes.is_alnum(value[j])) ++j;
    if (j == i) break;
    if (part(j - i, low(i))) {
      word.assign(value.data() + i, j - i);
      for (char& ch : word) ch = bytes.lower[static_cast<unsigned char>(ch)];
      fn(word, false);
    }
    if (joinable && pair(prev_j - prev_i + j - i, low(prev_i), low(i))) {
      word.assign(value.data() + prev_i, prev_j - prev_i);
      word.append(value.data() + i, j - i);
      for (char& ch : word) ch = bytes.lower[static_cast<unsigned char>(ch)];
      fn(word, true);
    }
    prev_i = i;
    prev_j = j;
    after_part = true;
    i = j;
  }
}

}  // namespace

bool suspended(const PageState& st, const Rule& r) {
  return r.suspended_on(st.kind, st.discussion);
}

HtmlRules::HtmlRules(const std::vector<Rule>& rules, const std::vector<const Rule*>& site) {
  base = rules.data();
  count = rules.size();
  std::vector<const Rule*> all;
  all.reserve(rules.size() + site.size());
  for (const Rule& r : rules) all.push_back(&r);
  all.insert(all.end(), site.begin(), site.end());
  for (const Rule* p : all) {
    const Rule& r = *p;
    if (!r.is_html()) continue;
    if (r.is_html_metadata()) {
      meta.push_back(&r);
      attributes.add_xpath(r.xpath);
      continue;
    }
    for (const auto& t : r.tags) tags.emplace(t, &r);
    for (const auto& t : r.strip_id_or_class) {
      tokens.emplace(t, &r);
      if (!t.empty()) token_shapes.set(shape(t.size(), t[0]));
      for (std::size_t k = 1; k < t.size(); ++k) {  // "authorbox": author-box, a-uthorbox, ...
        const std::size_t at = pair_shape(t.size(), t[0], t[k]);
        if (at != kNoPairShape) pair_shapes.set(at);
      }
    }
    for (const auto& t : r.roles) roles.emplace(t, &r);
    if (r.hidden && hidden == nullptr) hidden = &r;
    if (!r.xpath.empty()) xpath.push_back(&r);
    if (!r.body.empty()) body.push_back(&r);
    attributes.add_xpath(r.xpath);
    attributes.add_xpath(r.body);
  }
}

bool keeps_attribute(const HtmlRules& rules, std::string_view name) {
  return rules.attributes.keeps(name);
}

bool is_hidden(const xmlNode* n) {
  if (n->properties == nullptr) return false;
  // (one pass over the attributes: this runs for every element)
  bool aria = false, styled = false;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    const char* name = reinterpret_cast<const char*>(a->name);
    if (name[0] == 'h' && std::strcmp(name, "hidden") == 0) return true;
    aria = aria || (name[0] == 'a' && std::strcmp(name, "aria-hidden") == 0);
    styled = styled || (name[0] == 's' && std::strcmp(name, "style") == 0);
  }
  if (aria && iequals_ascii(attr_view(n, Attr::kAriaHidden), "true")) return true;
  if (!styled) return false;
  const std::string_view raw = attr_view(n, Attr::kStyle);
  if (raw.empty()) return false;
  std::string style = lower(std::string(raw));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// A box that holds prose and not one link, nor sits in one, lists no other
// page: named like a list of stories (a teaser), it is the story's own lead,
// and a rule with spare_linkless_prose leaves it. A figure so named is a
// card (picture, date, kicker and title), not a lead.
bool linkless_lead(PageState& st, const Rule& r, xmlNode* n) {
  if (!r.spare_linkless_prose || !PageState::measured(n)) return false;
  const NodeStats& ns = st.stats(n);
  if (ns.links != 0 || ns.prose == 0 || is_tag(n, "figure")) return false;
  for (const xmlNode* p = n->parent; p != nullptr; p = p->parent) {
    if (is_element(p) && is_tag(p, "a")) return false;
  }
  return true;
}

const Rule* html_rule_for(const xmlNode* n, const PageState& st, Pass pass) {
  const HtmlRules& c = st.rules;
  const ByteClasses& bytes = st.bytes;
  const bool tokens = pass == Pass::kContent;
  const bool use_tokens = st.trust_tokens;
  const Rule* best = nullptr;
  const auto consider = [&](const Rule* r) {
    if (r == nullptr || !r->in_scope(st.url.host) || suspended(st, *r)) return;
    // keep wins over drop; otherwise the first rule in order
    if (best == nullptr || (r->action == Action::kKeep && best->action != Action::kKeep)) {
      best = r;
    }
  };
  const auto tag = c.tags.find(std::string_view(name_of(n)));  // lower case from the parser
  if (tag != c.tags.end()) consider(tag->second);
  if (!c.roles.empty() && n->properties != nullptr) {
    const std::string_view raw = attr_view(n, Attr::kRole);
    const std::string role = raw.empty() ? std::string() : lower(std::string(raw));
    if (!role.empty()) {
      const auto it = c.roles.find(role);
      if (it != c.roles.end()) consider(it->second);
    }
  }
  if (use_tokens && !c.tokens.empty() && n->properties != nullptr) {
    const Rule* by_token = nullptr;
    const Rule* by_word = nullptr;  // by two parts joined
    const std::string_view values[] = {attr_view(n, Attr::kClass), attr_view(n, Attr::kId)};
    for (const std::string_view v : values) {
      const auto part = [&](std::size_t length, char first) {
        return by_token == nullptr && c.may_be_token(length, first);
      };
      const auto pair = [&](std::size_t length, char first, char second) {
        return by_token == nullptr && by_word == nullptr && c.may_be_joined(length, first, second);
      };
      for_each_word_if(v, bytes, part, pair, [&](const std::string& t, bool joined) {
        const auto it = c.tokens.find(t);
        if (it != c.tokens.end()) (joined ? by_word : by_token) = it->second;
      });
    }
    // (a part before two joined: "share author-box" is the share rule's)
    if (by_token == nullptr) by_token = by_word;
    // Before the content is chosen only the boxes that compete with the
    // story for paragraphs (`pass: early`: comments, sign-up forms, cookie
    // banners) go, and not when a story token says they may be its wrapper
    // ("article-comments"). (Looked for only here: few elements get here.)
    const auto story_like = [&] {
      bool story = false;
      for (const std::string_view v : values) {
        const auto all = [](std::size_t, char) { return true; };
        const auto all_pairs = [](std::size_t, char, char) { return true; };
        for_each_word_if(v, bytes, all, all_pairs, [&](const std::string& t, bool) {
          story = story || is_story_token(t);
        });
      }
      return story;
    };
    const bool early =
        by_token != nullptr && !tokens && by_token->pass == Pass::kEarly && !story_like();
    if (by_token != nullptr && (tokens || early)) consider(by_token);
  }
  if (c.hidden != nullptr && is_hidden(n)) consider(c.hidden);
  return best;
}

std::vector<xmlNode*> select_xpath(xmlDoc* doc, const std::string& expr, xmlNode* context) {
  std::vector<xmlNode*> out;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (ctx == nullptr) return out;
  if (context != nullptr) ctx->node = context;
  register_xpath_regex(ctx);  // re:test(); without it only expressions using it fail
  xmlXPathObjectPtr res =
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expr.c_str()), ctx);
  if (res != nullptr && res->nodesetval != nullptr) {
    for (int i = 0; i < res->nodesetval->nodeNr; ++i) {
      xmlNode* n = res->nodesetval->nodeTab[i];
      if (n != nullptr && is_element(n)) out.push_back(n);
    }
  }
  xmlXPathFreeObject(res);
  xmlXPathFreeContext(ctx);
  return out;
}

std::string xpath_text(xmlDoc* doc, const std::string& expr) {
  std::string out;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (ctx == nullptr) return out;
  register_xpath_regex(ctx);
  xmlXPathObjectPtr res =
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expr.c_str()), ctx);
  if (res != nullptr && res->type == XPATH_NODESET) {
    if (res->nodesetval != nullptr && res->nodesetval->nodeNr > 0) {
      xmlChar* s = xmlNodeGetContent(res->nodesetval->nodeTab[0]);
      if (s != nullptr) out = reinterpret_cast<const char*>(s);
      xmlFree(s);
    }
  } else if (res != nullptr) {
    xmlChar* s = xmlXPathCastToString(res);
    if (s != nullptr) out = reinterpret_cast<const char*>(s);
    xmlFree(s);
  }
  xmlXPathFreeObject(res);
  xmlXPathFreeContext(ctx);
  return out;
}

void prune(PageState& st, xmlNode* root, Pass pass) {
  const HtmlRules& rules = st.rules;
  std::vector<std::pair<xmlNode*, const Rule*>> strip;
  const std::size_t root_text = PageState::measured(root) ? st.stats(root).text : 0;
  const std::size_t root_prose =
      pass == Pass::kContent && PageState::measured(root) ? st.stats(root).prose : 0;
  // (In the content, a box as long as the story but with little of its
  // prose, a sidebar of links beside a short story, is not the story.)
  const auto story_sized = [&](xmlNode* n) {
    return PageState::measured(n) && st.stats(n).text * tuning::kMaxStripShare > root_text &&
           st.stats(n).prose * tuning::kMaxStripShare >= root_prose;
  };
  // XPath rules act before the content is chosen; with `pass: content`,
  // inside it, and never on an element holding a third of its text.
  for (const Rule* r : rules.xpath) {
    if (r->xpath_in_content != (pass == Pass::kContent) || !r->in_scope(st.url.host) ||
        suspended(st, *r)) {
      continue;
    }
    // In the content pass an expression is read from each content element
    // (`.//x` looks only below it: on a large page, a tenth of the work);
    // one that starts at the document is evaluated once a page.
    std::vector<xmlNode*> here;
    const std::vector<xmlNode*>* selected = &here;
    if (r->xpath_in_content && r->xpath[0] != '.') {
      const auto [it, fresh] = st.content_selections.try_emplace(r);
      if (fresh) it->second = select_xpath(st.doc, r->xpath);
      selected = &it->second;
    } else {
      here = select_xpath(st.doc, r->xpath, r->xpath_in_content ? root : nullptr);
    }
    for (xmlNode* n : *selected) {
      if (r->action == Action::kKeep) {
        st.keep.insert(n);
        continue;
      }
      xmlNode* p = n->parent;
      while (r->xpath_in_content && p != nullptr && p != root) p = p->parent;
      if (!r->xpath_in_content || (p == root && !st.keep.count(n) && !story_sized(n))) {
        strip.emplace_back(n, r);
      }
    }
  }
  std::unordered_set<xmlNode*> marked;
  for (const auto& s : strip) marked.insert(s.first);
  // (`prune: false` on the body rule that chose the content: the site's
  // strip rules alone act inside it)
  const bool generic = pass == Pass::kEarly || st.body_rule == nullptr || st.body_rule->prune;
  if (generic) walk(
      root,
      [&](xmlNode* n) {
        if (!is_element(n)) return false;
        if (n == root) return true;
        if (marked.count(n) || st.is_caption(n)) return false;
        const Rule* r = html_rule_for(n, st, pass);
        if (r == nullptr || r->action == Action::kKeep || st.keep.count(n)) return true;
        if (r->sites.empty() && story_sized(n)) return true;
        // Hidden prose is collapsed story text (accordions, "read more"),
        // not a menu or a dialog: those are short or mostly links.
        if (r->hidden && PageState::measured(n) && is_hidden(n)) {
          const NodeStats& ns = st.stats(n);
          if (ns.text >= tuning::kHiddenProse &&
              ns.links * 10 < ns.text * tuning::kHiddenLinkTenths) {
            return true;
          }
        }
        if (linkless_lead(st, *r, n)) return true;
        strip.emplace_back(n, r);
        marked.insert(n);
        return false;
      },
      [](xmlNode*) {});
  // Unlink outermost first: a node inside a stripped one goes with it.
  for (const auto& [n, r] : strip) {
    bool inside = false;
    for (xmlNode* p = n->parent; p != nullptr && !inside; p = p->parent) {
      inside = p != n && marked.count(p) > 0;
    }
    if (inside) continue;
    if (r->caption && rules.index_of(r) >= 0) {  // stays, to become a caption block
      st.captions.emplace(n, rules.index_of(r));
      continue;
    }
    if (!r->strip_id_or_class.empty()) {
      st.tokens_stripped = true;
      if (pass == Pass::kContent && PageState::measured(n)) st.token_prose += st.stats(n).prose;
    }
    const int index = rules.index_of(r);
    st.remove(n, index, "", index < 0 ? r : nullptr);
  }
}

}  // namespace newsclean
