#include "core/page_url.h"

#include <algorithm>
#include <vector>

namespace newsclean {
namespace {

// The slug words of `path`: segments joined by '-' or '_' with
// kSlugMinWords or more words of letters ("world-europe-50473792" is a
// section and a number, not a slug).
std::unordered_set<std::string> slug_words(std::string_view path) {
  std::unordered_set<std::string> words;
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t end = path.find('/', pos + 1);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(pos, end - pos);
    std::vector<std::string> found;
    for_each_slug_word(segment, [&](std::string w) { found.push_back(std::move(w)); });
    const bool joined = segment.find_first_of("-_") != std::string_view::npos;
    if (joined && found.size() >= tuning::kSlugMinWords) words.insert(found.begin(), found.end());
    pos = end;
  }
  return words;
}

// The words of a path with no slug, unless it has an article number.
std::unordered_set<std::string> name_words(std::string_view path) {
  std::unordered_set<std::string> words;
  std::size_t digits = 0;
  for (const char c : path) {
    digits = c >= '0' && c <= '9' ? digits + 1 : 0;
    if (digits >= tuning::kArticleIdDigits) return words;
  }
  for_each_slug_word(path, [&](std::string w) { words.insert(std::move(w)); });
  return words;
}

}  // namespace

PageUrl::PageUrl(std::string_view u)
    : url(u),
      host(host_of(u)),
      path(url_path(u)),
      slug(slug_words(path)),
      name_words(slug.empty() ? newsclean::name_words(path) : std::unordered_set<std::string>()),
      home_page(is_home_page(u)) {}

std::string host_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  const std::size_t at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url[0] == '[') {  // IPv6 literal
    url = url.substr(0, url.find(']') + 1);
  } else {
    url = url.substr(0, url.find(':'));
  }
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string_view url_path(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::size_t path = url.find_first_of("/?#");
  if (path == std::string_view::npos || url[path] != '/') return {};
  url.remove_prefix(path);
  return url.substr(0, url.find_first_of("?#"));
}

bool is_home_page(std::string_view url) {
  if (url.find("://") == std::string_view::npos ||
      url_path(url).find_first_not_of('/') != std::string_view::npos) {
    return false;
  }
  // A query may still name a page ("/?p=123"); campaign tags do not.
  std::string_view query = url.substr(std::min(url.find('?'), url.size()));
  query = query.substr(0, query.find('#'));
  while (!query.empty()) {
    query.remove_prefix(1);  // '?' or '&'
    const std::string_view name = query.substr(0, query.find_first_of("=&"));
    const bool tag = name.rfind("utm_", 0) == 0 || name == "srsltid" || name == "gclid" ||
                     name == "fbclid" || name == "ref" || name.empty();
    if (!tag) return false;
    query = query.substr(std::min(query.find('&'), query.size()));
  }
  return true;
}

}  // namespace newsclean
