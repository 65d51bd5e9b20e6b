// What the bytes are: HTML or text, and in which charset.
#ifndef NEWSCLEAN_SRC_HTML_CHARSET_H_
#define NEWSCLEAN_SRC_HTML_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsclean {

// True if `input` looks like an HTML document rather than plain text: a
// doctype or an opening tag first, or enough closing tags of common
// elements (tuning::kFragmentMinTags, one per kMarkupBytesPerTag bytes when
// the input does not start with a tag).
bool looks_like_html(std::string_view input);

// The charset a page declares in its first 4 KB (<meta charset>, or
// content="...; charset=..."), lower case; "" when none.
std::string sniff_charset(std::string_view in);

// A page as UTF-8, and what was assumed to get there.
struct DecodedPage {
  std::string_view input;  // the bytes as given
  std::string converted;   // the page in UTF-8 when the bytes were not
  bool is_converted = false;
  std::string charset;     // what the bytes were read as, canonical ("UTF-8", "GB18030")
  std::vector<std::string> warnings;  // a guessed or overridden charset, repairs

  // The page in UTF-8, without a BOM.
  std::string_view text() const { return is_converted ? converted : input; }
};

// Decodes a page. `given` is "" for bytes as fetched, "utf-8" for text that
// is already decoded (never re-read from its <meta>), or a charset the
// caller knows (an HTTP header's). In that order of trust:
//   1. a BOM (UTF-8, UTF-16, UTF-32);
//   2. the given charset, when the bytes fit it;
//   3. UTF-8 when the bytes are UTF-8 (but for a few ill-formed sequences)
//      and hold some non-ASCII: no other charset makes such bytes by chance,
//      so a page that declares another one is read as UTF-8;
//   4. the declared charset (<meta charset>, content="...; charset=...")
//      when the bytes fit it and the detector does not name another script
//      (a page that declares windows-1252, a server's default, but is
//      Cyrillic or Chinese);
//   5. the detector's guess (uchardet), else windows-1252.
// Every charset that is not given, declared or certain (a BOM, UTF-8) is
// named in `warnings`, as is a declaration that was overridden.
DecodedPage decode_page(std::string_view in, std::string_view given);

// The length of the internal subset ("[" to "]") of the DOCTYPE in the
// first 4 KB of `in`, its offset in *begin; 0 when there is none.
std::size_t internal_subset(std::string_view in, std::size_t* begin);

// `in` without the internal subset of its DOCTYPE (copied into *storage
// when there is one).
std::string_view without_internal_subset(std::string_view in, std::string* storage);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_CHARSET_H_
