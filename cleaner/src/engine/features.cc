// Block features: what a rule can ask of a block besides its text.
#include "engine/features.h"

#include "engine/page_text.h"

#include "core/text.h"
#include "core/tuning.h"
#include "engine/chrome_words.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <functional>

namespace newsclean {

using namespace tuning;

namespace {

// `item` without a count after it in brackets ("Comments (12)").
std::string_view without_count(std::string_view item) {
  if (item.size() < 4 || item.back() != ')') return item;
  const std::size_t open = item.rfind(" (");
  if (open == std::string_view::npos || open + 3 >= item.size()) return item;
  for (std::size_t i = open + 2; i + 1 < item.size(); ++i) {
    if (item[i] < '0' || item[i] > '9') return item;
  }
  return item.substr(0, open);
}

// How a text reads as one menu item.
enum class MenuItem { kNo, kPlain, kWithDigit };

// One menu item: 1 to kMenuItemMaxWords words, starting with a capital (or
// a letter without case, or a brand's small letter before a capital:
// "ePaper"), with no sentence punctuation; an apostrophe only inside a word
// ("What's On"); a count in brackets may follow ("Comments (12)"). An item
// with a digit ("Channel 4") is kWithDigit: a shop's "Maven 65 Pack" and a
// recipe's "Calories 120 | Protein 3 g" are made of such items, a menu has
// few of them.
MenuItem menu_item(std::string_view item) {
  item = without_count(item);
  if (item.empty()) return MenuItem::kNo;
  const bool camel = item.size() > 1 && item[0] >= 'a' && item[0] <= 'z' && item[1] >= 'A' &&
                     item[1] <= 'Z';
  if (!camel && !starts_like_headline(item)) return MenuItem::kNo;
  std::size_t words = 1;
  bool digit = false;
  for (std::size_t i = 0; i < item.size(); ++i) {
    const char c = item[i];
    switch (c) {
      case ',': case ';': case ':': case '!': case '?': case '(': case ')':
      case '"': case '\0':
        return MenuItem::kNo;
      case '\'':
        if (i == 0 || i + 1 == item.size() ||
            !std::isalpha(static_cast<unsigned char>(item[i - 1])) ||
            !std::isalpha(static_cast<unsigned char>(item[i + 1]))) {
          return MenuItem::kNo;
        }
        break;
      case '.':
        if (i + 1 == item.size()) return MenuItem::kNo;
        break;
      default:
        digit = digit || (c >= '0' && c <= '9');
    }
    words += c == ' ';
  }
  if (words > kMenuItemMaxWords) return MenuItem::kNo;
  return digit ? MenuItem::kWithDigit : MenuItem::kPlain;
}

// The separators of a menu row besides '|': " - ", " – ", " • ", " · ",
// " ¦ ", " * ", " :: ", " / ", and "] [" between bracketed items ("[Home] [News]").
constexpr std::string_view kSpacedSeparators[] = {
    " - ", " \xE2\x80\x93 ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xC2\xA6 ",
    " * ", " :: ", " / ", "] ["};

// False if `text` has no separator of a menu row: no '|' and none of
// kSpacedSeparators. Most blocks have none (a hyphen or a quote mark after
// a space is none), and memchr tells it far quicker than the walk there.
bool may_have_separator(std::string_view text) {
  if (text.find('|') != std::string_view::npos) return true;
  if (text.find("] [") != std::string_view::npos) return true;
  for (const char lead : {'-', '\xE2', '\xC2', '*', ':', '/'}) {  // the separators' second bytes
    for (std::size_t at = text.find(lead); at != std::string_view::npos;
         at = text.find(lead, at + 1)) {
      if (at == 0 || text[at - 1] != ' ') continue;
      for (const std::string_view sep : kSpacedSeparators) {
        if (sep[1] == lead && text.substr(at - 1, sep.size()) == sep) return true;
      }
    }
  }
  return false;
}

// `text` without the label a row may open with, a few words and a colon
// ("Sections: News | Sport | Business", "Also in this section: ...").
std::string_view without_label(std::string_view text) {
  const std::size_t colon = text.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > kMenuLabelMaxBytes) return text;
  std::size_t spaces = 0;
  for (const char c : text.substr(0, colon)) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ') {
      ++spaces;
    } else if (u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return text;  // a digit or a sign: not a label
    }
  }
  return spaces <= kMenuLabelMaxSpaces ? text.substr(colon + 2) : text;
}

}  // namespace

