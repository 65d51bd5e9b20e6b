// HTML front end with libxml2: charset, parse, metadata, pruning by the HTML
// rules, choice of the main content, and blocks.
//
// Every walk over the tree is iterative (parent/next pointers), so a page
// nested 100,000 deep costs time in proportion to its size, not stack.
#include "html.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <nlohmann/json.hpp>

#include "rules.h"
#include "xml_arena.h"
#include "xpath_regex.h"

namespace newsclean {
namespace {

// ------------------------------------------------------------------ libxml2

void ignore_error(void*, const char*, ...) {}
void ignore_structured_error(void*, xmlErrorPtr) {}

// libxml2 keeps its error handlers per thread: silence them on the calling
// thread, and initialise the library once for all threads.
void prepare_libxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    XmlArena::install();
  });
  xmlSetGenericErrorFunc(nullptr, ignore_error);
  xmlSetStructuredErrorFunc(nullptr, ignore_structured_error);
}

// A tree in the thread's XmlArena goes with the arena, all at once.
struct DocFree {
  void operator()(xmlDoc* d) const {
    if (!XmlArena::owns(d)) xmlFreeDoc(d);
  }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

const char* name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

// Every attribute the extractor reads from the tree (through attr_view,
// has_attr and attr), and those libxml2 itself reads while it parses. Other
// attributes never reach the tree unless an XPath rule names them (see
// AttributeFilter): a name read here must be listed here, which
// tests/cpp/html_test.cc checks against this file.
constexpr const char* kAttributesRead[] = {
    "aria-hidden", "charset", "class", "content", "datetime", "hidden",
    "href",        "http-equiv", "id", "itemprop", "itemtype", "lang",
    "name",        "property", "rel", "role", "style", "type"};

// The value of attribute `name` without a copy: libxml2 stores a plain
// attribute value as one text node. "" when absent.
std::string_view attr_view(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    const xmlNode* v = a->children;
    if (v != nullptr && v->next == nullptr && v->type == XML_TEXT_NODE && v->content != nullptr) {
      return reinterpret_cast<const char*>(v->content);
    }
    return {};
  }
  return {};
}

bool has_attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) return true;
  }
  return false;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

// An <a>, or a custom element (its name has a hyphen) with an href: script
// frameworks draw menus of such links.
bool is_link(const xmlNode* n) {
  const char* tag = name_of(n);
  return std::strcmp(tag, "a") == 0 ||
         (n->properties != nullptr && std::strchr(tag, '-') != nullptr && has_attr(n, "href"));
}

// Pre-order walk below `root` (not `root` itself unless include_root).
// `enter` returns false to skip a node's children; `leave` runs after them.
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

// ------------------------------------------------------------------ charset

std::string sniff_charset(std::string_view in) {
  const std::string head = lower(std::string(in.substr(0, 4096)));
  std::size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    pos += 7;
    std::size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' ||
                               head[i] == '\'')) {
      ++i;
    }
    if (i == pos) continue;  // "charset" not followed by "="
    std::size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == '-' || head[j] == '_' || head[j] == ':')) {
      ++j;
    }
    if (j > i) return head.substr(i, j - i);
  }
  return {};
}

