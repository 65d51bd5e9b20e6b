#include "core/decode.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "core/text.h"
#include "core/tuning.h"
#include "core/utf8.h"

namespace newsclean {
namespace {

struct Alias {
  const char* label;
  const char* charset;
};

// Labels a browser reads as another (wider) charset, from the WHATWG
// Encoding Standard; uchardet's names where iconv spells them otherwise.
constexpr Alias kAliases[] = {
    {"utf8", "UTF-8"},           {"unicode-1-1-utf-8", "UTF-8"},
    {"utf-16", "UTF-8"},         {"utf-16le", "UTF-8"},
    {"utf-16be", "UTF-8"},       {"unicode", "UTF-8"},
    {"ucs-2", "UTF-8"},          {"utf-32", "UTF-8"},
    {"utf-32le", "UTF-8"},       {"utf-32be", "UTF-8"},
    {"ascii", "WINDOWS-1252"},   {"us-ascii", "WINDOWS-1252"},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"},  {"l1", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},  {"x-cp1252", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
    {"iso-8859-11", "WINDOWS-874"}, {"tis-620", "WINDOWS-874"},
    {"gb2312", "GB18030"},       {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},        {"chinese", "GB18030"},
    {"csgb2312", "GB18030"},     {"gb_2312-80", "GB18030"},
    {"shift_jis", "CP932"},      {"shift-jis", "CP932"},
    {"sjis", "CP932"},           {"x-sjis", "CP932"},
    {"ms_kanji", "CP932"},       {"windows-31j", "CP932"},
    {"csshiftjis", "CP932"},     {"euc-kr", "CP949"},
    {"ks_c_5601-1987", "CP949"}, {"korean", "CP949"},
    {"windows-949", "CP949"},    {"uhc", "CP949"},
    {"big5", "BIG5-HKSCS"},      {"x-x-big5", "BIG5-HKSCS"},
    {"x-euc-jp", "EUC-JP"},      {"x-mac-cyrillic", "MAC-CYRILLIC"},
};

constexpr const char* kLatin[] = {
    "WINDOWS-1252", "ISO-8859-15", "WINDOWS-1250", "ISO-8859-2",  "WINDOWS-1254",
    "ISO-8859-3",   "ISO-8859-4",  "ISO-8859-10",  "ISO-8859-13", "ISO-8859-14",
    "ISO-8859-16",  "WINDOWS-1257", "WINDOWS-1258", "MACINTOSH",  "MAC-CENTRALEUROPE",
};

using Iconv = std::unique_ptr<void, int (*)(iconv_t)>;

}  // namespace

std::string canonical_charset(std::string_view label) {
  std::string l = lower(std::string(trim_spaces(label)));
  for (const Alias& a : kAliases) {
    if (l == a.label) return a.charset;
  }
  std::transform(l.begin(), l.end(), l.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  if (l.rfind("CP125", 0) == 0 && l.size() == 6) l = "WINDOWS-" + l.substr(2);
  return l;
}

bool single_byte_charset(std::string_view charset) {
  for (const char* prefix : {"WINDOWS-125", "WINDOWS-874", "ISO-8859-", "KOI8-", "IBM", "CP8",
                             "MAC", "TIS-620", "VISCII"}) {
    if (charset.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

bool latin_charset(std::string_view charset) {
  return std::any_of(std::begin(kLatin), std::end(kLatin),
                     [&](const char* c) { return charset == c; });
}

Conversion to_utf8(std::string_view in, const std::string& charset, bool strict,
                   std::string* out, std::size_t* replaced) {
  if (replaced != nullptr) *replaced = 0;
  iconv_t raw = iconv_open("UTF-8", charset.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return Conversion::kUnknown;
  const Iconv cd(raw, iconv_close);
  std::string result;
  result.resize(in.size() + in.size() / 2 + 16);
  char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write
  std::size_t src_left = in.size();
  std::size_t done = 0;  // bytes of `result` written
  Conversion status = Conversion::kOk;
  while (src_left > 0) {
    char* dst = &result[done];
    std::size_t dst_left = result.size() - done;
    const std::size_t rc = iconv(raw, &src, &src_left, &dst, &dst_left);
    done = result.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      result.resize(result.size() + src_left * 2 + 16);
      continue;
    }
    // EILSEQ (a byte that is no character) or EINVAL (a sequence cut at the end).
    status = Conversion::kUnfit;
    if (strict) return status;
    result.resize(std::max(result.size(), done + 3 + src_left * 2 + 16));
    std::string fffd;
    append_utf8(kReplacementChar, &fffd);
    result.replace(done, fffd.size(), fffd);
    done += fffd.size();
    if (replaced != nullptr) ++*replaced;
    ++src;
    --src_left;
    iconv(raw, nullptr, nullptr, nullptr, nullptr);  // back to the initial shift state
  }
  // Flush a stateful charset's final shift sequence.
  char* dst = &result[done];
  std::size_t dst_left = result.size() - done;
  iconv(raw, nullptr, nullptr, &dst, &dst_left);
  result.resize(result.size() - dst_left);
  *out = std::move(result);
  return status;
}

std::string detect_charset(std::string_view in) {
  const std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> ud(
      uchardet_new(), uchardet_delete);
  if (ud == nullptr) return {};
  const std::string_view head = in.substr(0, tuning::kDetectBytes);
  if (uchardet_handle_data(ud.get(), head.data(), head.size()) != 0) return {};
  uchardet_data_end(ud.get());
  const std::string name = uchardet_get_charset(ud.get());
  if (name.empty()) return {};
  return canonical_charset(name);
}

std::string sniff_utf16(std::string_view in) {
  const std::size_t n = std::min<std::size_t>(in.size(), 1024) & ~std::size_t{1};
  if (n < 16) return {};
  std::size_t le = 0;
  std::size_t be = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    const unsigned char a = static_cast<unsigned char>(in[i]);
    const unsigned char b = static_cast<unsigned char>(in[i + 1]);
    if (b == 0 && a != 0 && a < 0x80) ++le;
    if (a == 0 && b != 0 && b < 0x80) ++be;
  }
  const std::size_t units = n / 2;
  if (le * 2 > units && be == 0) return "UTF-16LE";
  if (be * 2 > units && le == 0) return "UTF-16BE";
  return {};
}

std::string repair_utf8(std::string_view in, std::size_t* replaced) {
  *replaced = 0;
  std::string out;
  out.reserve(in.size() + 16);
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t bad = find_invalid_utf8_in(in.substr(i));
    if (bad == std::string_view::npos) {
      out.append(in.substr(i));
      break;
    }
    out.append(in.substr(i, bad));
    append_utf8(kReplacementChar, &out);
    ++*replaced;
    i += bad + 1;
  }
  return out;
}

}  // namespace newsclean