bool is_menu_row(std::string_view text) {
  if (!may_have_separator(text)) return false;  // one item: never a row
  text = without_label(text);
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);  // "[Home] [News]": the brackets are separators
  }
  std::size_t items = 0, with_digit = 0, pipes = 0, spaced = 0, slashes = 0;
  std::size_t start = 0, i = 0;
  const auto item = [&](std::size_t end) {
    const std::string_view t = trim_spaces(text.substr(start, end - start));
    if (t.empty()) return true;  // "| Golf | | Tennis |": an empty cell
    ++items;
    const MenuItem kind = menu_item(t);
    with_digit += kind == MenuItem::kWithDigit;
    return kind != MenuItem::kNo;
  };
  while (i < text.size()) {
    std::size_t width = 0;
    if (text[i] == '|') {
      width = 1;
      ++pipes;
    } else if (text[i] == ' ' || text[i] == ']') {  // kSpacedSeparators' first bytes
      for (std::string_view s : kSpacedSeparators) {
        if (text.substr(i, s.size()) == s) {
          width = s.size();
          ++spaced;
          slashes += s == " / ";
          break;
        }
      }
    }
    if (width == 0) {
      ++i;
      continue;
    }
    if (!item(i)) return false;
    i += width;
    start = i;
  }
  // Without a separator the text is one item: never a row. A row cut short
  // ends in an ellipsis ("Home - News - Sport - ..."), which is no item.
  static_assert(kMenuMinItems > 1 && kMenuMinPipedItems > 1);
  const std::string_view last = trim_spaces(text.substr(start));
  const bool cut_short = last == "..." || last == "\xE2\x80\xA6";  // ... or …
  if (pipes + spaced == 0 || !(cut_short || item(text.size()))) return false;
  // A site's menu names a channel or a show now and then ("Consumer 7",
  // "5 On Your Side") among words; a shop's or a score's row is numbers.
  if (with_digit > 0 &&
      (items < kMenuMinItemsWithDigit || with_digit * kMenuDigitItemsDen > items)) {
    return false;
  }
  // A slash also joins two names in a title ("Kiefer / Van Gogh"): a row
  // of them is a menu only when long.
  if (slashes > 0 && items < kMenuMinSlashedItems) return false;
  return pipes > 0 ? items >= kMenuMinPipedItems && pipes + spaced >= 2 : items >= kMenuMinItems;
}

namespace {

// True if `text` has one of `words` (as for_each_slug_word reads it).
bool shares_word(std::string_view text, const std::unordered_set<std::string>& words) {
  bool shared = false;
  for_each_slug_word(text, [&](const std::string& w) { shared = shared || words.count(w) > 0; });
  return shared;
}

// A hash of a text's length and its first and last 16 bytes: texts that
// share all of these are compared in full (first_of_same_text), so a long
// paragraph costs no more to place than a short one.
std::size_t quick_hash(std::string_view text) {
  std::uint64_t w[4] = {0, 0, 0, 0};
  const std::size_t n = std::min<std::size_t>(text.size(), 16);
  std::memcpy(w, text.data(), n);
  std::memcpy(w + 2, text.data() + text.size() - n, n);
  std::uint64_t h = text.size() * 0x9E3779B97F4A7C15ULL;
  for (const std::uint64_t x : w) h = (h ^ x) * 0xFF51AFD7ED558CCDULL;
  return static_cast<std::size_t>(h ^ (h >> 32));
}

// For each block, the first block with the same text (itself, if none
// before it has): one hash of each text, in an open-addressed table.
std::vector<std::size_t> first_of_same_text(const std::vector<Block>& blocks) {
  std::size_t size = 16;
  while (size < blocks.size() * 2) size *= 2;
  constexpr std::size_t kEmpty = static_cast<std::size_t>(-1);
  std::vector<std::size_t> table(size, kEmpty);  // slot -> a block index
  std::vector<std::size_t> first(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string_view text = blocks[i].text;
    std::size_t slot = quick_hash(text) & (size - 1);
    while (table[slot] != kEmpty && blocks[table[slot]].text != text) slot = (slot + 1) & (size - 1);
    if (table[slot] == kEmpty) table[slot] = i;
    first[i] = table[slot];
  }
  return first;
}

}  // namespace

