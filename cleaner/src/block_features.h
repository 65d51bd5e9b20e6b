// Block features: what a rule can ask of a block besides its text
// (`feature:` in rules.yaml), and the document shape that `needs_story`
// rules wait for. They look at the whole document, not one block.
#ifndef NEWSCLEAN_SRC_BLOCK_FEATURES_H_
#define NEWSCLEAN_SRC_BLOCK_FEATURES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rules.h"
#include "text.h"

namespace newsclean {

// A document is shaped like a story when at least kStoryMinProse prose blocks
// hold at least half of its text; product pages, listings and forums are not.
constexpr std::size_t kStoryMinProse = 3;
bool is_story(const std::vector<Block>& blocks);

// More than this share of a block's text in links makes it a link block.
constexpr float kLinkHeavyRatio = 0.5f;

// Marks the list of other stories' headlines that ends `blocks`, if any
// (Feature::kTeaserList); `marks` has one entry per block.
void mark_teaser_list(const std::vector<Block>& blocks, std::vector<bool>* marks);

// The words of the URL path's slugs ("/2019/11/browns-player-on-fight/"),
// lower-cased and cut to their first four letters; empty without a slug.
std::unordered_set<std::string> url_slug_words(std::string_view url);

// True if `url` is a site's home page (no path beyond "/"): a line at its
// top is a tagline or a banner, never a story's headline.
bool is_home_page(std::string_view url);

// The words of a URL path that names its page with words but has no slug
// and no article number ("/services/quality-assurance/"): a headline of
// that page has one of them. Empty for any other URL.
std::unordered_set<std::string> url_name_words(std::string_view url);

// Whether a line agrees with the URL's slug: half of
// its words, or three of them, are in the slug, or it has half of the
// slug's words (a slug is often a shorter or earlier wording of the
// headline). Without a slug, or without a Latin word to compare, it agrees.
bool agrees_with_slug(std::string_view text, const std::unordered_set<std::string>& slug);

// Which blocks of one document have each Feature. Holds a reference to
// `blocks`, which must outlive it.
class Features {
 public:
  Features(const std::vector<Block>& blocks, std::string_view url);
  bool has(Feature f, std::size_t i) const;

 private:
  const std::vector<Block>& blocks_;
  std::vector<bool> duplicate_;
  std::vector<bool> teaser_run_;
  std::vector<bool> page_url_;
  std::vector<bool> link_heavy_;
  std::vector<bool> teaser_list_;
  std::unordered_set<std::string> slug_;  // words of the URL's slug
  std::unordered_set<std::string> name_words_;  // url_name_words(url)
  bool home_page_;                              // is_home_page(url)
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_BLOCK_FEATURES_H_
