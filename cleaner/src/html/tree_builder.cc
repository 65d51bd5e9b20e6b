// The element stack and the tree of the native HTML parse (see
// tree_builder.h).
#include "html/tree_builder.h"

#include <algorithm>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/valid.h>

#include "html/dom.h"
#include "html/html_tables.h"

namespace newsclean {
namespace {

const xmlChar* bytes(std::string_view s) { return reinterpret_cast<const xmlChar*>(s.data()); }
int length(std::string_view s) { return static_cast<int>(s.size()); }

bool is_any(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_any(int tag, std::initializer_list<int> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// HTML 4's boolean attributes: one without a value has its name as value.
bool is_boolean_attribute(std::string_view name) {
  return is_any(name, {"checked", "compact", "declare", "defer", "disabled", "ismap", "multiple",
                       "nohref", "noresize", "noshade", "nowrap", "readonly", "selected"});
}

// The name libxml2's SAX2 gives an element named `name` in the page: the
// part after a prefix ("fb:like" -> "like"), except for names that start or
// end with ':' (xmlSplitQName).
std::string_view local_name(std::string_view name) {
  if (name.empty() || name[0] == ':') return name;
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos || colon + 1 == name.size()) return name;
  return name.substr(colon + 1);
}

}  // namespace

const std::string TreeBuilder::kNone;

TreeBuilder::TreeBuilder(xmlDoc* doc, const AttributeFilter& attributes)
    : doc_(doc), attributes_(attributes) {
  stack_.reserve(64);
}

bool TreeBuilder::is_open(int tag) const {
  return std::any_of(stack_.begin(), stack_.end(), [&](const Open& o) { return o.tag == tag; });
}

void TreeBuilder::append(xmlNode* parent, xmlNode* child) {
  child->parent = parent;
  child->doc = doc_;
  child->prev = parent->last;
  if (parent->last != nullptr) {
    parent->last->next = child;
  } else {
    parent->children = child;
  }
  parent->last = child;
}

void TreeBuilder::flush_text() {
  const std::string_view text = pending_view_.empty() ? std::string_view(pending_) : pending_view_;
  if (text.empty()) return;
  xmlNode* const node = stack_.back().node;
  xmlNode* const last = node->last;
  if (last != nullptr && last->type == XML_TEXT_NODE && last->name == xmlStringText) {
    xmlTextConcat(last, bytes(text), length(text));
  } else if (xmlNode* t = xmlNewDocTextLen(doc_, bytes(text), length(text))) {
    append(node, t);
  }
  pending_.clear();
  pending_view_ = {};
}

void TreeBuilder::add_attributes(xmlNode* node, const std::vector<TagAttribute>& attributes) {
  for (const TagAttribute& a : attributes) {
    if (!a.kept) continue;
    const bool has_value = a.has_value || is_boolean_attribute(a.name);
    xmlAttr* attr = xmlNewNsPropEatName(node, nullptr, xmlStrdup(bytes(a.name.c_str())), nullptr);
    if (attr == nullptr || !has_value) continue;
    const std::string_view value = a.has_value ? std::string_view(a.value) : a.name;
    attr->children = xmlNewDocTextLen(doc_, bytes(value), length(value));
    attr->last = attr->children;
    if (attr->children == nullptr) continue;
    attr->children->parent = reinterpret_cast<xmlNode*>(attr);
    if ((a.name == "id" || a.name == "name") && xmlIsID(doc_, node, attr) != 0) {
      xmlAddID(nullptr, doc_, attr->children->content, attr);
    }
  }
}

void TreeBuilder::push(const std::string& name, int tag,
                       const std::vector<TagAttribute>* attributes) {
  flush_text();
  const std::string_view local = local_name(name);
  name_buffer_.assign(local);
  xmlNode* node = xmlNewDocNode(doc_, nullptr, bytes(name_buffer_.c_str()), nullptr);
  if (node == nullptr) return;
  // Where xmlSAX2StartElement puts it: the first node of the document is
  // its root; one opened with nothing open goes into the document's first
  // node if that is an element, else beside it.
  xmlNode* parent = stack_.empty() ? nullptr : stack_.back().node;
  xmlNode* const doc_node = reinterpret_cast<xmlNode*>(doc_);
  if (doc_->children == nullptr) {
    append(doc_node, node);
  } else if (parent == nullptr) {
    parent = doc_->children;
  }
  if (parent != nullptr) append(parent->type == XML_ELEMENT_NODE ? parent : doc_node, node);
  if (attributes != nullptr) add_attributes(node, *attributes);
  if (seen_ < 3 && tag == kTags.head) seen_ = 3;
  if (seen_ < 10 && tag == kTags.body) seen_ = 10;
  stack_.push_back({name, tag, node});
}

void TreeBuilder::pop() {
  flush_text();
  stack_.pop_back();
}

void TreeBuilder::implied(int tag) {
  const KnownTags& t = kTags;
  if (tag == t.html) return;
  if (stack_.empty()) push("html", t.html, nullptr);
  if (tag == t.body || tag == t.head) return;
  if (stack_.size() <= 1 && is_any(tag, {t.script, t.style, t.meta, t.link, t.title, t.base})) {
    if (seen_ >= 3) return;  // a <head> was open before
    push("head", t.head, nullptr);
  } else if (!is_any(tag, {t.noframes, t.frame, t.frameset})) {
    if (seen_ >= 10) return;  // a <body> was open before
    for (const Open& o : stack_) {
      if (o.tag == t.body || o.tag == t.head) return;
    }
    push("body", t.body, nullptr);
  }
}

bool TreeBuilder::close_before(int tag) {
  bool closed = false;
  while (!stack_.empty() && start_closes(tag, stack_.back().tag)) {
    pop();
    closed = true;
  }
  return closed;
}

bool TreeBuilder::start_tag(const std::string& name, const std::vector<TagAttribute>& attributes) {
  const int tag = known_tag(name);
  close_before(tag);
  implied(tag);
  bool dropped = false;
  if (!stack_.empty() && tag == kTags.html) dropped = true;
  if (stack_.size() != 1 && tag == kTags.head) dropped = true;
  if (tag == kTags.body && is_open(kTags.body)) dropped = true;
  if (dropped) {
    ++ignored_;
    return false;
  }
  push(name, tag, &attributes);
  return true;
}

void TreeBuilder::close_current() {
  if (!stack_.empty()) pop();
}

bool TreeBuilder::end_tag(std::string_view name) {
  const int tag = known_tag(name);
  if (ignored_ > 0 && (tag == kTags.html || tag == kTags.body || tag == kTags.head)) {
    --ignored_;
    return false;
  }
  // A misplaced end tag closes only elements of no higher priority than
  // its own (htmlAutoCloseOnClose).
  const int priority = end_priority(tag);
  std::size_t i = stack_.size();
  for (;;) {
    if (i == 0) return false;  // not open: ignored
    --i;
    if (tag >= 0 ? stack_[i].tag == tag : stack_[i].name == name) break;
    if (end_priority(stack_[i].tag) > priority) return false;
  }
  while (stack_.size() > i + 1) pop();
  pop();
  return true;
}

void TreeBuilder::close_all() {
  while (!stack_.empty()) pop();
}

bool TreeBuilder::paragraph_applies() const {
  return stack_.empty() || stack_.back().tag == kTags.html || stack_.back().tag == kTags.head;
}

void TreeBuilder::check_paragraph() {
  if (!paragraph_applies()) return;
  close_before(kTags.p);
  implied(kTags.p);
  push("p", kTags.p, nullptr);
}

void TreeBuilder::text(std::string_view text, bool paragraph) {
  if (paragraph) check_paragraph();
  if (stack_.empty()) return;  // nothing open: libxml2 drops it
  if (!pending_view_.empty()) {
    pending_.assign(pending_view_);
    pending_view_ = {};
  }
  pending_.append(text);
}

void TreeBuilder::page_text(std::string_view text) {
  if (stack_.empty() || text.empty()) return;
  if (pending_.empty() && pending_view_.empty()) {
    pending_view_ = text;
  } else {
    this->text(text, false);
  }
}

void TreeBuilder::cdata(std::string_view text) {
  flush_text();
  if (stack_.empty()) return;
  xmlNode* const node = stack_.back().node;
  if (node->last != nullptr && node->last->type == XML_CDATA_SECTION_NODE) {
    xmlTextConcat(node->last, bytes(text), length(text));
  } else if (xmlNode* c = xmlNewCDataBlock(doc_, bytes(text), length(text))) {
    append(node, c);
  }
}

void TreeBuilder::comment(const std::string& text) {
  flush_text();
  xmlNode* c = xmlNewDocComment(doc_, bytes(text.c_str()));
  if (c == nullptr) return;
  append(stack_.empty() ? reinterpret_cast<xmlNode*>(doc_) : stack_.back().node, c);
}

void TreeBuilder::processing_instruction(const std::string& target, const std::string* text) {
  flush_text();
  xmlNode* pi = xmlNewDocPI(doc_, bytes(target.c_str()), text ? bytes(text->c_str()) : nullptr);
  if (pi == nullptr) return;
  append(stack_.empty() ? reinterpret_cast<xmlNode*>(doc_) : stack_.back().node, pi);
}

void TreeBuilder::doctype(const Doctype& d) {
  if (doc_->intSubset != nullptr) return;  // libxml2 keeps the first (HTML)
  doc_->intSubset = xmlCreateIntSubset(doc_, d.has_name ? bytes(d.name.c_str()) : nullptr,
                                       d.has_public ? bytes(d.public_id.c_str()) : nullptr,
                                       d.has_system ? bytes(d.system_id.c_str()) : nullptr);
}

}  // namespace newsclean