// Eight bytes from p, in any byte order (for tests that look at every byte).
std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Most of a page is ASCII: skip it eight bytes at a time.
    while (i + 8 <= s.size() && (load8(s.data() + i) & kHighBits) == 0) i += 8;
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t before = i;
    if (next_code_point(s, &i) == 0xFFFD && !(s.substr(before, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
  }
  return true;
}

// The encoding name to give libxml2, and the input without a BOM.
// `*utf8` tells whether the input is well-formed UTF-8 (false when not checked).
std::string choose_encoding(std::string_view* in, bool* utf8) {
  *utf8 = false;
  if (in->substr(0, 3) == "\xEF\xBB\xBF") {
    in->remove_prefix(3);
    return "UTF-8";
  }
  if (in->substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (in->substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  std::string declared = sniff_charset(*in);
  if (declared == "utf8" || declared == "unicode") declared = "utf-8";
  *utf8 = valid_utf8(*in);
  if (declared.empty() || declared == "utf-8") {
    // Undeclared or wrongly declared bytes that are not UTF-8: the web's
    // most common other charset.
    return *utf8 ? "UTF-8" : "windows-1252";
  }
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii" ||
      declared == "ascii") {
    return *utf8 ? "UTF-8" : "windows-1252";  // browsers read these as windows-1252
  }
  return declared;
}

// ------------------------------------------------------------------ elision

// libxml2 (2.9) reads the body of a <script> or <style> element, and every
// attribute value, one character at a time, a function call each: on news
// pages that is most of the parse. So long bodies and long quoted attribute
// values are handed to it as a short placeholder, and the original bytes are
// put back into the tree after the parse. The tree is the same as from the
// original bytes because, in recovery mode, libxml2 copies such a body
// verbatim up to the first "</script" (or "</style"), case-insensitive, and
// a quoted value verbatim up to its closing quote when it holds no '&'; we
// only elide well-formed UTF-8 without control characters (those end or
// alter a body), and never an "id" or "name" value (libxml2 indexes those
// while it parses). Where the scan below reads the page differently from
// libxml2 (a "<script>" inside an attribute value, a dropped duplicate
// attribute), some placeholder does not come back, in order, as the whole
// body or value it stands for, and the page is parsed again from its own
// bytes.
struct Elision {
  std::string_view bytes;   // in the original input
  const char* element;      // a script or style body: "script" or "style"
  std::string_view attribute;  // else an attribute value: its name, in the input's case
};

struct Elided {
  std::string input;               // the input with placeholders, if changed
  std::vector<Elision> elisions;  // placeholder i stands for elisions[i]
  bool changed = false;            // false: parse the input as it is
};

// A placeholder is this byte and a number. Pages that hold the byte (a
// control character, rare in HTML and harmless to libxml2) are parsed as
// they are, so a placeholder is never the page's own text.
constexpr std::string_view kPlaceholder = "\x7F";
// Bodies and values shorter than this are left in place: not worth it.
constexpr std::size_t kMinElided = 16;
// Values of a tag's attributes after this many are left in place.
constexpr std::size_t kMaxAttributes = 64;

// Appends `n` in decimal (std::to_string without the temporary).
void append_number(std::size_t n, std::string* out) {
  char digits[20];
  std::size_t k = 0;
  do {
    digits[k++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  while (k > 0) out->push_back(digits[--k]);
}

// libxml2 compares tag names with ASCII case folding only.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool is_ascii_letter(char c) {
  const char l = ascii_lower(c);
  return l >= 'a' && l <= 'z';
}

// True if s[at...] starts with `prefix` (lower case), ignoring ASCII case.
bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (ascii_lower(s[at + k]) != prefix[k]) return false;
  }
  return true;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (ascii_lower(a[k]) != ascii_lower(b[k])) return false;
  }
  return true;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// libxml2's htmlParseHTMLName: the characters of a name, and its first one.
bool is_name_char(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' ||
         c == '.';
}
bool is_name_start(char c) { return is_ascii_letter(c) || c == '_' || c == ':' || c == '.'; }

// Which attributes a page's tree needs: those the extractor reads and those
// the rule set's XPath expressions name. Most attributes of a news page
// (data-*, event handlers, sizes, SVG geometry) are neither; building them
// was a tenth of a clean.
class AttributeFilter {
 public:
  AttributeFilter() : kept_(std::begin(kAttributesRead), std::end(kAttributesRead)) {}

  // Adds the attributes `xpath` names (@name, attribute::name). One it names
  // by wildcard or not at all (@*, attribute::node()) keeps every attribute.
  void add_xpath(std::string_view xpath) {
    for (std::size_t i = 0; i < xpath.size(); ++i) {
      std::size_t start = std::string_view::npos;
      if (xpath[i] == '@') {
        start = i + 1;
      } else if (xpath.compare(i, 11, "attribute::") == 0) {
        start = i + 11;
      } else {
        continue;
      }
      std::size_t end = start;
      while (end < xpath.size() && (is_name_char(xpath[end]))) ++end;
      if (end == start) {
        keep_all_ = true;
        return;
      }
      kept_.push_back(lower(std::string(xpath.substr(start, end - start))));
      i = end - 1;
    }
  }

  // `name` as written in the page (libxml2 lower-cases it).
  bool keeps(std::string_view name) const {
    return keep_all_ || std::any_of(kept_.begin(), kept_.end(), [&](const std::string& k) {
             return iequals_ascii(k, name);
           });
  }

 private:
  std::vector<std::string> kept_;  // lower case; a score of names: a scan is cheapest
  bool keep_all_ = false;
};

// True if libxml2 would copy `bytes` as they are: no NUL or control
// character but tab, newline and carriage return.
bool plain_bytes(std::string_view bytes) {
  const auto plain = [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x20 || u == '\t' || u == '\n' || u == '\r';
  };
  std::size_t i = 0;
  // Eight bytes at a time while none is below 0x20 (no byte-wise borrow:
  // each byte has its top bit set before 0x20 is taken from it).
  constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
  for (; i + 8 <= bytes.size(); i += 8) {
    const std::uint64_t w = load8(bytes.data() + i);
    if ((((w | kHighBits) - kSpaces) & kHighBits) == kHighBits) continue;
    for (std::size_t k = i; k < i + 8; ++k) {
      if (!plain(bytes[k])) return false;
    }
  }
  for (; i < bytes.size(); ++i) {
    if (!plain(bytes[i])) return false;
  }
  return true;
}

// Reads the attributes of a start tag from `i` as libxml2's
// htmlParseStartTag does, calling value(name, begin, end) for each attribute
// (begin == end == npos unless the value is quoted). Returns the index of
// the tag's '>' (of "/>" when `*empty`), or npos when the tag does not end.
template <typename Value>
std::size_t read_attributes(std::string_view s, std::size_t i, bool* empty, Value value) {
  *empty = false;
  const std::size_t n = s.size();
  const auto tag_end = [&](std::size_t k) {
    return s[k] == '>' || (s[k] == '/' && k + 1 < n && s[k + 1] == '>');
  };
  while (i < n) {
    if (tag_end(i)) {
      *empty = s[i] == '/';
      return *empty ? i + 1 : i;
    }
    if (is_blank(s[i])) {
      ++i;
      continue;
    }
    if (!is_name_start(s[i])) {  // a bogus attribute: skipped up to a blank or the end
      while (i < n && !is_blank(s[i]) && !tag_end(i)) ++i;
      continue;
    }
    const std::size_t name = i;
    while (i < n && is_name_char(s[i])) ++i;
    const std::string_view attribute_name = s.substr(name, i - name);
    std::size_t j = i;
    while (j < n && is_blank(s[j])) ++j;
    if (j >= n || s[j] != '=') {
      value(attribute_name, std::string_view::npos, std::string_view::npos);
      continue;
    }
    ++j;
    while (j < n && is_blank(s[j])) ++j;
    if (j < n && (s[j] == '"' || s[j] == '\'')) {
      const std::size_t close = s.find(s[j], j + 1);
      if (close == std::string_view::npos) return std::string_view::npos;
      value(attribute_name, j + 1, close);
      i = close + 1;
    } else {
      value(attribute_name, std::string_view::npos, std::string_view::npos);
      while (j < n && !is_blank(s[j]) && s[j] != '>') ++j;
      i = j;
    }
  }
  return std::string_view::npos;
}

// The input with long script and style bodies and long attribute values
// replaced by placeholders, and without the quoted attributes `attributes`
// does not keep. `in` must be well-formed UTF-8. Unchanged when there is
// nothing to elide.
Elided elide(std::string_view in, const AttributeFilter& attributes) {
  Elided out;
  if (in.find(kPlaceholder) != std::string_view::npos) return out;
  std::size_t copied = 0;  // in[0, copied) is in out.input
  const auto cut = [&](std::size_t begin, std::size_t end) {
    if (!out.changed) out.input.reserve(in.size());
    out.changed = true;
    out.input.append(in.substr(copied, begin - copied));
    copied = end;
  };
  const auto replace = [&](std::size_t begin, std::size_t end, Elision e) {
    cut(begin, end);
    out.input.append(kPlaceholder);
    append_number(out.elisions.size(), &out.input);
    out.elisions.push_back(e);
  };
  std::vector<std::string_view> names;  // of the attributes of a tag so far
  std::size_t i = 0;
  while ((i = in.find('<', i)) != std::string_view::npos) {
    if (in.compare(i, 4, "<!--") == 0) {  // libxml2 ends a comment at the first "-->"
      const std::size_t end = in.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (in.compare(i, 2, "</") == 0 && i + 2 < in.size() && is_ascii_letter(in[i + 2])) {
      i = in.find('>', i);  // libxml2 skips the rest of an end tag
      continue;
    }
    if (i + 1 >= in.size() || !is_ascii_letter(in[i + 1])) {  // not a start tag
      ++i;
      continue;
    }
    std::size_t name_end = i + 1;
    while (name_end < in.size() && is_name_char(in[name_end])) ++name_end;
    const std::string_view tag = in.substr(i + 1, name_end - i - 1);
    const char* body = iequals_ascii(tag, "script") ? "script"
                       : iequals_ascii(tag, "style") ? "style"
                                                     : nullptr;
    // libxml2 drops a repeated <html>, <head> or <body> tag, and a repeated
    // attribute: values there are left in place.
    const bool may_repeat =
        iequals_ascii(tag, "html") || iequals_ascii(tag, "head") || iequals_ascii(tag, "body");
    names.clear();
    bool empty = false;
    bool plain = true;
    const std::size_t gt = read_attributes(
        in, name_end, &empty, [&](std::string_view name, std::size_t begin, std::size_t end) {
          // (A tag with very many attributes keeps them: the check is quadratic.)
          const bool repeated =
              names.size() >= kMaxAttributes ||
              std::any_of(names.begin(), names.end(),
                          [&](std::string_view seen) { return iequals_ascii(seen, name); });
          if (names.size() < kMaxAttributes) names.push_back(name);
          if (begin == std::string_view::npos) return;
          if (!may_repeat && !attributes.keeps(name)) {  // the name, '=' and the quoted value
            cut(static_cast<std::size_t>(name.data() - in.data()), end + 1);
            return;
          }
          const std::string_view value = in.substr(begin, end - begin);
          if (!plain || may_repeat || repeated || value.size() < kMinElided) return;
          if (!plain_bytes(value)) {
            plain = false;  // the control character is parsed in its own way: stop here
            return;
          }
          if (iequals_ascii(name, "id") || iequals_ascii(name, "name") ||
              value.find('&') != std::string_view::npos) {
            return;
          }
          replace(begin, end, {value, nullptr, name});
        });
    if (gt == std::string_view::npos || !plain) break;
    i = gt + 1;
    if (body == nullptr || empty) continue;
    std::size_t end = i;
    const std::string close = std::string("</") + body;
    while ((end = in.find("</", end)) != std::string_view::npos &&
           !starts_with_nocase(in, end, close)) {
      end += 2;
    }
    if (end == std::string_view::npos) break;  // libxml2 reads the body to the end
    const std::string_view bytes = in.substr(i, end - i);
    if (!plain_bytes(bytes)) break;  // libxml2 would end the body early: stop here
    if (bytes.size() >= kMinElided) replace(i, end, {bytes, body, {}});
    i = end;
  }
  if (out.changed) out.input.append(in.substr(copied));
  return out;
}

// Puts the elided bytes back into the tree. False if some placeholder is
// not, in document order, the whole body or value it stands for (the scan
// read the page differently from libxml2): the tree must then be built from
// the original.
bool restore(xmlDoc* doc, const Elided& elided) {
  std::size_t restored = 0;
  bool ok = true;
  // The next placeholder must be `text`, exactly, in `element` or `attribute`.
  const auto put_back = [&](xmlNode* text, const char* element, std::string_view attribute) {
    const std::string_view now(reinterpret_cast<const char*>(text->content));
    if (now.compare(0, kPlaceholder.size(), kPlaceholder) != 0) return;
    std::string expected;
    append_number(restored, &expected);
    if (restored >= elided.elisions.size() || now.substr(kPlaceholder.size()) != expected) {
      ok = false;
      return;
    }
    const Elision& e = elided.elisions[restored++];
    const bool same_place = element != nullptr
                                ? e.element != nullptr && std::strcmp(element, e.element) == 0
                                : e.element == nullptr && iequals_ascii(e.attribute, attribute);
    if (!same_place) {
      ok = false;
      return;
    }
    xmlNodeSetContentLen(text, reinterpret_cast<const xmlChar*>(e.bytes.data()),
                         static_cast<int>(e.bytes.size()));
  };
  // Content after </html> makes more top-level elements: walk them all.
  for (xmlNode* top = doc->children; top != nullptr && ok; top = top->next) {
    walk(
        top,
        [&](xmlNode* n) {
          if (!ok || !is_element(n)) return false;
          for (xmlAttr* a = n->properties; a != nullptr && ok; a = a->next) {
            xmlNode* v = a->children;
            if (v != nullptr && v->next == nullptr && v->type == XML_TEXT_NODE &&
                v->content != nullptr) {
              put_back(v, nullptr, reinterpret_cast<const char*>(a->name));
            }
          }
          xmlNode* c = n->children;
          if (ok && c != nullptr && c->next == nullptr && c->type == XML_CDATA_SECTION_NODE &&
              c->content != nullptr) {
            put_back(c, name_of(n), {});
          }
          return ok;
        },
        [](xmlNode*) {});
  }
  return ok && restored == elided.elisions.size();
}

DocPtr parse(std::string_view in, const AttributeFilter& attributes) {
  bool utf8 = false;
  std::string encoding = choose_encoding(&in, &utf8);
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD;
  const auto read = [&](std::string_view bytes) {
    const int size = static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX));
    return DocPtr(htmlReadMemory(bytes.data(), size, nullptr, encoding.c_str(), options));
  };
  // Placeholders only where the bytes are the tree's: UTF-8 read as UTF-8,
  // and small enough that libxml2 reads all of them.
  if (encoding == "UTF-8" && utf8 && in.size() <= INT32_MAX) {
    const Elided elided = elide(in, attributes);
    if (elided.changed) {
      DocPtr doc = read(elided.input);
      if (doc && (elided.elisions.empty() || restore(doc.get(), elided))) return doc;
    }
  }
  DocPtr doc = read(in);
  if (!doc && encoding != "UTF-8") {  // an encoding iconv does not know
    encoding = "windows-1252";
    doc = read(in);
  }
  return doc;
}

