// The native HTML parse's reading loop (see native_parse.h): the order in
// which libxml2 2.9.14's htmlParseDocument and htmlParseContentInternal try
// the constructs at a position, with the tree work in TreeBuilder.
#include "html/native_parse.h"

#include <string>
#include <vector>

#include <libxml/HTMLtree.h>

#include "core/utf8.h"
#include "html/charset.h"
#include "html/fast_parse.h"
#include "html/html_tables.h"
#include "html/tokenizer.h"
#include "html/tree_builder.h"

namespace newsclean {
namespace {

// libxml2 hands text on in pieces of this many bytes; whether a piece of
// white space in <html> or <head> implies a <p> is decided piece by piece.
constexpr std::size_t kTextPiece = 1000;

bool blank_only(std::string_view s) {
  for (const char c : s) {
    if (!is_html_blank(c)) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view in, xmlDoc* doc, const AttributeFilter& attributes)
      : c_{in, 0}, tree_(doc, attributes) {}

  void run() {
    // libxml2 drops up to three UTF-8 BOMs at the start: two here, the
    // third where the text begins (as a lone one, below).
    for (int k = 0; k < 2 && c_.in.substr(c_.pos, 3) == "\xEF\xBB\xBF"; ++k) c_.pos += 3;
    c_.skip_blanks();
    prolog();
    if (at_doctype()) tree_.doctype(read_doctype(&c_));
    c_.skip_blanks();
    prolog();
    content();
    tree_.close_all();
    tree_.finish();
  }

 private:
  bool at_doctype() const {
    return c_.at() == '<' && c_.at(1) == '!' && Cursor{c_.in, c_.pos + 2}.at_nocase("doctype");
  }
  bool at_comment() const {
    return c_.at() == '<' && c_.at(1) == '!' && c_.at(2) == '-' && c_.at(3) == '-';
  }
  bool at_pi() const { return c_.at() == '<' && c_.at(1) == '?'; }

  // Comments and processing instructions before (and after) the DOCTYPE.
  void prolog() {
    while (at_comment() || at_pi()) {
      if (at_comment()) comment();
      if (at_pi()) processing_instruction();
      c_.skip_blanks();
    }
  }

  void comment() {
    text_.clear();
    if (read_comment(&c_, &text_)) tree_.comment(text_);
  }

  void processing_instruction() {
    std::string target;
    bool has_text = false;
    if (read_processing_instruction(&c_, &target, &text_, &has_text)) {
      tree_.processing_instruction(target, has_text ? &text_ : nullptr);
    }
  }

  // htmlParseContentInternal. `current` is libxml2's currentNode: the
  // element whose content is being read, which decides whether a script or
  // style body is read; `depth` the stack's depth then.
  void content() {
    std::string current = tree_.current();
    int current_tag = tree_.current_tag();
    std::size_t depth = tree_.depth();
    const auto follow = [&] {
      current = tree_.current();
      current_tag = tree_.current_tag();
      depth = tree_.depth();
    };
    for (;;) {
      if (c_.at() == '<' && c_.at(1) == '/') {
        if (end_tag() && (!current.empty() || tree_.depth() == 0)) follow();
        continue;
      }
      // (Most open elements are closed by no start tag: no need to look.)
      if (c_.at() == '<' && (is_ascii_alpha(c_.at(1)) || c_.at(1) == '_' || c_.at(1) == ':') &&
          closable(tree_.current_tag())) {
        peek_tag_name(c_, &name_);
        const int tag = known_tag(name_);
        if (start_closes(tag, tree_.current_tag())) {
          tree_.close_before(tag);
          continue;
        }
      }
      if (tree_.depth() > 0 && depth >= tree_.depth() && current != tree_.current()) {
        if (c_.at() == '\0') tree_.close_all();
        follow();
        continue;
      }
      if (c_.at() != '\0' && !current.empty() && (current_tag == kTags.script || current_tag == kTags.style)) {
        script_body();
        continue;
      }
      if (at_doctype()) tree_.doctype(read_doctype(&c_));  // out of place, but read
      if (at_comment()) {
        comment();
      } else if (at_pi()) {
        processing_instruction();
      } else if (c_.at() == '<' && is_ascii_alpha(c_.at(1))) {
        element();
        follow();
      } else if (c_.at() == '<') {
        tree_.text("<", false);
        ++c_.pos;
      } else if (c_.at() == '&') {
        reference();
      } else if (c_.at() == '\0') {
        break;
      } else {
        char_data();
      }
    }
  }

  // htmlParseEndTag: true if it closed the element it names.
  bool end_tag() {
    c_.pos += 2;
    std::string_view name;
    if (!read_html_name(&c_, &name, &name_)) return false;  // "</" is dropped
    c_.skip_blanks();
    while (c_.at() != '\0' && c_.at() != '>') ++c_.pos;
    if (c_.at() == '>') ++c_.pos;
    return tree_.end_tag(name);
  }

  // htmlParseElementInternal, at '<' and a letter.
  void element() {
    ++c_.pos;
    std::string_view name_read;
    read_html_name(&c_, &name_read, &name_);
    const std::string name(name_read);
    attributes_.clear();
    c_.skip_blanks();
    while (c_.at() != '\0' && c_.at() != '>' && !(c_.at() == '/' && c_.at(1) == '>')) {
      std::string_view attribute;
      if (read_html_name(&c_, &attribute, &name_)) {
        TagAttribute a;
        a.name.assign(attribute);
        a.kept = tree_.filter().keeps(a.name, name);
        c_.skip_blanks();
        if (c_.at() == '=') {
          ++c_.pos;
          c_.skip_blanks();
          read_attribute_value(&c_, a.kept ? &a.value : nullptr);
          a.has_value = true;
        }
        bool repeated = false;
        for (const TagAttribute& seen : attributes_) repeated = repeated || seen.name == a.name;
        if (!repeated) attributes_.push_back(std::move(a));
      } else {  // not a name: skipped up to a blank or the tag's end
        while (c_.at() != '\0' && !is_html_blank(c_.at()) && c_.at() != '>' &&
               !(c_.at() == '/' && c_.at(1) == '>')) {
          ++c_.pos;
        }
      }
      c_.skip_blanks();
    }
    tree_.start_tag(name, attributes_);
    // From here libxml2 goes on with the innermost element, which is the
    // parent when the tag was dropped.
    if (tree_.depth() == 0) {
      if (c_.at() == '>') ++c_.pos;
      return;
    }
    if (c_.at() == '/' && c_.at(1) == '>') {
      c_.pos += 2;
      tree_.close_current();
      return;
    }
    if (c_.at() != '>') {  // the page (or its text before a NUL) ends in the tag
      tree_.close_current();
      if (c_.at() == '\0') tree_.close_all();
      return;
    }
    ++c_.pos;
    const int tag = tree_.current_tag();
    if (tag >= 0 && kKnownTags[tag].empty) tree_.close_current();
  }

  // htmlParseScript: the body up to "</" and the element's name.
  void script_body() {
    const std::string& name = tree_.current();
    const std::string_view in = c_.in;
    std::size_t end = c_.pos;
    for (;;) {
      end = in.find("</", end);
      if (end == std::string_view::npos) {
        end = in.size();
        break;
      }
      if (Cursor{in, end + 2}.at_nocase(name)) break;
      end += 1;
    }
    const std::string_view body = newsclean::char_data(in, c_.pos, end, &text_);
    if (!body.empty()) tree_.cdata(body);
    c_.pos = end;
  }

  void reference() {
    std::uint32_t code = 0;
    std::string_view literal;
    if (c_.at(1) == '#') {
      code = read_char_ref(&c_);
      if (code == 0) return;
    } else {
      code = read_named_ref(&c_, &literal);
    }
    text_.clear();
    if (code == 0) {
      text_.assign(literal);  // (what follows the name is read on its own: a NUL ends the page)
    } else {
      append_utf8(code, &text_);
    }
    tree_.text(text_, true);
  }

  // htmlParseCharData: text up to '<' or '&'.
  void char_data() {
    const std::string_view in = c_.in;
    const std::size_t end = find_text_end(in, c_.pos);
    if (!tree_.paragraph_applies()) {
      const std::string_view text = newsclean::char_data(in, c_.pos, end, &text_);
      if (text.data() == text_.data()) {
        tree_.text(text, false);
      } else {
        tree_.page_text(text);
      }
      c_.pos = end;
      return;
    }
    // Piece by piece: white space followed by a tag (or the end) stays
    // where it is; other text implies a <p>.
    std::size_t k = c_.pos;
    while (k < end) {
      text_.clear();
      while (k < end && text_.size() < kTextPiece) {
        const std::size_t len = std::min(utf8_length(static_cast<unsigned char>(in[k])), end - k);
        append_char_data(in, k, k + len, &text_);
        k += len;
      }
      if (text_.empty()) continue;
      const char next = k < in.size() ? in[k] : '\0';
      const bool stays = blank_only(text_) && (next == '<' || next == '\0');
      tree_.text(text_, !stays);
    }
    c_.pos = end;
  }

  Cursor c_;
  TreeBuilder tree_;
  std::string name_;
  std::string text_;
  std::vector<TagAttribute> attributes_;
};

}  // namespace

DocPtr parse_html_native(std::string_view in, const AttributeFilter& attributes) {
  // As parse_html: an internal subset's declarations are not the page's text.
  std::string storage;
  in = without_internal_subset(in, &storage);
  DocPtr doc(htmlNewDocNoDtD(nullptr, nullptr));
  if (!doc) return doc;
  doc->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>("UTF-8"));  // as libxml2 records it
  Parser parser(in, doc.get(), attributes);
  parser.run();
  return doc;
}

DocPtr parse_page(std::string_view in, const AttributeFilter& attributes) {
#ifdef NEWSCLEAN_LIBXML2_PARSE
  return parse_html(in, attributes);
#else
  return parse_html_native(in, attributes);
#endif
}

}  // namespace newsclean
