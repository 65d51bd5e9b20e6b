// Kept whole although longer than 400 lines: the scan that puts placeholders
// in and the walk that puts the bytes back must read a page alike, so they
// sit side by side.
#include "html/fast_parse.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/valid.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/text.h"
#include "html/charset.h"

namespace newsclean {
namespace {

// Eight bytes from p, in any byte order (for tests that look at every byte).
std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// libxml2 (2.9) reads the body of a <script> or <style> element, and every
// attribute value, one character at a time, a function call each: on news
// pages that is most of the parse. So long bodies and long quoted attribute
// values are handed to it as a short placeholder, and the tree builder (the
// SAX callbacks at the end of this file) is handed the original bytes in
// its place. The tree is the same as from the original bytes because, in
// recovery mode, libxml2 copies such a body verbatim up to the first
// "</script" (or "</style"), case-insensitive, and a quoted value verbatim
// up to its closing quote when it holds no '&'; we only elide well-formed
// UTF-8 without control characters (those end or alter a body). Where the scan below reads the page differently from
// libxml2 (a "<script>" inside an attribute value, a dropped duplicate
// attribute), some placeholder does not come back, in order, as the whole
// body or value it stands for, and the page is parsed again from its own
// bytes.
//
// Long runs of text between tags go the same way (libxml2 reads text a
// character at a time too), up to the first '&' or '<': such a run is
// copied verbatim as long as it is not all white space (white space alone
// may be dropped, and before the first tag it is skipped). A text
// placeholder ends with the byte as well, as a text node may hold several
// (an end tag libxml2 ignores joins the text on either side) and text
// around them (entities).
//
// White space alone between two tags inside <body> goes the same way: for
// such a run libxml2 calls areBlanks, which compares the element before it
// with some fifty names, only to choose between two paths that both hand
// the run on as text. A placeholder is not blank, so libxml2 then calls
// htmlCheckParagraph instead, which does nothing unless the open element is
// none, <html> or <head> (and there it would open a <p> the page does not
// have): the scan elides only after a <body> tag and before </body> or
// </html>, and start_element sends the page to the second parse if a <p>
// is implied at a blank run all the same.
struct Elision {
  std::string_view bytes;   // in the original input
  const char* element;      // a script or style body: "script" or "style"
  std::string_view attribute;  // else an attribute value: its name, in the input's case
  bool text = false;           // else a run of text
  bool blank = false;          // a run of text that is all white space
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
// Bodies and runs of text shorter than this are left in place: not worth
// it; attribute values, which libxml2 reads more slowly, from kMinElidedValue.
constexpr std::size_t kMinElided = 16;
constexpr std::size_t kMinElidedValue = 10;
// Values of a tag's attributes after this many are left in place.
constexpr std::size_t kMaxAttributes = 64;
// Runs of white space shorter than this are left in place.
constexpr std::size_t kMinElidedBlank = 1;

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

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// libxml2's htmlParseHTMLName: the first character of a name (the others:
// is_name_char).
bool is_name_start(char c) { return is_ascii_letter(c) || c == '_' || c == ':' || c == '.'; }

// True if libxml2 would copy `bytes` as they are: no NUL or control
// character but tab, newline and carriage return.
bool plain_bytes(std::string_view bytes) {
  const auto plain = [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x20 || u == '\t' || u == '\n' || u == '\r';
  };
  std::size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time while each is 0x20 or over, a tab, a newline or
  // a carriage return (script bodies are full of the last three).
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const auto ok = [&](std::size_t at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + at));
    const __m128i high = _mm_cmpeq_epi8(_mm_max_epu8(v, space), v);  // v >= 0x20
    return _mm_or_si128(_mm_or_si128(high, _mm_cmpeq_epi8(v, tab)),
                        _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, cr)));
  };
  for (; i + 64 <= bytes.size(); i += 64) {  // (one test for 64 bytes: bodies are long)
    const __m128i all = _mm_and_si128(_mm_and_si128(ok(i), ok(i + 16)),
                                      _mm_and_si128(ok(i + 32), ok(i + 48)));
    if (_mm_movemask_epi8(all) != 0xFFFF) return false;
  }
  for (; i + 16 <= bytes.size(); i += 16) {
    if (_mm_movemask_epi8(ok(i)) != 0xFFFF) return false;
  }
