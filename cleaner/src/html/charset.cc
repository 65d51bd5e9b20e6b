#include "html/charset.h"

#include <algorithm>
#include <cctype>

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
    while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' ||
                               head[i] == '\'')) {
      ++i;
    }
    if (i == pos) continue;  // "charset" not followed by "="
    std::size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == '-' || head[j] == '_' || head[j] == ':')) {
      ++j;
    }
    if (j > i) return head.substr(i, j - i);
  }
  return {};
}

std::string choose_encoding(std::string_view* in, bool* utf8) {
  *utf8 = false;
  if (in->substr(0, 3) == "\xEF\xBB\xBF") {
    in->remove_prefix(3);
    return "UTF-8";
  }
  if (in->substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (in->substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  std::string declared = sniff_charset(*in);
  if (declared == "utf8" || declared == "unicode") declared = "utf-8";
  *utf8 = valid_utf8(*in);
  if (declared.empty() || declared == "utf-8") {
    // Undeclared or wrongly declared bytes that are not UTF-8: the web's
    // most common other charset.
    return *utf8 ? "UTF-8" : "windows-1252";
  }
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii" ||
      declared == "ascii") {
    return *utf8 ? "UTF-8" : "windows-1252";  // browsers read these as windows-1252
  }
  return declared;
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
