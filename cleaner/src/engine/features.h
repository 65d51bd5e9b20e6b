// Block features: what a rule can ask of a block besides its text
// (`feature:` in rules.yaml), and the document shape that `needs_story`
// rules wait for. They look at the whole document, not one block.
#ifndef NEWSCLEAN_SRC_ENGINE_FEATURES_H_
#define NEWSCLEAN_SRC_ENGINE_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/block.h"
#include "core/page_url.h"
#include "core/tuning.h"
#include "engine/block_runs.h"
#include "rules/rule.h"

namespace newsclean {

// Whether `text` is a row of menu items (Feature::kMenuRow), taken alone:
// "Home | News | Sport", "| Golf | | Tennis |", "Home - Weather - News".
bool is_menu_row(std::string_view text);

// Whether a line agrees with the URL's slug: half of
// its words, or three of them, are in the slug, or it has half of the
// slug's words (a slug is often a shorter or earlier wording of the
// headline). Without a slug, or without a Latin word to compare, it agrees.
bool agrees_with_slug(std::string_view text, const std::unordered_set<std::string>& slug);

// Whether a line names the page its URL names: it agrees with the slug, or
// shares a word with a path that names the page ("/waf/"). Without either,
// it does.
bool names_the_page(std::string_view text, const PageUrl& url);

// Which blocks of one document have each Feature. Holds references to
// `blocks` and `url`, which must outlive it.
class Features {
 public:
  // `page_text`: whether the blocks are a whole page as text, and who says so
  // (Document::page_text).
  // `kind`: what the page says it is (Document::kind); on a page that does
  // not say it is an article, the headlines of a list of cards are its
  // content (mark_card_headlines).
  Features(const std::vector<Block>& blocks, const PageUrl& url,
           PageText page_text = PageText::kNo, PageKind kind = PageKind::kUnknown);
  // (Inline: asked of every rule that fits each block.)
  bool has(Feature f, std::size_t i) const {
    switch (f) {
      case Feature::kNone: return true;
      case Feature::kDuplicate: return duplicate_[i];
      case Feature::kTeaserRun: return teaser_run_[i];
      case Feature::kPageUrl: return page_url_[i];
      case Feature::kLinkHeavy: return link_heavy_[i];
      case Feature::kTeaserList: return teaser_list_[i];
      case Feature::kMenuRow: return menu_row_[i];
      case Feature::kPageChrome: return page_chrome_[i];
      case Feature::kPageText: return page_text_;
      case Feature::kUrlTitle: return url_title(i);
      case Feature::kAmongDropped: return !blocks_[i].prose && !blocks_[i].ends_sentence;
      case Feature::kHeadAmongDropped: return !blocks_[i].prose && !blocks_[i].ends_sentence;
      case Feature::kTailAmongDropped: return !blocks_[i].prose;
      case Feature::kClosingAmongDropped: return blocks_[i].words <= tuning::kClosingMaxWords;
      case Feature::kChromeWords: return chrome_words(i);
      case Feature::kEcho: return echo_;
      case Feature::kGluedTeasers: return glued_teasers_[i];
      case Feature::kGluedCopy: return glued_copy_[i];
    }
    return false;
  }
  // Bit f (static_cast<int>(Feature)) set: block i lacks feature f, one of
  // those found when constructed (most blocks lack them all). Asked first,
  // it spares asking has() of each.
  std::uint32_t lacking(std::size_t i) const { return lacking_[i]; }

 private:
  bool url_title(std::size_t i) const;  // Feature::kUrlTitle, read when asked
  bool chrome_words(std::size_t i) const;  // Feature::kChromeWords, scored when asked

  const std::vector<Block>& blocks_;
  std::vector<bool> duplicate_;
  std::vector<bool> teaser_run_;
  std::vector<bool> page_url_;
  std::vector<bool> link_heavy_;
  std::vector<bool> teaser_list_;
  std::vector<bool> menu_row_;
  std::vector<bool> menu_shape_;  // is_menu_row, a table's rows too (url_title)
  std::vector<bool> page_chrome_;
  std::vector<bool> glued_teasers_;
  std::vector<bool> glued_copy_;
  bool page_text_;  // Feature::kPageText, the same for every block
  bool echo_ = false;  // Feature::kEcho, the same for every block
  std::vector<std::uint32_t> lacking_;
  // Feature::kChromeWords by block: 0 not scored yet, 1 no, 2 yes (the
  // model is scored only for blocks a rule asks it of).
  mutable std::vector<std::uint8_t> chrome_words_;
  bool story_prose_;  // has_story_prose(blocks): without it, no chrome words
  const PageUrl& url_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_FEATURES_H_
