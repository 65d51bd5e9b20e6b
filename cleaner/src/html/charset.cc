#include "html/charset.h"

#include <algorithm>
#include <cctype>

#include "core/decode.h"
#include "core/text.h"
#include "core/tuning.h"
#include "core/utf8.h"

namespace newsclean {

std::string sniff_charset(std::string_view in) {
  const std::string head = lower(std::string(in.substr(0, 4096)));
  std::size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    pos += 7;
    std::size_t i = pos;
    bool equals = false;  // "charset" in a comment or in text is no declaration
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' ||
                               head[i] == '\'')) {
      equals |= head[i++] == '=';
    }
    if (!equals || i >= head.size() || !std::isalnum(static_cast<unsigned char>(head[i]))) {
      continue;
    }
    std::size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == '-' || head[j] == '_' || head[j] == ':')) {
      ++j;
    }
    if (j > i) return head.substr(i, j - i);
  }
  return {};
}

namespace {

// Counts well-formed multi-byte UTF-8 sequences and ill-formed ones.
void count_utf8(std::string_view in, std::size_t* multibyte, std::size_t* invalid) {
  *multibyte = 0;
  *invalid = 0;
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t bad = find_invalid_utf8_in(in.substr(i));
    const std::size_t end = bad == std::string_view::npos ? in.size() : i + bad;
    for (; i < end; ++i) {
      if ((static_cast<unsigned char>(in[i]) & 0xC0) == 0xC0) ++*multibyte;  // a lead byte
    }
    if (bad != std::string_view::npos) {
      ++*invalid;
      ++i;
    }
  }
}

bool has_non_ascii(std::string_view in) {
  return std::any_of(in.begin(), in.end(), [](char c) { return (c & 0x80) != 0; });
}

// The names used in warnings: lower case, as pages write them.
std::string shown(std::string_view charset) { return lower(std::string(charset)); }

// Sets the page to `in` read as `charset`, replacing bytes that do not fit.
void convert(std::string_view in, const std::string& charset, DecodedPage* page) {
  std::size_t replaced = 0;
  std::string utf8;
  Conversion c = to_utf8(in, charset, /*strict=*/false, &utf8, &replaced);
  page->charset = charset;
  if (c == Conversion::kUnknown) {  // (every name we produce is iconv's)
    page->charset = "WINDOWS-1252";
    page->warnings.push_back("charset: " + shown(charset) +
                             " is not known; read as windows-1252");
    c = to_utf8(in, page->charset, false, &utf8, &replaced);
  }
  page->converted = std::move(utf8);
  page->is_converted = true;
  if (replaced > 0) {
    page->warnings.push_back("charset: " + std::to_string(replaced) + " byte(s) that are not " +
                             shown(page->charset) + " replaced by U+FFFD");
  }
}

// Sets the page to UTF-8 `in`, repaired when some sequences are ill-formed.
void take_utf8(std::string_view in, DecodedPage* page) {
  page->charset = "UTF-8";
  if (valid_utf8(in)) {
    page->input = in;
    return;
  }
  std::size_t replaced = 0;
  page->converted = repair_utf8(in, &replaced);
  page->is_converted = true;
  page->warnings.push_back("invalid UTF-8: " + std::to_string(replaced) +
                           " ill-formed sequence(s) replaced by U+FFFD");
}

// The bytes' charset from a BOM (which is removed from *in), or "".
std::string from_bom(std::string_view* in) {
  struct Bom {
    std::string_view bytes;
    const char* charset;
  };
  // UTF-32LE before UTF-16LE: its BOM starts with the other's.
  static constexpr Bom kBoms[] = {{std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},
                                  {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
                                  {"\xEF\xBB\xBF", "UTF-8"},
                                  {"\xFF\xFE", "UTF-16LE"},
                                  {"\xFE\xFF", "UTF-16BE"}};
  for (const Bom& b : kBoms) {
    if (in->substr(0, b.bytes.size()) == b.bytes) {
      in->remove_prefix(b.bytes.size());
      return b.charset;
    }
  }
  return {};
}

}  // namespace

