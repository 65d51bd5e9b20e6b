#include "html/flat_text.h"

#include <cstring>
#include <memory>

#include <libxml/HTMLparser.h>

#include "html/dom.h"

namespace newsclean {
namespace {

struct Flattener {
  std::string text;
  std::size_t ignored = 0;  // open script, style, ... elements
};

Flattener* self(void* ctx) {
  return static_cast<Flattener*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

void on_start(void* ctx, const xmlChar* name, const xmlChar**) {
  Flattener* f = self(ctx);
  const char* tag = reinterpret_cast<const char*>(name);
  if (is_ignored_tag(tag)) ++f->ignored;
  if (is_block_tag(tag) || tag_is(tag, "br")) f->text.push_back('\n');
}

void on_end(void* ctx, const xmlChar* name) {
  Flattener* f = self(ctx);
  const char* tag = reinterpret_cast<const char*>(name);
  if (is_ignored_tag(tag) && f->ignored > 0) --f->ignored;
  if (is_block_tag(tag)) f->text.push_back('\n');
}

void on_text(void* ctx, const xmlChar* chars, int len) {
  Flattener* f = self(ctx);
  if (f->ignored == 0) f->text.append(reinterpret_cast<const char*>(chars), len);
}

}  // namespace

std::size_t count_start_tags(std::string_view in) {
  std::size_t n = 0;
  const char* p = in.data();
  const char* end = p + in.size();
  while ((p = static_cast<const char*>(std::memchr(p, '<', end - p))) != nullptr) {
    if (++p < end && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) ++n;
  }
  return n;
}

std::string flat_text(std::string_view in) {
  Flattener f;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_text;
  sax.cdataBlock = on_text;  // script and style bodies: dropped by `ignored`
  const std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> ctxt(
      htmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8),
      htmlFreeParserCtxt);
  if (ctxt == nullptr) return {};
  ctxt->_private = &f;
  // IGNORE_ENC: the input is UTF-8 whatever its <meta charset> says.
  htmlCtxtUseOptions(ctxt.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                     HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE |
                                     HTML_PARSE_IGNORE_ENC);
  // In pieces: the parser keeps only what it has not read yet.
  constexpr std::size_t kChunk = 1 << 16;
  for (std::size_t i = 0; i < in.size(); i += kChunk) {
    const std::string_view piece = in.substr(i, kChunk);
    htmlParseChunk(ctxt.get(), piece.data(), static_cast<int>(piece.size()), 0);
  }
  htmlParseChunk(ctxt.get(), nullptr, 0, 1);
  return std::move(f.text);
}

}  // namespace newsclean