// ------------------------------------------------------------------ text

// Appends the text of a text node with runs of white space collapsed.
void append_collapsed(const xmlChar* content, std::string* out) {
  if (content == nullptr) return;
  for (const char* p = reinterpret_cast<const char*>(content); *p != '\0'; ++p) {
    const char c = *p;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// The collapsed text below `root`.
std::string text_of(xmlNode* root) {
  std::string out;
  walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          append_collapsed(n->content, &out);
        }
        return is_element(n) || n == root;
      },
      [](xmlNode*) {});
  const std::size_t b = out.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

// ------------------------------------------------------------------ metadata

// Metadata as one clean line: spaces normalised and collapsed, ends trimmed.
std::string tidy(const std::string& s) {
  std::string out;
  for (char c : normalise(s).text) {
    if (c == '\n' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// schema.org types that make a page a discussion: its posts are the content.
bool is_discussion_type(std::string_view type) {
  return type == "DiscussionForumPosting";
}

void read_json_ld(const std::string& text, PageMeta* meta, std::string* article_body,
                  bool* discussion) {
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return;
  std::vector<const nlohmann::json*> stack = {&doc};
  while (!stack.empty()) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (const auto& e : *j) stack.push_back(&e);
      continue;
    }
    if (!j->is_object()) continue;
    if (j->contains("@graph")) stack.push_back(&(*j)["@graph"]);
    std::string type;
    if (j->contains("@type")) {
      const auto& t = (*j)["@type"];
      type = t.is_string() ? t.get<std::string>()
                           : (t.is_array() && !t.empty() && t[0].is_string()
                                  ? t[0].get<std::string>()
                                  : "");
    }
    const auto str = [&](const char* key) -> std::string {
      if (!j->contains(key)) return {};
      const auto& v = (*j)[key];
      if (v.is_string()) return v.get<std::string>();
      if (v.is_object() && v.contains("name") && v["name"].is_string()) {
        return v["name"].get<std::string>();
      }
      if (v.is_array() && !v.empty()) {
        const auto& f = v[0];
        if (f.is_string()) return f.get<std::string>();
        if (f.is_object() && f.contains("name") && f["name"].is_string()) {
          return f["name"].get<std::string>();
        }
      }
      return {};
    };
    if (is_discussion_type(type)) *discussion = true;
    if (type == "BreadcrumbList" && meta->section.empty() && j->contains("itemListElement")) {
      const auto& items = (*j)["itemListElement"];
      if (items.is_array()) {
        for (const auto& it : items) {
          std::string name;
          if (it.contains("name") && it["name"].is_string()) {
            name = it["name"].get<std::string>();
          } else if (it.contains("item") && it["item"].is_object() &&
                     it["item"].contains("name") && it["item"]["name"].is_string()) {
            name = it["item"]["name"].get<std::string>();
          }
          if (!name.empty()) meta->section.push_back(name);
        }
      }
    } else if (type.find("Article") != std::string::npos || type == "BlogPosting" ||
               type == "Report") {
      if (meta->title.empty()) meta->title = str("headline");
      if (meta->author.empty()) meta->author = str("author");
      if (meta->published.empty()) meta->published = str("datePublished");
      if (article_body->empty()) *article_body = str("articleBody");
    }
  }
}

// Splits "Story title | Site" and keeps the story part.
std::string title_without_site(const std::string& title, const std::string& site) {
  static const char* kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · "};
  for (const char* sep : kSeparators) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string head = title.substr(0, at);
    const std::string tail = title.substr(at + std::strlen(sep));
    if (!site.empty() && lower(head) == lower(site)) return tail;
    if (tail.size() < head.size()) return head;
  }
  return title;
}

