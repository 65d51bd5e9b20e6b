// The libxml2 tree as the HTML stages read it: tag and attribute access,
// iterative walks, the text below an element, and the facts of tags.
//
// Attributes are read only through Attr: the tree keeps exactly the
// attributes named there, some only on the elements that read them (and
// those an XPath rule names, on every element; see attribute_filter.h), so
// an attribute the extractor reads can never be one the parse dropped.
#ifndef NEWSCLEAN_SRC_HTML_DOM_H_
#define NEWSCLEAN_SRC_HTML_DOM_H_

#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "core/block.h"
#include "html/xml_arena.h"

namespace newsclean {

// Every attribute the stages read, and those libxml2 itself reads while it
// parses (charset, http-equiv).
enum class Attr {
  kAlt, kAriaHidden, kCharset, kClass, kContent, kDatetime, kHidden, kHref, kHttpEquiv, kId,
  kItemprop, kItemtype, kLang, kName, kProperty, kRel, kRole, kStyle, kTitle, kType,
};
constexpr Attr kAllAttrs[] = {
    Attr::kAlt,      Attr::kAriaHidden, Attr::kCharset, Attr::kClass,     Attr::kContent,
    Attr::kDatetime, Attr::kHidden,     Attr::kHref,    Attr::kHttpEquiv, Attr::kId,
    Attr::kItemprop, Attr::kItemtype,   Attr::kLang,    Attr::kName,      Attr::kProperty,
    Attr::kRel,      Attr::kRole,       Attr::kStyle,   Attr::kTitle,     Attr::kType};

// The attribute's name in the tree (lower case).
inline const char* attr_name(Attr a) {
  constexpr const char* kNames[] = {
      "alt",         "aria-hidden", "charset", "class", "content", "datetime", "hidden",
      "href",        "http-equiv", "id", "itemprop", "itemtype", "lang",
      "name",        "property", "rel", "role", "style", "title", "type"};
  static_assert(sizeof kNames / sizeof kNames[0] == sizeof kAllAttrs / sizeof kAllAttrs[0],
                "a name for every Attr");
  return kNames[static_cast<int>(a)];
}

// Routes libxml2's messages on the calling thread (its handlers are per
// thread) to a structured handler, never to stderr, and initialises the
// library once for all threads. Messages that matter to a clean (fatal
// errors, out of memory, XPath errors at run time) are kept for
// take_libxml_messages(); the HTML parser's recovered complaints are not.
void prepare_libxml();

// The messages kept since prepare_libxml() on this thread ("libxml2: ..."),
// at most five, each once; the list is emptied.
std::vector<std::string> take_libxml_messages();

// A tree in the thread's XmlArena goes with the arena, all at once.
struct DocFree {
  void operator()(xmlDoc* d) const {
    if (!XmlArena::owns(d)) xmlFreeDoc(d);
  }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// A node unlinked from the tree; freed unless the arena owns it.
struct NodeFree {
  void operator()(xmlNode* n) const {
    if (!XmlArena::owns(n)) xmlFreeNode(n);
  }
};
using NodePtr = std::unique_ptr<xmlNode, NodeFree>;

inline const char* name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }
inline bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
// `tag` is `name`, a literal: compared inline, byte by byte (most names differ
// at the first), not by a call to strcmp per element.
template <std::size_t N>
inline bool tag_is(const char* tag, const char (&name)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (tag[i] != name[i]) return false;
  }
  return true;
}
template <std::size_t N>
inline bool is_tag(const xmlNode* n, const char (&tag)[N]) {
  return tag_is(name_of(n), tag);
}

bool one_of(const char* tag, std::initializer_list<const char*> names);

// The value of attribute `a` without a copy: libxml2 stores a plain
// attribute value as one text node. "" when absent.
inline std::string_view attr_view(const xmlNode* n, Attr which) {
  const char* name = attr_name(which);
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    const char* an = reinterpret_cast<const char*>(a->name);
    if (an[0] != name[0] || std::strcmp(an, name) != 0) continue;  // (most differ at once)
    const xmlNode* v = a->children;
    if (v != nullptr && v->next == nullptr && v->type == XML_TEXT_NODE && v->content != nullptr) {
      return reinterpret_cast<const char*>(v->content);
    }
    return {};
  }
  return {};
}
bool has_attr(const xmlNode* n, Attr a);
// The value as libxml2 puts it together (entities and all).
std::string attr(const xmlNode* n, Attr a);

// An <a>, or a custom element (its name has a hyphen) with an href: script
// frameworks draw menus of such links.
bool is_link(const xmlNode* n);

// Pre-order walk below `root` (and `root` itself). `enter` returns false to
// skip a node's children; `leave` runs after them. Iterative: a page nested
// 100,000 deep costs time in proportion to its size, not stack.
template <typename Enter, typename Leave>
void walk(xmlNode* root, Enter enter, Leave leave) {
  xmlNode* n = root;
  while (n != nullptr) {
    const bool descend = enter(n);
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    // Leave n and every ancestor that has no next sibling, up to root.
    while (n != nullptr) {
      leave(n);
      if (n == root) return;
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

// Appends the text of a text node with runs of white space collapsed.
void append_collapsed(const xmlChar* content, std::string* out);

// The collapsed, trimmed text below `root`.
std::string text_of(xmlNode* root);

// What the walks ask of every element's tag, one hash lookup instead of a
// row of strcmp calls.
bool is_block_tag(const char* tag);    // ends a block of text
bool is_ignored_tag(const char* tag);  // holds no story text (script, style, ...)
BlockKind kind_of(const char* tag);    // the kind of block a block tag makes

// std::isalnum and std::tolower of every byte, as the C locale has them
// when a page is cleaned: class and id values are split a byte at a time,
// and a table is cheaper than two library calls a byte.
struct ByteClasses {
  bool alnum[256];
  char lower[256];
  ByteClasses();
  bool is_alnum(char c) const { return alnum[static_cast<unsigned char>(c)]; }
};

// Parts of a class or id attribute: "post-share_bar main" -> post, share, bar, main.
// fn(token) only for those with want(length, first byte in lower case): the
// others are never copied.
template <typename Want, typename Fn>
void for_each_token_if(std::string_view value, const ByteClasses& bytes, Want want, Fn fn) {
  std::size_t i = 0;
  std::string token;
  while (i < value.size()) {
    while (i < value.size() && !bytes.is_alnum(value[i])) ++i;
    std::size_t j = i;
    while (j < value.size() && bytes.is_alnum(value[j])) ++j;
    if (j > i && want(j - i, bytes.lower[static_cast<unsigned char>(value[i])])) {
      token.assign(value.data() + i, j - i);
      for (char& ch : token) ch = bytes.lower[static_cast<unsigned char>(ch)];
      fn(token);
    }
    i = j;
  }
}

template <typename Fn>
void for_each_token(std::string_view value, const ByteClasses& bytes, Fn fn) {
  for_each_token_if(value, bytes, [](std::size_t, char) { return true; }, fn);
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_DOM_H_
