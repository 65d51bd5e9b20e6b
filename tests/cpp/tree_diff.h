// Compares two libxml2 trees node by node: the native parse's against
// parse_html's (libxml2's). Header-only: the gtest and the page-by-page
// tool (tests/cpp/parse_diff_main.cc) share it.
#ifndef NEWSCLEAN_TESTS_CPP_TREE_DIFF_H_
#define NEWSCLEAN_TESTS_CPP_TREE_DIFF_H_

#include <string>
#include <utility>
#include <vector>

#include <libxml/tree.h>

#include "html/attribute_filter.h"

namespace newsclean {

// The first difference between two trees: its kind ("" if none: "type",
// "name", "text", "attributes", "children", "doctype"), where (element
// names from the root), and what each side has there.
struct TreeDifference {
  std::string kind;
  std::string path;
  std::string expected;  // libxml2's
  std::string actual;    // the native parse's
  bool none() const { return kind.empty(); }
};

namespace tree_diff_detail {

inline std::string text_of(const xmlChar* s) {
  return s == nullptr ? std::string("(null)") : std::string(reinterpret_cast<const char*>(s));
}

inline std::string shorten(const std::string& s) {
  return s.size() <= 80 ? s : s.substr(0, 60) + "...[" + std::to_string(s.size()) + "]";
}

// Attributes as name=value, those `keep` keeps.
inline std::vector<std::pair<std::string, std::string>> attributes_of(
    const xmlNode* n, const AttributeFilter& keep) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    const std::string name = text_of(a->name);
    if (!keep.keeps(name, text_of(n->name))) continue;
    std::string value;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next) value += text_of(c->content);
    out.emplace_back(name, a->children == nullptr ? std::string("(none)") : value);
  }
  return out;
}

inline std::string label(const xmlNode* n) {
  switch (n->type) {
    case XML_ELEMENT_NODE: return text_of(n->name);
    case XML_TEXT_NODE: return "#text";
    case XML_CDATA_SECTION_NODE: return "#cdata";
    case XML_COMMENT_NODE: return "#comment";
    case XML_PI_NODE: return "?" + text_of(n->name);
    case XML_DTD_NODE: return "!doctype";
    default: return "#" + std::to_string(n->type);
  }
}

// The path of labels, the innermost last (at most the last 12).
inline TreeDifference differ(std::string kind, const std::vector<std::string>& path,
                             const std::string& e, const std::string& a) {
  std::string where;
  const std::size_t from = path.size() > 12 ? path.size() - 12 : 0;
  if (from > 0) where = "/..." + std::to_string(from);
  for (std::size_t i = from; i < path.size(); ++i) where += "/" + path[i];
  return {std::move(kind), where, shorten(e), shorten(a)};
}

// Walks both trees in step, with a stack of the sibling pairs to come back
// to in place of recursion (pages nest thousands of elements deep).
inline TreeDifference compare(const xmlNode* e, const xmlNode* a, std::vector<std::string>& path,
                              const AttributeFilter& keep) {
  std::vector<std::pair<const xmlNode*, const xmlNode*>> resume;
  for (;;) {
    if (e == nullptr && a == nullptr) {
      if (resume.empty()) return {};
      e = resume.back().first;
      a = resume.back().second;
      resume.pop_back();
      path.pop_back();
      continue;
    }
    if (e == nullptr || a == nullptr) {
      return differ("children", path, e ? label(e) : "(end)", a ? label(a) : "(end)");
    }
    if (e->type != a->type) return differ("type", path, label(e), label(a));
    if (e->type == XML_DTD_NODE) {
      const auto* de = reinterpret_cast<const xmlDtd*>(e);
      const auto* da = reinterpret_cast<const xmlDtd*>(a);
      const std::string se = text_of(de->name) + "|" + text_of(de->ExternalID) + "|" +
                             text_of(de->SystemID);
      const std::string sa = text_of(da->name) + "|" + text_of(da->ExternalID) + "|" +
                             text_of(da->SystemID);
      if (se != sa) return differ("doctype", path, se, sa);
      e = e->next;
      a = a->next;
      continue;
    }
    if (text_of(e->name) != text_of(a->name)) return differ("name", path, label(e), label(a));
    if (e->type != XML_ELEMENT_NODE) {
      if (text_of(e->content) != text_of(a->content)) {
        path.push_back(label(e));
        return differ("text", path, text_of(e->content), text_of(a->content));
      }
      e = e->next;
      a = a->next;
      continue;
    }
    const auto ae = attributes_of(e, keep);
    const auto aa = attributes_of(a, keep);
    path.push_back(label(e));
    if (ae != aa) {
      std::string se, sa;
      for (const auto& [k, v] : ae) se += k + "=" + v + " ";
      for (const auto& [k, v] : aa) sa += k + "=" + v + " ";
      return differ("attributes", path, se, sa);
    }
    resume.emplace_back(e->next, a->next);
    e = e->children;
    a = a->children;
  }
}

}  // namespace tree_diff_detail

// Compares the documents' trees; attributes only those `keep` keeps.
inline TreeDifference compare_trees(const xmlDoc* expected, const xmlDoc* actual,
                                    const AttributeFilter& keep) {
  if (expected == nullptr || actual == nullptr) {
    if (expected == actual) return {};
    return {"children", "", expected ? "a tree" : "(null)", actual ? "a tree" : "(null)"};
  }
  std::vector<std::string> path;
  return tree_diff_detail::compare(expected->children, actual->children, path, keep);
}

}  // namespace newsclean

#endif  // NEWSCLEAN_TESTS_CPP_TREE_DIFF_H_
