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
  // At most kPathNameChars bytes, cut at a character boundary.
  const auto name = [](std::string_view v) {
    if (v.size() <= kPathNameChars) return std::string(v);
    std::size_t cut = kPathNameChars;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
    return std::string(v.substr(0, cut));
  };
  if (!id.empty()) {
    s += "#" + name(id);
  } else if (!cls.empty()) {
    s += "." + name(cls);
  }
  return s;
}

// The path of `n`, which stands at `at` (itself, or its placeholder).
std::string path_from(PageState& st, xmlNode* n, xmlNode* at_first) {
  std::vector<std::string> steps;
  bool body = false;
  for (xmlNode* a = n; a != nullptr;) {
    if (is_element(a) && is_tag(a, "body")) {
      body = true;
      break;
    }
    xmlNode* at = a == n ? at_first : position(st, a);
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

// Cuts `s` to at most `max` bytes at a character boundary; true if it did.
bool cut_utf8(std::string* s, std::size_t max) {
  if (s->size() <= max) return false;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>((*s)[end]) & 0xC0) == 0x80) --end;
  s->resize(end);
  return true;
}

class Collector {
 public:
  Collector(PageState& st, std::size_t max_bytes) : st_(st), max_bytes_(max_bytes) {}

  // Adds subtree `n` (a removed one, or a part outside the content), then
  // the removals inside it.
  void add(xmlNode* n, xmlNode* at_node, int rule, const char* reason, std::size_t index,
           const Rule* site_rule = nullptr) {
    const std::size_t at = out_.size();
    out_.emplace_back();
    nodes_.push_back({n, at_node});
    std::string raw;  // its first max_bytes_, white space collapsed
    bool cut = false;
    WordCounter words;
    std::vector<Removed*> inside;
    const auto separate = [&] {
      words.separate();
      if (!raw.empty() && raw.back() != ' ' && raw.size() < max_bytes_) raw.push_back(' ');
    };
    walk(
        n,
        [&](xmlNode* c) {
          if (is_text(c)) {
            if (c->content == nullptr) return false;
            words.add(reinterpret_cast<const char*>(c->content));
            if (raw.size() < max_bytes_) {
              append_collapsed(c->content, &raw);
              if (raw.size() > max_bytes_) cut = cut_utf8(&raw, max_bytes_);
            } else {
              cut = true;
            }
            return false;
          }
          if (!is_element(c)) {
            if (Removed* r = st_.removal_at(c)) inside.push_back(r);
            return false;
          }
          const char* tag = name_of(c);
          if (is_ignored_tag(tag)) return false;
          if (is_block_tag(tag) || tag_is(tag, "br")) separate();
          return true;
        },
        [&](xmlNode* c) {
          if (is_element(c) && (is_block_tag(name_of(c)) || one_of(name_of(c), {"td", "th"}))) {
            separate();
          }
        });
    ElementRemoval& e = out_[at];
    e.text = std::string(trim_spaces(normalise(raw).text));
    e.cut = cut;
    e.words = words.words();
    e.rule = rule;
    e.reason = reason;
    e.site_rule = site_rule;
    e.index = index;
    for (Removed* r : inside) {
      add(r->node, r->placeholder, r->rule, r->reason,
          r->index == Removed::kUnplaced ? index : r->index, r->site_rule);
    }
  }

  // The removals with text, their paths found.
  std::vector<ElementRemoval> take() {
    std::vector<ElementRemoval> out;
    for (std::size_t k = 0; k < out_.size(); ++k) {
      if (out_[k].words == 0) continue;
      out_[k].path = path_from(st_, nodes_[k].first, nodes_[k].second);
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
  const std::size_t max_bytes_;
  std::vector<ElementRemoval> out_;
  // The subtree of each of out_, and where it stands (itself or its placeholder).
  std::vector<std::pair<xmlNode*, xmlNode*>> nodes_;
};

}  // namespace

std::vector<ElementRemoval> collect_removals(PageState& st, xmlNode* body,
                                             const std::vector<ContentSpan>& content,
                                             std::size_t max_bytes) {
  Collector found(st, max_bytes);
  const auto add_placed = [&](const ContentSpan& s) {
    for (std::size_t k = s.placed_begin; k < s.placed_end; ++k) {
      const Removed& r = st.removals[st.placed[k]];
      found.add(r.node, r.placeholder, r.rule, r.reason, r.index, r.site_rule);
    }
  };
  // Content that is <body> or holds it (a site rule's `body: //html`): all
  // of the page is content.
  for (const ContentSpan& s : content) {
    for (const xmlNode* p = body; p != nullptr; p = p->parent) {
      if (p == s.node) {
        for (const ContentSpan& each : content) add_placed(each);
        return found.take();
      }
    }
  }
  // The elements holding content, which are walked through, not reported.
  std::vector<const xmlNode*> holders;
  for (const ContentSpan& s : content) {
    for (const xmlNode* p = s.node->parent; p != nullptr && p != body; p = p->parent) {
      holders.push_back(p);
    }
  }
  const char* outside = content.empty() ? kNoContent : kOutsideContent;
  std::size_t emitted = 0;  // blocks before the walk's place
  walk(
      body,
      [&](xmlNode* n) {
        if (n == body) return true;
        if (Removed* r = st.removal_at(n)) {
          found.add(r->node, n, r->rule, r->reason,
                    r->index == Removed::kUnplaced ? emitted : r->index, r->site_rule);
          return false;
        }
        if (!is_element(n) && !is_text(n)) return false;
        if (is_element(n)) {
          if (is_ignored_tag(name_of(n)) || is_tag(n, "head")) return false;
          for (const ContentSpan& s : content) {
            if (s.node == n) {  // its removals as emit_blocks met them
              add_placed(s);
              emitted = s.end;
              return false;
            }
          }
          if (std::find(holders.begin(), holders.end(), n) != holders.end()) return true;
        }
        found.add(n, n, -1, outside, emitted);
        return false;
      },
      [](xmlNode*) {});
  return found.take();
}

}  // namespace newsclean