void read_meta(xmlDoc* doc, PageMeta* meta, std::string* article_body, bool* discussion) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return;
  meta->language = attr(root, "lang");
  std::string og_title, title_tag, h1, meta_section, time_datetime;
  walk(
      root,
      [&](xmlNode* n) {
        if (!is_element(n)) return false;
        const char* tag = name_of(n);
        if (std::strcmp(tag, "meta") == 0) {
          const std::string key = lower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"));
          const std::string content = attr(n, "content");
          if (content.empty()) return false;
          if (key == "og:title" && og_title.empty()) og_title = content;
          else if (key == "og:site_name" && meta->site_name.empty()) meta->site_name = content;
          else if ((key == "author" || key == "article:author" || key == "dc.creator" ||
                    key == "sailthru.author" || key == "parsely-author") &&
                   meta->author.empty() && content.find("://") == std::string::npos) {
            meta->author = content;
          } else if ((key == "article:published_time" || key == "datepublished" ||
                      key == "date" || key == "pubdate" || key == "dc.date" ||
                      key == "parsely-pub-date" || key == "og:published_time") &&
                     meta->published.empty()) {
            meta->published = content;
          } else if (key == "article:section" && meta_section.empty()) {
            meta_section = content;
          }
          return false;
        }
        if (std::strcmp(tag, "link") == 0) {
          if (lower(attr(n, "rel")) == "canonical" && meta->canonical_url.empty()) {
            meta->canonical_url = attr(n, "href");
          }
          return false;
        }
        if (std::strcmp(tag, "title") == 0) {
          if (title_tag.empty()) title_tag = text_of(n);
          return false;
        }
        if (std::strcmp(tag, "script") == 0) {
          if (lower(attr(n, "type")) == "application/ld+json") {
            read_json_ld(text_of(n), meta, article_body, discussion);
          }
          return false;
        }
        if (std::strcmp(tag, "h1") == 0) {
          if (h1.empty()) h1 = text_of(n);
          return false;
        }
        if (!*discussion && n->properties != nullptr) {  // microdata
          const std::string_view type = attr_view(n, "itemtype");
          const std::size_t slash = type.find_last_of('/');
          *discussion = is_discussion_type(type.substr(slash == std::string_view::npos ? 0 : slash + 1));
        }
        if (std::strcmp(tag, "time") == 0 && time_datetime.empty()) {
          time_datetime = attr(n, "datetime");
        }
        return true;
      },
      [](xmlNode*) {});
  if (meta->title.empty()) meta->title = og_title;
  if (meta->title.empty()) meta->title = h1;
  if (meta->title.empty() && !title_tag.empty()) {
    meta->title = title_without_site(title_tag, meta->site_name);
  }
  if (meta->published.empty()) meta->published = time_datetime;
  if (meta->section.empty() && !meta_section.empty()) meta->section.push_back(meta_section);
  for (std::string* f : {&meta->title, &meta->site_name, &meta->author, &meta->published,
                         &meta->language, &meta->canonical_url}) {
    *f = tidy(*f);
  }
  for (std::string& seg : meta->section) seg = tidy(seg);
  meta->section.erase(std::remove(meta->section.begin(), meta->section.end(), std::string()),
                      meta->section.end());
}

}  // namespace

// ------------------------------------------------------------------ HTML rules

struct HtmlRules::Compiled {
  const Rule* base = nullptr;  // rules[0], to turn a Rule* into an index
  // Selector -> the first rule (in rule order) that names it. Tags are
  // looked up for every element: by view, with no string built.
  std::unordered_map<std::string_view, const Rule*> tags;
  std::unordered_map<std::string, const Rule*> tokens, roles;
  const Rule* hidden = nullptr;
  std::vector<const Rule*> xpath;  // rules with an xpath, in order
  std::vector<const Rule*> body;   // rules with a body
  AttributeFilter attributes;      // what the tree must keep for these rules
};

HtmlRules::HtmlRules(const std::vector<Rule>& rules) : compiled_(new Compiled()) {
  compiled_->base = rules.data();
  for (const Rule& r : rules) {
    if (!r.is_html()) continue;
    for (const auto& t : r.tags) compiled_->tags.emplace(t, &r);
    for (const auto& t : r.strip_id_or_class) compiled_->tokens.emplace(t, &r);
    for (const auto& t : r.roles) compiled_->roles.emplace(t, &r);
    if (r.hidden && compiled_->hidden == nullptr) compiled_->hidden = &r;
    if (!r.xpath.empty()) compiled_->xpath.push_back(&r);
    if (!r.body.empty()) compiled_->body.push_back(&r);
    compiled_->attributes.add_xpath(r.xpath);
    compiled_->attributes.add_xpath(r.body);
  }
}

HtmlRules::~HtmlRules() { delete compiled_; }

bool keeps_attribute(const HtmlRules& rules, std::string_view name) {
  return rules.compiled().attributes.keeps(name);
}

namespace {

bool in_scope(const Rule& r, const std::string& host) {
  if (r.sites.empty()) return true;
  return std::any_of(r.sites.begin(), r.sites.end(),
                     [&](const std::string& s) { return site_matches(s, host); });
}

// std::isalnum and std::tolower of every byte, as the C locale has them
// when a page is cleaned: class and id values are split a byte at a time,
// and a table is cheaper than two library calls a byte.
struct ByteClasses {
  bool alnum[256];
  char lower[256];
  ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      alnum[c] = std::isalnum(c) != 0;
      lower[c] = static_cast<char>(std::tolower(c));
    }
  }
  bool is_alnum(char c) const { return alnum[static_cast<unsigned char>(c)]; }
};

// Parts of a class or id attribute: "post-share_bar main" -> post, share, bar, main.
template <typename Fn>
void for_each_token(std::string_view value, const ByteClasses& bytes, Fn fn) {
  std::size_t i = 0;
  std::string token;
  while (i < value.size()) {
    while (i < value.size() && !bytes.is_alnum(value[i])) ++i;
    std::size_t j = i;
    while (j < value.size() && bytes.is_alnum(value[j])) ++j;
    if (j > i) {
      token.assign(value.data() + i, j - i);
      for (char& ch : token) ch = bytes.lower[static_cast<unsigned char>(ch)];
      fn(token);
    }
    i = j;
  }
}