#endif
  // Eight bytes at a time while none is below 0x20: (w - 0x20 each) & ~w
  // has a top bit set if and only if some byte is below 0x20 (a borrow
  // only runs on from a byte that was below).
  constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
  for (; i + 8 <= bytes.size(); i += 8) {
    const std::uint64_t w = load8(bytes.data() + i);
    if (((w - kSpaces) & ~w & kHighBits) == 0) continue;
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
  // The run of text from `text_from` to `end` (a '<'), if it is worth it.
  std::size_t text_from = std::string_view::npos;  // npos: not after a tag read
  bool in_body = false;  // after a <body> tag, before </body> or </html>
  const auto text_before = [&](std::size_t end) {
    if (text_from == std::string_view::npos) return;
    const std::string_view run = in.substr(text_from, end - text_from);
    if (run.size() < std::min(kMinElided, kMinElidedBlank)) return;
    std::size_t k = 0;  // (most long runs between tags are indentation)
    while (k < run.size() && is_blank(run[k])) ++k;
    if (k == run.size()) {
      if (!in_body || run.size() < kMinElidedBlank) return;
      replace(text_from, end, {run, nullptr, {}, true, true});
      out.input.append(kPlaceholder);
      return;
    }
    if (run.size() < kMinElided) return;
    const std::string_view verbatim = run.substr(0, run.find('&', k));
    if (verbatim.size() < kMinElided || !plain_bytes(verbatim)) return;
    // U+FFFE and U+FFFF are not characters to libxml2: it drops them.
    for (std::size_t p = verbatim.find('\xEF', k); p != std::string_view::npos;
         p = verbatim.find('\xEF', p + 1)) {
      if (verbatim.compare(p + 1, 2, "\xBF\xBE") == 0 ||
          verbatim.compare(p + 1, 2, "\xBF\xBF") == 0) {
        return;
      }
    }
    replace(text_from, text_from + verbatim.size(), {verbatim, nullptr, {}, true});
    out.input.append(kPlaceholder);
  };
  std::vector<std::string_view> names;  // of the attributes of a tag so far
  // A start tag was read: libxml2 skips white space before the first one,
  // not after it.
  bool names_seen = false;
  std::size_t i = 0;
  while ((i = in.find('<', i)) != std::string_view::npos) {
    text_before(i);
    text_from = std::string_view::npos;
    if (in.compare(i, 4, "<!--") == 0) {  // libxml2 ends a comment at the first "-->"
      const std::size_t end = in.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      if (!names_seen) continue;
      text_from = i;
      continue;
    }
    if (in.compare(i, 2, "<!") == 0 && starts_with_nocase(in, i + 2, "doctype")) {
      // libxml2 reads a DOCTYPE up to its '>', a '<' in it too (a bogus name
      // or junk), and skips the blanks after it. A quoted id may hold a '>'
      // (libxml2 reads past it in a system id, not in a public one): no
      // eliding after a DOCTYPE whose first '>' is not outside quotes.
      const std::size_t end = in.find('>', i);
      std::size_t k = i;
      for (char quote = 0; k < in.size() && (quote != 0 || in[k] != '>'); ++k) {
        if (quote == 0 && (in[k] == '"' || in[k] == '\'')) {
          quote = in[k];
        } else if (in[k] == quote) {
          quote = 0;
        }
      }
      if (end == std::string_view::npos || k != end) break;
      i = end + 1;
      if (names_seen) text_from = i;
      continue;
    }
    if (in.compare(i, 2, "</") == 0 && i + 2 < in.size() && is_ascii_letter(in[i + 2])) {
      if (starts_with_nocase(in, i + 2, "body") || starts_with_nocase(in, i + 2, "html")) {
        in_body = false;  // (a longer name too: no harm in eliding less)
      }
      i = in.find('>', i);  // libxml2 skips the rest of an end tag
      if (i != std::string_view::npos && names_seen) text_from = i + 1;
      continue;
    }
    if (i + 1 >= in.size() || !is_ascii_letter(in[i + 1])) {  // not a start tag
      ++i;
      continue;
    }
    names_seen = true;
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
          if (!may_repeat && !attributes.keeps(name, tag)) {  // the name, '=' and the value
            cut(static_cast<std::size_t>(name.data() - in.data()), end + 1);
            return;
          }
          const std::string_view value = in.substr(begin, end - begin);
          if (!plain || may_repeat || repeated || value.size() < kMinElidedValue) return;
          if (!plain_bytes(value)) {
            plain = false;  // the control character is parsed in its own way: stop here
            return;
          }
          if (value.find('&') != std::string_view::npos) return;
          replace(begin, end, {value, nullptr, name});
        });
    if (gt == std::string_view::npos || !plain) break;
    if (iequals_ascii(tag, "body")) in_body = true;
    i = gt + 1;
    if (body == nullptr || empty) {
      text_from = i;
      continue;
    }
    // A body that opens with "</" is read as an end tag first (which may
    // close the element): stop here.
    if (in.compare(i, 2, "</") == 0) break;
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

