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
  if (has_article_number(path)) return words;
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

bool has_article_number(std::string_view path) {
  std::size_t digits = 0;
  for (const char c : path) {
    digits = c >= '0' && c <= '9' ? digits + 1 : 0;
    if (digits >= tuning::kArticleIdDigits) return true;
  }
  return false;
}

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

bool is_forum_url(std::string_view url) {
  std::string lowered(url.substr(0, url.find('#')));
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const std::string host = host_of(lowered);
  for (const char* label : {"forum.", "forums.", "community.", "discuss.", "discussion.",
                            "discussions.", "bbs.", "board.", "boards.", "answers."}) {
    if (host.rfind(label, 0) == 0) return true;
  }
  const std::size_t scheme = lowered.find("://");
  const std::size_t start = lowered.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (start == std::string::npos) return false;
  const std::string_view rest = std::string_view(lowered).substr(start);  // path and query
  const std::string_view path = rest.substr(0, rest.find('?'));
  for (const char* part : {"/viewtopic.php", "/showthread.php", "/showtopic.php", "/thread/",
                           "/threads/", "/forum/", "/forums/", "/discussion/", "/discussions/"}) {
    if (path.find(part) != std::string_view::npos) return true;
  }
  // "/t/<slug>/<number>" (a thread by number), "/questions/<number>".
  const auto followed_by_number = [&](std::string_view part, bool slug_first) {
    for (std::size_t at = path.find(part); at != std::string_view::npos;
         at = path.find(part, at + 1)) {
      std::size_t i = at + part.size();
      if (slug_first) {
        const std::size_t slash = path.find('/', i);
        if (slash == std::string_view::npos || slash == i) continue;
        i = slash + 1;
      }
      if (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) return true;
    }
    return false;
  };
  if (followed_by_number("/t/", true) || followed_by_number("/questions/", false)) return true;
  const std::size_t query = rest.find('?');
  if (query == std::string_view::npos) return false;
  for (std::size_t at = rest.find("topic=", query); at != std::string_view::npos;
       at = rest.find("topic=", at + 1)) {
    const char before = rest[at - 1];
    if ((before == '?' || before == '&') && at + 6 < rest.size() &&
        std::isdigit(static_cast<unsigned char>(rest[at + 6]))) {
      return true;
    }
  }
  return false;
}

}  // namespace newsclean
