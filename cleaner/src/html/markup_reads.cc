// The native HTML parse's reads of comments, DOCTYPEs and processing
// instructions (see tokenizer.h).
#include <cstring>
#include <string>
#include <string_view>

#include "html/tokenizer.h"

namespace newsclean {

bool read_comment(Cursor* c, std::string* out) {
  const std::string_view in = c->in;
  const std::size_t begin = c->pos + 4;
  std::size_t end = begin;
  std::size_t close = 0;  // the length of the closing "-->" or "--!>"
  for (;;) {
    end = in.find("--", end);
    if (end == std::string_view::npos || end + 2 >= in.size()) {
      c->pos = in.size();
      return false;
    }
    if (in[end + 2] == '>') {
      close = 3;
      break;
    }
    if (in[end + 2] == '!' && end + 3 < in.size() && in[end + 3] == '>') {
      close = 4;
      break;
    }
    ++end;
  }
  append_char_data(in, begin, end, out);
  c->pos = end + close;
  return true;
}

namespace {

// A quoted literal of a DOCTYPE: its text, or none if it is not quoted, not
// closed (the rest is consumed) or holds a byte `allowed` refuses.
template <typename Allowed>
bool read_literal(Cursor* c, std::string* out, Allowed allowed) {
  const char quote = c->at();
  if (quote != '"' && quote != '\'') return false;
  ++c->pos;
  const std::size_t begin = c->pos;
  bool ok = true;
  while (c->at() != '\0' && c->at() != quote) {
    if (!allowed(c->at())) ok = false;
    ++c->pos;
  }
  if (c->at() != quote) return false;
  out->assign(c->in.substr(begin, c->pos - begin));
  ++c->pos;
  return ok;
}

bool is_system_char(char ch) {
  const unsigned char u = static_cast<unsigned char>(ch);
  return u >= 0x20 || u == '\t' || u == '\n' || u == '\r';
}

bool is_pubid_char(char ch) {
  return is_ascii_alpha(ch) || (ch >= '0' && ch <= '9') || ch == ' ' || ch == '\r' || ch == '\n' ||
         std::strchr("-'()+,./:=?;!*#@$_%", ch) != nullptr;
}

}  // namespace

Doctype read_doctype(Cursor* c) {
  Doctype d;
  c->pos += 9;
  c->skip_blanks();
  const std::string_view name = read_xml_name(c);
  if (!name.empty()) {
    d.name.assign(name);
    d.has_name = true;
  }
  c->skip_blanks();
  if (c->at_nocase("system")) {
    c->pos += 6;
    c->skip_blanks();
    d.has_system = read_literal(c, &d.system_id, is_system_char);
  } else if (c->at_nocase("public")) {
    c->pos += 6;
    c->skip_blanks();
    d.has_public = read_literal(c, &d.public_id, is_pubid_char);
    c->skip_blanks();
    if (c->at() == '"' || c->at() == '\'') d.has_system = read_literal(c, &d.system_id, is_system_char);
  }
  c->skip_blanks();
  while (c->at() != '\0' && c->at() != '>') ++c->pos;
  if (c->at() == '>') ++c->pos;
  return d;
}

bool read_processing_instruction(Cursor* c, std::string* target, std::string* text,
                                 bool* has_text) {
  c->pos += 2;
  const std::string_view name = read_xml_name(c);
  if (name.empty()) return false;
  target->assign(name);
  text->clear();
  *has_text = false;
  if (c->at() == '>') {
    ++c->pos;
    return true;
  }
  c->skip_blanks();
  const std::size_t gt = c->in.find('>', c->pos);
  if (gt == std::string_view::npos) {
    c->pos = c->in.size();
    return false;
  }
  append_char_data(c->in, c->pos, gt, text);
  *has_text = true;
  c->pos = gt + 1;
  return true;
}

}  // namespace newsclean