// The parse's tree builder puts the elided bytes back as it goes: libxml2's
// own SAX2 callbacks build the tree, each handed the original bytes where
// the parser read a placeholder. Each placeholder must be, in document
// order, the whole body, value or run it stands for, in its kind of place;
// if one is not (the scan read the page differently from libxml2), `ok`
// goes false and the tree is built again from the original bytes.
struct Restorer {
  const std::vector<Elision>* elisions = nullptr;  // null: no placeholders
  std::size_t next = 0;  // the next placeholder's number
  bool ok = true;

  // The elision that `number` (a placeholder's digits) stands for, if it is
  // the next one; else null, and not ok.
  const Elision* take(std::string_view number) {
    if (elisions == nullptr || next >= elisions->size() || !is_number(number, next)) {
      ok = false;
      return nullptr;
    }
    return &(*elisions)[next++];
  }
  // True if `digits` is `n` in decimal, as append_number writes it.
  static bool is_number(std::string_view digits, std::size_t n) {
    std::size_t k = digits.size();
    if (k == 0 || (digits[0] == '0' && k > 1)) return false;
    for (; k > 0; --k, n /= 10) {
      if (digits[k - 1] != static_cast<char>('0' + n % 10)) return false;
    }
    return n == 0;
  }
  bool all_taken() const { return ok && next == (elisions ? elisions->size() : 0); }
  // True if the next placeholder stands for a run of white space.
  bool next_is_blank() const {
    return elisions != nullptr && next < elisions->size() && (*elisions)[next].blank;
  }
};

// The restorer of the parse running on this thread (callbacks get only the
// parser's context).
thread_local Restorer* t_restorer = nullptr;

const char* chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

// xmlSAX2StartElement, with the attributes built here: as libxml2 builds an
// HTML attribute (a boolean one without a value gets its name; "id", and
// "name" on <a>, are indexed), from the elided bytes where the value is a
// placeholder, and without the calls that do nothing for HTML (DTD
// normalisation, references).
void start_element(void* ctx, const xmlChar* name, const xmlChar** atts) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  Restorer& r = *t_restorer;
  if (atts == nullptr && r.next_is_blank() && tag_is(chars(name), "p") &&
      xmlDictOwns(ctxt->dict, name) == 0) {
    r.ok = false;  // a <p> implied at a blank run's placeholder (see Elision)
  }
  xmlNode* const parent = ctxt->node;
  xmlSAX2StartElement(ctx, name, nullptr);
  xmlNode* const node = ctxt->node;
  if (atts == nullptr || node == nullptr || node == parent) return;
  for (std::size_t i = 0; atts[i] != nullptr; i += 2) {
    const xmlChar* const att = atts[i];
    const xmlChar* const given = atts[i + 1];
    std::string_view value;
    const bool has_value = given != nullptr || htmlIsBooleanAttr(att) != 0;
    if (given == nullptr) {
      value = chars(att);
    } else {
      value = chars(given);
      if (r.elisions != nullptr && value.compare(0, kPlaceholder.size(), kPlaceholder) == 0) {
        const Elision* e = r.take(value.substr(kPlaceholder.size()));
        if (e == nullptr || e->text || e->element != nullptr ||
            !iequals_ascii(e->attribute, chars(att))) {
          r.ok = false;
          return;
        }
        value = e->bytes;
      }
    }
    xmlAttr* a = xmlNewNsPropEatName(node, nullptr, xmlStrdup(att), nullptr);
    if (a == nullptr || !has_value) continue;
    a->children = xmlNewDocTextLen(node->doc, reinterpret_cast<const xmlChar*>(value.data()),
                                   static_cast<int>(value.size()));
    a->last = a->children;
    if (a->children == nullptr) continue;
    a->children->parent = reinterpret_cast<xmlNode*>(a);
    if ((tag_is(chars(att), "id") || tag_is(chars(att), "name")) &&
        xmlIsID(node->doc, node, a) != 0) {
      xmlAddID(nullptr, node->doc, a->children->content, a);
    }
  }
}

