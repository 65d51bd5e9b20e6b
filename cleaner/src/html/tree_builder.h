// The tree side of the native HTML parse (native_parse.h): the stack of open
// elements with libxml2 2.9.14's rules for closing and implying them
// (htmlAutoClose, htmlAutoCloseOnClose, htmlCheckImplied,
// htmlCheckParagraph), and the xmlNode tree built as libxml2's SAX2
// callbacks build it (where a node goes, text runs joined into one node).
#ifndef NEWSCLEAN_SRC_HTML_TREE_BUILDER_H_
#define NEWSCLEAN_SRC_HTML_TREE_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "html/attribute_filter.h"
#include "html/html_tables.h"
#include "html/tokenizer.h"

namespace newsclean {

// An attribute as the tag gives it: lower-case name, value if it has one.
struct TagAttribute {
  std::string name;
  std::string value;
  bool has_value = false;
  bool kept = true;  // false: the filter drops it (its value was not kept)
};

class TreeBuilder {
 public:
  // Builds into `doc` (an empty HTML document), keeping the attributes
  // `attributes` keeps.
  TreeBuilder(xmlDoc* doc, const AttributeFilter& attributes);
  TreeBuilder(const TreeBuilder&) = delete;
  TreeBuilder& operator=(const TreeBuilder&) = delete;

  // The filter the tree keeps attributes by.
  const AttributeFilter& filter() const { return attributes_; }

  // The innermost open element's name; empty if none is open.
  const std::string& current() const { return stack_.empty() ? kNone : stack_.back().name; }
  std::size_t depth() const { return stack_.size(); }
  // The innermost element's index in kKnownTags (-1: unknown or none).
  int current_tag() const { return stack_.empty() ? -1 : stack_.back().tag; }
  bool is_open(int tag) const;

  // A start tag `name`: closes what it closes, implies <html>, <head> or
  // <body> before it. Returns false if libxml2 drops the tag (a second
  // <html>, a <head> out of place, a second <body>); else the element is
  // open (its attributes `attributes`).
  bool start_tag(const std::string& name, const std::vector<TagAttribute>& attributes);
  // Closes the innermost element (an empty one, or "/>").
  void close_current();
  // An end tag: closes up to the element it names, if it may. True if it
  // closed that element.
  bool end_tag(std::string_view name);
  // Closes the open elements a start tag `name` closes (htmlAutoClose);
  // true if it closed any.
  bool close_before(int tag);
  // Closes every open element (the end of the page).
  void close_all();

  // Text: `text` (copied as libxml2 copies it) goes into the innermost
  // element, a <p> implied first where text may not stand (htmlCheckParagraph)
  // if `paragraph`.
  void text(std::string_view text, bool paragraph);
  // Text that is part of the page (it outlives the parse), with no <p>
  // implied: held as a view until it is written out.
  void page_text(std::string_view text);
  // Implies a <p> if the innermost element is none, <html> or <head>.
  void check_paragraph();
  bool paragraph_applies() const;
  void cdata(std::string_view text);
  void comment(const std::string& text);
  void processing_instruction(const std::string& target, const std::string* text);
  void doctype(const Doctype& d);

  // Writes out text still held back; call at the end.
  void finish() { flush_text(); }

 private:
  struct Open {
    std::string name;
    int tag;       // index in kKnownTags, or -1
    xmlNode* node;
  };
  static const std::string kNone;

  void push(const std::string& name, int tag, const std::vector<TagAttribute>* attributes);
  void pop();
  void implied(int tag);
  void add_attributes(xmlNode* node, const std::vector<TagAttribute>& attributes);
  void append(xmlNode* parent, xmlNode* child);
  void flush_text();

  xmlDoc* doc_;
  const AttributeFilter& attributes_;
  std::vector<Open> stack_;
  int ignored_ = 0;  // dropped <html>, <head> and <body> tags whose end tags are ignored
  int seen_ = 1;  // libxml2's ctxt->html: 3 once a <head> was open, 10 once a <body>
  // Text for the innermost element, not yet a node: the page's bytes in
  // pending_view_, or a copy in pending_ (one of them is empty).
  std::string pending_;
  std::string_view pending_view_;
  std::string name_buffer_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_TREE_BUILDER_H_
