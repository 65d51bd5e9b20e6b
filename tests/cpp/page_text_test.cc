// Whole-page text on its own: telling a page from an extractor's output, and
// which of its lines are chrome.
#include "engine/page_text.h"

#include "core/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace newsclean {
namespace {

std::vector<Block> blocks_of(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  for (const auto& l : lines) blocks.push_back(make_block(l));
  return blocks;
}

// The lines of `lines` that mark_page_chrome leaves.
std::vector<std::string> kept(const std::vector<std::string>& lines, bool everywhere) {
  const std::vector<Block> blocks = blocks_of(lines);
  std::vector<bool> marks(blocks.size());
  mark_page_chrome(blocks, everywhere, &marks);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!marks[i]) out.push_back(lines[i]);
  }
  return out;
}

const std::string kStory[] = {
    "The council said on Tuesday that the new footbridge would open to cyclists in spring.",
    "The project, paid for by the region and the city, ran over budget after the contractor "
    "found old mine shafts.",
    "Riders will be able to cross the river without the ring road, which cuts the journey "
    "by ten minutes.",
    "Local shops along the quay expect more trade once the bridge opens, the chamber said.",
};

// A menu's i-th entry: words only ("Section c", "Section bd").
std::string entry(int i) {
  std::string name;
  do {
    name.insert(name.begin(), static_cast<char>('a' + i % 26));
    i /= 26;
  } while (i > 0);
  return "Section " + name;
}

std::vector<std::string> menu(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(entry(i));
  return out;
}