bool names_the_page(std::string_view text, const PageUrl& url) {
  if (!url.slug.empty() || url.name_words.empty()) return agrees_with_slug(text, url.slug);
  return shares_word(text, url.name_words);
}

bool agrees_with_slug(std::string_view text, const std::unordered_set<std::string>& slug) {
  if (slug.empty()) return true;
  std::size_t words = 0, found = 0;
  std::vector<const std::string*> covered;  // slug words the line has, each once
  for_each_slug_word(text, [&](const std::string& w) {
    ++words;
    const auto it = slug.find(w);
    if (it == slug.end()) return;
    ++found;
    if (std::find(covered.begin(), covered.end(), &*it) == covered.end()) covered.push_back(&*it);
  });
  return words == 0 || found * 2 >= words || found >= kSlugAgreeWords ||
         covered.size() * 2 >= slug.size();
}

Features::Features(const std::vector<Block>& blocks, const PageUrl& url, PageText page_text,
                   PageKind kind)
    : blocks_(blocks),
      duplicate_(blocks.size()),
      teaser_run_(blocks.size()),
      page_url_(blocks.size()),
      link_heavy_(blocks.size()),
      teaser_list_(blocks.size()),
      menu_row_(blocks.size()),
      menu_shape_(blocks.size()),
      page_chrome_(blocks.size()),
      glued_teasers_(blocks.size()),
      glued_copy_(blocks.size()),
      page_text_(page_text != PageText::kNo),
      chrome_words_(blocks.size()),
      story_prose_(has_story_prose(blocks)),
      url_(url) {
  if (page_text != PageText::kNo) {
    mark_page_chrome(blocks, page_text == PageText::kStated, &page_chrome_);
  }
  mark_teaser_list(blocks, &teaser_list_);
  const bool link_list = is_link_list(blocks);
  // On a page that does not say it is an article, a list of cards (a
  // headline and its summary) is the page's content too.
  std::vector<bool> cards(blocks.size());
  if (kind != PageKind::kArticle) mark_card_headlines(blocks, &cards);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    link_heavy_[i] = !link_list && !cards[i] && blocks[i].site_link_ratio > kLinkHeavyRatio;
  }
  // A row beside another with as many pipes is a table's: rows of a table
  // come in runs, of one width. Two menus one after the other (a site's
  // sections, then a section's pages) have items of their own number.
  // Counted only beside a menu row, the rare block: not a pass over every text.
  const auto pipes = [&](std::size_t j) {
    return static_cast<std::size_t>(std::count(blocks[j].text.begin(), blocks[j].text.end(), '|'));
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!is_menu_row(blocks[i].text)) continue;
    menu_shape_[i] = true;
    const std::size_t own = pipes(i);
    const auto same_row = [&](std::size_t j) { return j < blocks.size() && own > 0 && pipes(j) == own; };
    menu_row_[i] = !same_row(i + 1) && (i == 0 || !same_row(i - 1));
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    glued_teasers_[i] = is_glued_teaser_list(blocks[i]);
  }
  mark_glued_copies(blocks, &glued_copy_);
  for (std::size_t i = 0; i < blocks.size() && !url.url.empty(); ++i) {
    page_url_[i] = blocks[i].text == url.url;
  }
  // A block printed twice is a widget or a caption shown twice; one that
  // recurs three times or more is the page's own structure (a meal plan,
  // an interview's questions), so it is not a duplicate.
  const std::vector<std::size_t> first = first_of_same_text(blocks);
  std::vector<int> count(blocks.size());  // by the first block of each text
  for (std::size_t i = 0; i < blocks.size(); ++i) ++count[first[i]];
  // Many lines printed twice are a table of contents and its headings.
  const auto pairs = static_cast<std::size_t>(std::count(count.begin(), count.end(), 2));
  for (std::size_t i = 0; i < blocks.size() && pairs < kDuplicateMaxPairs; ++i) {
    duplicate_[i] = first[i] != i && count[first[i]] == 2;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= blocks.size(); ++i) {
    const bool teaser = i < blocks.size() && !blocks[i].ends_sentence &&
                        blocks[i].words <= kTeaserMaxWords;
    if (teaser) continue;
    if (i - start >= kTeaserRunLength) {
      std::fill(teaser_run_.begin() + start, teaser_run_.begin() + i, true);
    }
    start = i + 1;
  }
  echo_ = blocks.size() >= kEchoMinCopies &&
          std::all_of(blocks.begin() + 1, blocks.end(),
                      [&](const Block& b) { return b.text == blocks[0].text; });
  const auto lacks = [](Feature f, bool has) {
    return has ? 0u : 1u << static_cast<int>(f);
  };
  lacking_.resize(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    lacking_[i] = lacks(Feature::kDuplicate, duplicate_[i]) |
                  lacks(Feature::kTeaserRun, teaser_run_[i]) |
                  lacks(Feature::kPageUrl, page_url_[i]) |
                  lacks(Feature::kLinkHeavy, link_heavy_[i]) |
                  lacks(Feature::kTeaserList, teaser_list_[i]) |
                  lacks(Feature::kMenuRow, menu_row_[i]) |
                  lacks(Feature::kPageChrome, page_chrome_[i]) |
                  lacks(Feature::kPageText, page_text_) |
                  lacks(Feature::kEcho, echo_) |
                  lacks(Feature::kGluedTeasers, glued_teasers_[i]) |
                  lacks(Feature::kGluedCopy, glued_copy_[i]);
  }
}

