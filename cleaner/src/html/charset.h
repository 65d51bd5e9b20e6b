// What the bytes are: HTML or text, and in which charset.
#ifndef NEWSCLEAN_SRC_HTML_CHARSET_H_
#define NEWSCLEAN_SRC_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace newsclean {

// True if `input` looks like an HTML document rather than plain text: a
// doctype or an opening tag first, or enough closing tags of common
// elements (tuning::kFragmentMinTags, one per kMarkupBytesPerTag bytes when
// the input does not start with a tag).
bool looks_like_html(std::string_view input);

// The charset a page declares in its first 4 KB (<meta charset>, or
// content="...; charset=..."), lower case; "" when none.
std::string sniff_charset(std::string_view in);

// The encoding name to give libxml2, from a BOM (which is then removed from
// `*in`), the declared charset, or a UTF-8 check (undeclared bytes that are
// not UTF-8 are windows-1252, the web's most common other charset).
// `*utf8`: the input is well-formed UTF-8 (false when not checked).
std::string choose_encoding(std::string_view* in, bool* utf8);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_CHARSET_H_
