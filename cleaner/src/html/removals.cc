#include "html/removals.h"

#include <algorithm>
#include <cstring>

#include "core/text.h"

namespace newsclean {
namespace {

constexpr std::size_t kPathSteps = 5;       // steps below <body> a long path keeps
constexpr std::size_t kPathNameChars = 40;  // of an id or class in a step

bool is_text(const xmlNode* n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

// Where `n` stands in the tree: itself, or the placeholder of the removal
// it is the top of; null when it stands nowhere.
xmlNode* position(PageState& st, xmlNode* n) {
  if (n->parent != nullptr) return n;
  for (const Removed& r : st.removals) {
    if (r.node == n) return r.placeholder;
  }
  return nullptr;
}

// One step of a path: "div[2]#main", "aside.related", "text()".
std::string step(PageState& st, xmlNode* at, const xmlNode* n) {
  if (!is_element(n)) return "text()";
  const char* tag = name_of(n);
  std::size_t same = 0;
  std::size_t index = 0;
  for (xmlNode* c = at->parent->children; c != nullptr; c = c->next) {
    const Removed* r = st.removal_at(c);
    const xmlNode* e = r != nullptr ? r->node : c;
    if (is_element(e) && std::strcmp(name_of(e), tag) == 0) {
      ++same;
      if (c == at) index = same;
    }
  }
  std::string s = tag;
  if (same > 1) s += "[" + std::to_string(index) + "]";
  const std::string_view id = attr_view(n, Attr::kId);
  std::string_view cls = attr_view(n, Attr::kClass);
  cls.remove_prefix(std::min(cls.size(), cls.find_first_not_of(" \t\n\r\f")));
  cls = cls.substr(0, cls.find_first_of(" \t\n\r\f"));
  if (!id.empty()) {
    s += "#" + std::string(id.substr(0, kPathNameChars));
  } else if (!cls.empty()) {
    s += "." + std::string(cls.substr(0, kPathNameChars));
  }
  return s;
}

class Collector {
 public:
  explicit Collector(PageState& st) : st_(st) {}

  // Adds subtree `n` (a removed one, or a part outside the content), then
  // the removals inside it.
  void add(xmlNode* n, int rule, const char* reason, std::size_t index) {
    const std::size_t at = out_.size();
    out_.emplace_back();
    nodes_.push_back(n);
    std::string raw;
    std::vector<Removed*> inside;
    const auto separate = [&] {
      if (!raw.empty() && raw.back() != ' ') raw.push_back(' ');
    };
    walk(
        n,
        [&](xmlNode* c) {
          if (is_text(c)) {
            append_collapsed(c->content, &raw);
            return false;
          }
          if (!is_element(c)) {
            if (Removed* r = st_.removal_at(c)) inside.push_back(r);
            return false;
          }
          const char* tag = name_of(c);
          if (is_ignored_tag(tag)) return false;
          if (is_block_tag(tag) || std::strcmp(tag, "br") == 0) separate();
          return true;
        },
        [&](xmlNode* c) {
          if (is_element(c) && (is_block_tag(name_of(c)) || one_of(name_of(c), {"td", "th"}))) {
            separate();
          }
        });
    ElementRemoval& e = out_[at];
    Normalised norm = normalise(raw);
    e.text = std::string(trim_spaces(norm.text));
    e.words = count_words(e.text);
    e.rule = rule;
    e.reason = reason;
    e.index = index;
    for (Removed* r : inside) {
      add(r->node, r->rule, r->reason, r->index == Removed::kUnplaced ? index : r->index);
    }
  }

  // The removals with text, their paths found.
  std::vector<ElementRemoval> take() {
    std::vector<ElementRemoval> out;
    for (std::size_t k = 0; k < out_.size(); ++k) {
      if (out_[k].words == 0) continue;
      out_[k].path = element_path(st_, nodes_[k]);
      out.push_back(std::move(out_[k]));
    }
    // In reading order: by the block they stood before, then as walked.
    std::stable_sort(out.begin(), out.end(), [](const ElementRemoval& a, const ElementRemoval& b) {
      return a.index < b.index;
    });
    return out;
  }

 private:
  PageState& st_;
  std::vector<ElementRemoval> out_;
  std::vector<xmlNode*> nodes_;  // the subtree of each of out_
};

}  // namespace

std::string element_path(PageState& st, xmlNode* n) {
  std::vector<std::string> steps;
  bool body = false;
  for (xmlNode* a = n; a != nullptr;) {
    if (is_element(a) && is_tag(a, "body")) {
      body = true;
      break;
    }
    xmlNode* at = position(st, a);
    if (at == nullptr || at->parent == nullptr) break;
    steps.push_back(step(st, at, a));
    a = at->parent;
    if (!is_element(a)) break;  // the document node
  }
  std::string path = body ? "body" : "";
  const std::size_t shown = std::min(steps.size(), kPathSteps);
  if (shown < steps.size()) path += "/\u2026";
  for (std::size_t k = shown; k-- > 0;) {
    if (!path.empty()) path.push_back('/');
    path += steps[k];
  }
  return path;
}

std::vector<ElementRemoval> collect_removals(PageState& st, xmlNode* body,
                                             const std::vector<ContentSpan>& content) {
  // The elements holding content, which are walked through, not reported.
  std::vector<const xmlNode*> holders;
  for (const ContentSpan& s : content) {
    for (const xmlNode* p = s.node->parent; p != nullptr && p != body; p = p->parent) {
      holders.push_back(p);
    }
  }
  const auto span_of = [&](const xmlNode* n) -> const ContentSpan* {
    for (const ContentSpan& s : content) {
      if (s.node == n) return &s;
    }
    return nullptr;
  };
  const char* outside = content.empty() ? kNoContent : kOutsideContent;
  Collector found(st);
  std::size_t emitted = 0;  // blocks before the walk's place
  int inside = 0;           // content elements the walk is in
  // Content that holds <body> itself (a site rule's `body: //html`).
  for (const ContentSpan& s : content) {
    for (const xmlNode* p = body; p != nullptr && inside == 0; p = p->parent) {
      if (p == s.node && p != body) inside = 1;
    }
  }
  walk(
      body,
      [&](xmlNode* n) {
        if (Removed* r = st.removal_at(n)) {
          found.add(r->node, r->rule, r->reason,
                    r->index == Removed::kUnplaced ? emitted : r->index);
          return false;
        }
        if (const ContentSpan* s = span_of(n)) {
          emitted = s->begin;
          ++inside;
          return true;
        }
        if (n == body) return true;
        if (is_element(n) && is_ignored_tag(name_of(n))) return false;
        if (inside > 0) return is_element(n);  // only looking for placeholders
        if (std::find(holders.begin(), holders.end(), n) != holders.end()) return true;
        if (is_text(n) || (is_element(n) && !is_tag(n, "head"))) {
          found.add(n, -1, outside, emitted);
        }
        return false;
      },
      [&](xmlNode* n) {
        if (inside == 0 || !is_element(n)) return;
        if (const ContentSpan* s = span_of(n)) {
          emitted = s->end;
          --inside;
        }
      });
  return found.take();
}

}  // namespace newsclean