// xmlSAX2Characters, with each text placeholder ("\x7F<n>\x7F") in `ch`
// replaced by its run.
void characters(void* ctx, const xmlChar* ch, int len) {
  const std::string_view s(chars(ch), static_cast<std::size_t>(len));
  std::size_t p = s.find(kPlaceholder);
  if (p == std::string_view::npos) {
    xmlSAX2Characters(ctx, ch, len);
    return;
  }
  Restorer& r = *t_restorer;
  std::size_t at = 0;
  const auto pass = [&](std::string_view part) {
    if (!part.empty()) {
      xmlSAX2Characters(ctx, reinterpret_cast<const xmlChar*>(part.data()),
                        static_cast<int>(part.size()));
    }
  };
  for (; p != std::string_view::npos; p = s.find(kPlaceholder, at)) {
    pass(s.substr(at, p - at));
    const std::size_t digits = p + kPlaceholder.size();
    const std::size_t end = s.find(kPlaceholder, digits);
    const Elision* e =
        end == std::string_view::npos ? nullptr : r.take(s.substr(digits, end - digits));
    if (e == nullptr || !e->text) {
      r.ok = false;
      return;
    }
    pass(e->bytes);
    at = end + kPlaceholder.size();
  }
  pass(s.substr(at));
}

// xmlSAX2CDataBlock (a script or style body), with a body that is a
// placeholder replaced by its bytes.
void cdata_block(void* ctx, const xmlChar* value, int len) {
  const std::string_view s(chars(value), static_cast<std::size_t>(len));
  if (s.find(kPlaceholder) == std::string_view::npos) {
    xmlSAX2CDataBlock(ctx, value, len);
    return;
  }
  Restorer& r = *t_restorer;
  const xmlNode* element = static_cast<xmlParserCtxtPtr>(ctx)->node;
  const Elision* e = s.compare(0, kPlaceholder.size(), kPlaceholder) == 0
                         ? r.take(s.substr(kPlaceholder.size()))
                         : nullptr;
  if (e == nullptr || e->element == nullptr || element == nullptr ||
      std::strcmp(name_of(element), e->element) != 0) {
    r.ok = false;
    return;
  }
  xmlSAX2CDataBlock(ctx, reinterpret_cast<const xmlChar*>(e->bytes.data()),
                    static_cast<int>(e->bytes.size()));
}

// Parses `bytes` with the callbacks above. False in `*restored` if some
// placeholder did not come back (the tree is then not the page's).
DocPtr read(std::string_view bytes, const std::vector<Elision>* elisions, bool* restored) {
  // HUGE: text nodes over 10 MB and nesting deeper than 256 elements are
  // kept whole (without it libxml2 cuts the one and drops all after the
  // other). The input is always UTF-8 (see decode_page): a <meta charset>
  // in it is not obeyed (IGNORE_ENC, and the encoding given).
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD |
                           XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC;
  *restored = false;
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr) return nullptr;
  ctxt->sax->startElement = start_element;
  if (elisions != nullptr) {  // (else a page's own \x7F is its text)
    ctxt->sax->characters = characters;
    ctxt->sax->cdataBlock = cdata_block;
  }
  Restorer r;
  r.elisions = elisions;
  t_restorer = &r;
  const int size = static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX));
  DocPtr doc(htmlCtxtReadMemory(ctxt, bytes.data(), size, nullptr, "UTF-8", kOptions));
  t_restorer = nullptr;
  htmlFreeParserCtxt(ctxt);
  *restored = r.all_taken();
  return doc;
}

}  // namespace

DocPtr parse_html(std::string_view in, const AttributeFilter& attributes) {
  // The HTML parser does not know internal subsets: their declarations
  // would be the page's first text. Nothing in them is used.
  std::string without_subset;
  std::size_t subset_begin = 0;
  if (const std::size_t len = internal_subset(in, &subset_begin); len > 0) {
    without_subset.reserve(in.size() - len);
    without_subset.append(in.substr(0, subset_begin)).append(in.substr(subset_begin + len));
    in = without_subset;
  }
  bool restored = false;
  // Placeholders only where libxml2 reads all the bytes.
  if (in.size() <= INT32_MAX) {
    const Elided elided = elide(in, attributes);
    if (elided.changed) {
      DocPtr doc = read(elided.input, &elided.elisions, &restored);
      if (doc && restored) return doc;
    }
  }
  return read(in, nullptr, &restored);
}

}  // namespace newsclean
