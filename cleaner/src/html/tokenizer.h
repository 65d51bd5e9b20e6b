// The byte-level reads of the native HTML parse (native_parse.h): names,
// attribute values, character references, comments and DOCTYPEs, each read
// in place as libxml2 2.9.14's HTML parser reads it in recovery mode, and
// the scans that find where a run of text or a script body ends.
//
// Input is UTF-8 (see decode_page); a NUL byte is where libxml2 sees the end
// of its input inside markup, and a space inside text.
#ifndef NEWSCLEAN_SRC_HTML_TOKENIZER_H_
#define NEWSCLEAN_SRC_HTML_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsclean {

// libxml2 keeps at most this many bytes of a tag or attribute name; the
// rest of a longer name is read as what follows it.
constexpr std::size_t kMaxHtmlName = 100;

inline bool is_html_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_ascii_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

// A reading position in the page. The byte at size() reads as 0, as a NUL
// byte in the page does.
struct Cursor {
  std::string_view in;
  std::size_t pos = 0;

  char at(std::size_t k = 0) const { return pos + k < in.size() ? in[pos + k] : '\0'; }
  bool done() const { return pos >= in.size(); }
  void skip_blanks() {
    while (pos < in.size() && is_html_blank(in[pos])) ++pos;
  }
  // True if the bytes at the position are `s` (lower case), in any case.
  bool at_nocase(std::string_view s) const;
};

// A name as entities, DOCTYPEs and processing instructions have it
// (htmlParseName, case kept): empty if there is none, and when an ASCII name
// runs to the end of the input (libxml2 gives none then).
std::string_view read_xml_name(Cursor* c);

// A tag or attribute name (htmlParseHTMLName): a letter, '_', ':' or '.',
// then letters, digits, ':', '-', '_' and '.', lower-cased, at
// most kMaxHtmlName bytes. False (nothing read) if the first byte cannot
// start a name. *out views the page, or *scratch when a letter was upper case.
bool read_html_name(Cursor* c, std::string_view* out, std::string* scratch);

// The name of the tag at `<` + 1 as libxml2 peeks at it before it reads the
// tag (htmlParseHTMLName_nonInvasive: no '.'), lower case, into *out.
void peek_tag_name(const Cursor& c, std::string* out);

// Reads an attribute value at the position (after '=' and blanks): quoted
// up to its quote, else up to a blank or '>'; character references decoded.
// A NUL byte (or the end) ends it. Appends the value to *out (if not null).
void read_attribute_value(Cursor* c, std::string* out);

// Reads a character reference at "&#"; the code point, or 0 where libxml2
// gives none (not a character, or no digits).
std::uint32_t read_char_ref(Cursor* c);

// At '&' (not "&#"): a named reference with its ';'. Consumes it and
// returns its code point; else returns 0 with *literal the '&' and the name
// after it (if any), consumed and kept as they are.
std::uint32_t read_named_ref(Cursor* c, std::string_view* literal);

// True if libxml2 keeps the character that starts at `p` (of `len` bytes)
// in text (IS_CHAR): not a control character but tab, newline and carriage
// return, and not U+FFFE or U+FFFF.
bool is_xml_char(const char* p, std::size_t len);

// The length of the UTF-8 sequence a lead byte starts (1 for a stray byte).
inline std::size_t utf8_length(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Appends in[begin, end) as libxml2 copies character data: characters that
// are not XML characters dropped, NUL bytes as spaces.
void append_char_data(std::string_view in, std::size_t begin, std::size_t end, std::string* out);

// in[begin, end) as character data: a view of `in` when libxml2 copies it
// as it is (the common case), else of *scratch, where it is copied.
std::string_view char_data(std::string_view in, std::size_t begin, std::size_t end,
                           std::string* scratch);

// The first of `a`, `b` or `c` at or after `from`, or in.size().
std::size_t find_any_of3(std::string_view in, std::size_t from, char a, char b, char c);

// The first '<' or '&' at or after `from`, or in.size().
std::size_t find_text_end(std::string_view in, std::size_t from);

// At "<!--": reads a comment up to its "-->" (or "--!>"); the text, as
// libxml2 copies it, into *out. False if it never ends (the rest of the
// page is then consumed).
bool read_comment(Cursor* c, std::string* out);

// At "<!DOCTYPE" (any case): the declaration's parts, read up to its '>'.
struct Doctype {
  std::string name;
  std::string public_id;
  std::string system_id;
  bool has_name = false, has_public = false, has_system = false;
};
Doctype read_doctype(Cursor* c);

// At "<?": a processing instruction. True if one was read, with its target
// and text; else only "<?" (or up to the end) was consumed.
bool read_processing_instruction(Cursor* c, std::string* target, std::string* text,
                                 bool* has_text);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_TOKENIZER_H_