DecodedPage decode_page(std::string_view in, std::string_view given_label) {
  DecodedPage page;
  const std::string given = canonical_charset(given_label);
  if (given == "UTF-8") {  // decoded text: its BOM (U+FEFF) is dropped, nothing else
    if (in.substr(0, 3) == "\xEF\xBB\xBF") in.remove_prefix(3);
    take_utf8(in, &page);
    return page;
  }
  // 1. A BOM says it all.
  const std::string bom = from_bom(&in);
  page.input = in;
  if (bom == "UTF-8") {
    take_utf8(in, &page);
    return page;
  }
  if (!bom.empty()) {
    convert(in, bom, &page);
    return page;
  }
  const std::string utf16 = sniff_utf16(in);
  if (!utf16.empty()) {
    page.warnings.push_back("charset: no BOM, detected " + shown(utf16));
    convert(in, utf16, &page);
    return page;
  }
  // 2. The caller's charset.
  std::string overridden;  // a charset that did not fit, for the warning
  if (!given.empty()) {
    const Conversion c = to_utf8(in, given, /*strict=*/true, &page.converted);
    if (c == Conversion::kOk) {
      page.is_converted = true;
      page.charset = given;
      return page;
    }
    overridden = "given " + shown(given_label) +
                 (c == Conversion::kUnknown ? " is not known" : " does not fit the bytes");
  }
  // 3. UTF-8, nearly always right when the bytes are UTF-8.
  const std::string declared = canonical_charset(sniff_charset(in));
  if (overridden.empty() && (declared.empty() || declared == "UTF-8") && valid_utf8(in)) {
    page.charset = "UTF-8";  // most pages: one fast pass
    return page;
  }
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  count_utf8(in, &multibyte, &invalid);
  const bool ascii = multibyte == 0 && invalid == 0 && !has_non_ascii(in);
  if (ascii && (declared.empty() || declared.rfind("ISO-2022", 0) != 0)) {
    page.charset = "UTF-8";  // every ASCII-compatible charset reads ASCII alike
    if (!overridden.empty()) page.warnings.push_back("charset: " + overridden);
    return page;
  }
  if (!ascii && multibyte >= tuning::kUtf8ValidPerInvalid * invalid && multibyte > 0) {
    if (!overridden.empty()) {
      page.warnings.push_back("charset: " + overridden + "; the bytes are UTF-8");
    } else if (!declared.empty() && declared != "UTF-8") {
      page.warnings.push_back("charset: declared " + shown(sniff_charset(in)) +
                              ", but the bytes are UTF-8; read as UTF-8");
    }
    take_utf8(in, &page);
    return page;
  }
  // 4. The page's own word, checked against the bytes and the detector.
  if (overridden.empty() && !declared.empty() && declared != "UTF-8") {
    std::string utf8;
    const Conversion c = to_utf8(in, declared, /*strict=*/true, &utf8);
    if (c == Conversion::kOk) {
      // A one-byte charset fits any bytes: ask the detector whether they
      // are in another script (multi-byte CJK, or Cyrillic for Latin).
      const std::string detected =
          single_byte_charset(declared) ? detect_charset(in) : std::string();
      const bool other_script =
          !detected.empty() && detected != declared && detected != "UTF-8" &&
          (!single_byte_charset(detected) ||
           (latin_charset(declared) && !latin_charset(detected)));
      if (!other_script) {
        page.converted = std::move(utf8);
        page.is_converted = true;
        page.charset = declared;
        return page;
      }
      page.warnings.push_back("charset: declared " + shown(sniff_charset(in)) +
                              ", but the bytes are " + shown(detected) +
                              " (detected); read as " + shown(detected));
      convert(in, detected, &page);
      return page;
    }
    overridden = "declared " + shown(sniff_charset(in)) +
                 (c == Conversion::kUnknown ? " is not known" : " does not fit the bytes");
  } else if (overridden.empty() && declared == "UTF-8") {
    overridden = "declared utf-8 does not fit the bytes";
  }
  // 5. Detection.
  const std::string detected = detect_charset(in);
  const std::string why = overridden.empty() ? "not declared" : overridden;
  if (detected == "UTF-8") {
    page.warnings.push_back("charset: " + why + "; detected utf-8");
    take_utf8(in, &page);
  } else if (detected.empty()) {
    page.warnings.push_back("charset: " + why + " and not detected; read as windows-1252");
    convert(in, "WINDOWS-1252", &page);
  } else {
    page.warnings.push_back("charset: " + why + "; detected " + shown(detected));
    convert(in, detected, &page);
  }
  return page;
}

std::size_t internal_subset(std::string_view in, std::size_t* begin) {
  // "<!doctype", in any case, within the first 4096 bytes.
  const std::string_view head = in.substr(0, 4096);
  std::size_t i = head.find('<');
  while (i != std::string_view::npos &&
         (head.size() - i < 9 || !iequals_ascii(head.substr(i, 9), "<!doctype"))) {
    i = head.find('<', i + 1);
  }
  if (i == std::string_view::npos) return 0;
  // The doctype's name and public or system id, up to its '[' or '>'.
  char quote = 0;
  for (i += 9; i < in.size(); ++i) {
    const char c = in[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return 0;
    } else if (c == '[') {
      break;
    }
  }
  if (i >= in.size()) return 0;
  *begin = i;
  // The subset: declarations, with quoted values and comments, up to "]".
  for (++i; i < in.size(); ++i) {
    const char c = in[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (in.compare(i, 4, "<!--") == 0) {
      const std::size_t end = in.find("-->", i + 4);
      if (end == std::string_view::npos) return 0;
      i = end + 2;
    } else if (c == ']') {
      return i + 1 - *begin;
    }
  }
  return 0;  // never closed: libxml2 reads it as it will
}

std::string_view without_internal_subset(std::string_view in, std::string* storage) {
  std::size_t begin = 0;
  const std::size_t len = internal_subset(in, &begin);
  if (len == 0) return in;
  storage->reserve(in.size() - len);
  storage->assign(in.substr(0, begin)).append(in.substr(begin + len));
  return *storage;
}

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
      starts_with_tag ? tuning::kFragmentMinTags
                      : std::max(tuning::kFragmentMinTags,
                                 (window.size() + tuning::kMarkupBytesPerTag - 1) /
                                     tuning::kMarkupBytesPerTag);
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

}  // namespace newsclean