bool Features::chrome_words(std::size_t i) const {
  // The model reads an extractor's lines beside a story: in a document
  // without a story's prose (has_story_prose) it does not hold, nor on
  // whole-page text (the page's chrome rules read its hundreds of menu
  // lines, at a fraction of the model's cost), and it is not scored.
  if (!story_prose_ || page_text_) return false;
  if (chrome_words_[i] == 0) {
    chrome_words_[i] = chrome_words_score(blocks_[i].text) >= kChromeWordsMin ? 2 : 1;
  }
  return chrome_words_[i] == 2;
}

bool Features::url_title(std::size_t i) const {
  if (url_.home_page) return false;
  // Without a URL that names the page, a masthead (the site's name, "Skip
  // to content") or a menu often comes before the headline. A menu's row is
  // no title; a short line is the title only when no longer line that
  // starts like a headline follows it closely, before the story's prose:
  // not a sentence, a menu's row, nor a label's line ("Posted: Jul 19th
  // 2011 2:35PM").
  if (url_.slug.empty() && url_.name_words.empty()) {
    if (menu_shape_[i]) return false;
    if (blocks_[i].words < kTitleMinWordsWithoutUrl) {
      const std::size_t end = std::min(blocks_.size(), i + 1 + kTitleLookahead);
      for (std::size_t j = i + 1; j < end && !blocks_[j].prose; ++j) {
        const Block& b = blocks_[j];
        const std::size_t space = b.text.find(' ');
        const bool label = space != std::string::npos && space > 0 && b.text[space - 1] == ':';
        if (b.words >= kTitleMinWordsWithoutUrl && !b.ends_sentence && !label &&
            starts_like_headline(b.text) && !menu_shape_[j]) {
          return false;
        }
      }
    }
  }
  return names_the_page(blocks_[i].text, url_);
}

}  // namespace newsclean