bool is_hidden(const xmlNode* n) {
  if (n->properties == nullptr) return false;
  if (has_attr(n, "hidden")) return true;
  if (iequals(attr_view(n, "aria-hidden"), "true")) return true;
  const std::string_view raw = attr_view(n, "style");
  if (raw.empty()) return false;
  std::string style = lower(std::string(raw));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Which HTML rule, if any, acts on element `n`.
// Class/id tokens that mark the story's own containers.
bool is_story_token(const std::string& t) {
  static const std::unordered_set<std::string> kStory = {
      "article", "body", "content", "entry", "main", "post", "story", "text", "column",
      "articlebody", "storybody", "prose"};
  return kStory.count(t) > 0;
}

// With `tokens` false (before the content is chosen), an element whose
// class or id also has a story token ("article-comments") is left alone.
const Rule* html_rule_for(const xmlNode* n, const HtmlRules::Compiled& c,
                          const std::string& host, bool tokens, const ByteClasses& bytes) {
  const Rule* best = nullptr;
  const auto consider = [&](const Rule* r) {
    if (r == nullptr || !in_scope(*r, host)) return;
    // keep wins over drop; otherwise the first rule in order
    if (best == nullptr || (r->action == Action::kKeep && best->action != Action::kKeep)) {
      best = r;
    }
  };
  const auto tag = c.tags.find(std::string_view(name_of(n)));  // lower case from the parser
  if (tag != c.tags.end()) consider(tag->second);
  if (!c.roles.empty() && n->properties != nullptr) {
    const std::string_view raw = attr_view(n, "role");
    const std::string role = raw.empty() ? std::string() : lower(std::string(raw));
    if (!role.empty()) {
      const auto it = c.roles.find(role);
      if (it != c.roles.end()) consider(it->second);
    }
  }
  if (!c.tokens.empty() && n->properties != nullptr) {
    const Rule* by_token = nullptr;
    const std::string_view values[] = {attr_view(n, "class"), attr_view(n, "id")};
    for (const std::string_view v : values) {
      for_each_token(v, bytes, [&](const std::string& t) {
        if (by_token != nullptr) return;
        const auto it = c.tokens.find(t);
        if (it != c.tokens.end()) by_token = it->second;
      });
    }
    // Before the content is chosen only the boxes that compete with the
    // story for paragraphs (comments, sign-up forms, cookie banners) go,
    // and not when a story token says they may be its wrapper
    // ("article-comments"). (Looked for only here: few elements get here.)
    const auto story_like = [&] {
      bool story = false;
      for (const std::string_view v : values) {
        for_each_token(v, bytes, [&](const std::string& t) {
          story = story || is_story_token(t);
        });
      }
      return story;
    };
    const bool early = by_token != nullptr && !tokens &&
                       (by_token->category == "comments" || by_token->category == "subscribe" ||
                        by_token->category == "cookie") &&
                       !story_like();
    if (by_token != nullptr && (tokens || early)) consider(by_token);
  }
  if (c.hidden != nullptr && is_hidden(n)) consider(c.hidden);
  return best;
}

// Nodes an XPath expression selects in `doc` (element nodes only).
std::vector<xmlNode*> select(xmlDoc* doc, const std::string& expr) {
  std::vector<xmlNode*> out;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (ctx == nullptr) return out;
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

// ------------------------------------------------------------------ scoring

// Per-element figures, indexed through xmlNode::_private.
struct NodeStats {
  std::size_t text = 0;   // characters of text below
  std::size_t links = 0;  // of which inside <a>
  std::size_t own = 0;    // characters in the element's own text nodes
  std::size_t para = 0;   // characters of scored paragraphs below (and own)
  std::size_t prose = 0;  // of which outside links
  std::size_t own_commas = 0;
  std::size_t commas = 0;  // commas in the text below
  double score = 0;       // content score (paragraphs add to their ancestors)
  bool scored = false;
};

// A generic HTML rule leaves alone an element holding more than 1/3 of the
// page's text.
constexpr std::size_t kMaxStripShare = 3;
// A JSON-LD articleBody this long may stand in for a failed extraction.
constexpr std::size_t kJsonLdMinBody = 500;
// A winning container with this much paragraph text is a story in itself.
constexpr std::size_t kStoryChars = 1500;
// An ancestor with more than 1/kStoryLinkShare of its text in links is no
// longer the story's container.
constexpr std::size_t kStoryLinkShare = 10;
// Hidden elements with at least this much text (and few links) stay.
constexpr std::size_t kHiddenProse = 300;
// A <noscript> with this much prose, more than the rest of the page shows,
// is the page's content as served to crawlers (the visible page is drawn
// by scripts).
constexpr std::size_t kNoscriptProse = 500;

bool one_of(const char* tag, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (std::strcmp(tag, n) == 0) return true;
  }
  return false;
}

// What the walks ask of every element's tag, one hash lookup instead of a
// row of strcmp calls.
struct TagFacts {
  bool block = false;    // ends a block of text
  bool ignored = false;  // holds no story text (script, style, ...)
};

const TagFacts& tag_facts(const char* tag) {
  static const std::unordered_map<std::string_view, TagFacts> kFacts = [] {
    std::unordered_map<std::string_view, TagFacts> facts;
    for (const char* t : {"p", "div", "section", "article", "main", "header", "footer", "ul",
                          "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td",
                          "th", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
                          "figure", "figcaption", "hr", "address", "center", "caption",
                          "details", "summary", "body", "html"}) {
      facts[t].block = true;
    }
    for (const char* t : {"script", "style", "noscript", "template"}) facts[t].ignored = true;
    return facts;
  }();
  static const TagFacts kNone;
  const auto it = kFacts.find(tag);
  return it == kFacts.end() ? kNone : it->second;
}

bool is_block_tag(const char* tag) { return tag_facts(tag).block; }
bool is_ignored_tag(const char* tag) { return tag_facts(tag).ignored; }

BlockKind kind_of(const char* tag) {
  if (one_of(tag, {"h1", "h2", "h3", "h4", "h5", "h6"})) return BlockKind::kHeading;
  if (one_of(tag, {"li", "dt", "dd"})) return BlockKind::kListItem;
  if (std::strcmp(tag, "blockquote") == 0) return BlockKind::kQuote;
  if (std::strcmp(tag, "pre") == 0) return BlockKind::kPre;
  if (one_of(tag, {"td", "th"})) return BlockKind::kCell;
  return BlockKind::kParagraph;
}

double class_weight(const xmlNode* n, const ByteClasses& bytes) {
  if (n->properties == nullptr) return 0;
  static const std::unordered_set<std::string> kPositive = {
      "article", "body", "content", "entry", "main", "page", "post", "text", "blog",
      "story", "articlebody", "storybody", "prose"};
  static const std::unordered_set<std::string> kNegative = {
      "comment", "comments", "meta", "footer", "footnote", "sidebar", "related",
      "promo", "teaser", "share", "social", "nav", "menu", "header", "masthead", "ad",
      "advert", "sponsor", "popup", "tags", "byline", "author", "newsletter", "recirc"};
  // ("widget" is not here: page builders call every content box a widget.)
  double w = 0;
  for (const char* a : {"class", "id"}) {
    const std::string_view v = attr_view(n, a);
    if (v.empty()) continue;
    bool pos = false, neg = false;
    for_each_token(v, bytes, [&](const std::string& t) {
      pos = pos || kPositive.count(t) > 0;
      neg = neg || kNegative.count(t) > 0;
    });
    if (pos) w += 25;
    if (neg) w -= 25;
  }
  if (iequals(attr_view(n, "itemprop"), "articlebody")) w += 50;
  return w;
}

class Extractor {
 public:
  // `discussion`: the page is a forum thread or a Q&A page, whose posts
  // are its content: comment rules leave them alone.
  Extractor(xmlDoc* doc, const HtmlRules::Compiled& rules, const std::string& host,
            bool discussion)
      : doc_(doc), rules_(rules), host_(host), discussion_(discussion) {}

  void run(HtmlDocument* out) {
    xmlNode* root = xmlDocGetRootElement(doc_);
    if (root == nullptr) return;
    // Our figures hang off xmlNode::_private; start from a clean slate
    // whatever the parser left there.
    walk(
        root,
        [](xmlNode* n) {
          n->_private = nullptr;
          return is_element(n);
        },
        [](xmlNode*) {});
    xmlNode* body = find_body(root);
    measure(body, /*score=*/false);
    if (reveal_noscript(body)) {
      for (NodeStats& st : stats_) st = NodeStats();
      measure(body, /*score=*/false);
    }
    prune(body, /*tokens=*/false);
    for (NodeStats& st : stats_) st = NodeStats();
    measure(body, /*score=*/true);
    const std::vector<xmlNode*> content = choose(body);
    for (xmlNode* n : content) {
      prune(n, /*tokens=*/true);
      emit_blocks(n, &out->blocks);
    }
    // A winner that the class/id rules strip to nothing was site chrome (a
    // menu drawer, a promotion bar): without it, choose once more.
    if (!out->blocks.empty() || content.empty()) return;
    for (xmlNode* n : content) {
      for (xmlNode* p = body; p != nullptr; p = p->parent) {
        if (p == n) return;  // the whole page gave nothing
      }
    }
    for (xmlNode* n : content) {
      xmlUnlinkNode(n);
      unlinked_.emplace_back(n);
    }
    for (NodeStats& st : stats_) st = NodeStats();
    candidates_.clear();
    measure(body, /*score=*/true);
    for (xmlNode* n : choose(body)) {
      prune(n, /*tokens=*/true);
      emit_blocks(n, &out->blocks);
    }
  }

 private:
  NodeStats& stats(xmlNode* n) {
    if (n->_private == nullptr) {
      stats_.push_back(NodeStats());
      n->_private = reinterpret_cast<void*>(stats_.size());
    }
    return stats_[reinterpret_cast<std::size_t>(n->_private) - 1];
  }

  // Turns into a <div> each <noscript> that holds more prose than the rest
  // of the page: the content of a page drawn by scripts.
  bool reveal_noscript(xmlNode* body) {
    if (noscripts_.empty() || body->_private == nullptr) return false;
    const NodeStats& b = stats(body);
    const std::size_t visible = b.text - std::min(b.links, b.text);
    bool changed = false;
    for (xmlNode* ns : noscripts_) {
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
            if (std::strcmp(name_of(n), "a") == 0) ++in_link;
            return true;
          },
          [&](xmlNode* n) {
            if (is_element(n) && std::strcmp(name_of(n), "a") == 0) --in_link;
          });
      if (prose >= kNoscriptProse && prose > visible) {
        xmlNodeSetName(ns, reinterpret_cast<const xmlChar*>("div"));
        changed = true;
      }
    }
    noscripts_.clear();
    return changed;
  }
  bool is_caption(xmlNode* n) const { return !captions_.empty() && captions_.count(n) > 0; }

  xmlNode* find_body(xmlNode* root) {
    for (xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (is_element(c) && std::strcmp(name_of(c), "body") == 0) return c;
    }
    return root;
  }

  // Strips below `root` what the HTML rules name; caption elements stay, to
  // become caption blocks. The first pass (before the content is chosen)
  // leaves alone class/id matches that also carry a story token; the
  // second, inside the chosen content, does not. A generic rule never strips
  // an element holding more than 1/kMaxStripShare of the text of `root`.
  void prune(xmlNode* root, bool tokens) {
    std::vector<std::pair<xmlNode*, const Rule*>> strip;
    if (!tokens) {
      for (const Rule* r : rules_.xpath) {
        if (!in_scope(*r, host_)) continue;
        for (xmlNode* n : select(doc_, r->xpath)) {
          if (r->action == Action::kKeep) {
            keep_.insert(n);
          } else {
            strip.emplace_back(n, r);
          }
        }
      }
    }
    std::unordered_set<xmlNode*> marked;
    for (const auto& s : strip) marked.insert(s.first);
    const std::size_t root_text = root->_private != nullptr ? stats(root).text : 0;
    walk(
        root,
        [&](xmlNode* n) {
          if (!is_element(n)) return false;
          if (n == root) return true;
          if (marked.count(n) || is_caption(n)) return false;
          const Rule* r = html_rule_for(n, rules_, host_, tokens, bytes_);
          if (r == nullptr || r->action == Action::kKeep || keep_.count(n)) return true;
          if (discussion_ && r->category == "comments" && r->sites.empty()) return true;
          if (r->sites.empty() && n->_private != nullptr &&
              stats(n).text * kMaxStripShare > root_text) {
            return true;
          }
          // Hidden prose is collapsed story text (accordions, "read more"),
          // not a menu or a dialog: those are short or mostly links.
          if (r->hidden && n->_private != nullptr && is_hidden(n)) {
            const NodeStats& st = stats(n);
            if (st.text >= kHiddenProse && st.links * 10 < st.text * 3) return true;
          }
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
      if (r->category == "caption") {  // stays, to become a caption block
        captions_.emplace(n, static_cast<int>(r - rules_.base));
        continue;
      }
      xmlUnlinkNode(n);
      unlinked_.emplace_back(n);
    }
  }

  // Text and link lengths of every element, and paragraph scores.
  void measure(xmlNode* body, bool score) {
    int in_link = 0;
    walk(
        body,
        [&](xmlNode* n) {
          if (n->type == XML_TEXT_NODE) {
            if (n->parent != nullptr && is_element(n->parent)) {
              std::size_t len = 0, commas = 0;
              text_figures(n, &len, &commas);
              NodeStats& p = stats(n->parent);
              p.text += len;
              if (in_link > 0) p.links += len;
              p.own += len;
              p.own_commas += commas;
              p.commas += commas;
            }
            return false;
          }
          if (!is_element(n)) return false;
          if (is_caption(n)) return false;  // a caption is not story text
          if (is_ignored_tag(name_of(n))) {
            if (!score && std::strcmp(name_of(n), "noscript") == 0) noscripts_.push_back(n);
            return false;
          }
          if (is_link(n)) ++in_link;
          return true;
        },
        [&](xmlNode* n) {
          if (!is_element(n) || is_caption(n)) return;
          if (is_ignored_tag(name_of(n))) return;
          if (is_link(n)) --in_link;
          if (score) score_paragraph(n);
          NodeStats& s = stats(n);
          if (n != body && n->parent != nullptr && is_element(n->parent)) {
            NodeStats& p = stats(n->parent);
            p.text += s.text;
            p.links += s.links;
            p.para += s.para;
            p.prose += s.prose;
            p.commas += s.commas;
          }
        });
  }

  // The length of text node `n` with runs of white space as one, and its
  // commas. Counted once per page: every measure reads the same text, so the
  // figures are kept in the node's _private (which only elements use
  // otherwise), as length << 32 | commas, plus one.
  static void text_figures(xmlNode* n, std::size_t* len, std::size_t* commas) {
    static_assert(sizeof(std::uintptr_t) >= 8, "two 32-bit counts in a pointer");
    constexpr std::uintptr_t kMax = 0xFFFFFFFFu;
    auto packed = reinterpret_cast<std::uintptr_t>(n->_private);
    if (packed == 0) {
      bool space = true;
      for (const xmlChar* p = n->content; p != nullptr && *p; ++p) {
        const bool s = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (!s || !space) ++*len;
        space = s;
        *commas += *p == ',';
      }
      packed = (std::min<std::uintptr_t>(*len, kMax - 1) << 32 |
                std::min<std::uintptr_t>(*commas, kMax - 1)) +
               1;
      n->_private = reinterpret_cast<void*>(packed);
      return;
    }
    --packed;
    *len = static_cast<std::size_t>(packed >> 32);
    *commas = static_cast<std::size_t>(packed & kMax);
  }

  // A paragraph adds to the scores of its parent, grandparent and great-grandparent.
  // Text that sits directly in a container between its block children (a
  // blog post written with <br>s) is a paragraph of that container.
  void score_paragraph(xmlNode* n) {
    const char* tag = name_of(n);
    const bool paragraph = one_of(tag, {"p", "pre", "td", "blockquote"}) ||
                           (std::strcmp(tag, "div") == 0 && !has_block_child(n));
    const NodeStats& s = stats(n);
    std::size_t length = s.text;
    double commas;
    xmlNode* a = n->parent;
    if (paragraph) {
      if (s.text < 25) return;
      commas = static_cast<double>(s.commas);
    } else {
      if (s.own < 100 || one_of(tag, {"a", "span", "b", "i", "em", "strong", "font"})) return;
      length = s.own;
      commas = static_cast<double>(s.own_commas);
      a = n;
    }
    stats(n).para += length;
    stats(n).prose += paragraph ? s.text - std::min(s.links, s.text) : length;
    const double add = 1 + commas + std::min(static_cast<double>(length) / 100.0, 3.0);
    double share = 1;
    for (int level = 0; level < 3 && a != nullptr && is_element(a); ++level, a = a->parent) {
      NodeStats& as = stats(a);
      if (!as.scored) {
        as.scored = true;
        as.score += initial_score(a);
        candidates_.push_back(a);
      }
      as.score += add * share;
      share = level == 0 ? 0.5 : 1.0 / 3;
    }
  }

  static bool has_block_child(xmlNode* n) {
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (is_element(c) && is_block_tag(name_of(c))) return true;
    }
    return false;
  }

  double initial_score(xmlNode* n) {
    const char* tag = name_of(n);
    double s = class_weight(n, bytes_);
    if (std::strcmp(tag, "article") == 0) s += 25;
    else if (std::strcmp(tag, "main") == 0) s += 10;
    else if (std::strcmp(tag, "div") == 0) s += 5;
    else if (one_of(tag, {"pre", "td", "blockquote"})) s += 3;
    else if (one_of(tag, {"ol", "ul", "dl", "form"})) s -= 3;
    else if (one_of(tag, {"h1", "h2", "h3", "h4", "h5", "h6", "th"})) s -= 5;
    return s;
  }

  double final_score(xmlNode* n) {
    const NodeStats& s = stats(n);
    const double density = s.text == 0 ? 0 : static_cast<double>(s.links) / s.text;
    return s.score * (1 - density);
  }

  // The story's container and the siblings that continue it, in order.
  std::vector<xmlNode*> choose(xmlNode* body) {
    for (const Rule* r : rules_.body) {
      if (!in_scope(*r, host_)) continue;
      std::vector<xmlNode*> nodes = select(doc_, r->body);
      if (!nodes.empty()) return nodes;
    }
    xmlNode* top = nullptr;
    double best = 0;
    for (xmlNode* c : candidates_) {
      if (c->parent == nullptr) continue;  // unlinked
      const double f = final_score(c);
      if (top == nullptr || f > best) {
        top = c;
        best = f;
      }
    }
    if (top == nullptr) return {};  // no paragraph anywhere: not an article
    top = promote(top, best, body);
    // A page whose text is spread over many boxes (a service or product
    // page) is not one container: when the winner holds less than half of
    // the page's paragraph text and is either short or under a fifth of
    // it, take the smallest ancestor holding four fifths. A winner that is a
    // story in itself and holds half the page's prose (paragraph text
    // outside links) stays: the rest is lists of links.
    const std::size_t all = stats(body).para;
    const std::size_t held = stats(top).para;
    const std::size_t all_prose = stats(body).prose;
    const std::size_t held_prose = stats(top).prose;
    const bool story = held_prose >= kStoryChars && held_prose * 2 >= all_prose;
    if (all > 0 && held * 2 < all && (held < kStoryChars || held * 5 < all) && !story) {
      xmlNode* a = top;
      while (a->parent != nullptr && a != body && is_element(a->parent) &&
             stats(a).para * 5 < all * 4) {
        a = a->parent;
      }
      return {a};
    }
    best = final_score(top);
    xmlNode* parent = top->parent;
    if (parent == nullptr || !is_element(parent) || top == body) return {top};
    std::vector<xmlNode*> out;
    const double threshold = std::max(10.0, best * 0.2);
    for (xmlNode* s = parent->children; s != nullptr; s = s->next) {
      if (!is_element(s)) continue;
      if (s == top) {
        out.push_back(s);
        continue;
      }
      const NodeStats& st = stats(s);
      bool append = st.scored && final_score(s) >= threshold;
      if (!append && std::strcmp(name_of(s), "p") == 0 && st.text > 0) {
        const double density = static_cast<double>(st.links) / st.text;
        const std::string text = text_of(s);
        append = (st.text > 80 && density < 0.25) ||
                 (density == 0 && !text.empty() && text.back() == '.');
      }
      if (append) out.push_back(s);
    }
    return out;
  }

  // Moves the top candidate up when the story is split over several
  // containers: to the common ancestor of three or more near-equal
  // candidates, to a parent that scores higher, to an ancestor with few
  // links and much more prose, and out of wrappers that hold nothing else.
  xmlNode* promote(xmlNode* top, double best, xmlNode* body) {
    const auto contains = [](xmlNode* a, xmlNode* d) {
      for (xmlNode* p = d; p != nullptr; p = p->parent) {
        if (p == a) return true;
      }
      return false;
    };
    std::vector<xmlNode*> near;
    for (xmlNode* c : candidates_) {
      if (c != top && c->parent != nullptr && final_score(c) >= 0.75 * best &&
          !contains(c, top) && !contains(top, c)) {
        near.push_back(c);
      }
    }
    if (near.size() >= 2) {
      for (xmlNode* a = top->parent; a != nullptr && a != body && is_element(a); a = a->parent) {
        const auto inside = std::count_if(near.begin(), near.end(),
                                          [&](xmlNode* c) { return contains(a, c); });
        if (inside >= 2) {
          top = a;
          break;
        }
      }
    }
    double last = final_score(top);
    for (xmlNode* p = top->parent; p != nullptr && p != body && is_element(p); p = p->parent) {
      if (p->_private == nullptr || !stats(p).scored) continue;
      const double score = final_score(p);
      if (score < last / 3) break;
      if (score > last) {
        top = p;
        break;
      }
      last = score;
    }
    // A story split over sibling boxes (one per section): an ancestor with
    // few links whose prose is half again that of its child holds more of
    // it. Link-heavy ancestors (the page's lists and menus) stop the climb.
    xmlNode* below = top;
    for (xmlNode* p = top->parent; p != nullptr && p != body && is_element(p) &&
                                   p->_private != nullptr;
         p = p->parent) {
      const NodeStats& ps = stats(p);
      if (ps.text == 0 || ps.links * kStoryLinkShare > ps.text) break;
      if (ps.prose * 2 >= stats(below).prose * 3) top = p;
      below = p;
    }
    while (top->parent != nullptr && top->parent != body && is_element(top->parent)) {
      int children = 0;
      for (xmlNode* c = top->parent->children; c != nullptr; c = c->next) {
        children += is_element(c) ? 1 : 0;
      }
      if (children != 1) break;
      top = top->parent;
    }
    return top;
  }

  // Blocks in reading order: block elements and <br> end a block.
  void emit_blocks(xmlNode* root, std::vector<Block>* blocks) {
    std::string buf;
    std::size_t link_chars = 0;
    int in_link = 0;
    BlockKind kind = BlockKind::kParagraph;
    std::vector<BlockKind> kinds;
    const auto flush = [&] {
      Normalised norm = normalise(buf);
      std::string& t = norm.text;
      const std::size_t b = t.find_first_not_of(' ');
      if (b != std::string::npos) {
        Block block = make_block(t.substr(b, t.find_last_not_of(' ') - b + 1));
        block.kind = kind;
        block.link_ratio = buf.empty() ? 0.f
                                       : std::min(1.f, static_cast<float>(link_chars) /
                                                           static_cast<float>(buf.size()));
        blocks->push_back(std::move(block));
      }
      buf.clear();
      link_chars = 0;
    };
    walk(
        root,
        [&](xmlNode* n) {
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const std::size_t before = buf.size();
            if (buf.empty() || buf.back() == ' ') {
              std::string t;
              append_collapsed(n->content, &t);
              if (!buf.empty() && !t.empty() && t[0] == ' ') t.erase(0, 1);
              buf += t;
            } else {
              append_collapsed(n->content, &buf);
            }
            if (in_link > 0) link_chars += buf.size() - before;
            return false;
          }
          if (!is_element(n)) return false;
          const char* tag = name_of(n);
          if (std::strcmp(tag, "br") == 0) {
            flush();
            return false;
          }
          if (is_ignored_tag(tag)) return false;
          const auto caption = captions_.find(n);
          if (caption != captions_.end()) {
            flush();
            Normalised norm = normalise(text_of(n));
            const std::size_t b = norm.text.find_first_not_of(' ');
            if (b != std::string::npos) {
              Block block = make_block(
                  norm.text.substr(b, norm.text.find_last_not_of(' ') - b + 1));
              block.html_rule = caption->second;
              blocks->push_back(std::move(block));
            }
            return false;
          }
          if (std::strcmp(tag, "a") == 0) ++in_link;
          if (is_block_tag(tag)) {
            flush();
            kinds.push_back(kind);
            kind = kind_of(tag);
          }
          return true;
        },
        [&](xmlNode* n) {
          if (!is_element(n) || is_caption(n)) return;
          const char* tag = name_of(n);
          if (std::strcmp(tag, "a") == 0) --in_link;
          if (is_block_tag(tag)) {
            flush();
            if (!kinds.empty()) {
              kind = kinds.back();
              kinds.pop_back();
            }
          } else if (one_of(tag, {"td", "th"})) {
            buf.push_back(' ');
          }
        });
    flush();
  }

  xmlDoc* doc_;
  const HtmlRules::Compiled& rules_;
  const std::string& host_;
  const ByteClasses bytes_;  // read from the locale once per page
  std::deque<NodeStats> stats_;  // a deque: references stay valid as it grows
  std::vector<xmlNode*> candidates_;
  std::vector<xmlNode*> noscripts_;  // seen by the first measure
  std::unordered_map<xmlNode*, int> captions_;  // caption element -> rule index
  std::unordered_set<xmlNode*> keep_;           // protected by a keep XPath rule
  const bool discussion_;
  struct NodeFree {
    void operator()(xmlNode* n) const {
      if (!XmlArena::owns(n)) xmlFreeNode(n);
    }
  };
  std::vector<std::unique_ptr<xmlNode, NodeFree>> unlinked_;
};

}  // namespace

