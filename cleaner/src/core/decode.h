// Charsets: bytes in any charset -> UTF-8 (iconv), and a guess at the
// charset of bytes that do not say theirs (uchardet).
//
// Why uchardet: it is Mozilla's universal charset detector, maintained by
// freedesktop.org and packaged by Debian (libuchardet-dev), small, and it
// needs no model files. On made-up news paragraphs it named every charset
// we test (windows-1251, GBK, Shift_JIS, EUC-KR, ISO-8859-2, windows-1256)
// and also short ones (nine CJK characters; Czech in windows-1250), where
// ICU's ucsdet (which libxml2's ICU would have given us) answered
// ISO-8859-7 for GBK, windows-1250 for Shift_JIS and ISO-8859-2 for
// windows-1250. compact_enc_det is not packaged for Debian.
#ifndef NEWSCLEAN_SRC_CORE_DECODE_H_
#define NEWSCLEAN_SRC_CORE_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsclean {

// The charset a label names, as iconv knows it, upper case, following the
// WHATWG Encoding Standard where a browser reads a label as a wider charset:
// "latin1", "ascii" and "iso-8859-1" are "WINDOWS-1252", "gb2312" and "gbk"
// "GB18030", "shift_jis" "CP932", "euc-kr" "CP949", "utf8" and (in a page's
// <meta>, where it cannot be true) "utf-16" are "UTF-8". "" for "".
std::string canonical_charset(std::string_view label);

// True if `charset` (canonical) is a one-byte-per-character charset.
bool single_byte_charset(std::string_view charset);

// True if `charset` (canonical) writes a Latin script (windows-1252 and its
// relatives): detection between these is a guess, between scripts it is not.
bool latin_charset(std::string_view charset);

// What converting gave.
enum class Conversion {
  kOk,       // every byte was a character of the charset
  kUnfit,    // some bytes were not (strict: *out unchanged; else U+FFFD for each)
  kUnknown,  // iconv does not know the charset (*out unchanged)
};

// Converts `in` from `charset` (canonical) to UTF-8 into *out. `strict`:
// stop at the first byte that does not fit. Otherwise each such byte (or a
// truncated sequence at the end) becomes U+FFFD and *replaced counts them.
Conversion to_utf8(std::string_view in, const std::string& charset, bool strict,
                   std::string* out, std::size_t* replaced = nullptr);

// The charset uchardet guesses for `in` (canonical; at most the first
// tuning::kDetectBytes are read), "UTF-8" for ASCII, or "" when it cannot
// tell.
std::string detect_charset(std::string_view in);

// "UTF-16LE" or "UTF-16BE" when `in` looks like UTF-16 without a BOM (most
// of its first code units are ASCII characters with a zero byte), else "".
std::string sniff_utf16(std::string_view in);

// `in` with each ill-formed UTF-8 sequence replaced by U+FFFD; the count
// in *replaced.
std::string repair_utf8(std::string_view in, std::size_t* replaced);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_DECODE_H_
