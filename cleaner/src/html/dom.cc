#include "html/dom.h"

#include <array>
#include <cctype>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include <libxml/HTMLparser.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/decode.h"
#include "core/text.h"
#include "core/utf8.h"

namespace newsclean {
namespace {

void ignore_error(void*, const char*, ...) {}

// libxml2's messages of this thread that a clean should report. The HTML
// parser's own complaints (an unknown tag, an unclosed element: thousands on
// an ordinary page, all recovered from) are not kept.
thread_local std::vector<std::string> t_messages;
constexpr std::size_t kMaxMessages = 5;

void keep_structured_error(void*, xmlErrorPtr e) {
  if (e == nullptr || e->message == nullptr) return;
  const bool reported = e->level == XML_ERR_FATAL || e->domain == XML_FROM_XPATH ||
                        e->code == XML_ERR_INTERNAL_ERROR || e->code == XML_ERR_NO_MEMORY;
  if (!reported || t_messages.size() >= kMaxMessages) return;
  std::string m = e->message;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  m = "libxml2: " + m;
  if (e->domain == XML_FROM_XPATH && e->str1 != nullptr) m += std::string(" in ") + e->str1;
  if (!valid_utf8(m)) {  // an expression may quote bytes of a page or a rules file
    std::size_t replaced = 0;
    m = repair_utf8(m, &replaced);
  }
  for (const std::string& seen : t_messages) {
    if (seen == m) return;
  }
  try {
    t_messages.push_back(std::move(m));
  } catch (...) {  // (out of memory: the message is lost, the clean goes on)
  }
}

// Called for every element of a page, several times: a tag is told by its
// first letter, then compared inline with the few names that share it.
bool block_tag(const char* t) {
  switch (t[0]) {
    case 'a': return tag_is(t, "article") || tag_is(t, "address");
    case 'b': return tag_is(t, "body") || tag_is(t, "blockquote");
    case 'c': return tag_is(t, "center") || tag_is(t, "caption");
    case 'd':
      return tag_is(t, "div") || tag_is(t, "dl") || tag_is(t, "dt") || tag_is(t, "dd") ||
             tag_is(t, "details");
    case 'f': return tag_is(t, "figure") || tag_is(t, "footer") || tag_is(t, "figcaption");
    case 'h':
      return (t[1] >= '1' && t[1] <= '6' && t[2] == '\0') || tag_is(t, "header") ||
             tag_is(t, "hr") || tag_is(t, "html");
    case 'l': return tag_is(t, "li");
    case 'm': return tag_is(t, "main");
    case 'o': return tag_is(t, "ol");
    case 'p': return tag_is(t, "p") || tag_is(t, "pre");
    case 's': return tag_is(t, "section") || tag_is(t, "summary");
    case 't':
      return tag_is(t, "td") || tag_is(t, "tr") || tag_is(t, "th") || tag_is(t, "table") ||
             tag_is(t, "tbody") || tag_is(t, "thead");
    case 'u': return tag_is(t, "ul");
    default: return false;
  }
}

// A textarea holds a form field's value as raw text (a "republish" box
// holds a whole story's markup), never the page's own text.
bool ignored_tag(const char* t) {
  switch (t[0]) {
    case 'n': return tag_is(t, "noscript");
    case 's': return tag_is(t, "script") || tag_is(t, "style");
    case 't': return tag_is(t, "template") || tag_is(t, "textarea");
    default: return false;
  }
}

}  // namespace

void prepare_libxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    XmlArena::install();
  });
  xmlSetGenericErrorFunc(nullptr, ignore_error);
  xmlSetStructuredErrorFunc(nullptr, keep_structured_error);
  t_messages.clear();
}

std::vector<std::string> take_libxml_messages() { return std::move(t_messages); }

bool one_of(const char* tag, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (tag[0] == n[0] && std::strcmp(tag, n) == 0) return true;  // (most differ at once)
  }
  return false;
}

bool has_attr(const xmlNode* n, Attr which) {
  const char* name = attr_name(which);
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    const char* an = reinterpret_cast<const char*>(a->name);
    if (an[0] == name[0] && std::strcmp(an, name) == 0) return true;
  }
  return false;
}

std::string attr(const xmlNode* n, Attr which) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(attr_name(which)));
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool is_link(const xmlNode* n) {
  const char* tag = name_of(n);
  return tag_is(tag, "a") ||
         (n->properties != nullptr && std::strchr(tag, '-') != nullptr &&
          has_attr(n, Attr::kHref));
}

void append_collapsed(const xmlChar* content, std::string* out) {
  if (content == nullptr) return;
  // Bytes that end a word: the end (NUL) and white space. (A table: this
  // reads every byte of the text the walks collect.)
  static const auto kStop = [] {
    std::array<bool, 256> stop{};
    for (const unsigned char c : {'\0', ' ', '\n', '\t', '\r', '\f'}) stop[c] = true;
    return stop;
  }();
  const auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  };
  const char* p = reinterpret_cast<const char*>(content);
  // From p, a word or a run of white space: a run without white space goes
  // in whole; a run of white space is one space, if after text.
  const auto unit = [&] {
    const char* word = p;
    while (!kStop[static_cast<unsigned char>(*p)]) ++p;
    if (p != word) {
      out->append(word, static_cast<std::size_t>(p - word));
      return;
    }
    while (space(*p)) ++p;
    if (!out->empty() && out->back() != ' ') out->push_back(' ');
  };
  const char* const start = p;
  while (*p != '\0' && p - start < 16) unit();  // (most texts are short)
#ifdef __SSE2__
  if (*p == '\0') return;
  // The rest sixteen bytes at a time, while they are collapsed already (as
  // most of a long text is: words and single spaces, none where a space
  // would add nothing): they go in at once.
  const char* const end = p + std::strlen(p);
  const __m128i blank = _mm_set1_epi8(' ');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i feed = _mm_set1_epi8('\f');
  while (end - p >= 16) {
    const char* q = p;
    unsigned before = out->empty() || out->back() == ' ' ? 1u : 0u;
    for (; end - q >= 16; q += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      const __m128i others =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, tab)),
                       _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, feed)));
      const unsigned s = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank)));
      if (_mm_movemask_epi8(others) != 0 || (s & ((s << 1) | before)) != 0) break;
      before = s >> 15;
    }
    if (q != p) {
      out->append(p, static_cast<std::size_t>(q - p));
      p = q;
    }
    // Not collapsed: by units past these sixteen bytes.
    while (*p != '\0' && p - q < 16) unit();
  }
#endif
  while (*p != '\0') unit();
}

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
  return std::string(trim_spaces(out));
}

bool is_block_tag(const char* tag) { return block_tag(tag); }
bool is_ignored_tag(const char* tag) { return ignored_tag(tag); }

BlockKind kind_of(const char* tag) {
  if (one_of(tag, {"h1", "h2", "h3", "h4", "h5", "h6"})) return BlockKind::kHeading;
  if (one_of(tag, {"li", "dt", "dd"})) return BlockKind::kListItem;
  if (tag_is(tag, "blockquote")) return BlockKind::kQuote;
  if (tag_is(tag, "pre")) return BlockKind::kPre;
  if (one_of(tag, {"td", "th"})) return BlockKind::kCell;
  return BlockKind::kParagraph;
}

ByteClasses::ByteClasses() {
  for (int c = 0; c < 256; ++c) {
    alnum[c] = std::isalnum(c) != 0;
    lower[c] = static_cast<char>(std::tolower(c));
  }
}

}  // namespace newsclean