// Closing tags that make a fragment HTML, and at most this many bytes per
// tag when the input does not start with one.
constexpr std::size_t kFragmentMinTags = 3;
constexpr std::size_t kMarkupBytesPerTag = 200;

bool looks_like_html(std::string_view in) {
  std::size_t i = 0;
  if (in.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  if (in.substr(0, 2) == "\xFF\xFE" || in.substr(0, 2) == "\xFE\xFF") return true;
  while (i < in.size() && std::isspace(static_cast<unsigned char>(in[i]))) ++i;
  const std::string head = lower(std::string(in.substr(i, 1024)));
  for (const char* start : {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta",
                            "<?xml"}) {
    if (head.rfind(start, 0) == 0) return true;
  }
  // Markup further in: count closing tags of common elements. Plain text
  // (no '<' at all, the common case) costs one memchr.
  const std::string_view window = in.substr(0, 65536);
  if (window.find('<') == std::string_view::npos) return false;
  // A fragment that starts with a tag needs few of them; text that only
  // quotes markup (an extractor's output of a page about HTML, code samples)
  // has far fewer tags than a page made of it.
  const bool starts_with_tag = i + 1 < in.size() && in[i] == '<' &&
                               std::isalpha(static_cast<unsigned char>(in[i + 1]));
  const std::size_t needed =
      starts_with_tag ? kFragmentMinTags
                      : std::max(kFragmentMinTags,
                                 (window.size() + kMarkupBytesPerTag - 1) / kMarkupBytesPerTag);
  const std::string sample = lower(std::string(window));
  std::size_t tags = 0;
  for (const char* t : {"</p>", "</div>", "<br>", "<br/>", "<br />", "</a>", "</span>",
                        "</li>", "</h1>", "</h2>", "</td>"}) {
    for (std::size_t p = sample.find(t); p != std::string::npos; p = sample.find(t, p + 1)) {
      if (++tags >= needed) return true;
    }
  }
  return false;
}

HtmlDocument extract_html(std::string_view input, std::string_view url,
                          const HtmlRules& rules) {
  HtmlDocument out;
  prepare_libxml();
  const XmlArena arena;  // the tree and everything libxml2 allocates for it
  DocPtr doc = parse(input, rules.compiled().attributes);
  if (!doc) {
    out.warnings.push_back("HTML could not be parsed");
    return out;
  }
  std::string article_body;
  bool discussion = false;
  read_meta(doc.get(), &out.meta, &article_body, &discussion);
  const std::string host = host_of(url);
  Extractor(doc.get(), rules.compiled(), host, discussion).run(&out);
  // Cross-check with the page's JSON-LD articleBody: when the page says its
  // story is several times longer than what the markup gave (content drawn
  // by scripts), the page's own words are the better source.
  std::size_t extracted = 0;
  for (const Block& b : out.blocks) extracted += b.text.size();
  if (article_body.size() >= kJsonLdMinBody && extracted * 5 < article_body.size()) {
    out.blocks = split_blocks(normalise(article_body).text);
    out.warnings.push_back("content taken from the page's JSON-LD articleBody");
  }
  return out;
}

}  // namespace newsclean