void append(std::vector<std::string>* to, const std::vector<std::string>& more) {
  to->insert(to->end(), more.begin(), more.end());
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

TEST(PageChrome, AListOfTheStoryBetweenItsParagraphsStays) {
  std::vector<std::string> page = menu(12);
  append(&page, {kStory[0], kStory[1], "What the bridge brings to the town",
                 "Two new lanes for bikes along the river", "A car park for two hundred bikes",
                 "Lighting on the whole length of the deck", "A lift at the station end",
                 "Benches and shade at the midpoint", kStory[2], kStory[3]});
  append(&page, menu(12));
  for (const bool everywhere : {true, false}) {
    const auto k = kept(page, everywhere);
    EXPECT_TRUE(has(k, "A lift at the station end")) << everywhere;
    EXPECT_TRUE(has(k, "What the bridge brings to the town")) << everywhere;
    EXPECT_FALSE(has(k, entry(3))) << everywhere;
    EXPECT_FALSE(has(k, entry(20))) << everywhere;
  }
}

TEST(PageChrome, AMenuBetweenParagraphsGoesOnlyWhenTheCallerSaysPage) {
  std::vector<std::string> page = {kStory[0], kStory[1]};
  append(&page, menu(6));  // one or two words a line: not the story's list
  append(&page, {kStory[2], kStory[3]});
  EXPECT_FALSE(has(kept(page, true), entry(3)));
  // A guessed page keeps what lies between its prose: a list may be content.
  EXPECT_TRUE(has(kept(page, false), entry(3)));
}

TEST(PageChrome, ProseFarFromTheStoryIsNotTheStory) {
  std::vector<std::string> page = menu(10);
  for (int i = 0; i < 3; ++i) append(&page, {kStory[0], kStory[1], kStory[2], kStory[3]});
  append(&page, menu(12));
  const std::string notice = "We use cookies to improve your experience on our site.";
  page.push_back(notice);
  append(&page, menu(4));
  for (const bool everywhere : {true, false}) {
    const auto k = kept(page, everywhere);
    EXPECT_FALSE(has(k, notice)) << everywhere;
    EXPECT_TRUE(has(k, kStory[3])) << everywhere;
  }
  // Two stories of like length on one page: both stay.
  std::vector<std::string> two = menu(10);
  append(&two, {kStory[0], kStory[1]});
  append(&two, menu(12));
  append(&two, {kStory[2], kStory[3]});
  const auto k = kept(two, true);
  EXPECT_TRUE(has(k, kStory[0]));
  EXPECT_TRUE(has(k, kStory[3]));
}

TEST(PageChrome, HardWrappedProseIsProse) {
  // A paragraph cut at a fixed width: its lines do not end a sentence, the
  // next one goes on in lower case; it stays whole.
  const std::vector<std::string> wrapped = {
      "The bridge was first planned twenty years ago, when the old ferry across",
      "the river stopped running and the town had to find a way for walkers and",
      "cyclists to reach the station without the long detour over the ring road",
      "that most of them had come to hate, and the council asked the region for",
      "money that it did not have at the time, so the plans were put in a drawer",
      "and left there until a new mayor found them and took them to the region",
      "again with a smaller design, a lighter deck and a lift at the station end",
      "which the engineers said could be built in two summers if the money came",
      "in time and the river was low enough in the dry months to work on the piers",
      "and the banks, which it was, and so the work began in the spring.",
  };
  std::vector<std::string> page = menu(12);
  append(&page, {kStory[0], kStory[1]});
  append(&page, wrapped);
  append(&page, menu(12));
  for (const bool everywhere : {true, false}) {
    const auto k = kept(page, everywhere);
    for (const auto& line : wrapped) EXPECT_TRUE(has(k, line)) << everywhere << ": " << line;
    EXPECT_FALSE(has(k, entry(3))) << everywhere;
  }
  // A menu in lower case is not a wrapped paragraph: its entries are short.
  std::vector<std::string> lower = {"home", "news and views", "sport", "the weather today"};
  std::vector<std::string> page2 = menu(12);
  append(&page2, lower);
  append(&page2, {kStory[0], kStory[1], kStory[2], kStory[3]});
  append(&page2, menu(12));
  EXPECT_FALSE(has(kept(page2, true), "news and views"));
}

TEST(PageShape, AMenuAroundProseIsAPage) {
  std::vector<std::string> page = menu(12);
  append(&page, {kStory[0], kStory[1], kStory[2], kStory[3]});
  append(&page, menu(15));
  EXPECT_TRUE(looks_like_page_text(blocks_of(page)));
}

TEST(PageShape, AShortStoryInALargePageIsAPage) {
  // Under a fifth of the text is prose, but the menu runs are long.
  std::vector<std::string> page = menu(60);
  append(&page, {kStory[0], kStory[1], kStory[2]});
  append(&page, menu(60));
  EXPECT_TRUE(looks_like_page_text(blocks_of(page)));
}

TEST(PageShape, ThinProseAsksForALongerMenuRun) {
  // As little prose, the short lines in runs of 12 (a listing's entries
  // under their headings): not enough to call it a page (with more prose,
  // AMenuAroundProseIsAPage, a run of 12 is).
  std::vector<std::string> listing;
  for (int i = 0; i < 10; ++i) {
    append(&listing, menu(12));
    listing.push_back("Offers in the city and the region this week");
  }
  append(&listing, {kStory[0], kStory[1], kStory[2]});
  append(&listing, menu(12));
  EXPECT_FALSE(looks_like_page_text(blocks_of(listing)));
}

TEST(PageShape, AnExtractorsOutputIsNotAPage) {
  // A story with a long list in it: lines around the prose are too few.
  std::vector<std::string> story = {kStory[0], kStory[1]};
  append(&story, menu(28));
  append(&story, {kStory[2], kStory[3]});
  EXPECT_FALSE(looks_like_page_text(blocks_of(story)));
  // A listing: a run of short lines, and too little prose to tell them from.
  std::vector<std::string> listing = menu(40);
  listing.push_back(kStory[0]);
  append(&listing, menu(10));
  EXPECT_FALSE(looks_like_page_text(blocks_of(listing)));
  // Code and a table of specifications around the prose: short lines that
  // are not a sentence, but hold digits and code or table punctuation.
  std::vector<std::string> manual = {kStory[0], "const request = new Request(url, {",
                                     "method: \"POST\",", "});", "post(request);", "}"};
  for (int i = 0; i < 12; ++i) manual.push_back("| Storage | " + std::to_string(i + 2) + " GB |");
  append(&manual, {kStory[1], kStory[2], kStory[3]});
  for (int i = 0; i < 12; ++i) manual.push_back("Memory: " + std::to_string(i + 4) + " GB");
  EXPECT_FALSE(looks_like_page_text(blocks_of(manual)));
  // The same story between menus of words is a page.
  std::vector<std::string> page = menu(12);
  append(&page, {kStory[0], kStory[1], kStory[2], kStory[3]});
  for (int i = 0; i < 14; ++i) page.push_back("Storage " + std::to_string(i + 2) + " GB");
  EXPECT_TRUE(looks_like_page_text(blocks_of(page)));
  // Too short to tell.
  std::vector<std::string> short_page = menu(8);
  append(&short_page, {kStory[0], kStory[1], kStory[2]});
  append(&short_page, menu(8));
  EXPECT_FALSE(looks_like_page_text(blocks_of(short_page)));
}

TEST(PageShape, TableRowsOfOneCellAreNoMenu) {
  // An extractor writes a layout table's rows as "| cell |"; the text
  // document reads each row as its cell, but the guess reads the row as
  // written: a page's text has no such rows.
  std::vector<std::string> lines;
  for (int i = 0; i < 12; ++i) lines.push_back("| " + entry(i) + " |");
  append(&lines, {kStory[0], kStory[1], kStory[2], kStory[3]});
  for (int i = 0; i < 14; ++i) lines.push_back("| " + entry(i + 20) + " |");
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  const Document doc = text_document(text);
  ASSERT_EQ(doc.blocks.size(), lines.size());
  EXPECT_EQ(doc.blocks[0].text, entry(0));  // read as its cell
  EXPECT_FALSE(looks_like_page_text(doc.blocks));
  // The same entries not in a table are a page's menus.
  std::vector<Block> bare;
  for (const Block& b : doc.blocks) bare.push_back(make_block(b.text));
  EXPECT_TRUE(looks_like_page_text(bare));
}

TEST(PageShape, AnExtractorsOutputThatOpensWithItsStoryIsNotAPage) {
  // A shop's or a guide's extract: the story first, then the lines an
  // extractor keeps with it (features, cards with their labels, a list of
  // ingredients), short non-sentences in long runs.
  std::vector<std::string> extract = {kStory[0], kStory[1], kStory[2], kStory[3]};
  append(&extract, {"Light frame of recycled steel", "Folds in one move", "Puncture proof tyres",
                    "Lamp front and back", "Rack for two bags", "Bell and kickstand",
                    "Made in the valley", "Three colours to choose from"});
  for (int i = 0; i < 6; ++i) {
    append(&extract, {"Route " + entry(i), "Length", std::to_string(i + 3) + " km", "Level",
                      "Easy", "Ride it"});
  }
  append(&extract, {"Flour for the batter", "Butter or margarine", "Mandarins, peeled",
                    "Sugar to taste", "A pinch of salt", "Cream to serve"});
  EXPECT_FALSE(looks_like_page_text(blocks_of(extract)));
  // The same lines after a site's menu are a page.
  std::vector<std::string> page = menu(8);
  append(&page, extract);
  EXPECT_TRUE(looks_like_page_text(blocks_of(page)));
}

TEST(PageShape, AStoryFarDownAPageWithALongMenuIsAPage) {
  // The head is teasers with their times (not menu entries), the menu comes
  // after the story; the story starts far down: a page.
  std::vector<std::string> page;
  for (int i = 0; i < 22; ++i) page.push_back("Teaser " + entry(i) + " " + std::to_string(i) + ":00");
  append(&page, {kStory[0], kStory[1], kStory[2], kStory[3]});
  append(&page, menu(14));
  EXPECT_TRUE(looks_like_page_text(blocks_of(page)));
  // The same story at the top, with the menu after it: an extract and its
  // list.
  std::vector<std::string> extract = {kStory[0], kStory[1], kStory[2], kStory[3]};
  append(&extract, menu(14));
  for (int i = 0; i < 22; ++i) {
    extract.push_back("Teaser " + entry(i) + " " + std::to_string(i) + ":00");
  }
  EXPECT_FALSE(looks_like_page_text(blocks_of(extract)));
}

TEST(PageShape, AnExtractorsOutputWithAShortMenuLikeHeadIsNotAPage) {
  // A shop's extract: its title (twice, as heading and label), a line of
  // description, a short run of feature names (menu-like: words only, no
  // sentence), then the story and its specifications. The run is too short
  // for a site's menu; the lines around the prose are the content.
  std::vector<std::string> extract = {"Folding Bike Seven", "Folding Bike Seven",
                                      "A light bike that folds in one move and fits under a desk."};
  append(&extract, {"Light frame", "Folds in one move", "Puncture proof tyres", "Lamp front and back",
                    "Rack for bags", "Bell and kickstand", "Three colours"});
  append(&extract, {kStory[0], kStory[1], kStory[2], kStory[3]});
  for (int i = 0; i < 16; ++i) extract.push_back("Weight class " + std::to_string(i + 1) + ": 12 kg");
  ASSERT_GE(extract.size(), 30u);
  EXPECT_FALSE(looks_like_page_text(blocks_of(extract)));
  // The same extract inside a site's whole page (its menu on top, its
  // footer's links below) is a page, and its menus go.
  std::vector<std::string> page = menu(14);
  append(&page, extract);
  append(&page, menu(12));
  EXPECT_TRUE(looks_like_page_text(blocks_of(page)));
  const auto k = kept(page, false);
  EXPECT_FALSE(has(k, entry(2)));
  EXPECT_TRUE(has(k, kStory[0]));
  EXPECT_TRUE(has(k, kStory[3]));
}

}  // namespace
}  // namespace newsclean
