// PageUrl: the URL of a document, parsed once and read by every stage
// (site-scoped rules, the title's agreement with the slug, home pages).
#ifndef NEWSCLEAN_SRC_CORE_PAGE_URL_H_
#define NEWSCLEAN_SRC_CORE_PAGE_URL_H_

#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/tuning.h"

namespace newsclean {

struct PageUrl {
  PageUrl() = default;
  explicit PageUrl(std::string_view url);

  std::string url;   // as given ("" when none)
  std::string host;  // host_of(url)
  std::string path;  // url_path(url)
  // The words of the path's slugs ("/2019/11/browns-player-on-fight/"),
  // lower-cased and cut to their first four letters; empty without a slug.
  std::unordered_set<std::string> slug;
  // Without a slug: the words of a path that names its page in words and
  // has no article number ("/services/quality-assurance/"). Else empty.
  std::unordered_set<std::string> name_words;
  bool home_page = false;  // is_home_page(url)
};

// True if `path` holds an article number: a run of kArticleIdDigits digits
// ("/world-europe-50473792", "/2019/11/19/...").
bool has_article_number(std::string_view path);

// The lower-case host of a URL ("https://www.x.com:8080/a" -> "www.x.com"),
// or the input itself lower-cased when it has no scheme.
std::string host_of(std::string_view url);

// The path of `url` without query and fragment ("" without one).
std::string_view url_path(std::string_view url);

// True if `url` is a site's home page (no path beyond "/"; a query of
// campaign tags only): a line at its top is a tagline or a banner, never a
// story's headline.
bool is_home_page(std::string_view url);

// True if `url` has the shape forum software gives a thread's address: a
// host named as a forum ("forum.", "community.", "bbs.", ...), or a path
// through a thread script or folder ("viewtopic.php", "/threads/",
// "/forums/", "/t/<slug>/<number>", "/questions/<number>", "?topic=<number>").
bool is_forum_url(std::string_view url);

// Calls fn(word) for each word of `s` as slugs are compared: runs of
// kSlugWordMin or more ASCII letters, lower-cased and cut to their first
// kSlugWordPrefix letters (slugs drop accents, and words inflect: "rules" /
// "ruling"). A non-ASCII byte inside a word (an accent) does not end it.
template <typename Fn>
void for_each_slug_word(std::string_view s, Fn fn) {
  // Only the first kSlugWordPrefix letters of a word are kept; `letters`
  // counts them all. ASCII letters are told and lower-cased by bit, as
  // isalpha and tolower read ASCII in any locale.
  std::string word;
  std::size_t letters = 0;
  const auto flush = [&] {
    if (letters >= tuning::kSlugWordMin) fn(word);
    word.clear();
    letters = 0;
  };
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const auto lower = static_cast<unsigned char>(u | 0x20);
    if (lower >= 'a' && lower <= 'z') {
      if (letters++ < tuning::kSlugWordPrefix) word.push_back(static_cast<char>(lower));
    } else if (u < 0x80 || letters == 0) {
      flush();
    }
  }
  flush();
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_PAGE_URL_H_
