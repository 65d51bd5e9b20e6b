// Block features on their own: URL slugs, menu rows, teaser lists and the
// story's shape.
#include "engine/features.h"

#include "core/page_url.h"
#include "core/text.h"
#include "engine/block_runs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace newsclean {
namespace {

// The teaser-list marks of a document of these lines.
std::vector<bool> teaser_marks(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  for (const auto& l : lines) blocks.push_back(make_block(l));
  std::vector<bool> marks(blocks.size());
  mark_teaser_list(blocks, &marks);
  return marks;
}

TEST(Slug, WordsComeFromHyphenatedSegments) {
  const auto words = PageUrl("https://www.example.com/2019/11/court-rules-on-copyright/?a=b").slug;
  EXPECT_EQ(words, (std::unordered_set<std::string>{"cour", "rule", "copy"}));
  // Sections, numbers and ids are not slugs.
  EXPECT_TRUE(PageUrl("https://www.bbc.com/news/world-europe-50473792").slug.empty());
  EXPECT_TRUE(PageUrl("https://example.com").slug.empty());
  EXPECT_TRUE(PageUrl("").slug.empty());
}

TEST(Slug, HeadlineAgreesAndOtherLinesDoNot) {
  const auto slug = PageUrl("https://news.example/prison-guards-arrested-epstein-check/").slug;
  EXPECT_TRUE(agrees_with_slug("Two prison guards arrested over Epstein checks", slug));
  EXPECT_FALSE(agrees_with_slug("What the numbers say about the weather", slug));
  // Nothing to compare: no slug, or no Latin word.
  EXPECT_TRUE(agrees_with_slug("What the numbers say", {}));
  EXPECT_TRUE(agrees_with_slug("검찰, 수사 착수", slug));
}

TEST(Slug, HomePagesHaveNoHeadline) {
  EXPECT_TRUE(is_home_page("https://www.example.com"));
  EXPECT_TRUE(is_home_page("https://www.example.com/"));
  EXPECT_TRUE(is_home_page("https://www.example.com/?utm_source=x&srsltid=AfmB0#top"));
  EXPECT_FALSE(is_home_page("https://www.example.com/news/"));
  EXPECT_FALSE(is_home_page("https://www.example.com/?p=123"));  // a WordPress post
  EXPECT_FALSE(is_home_page(""));  // no URL: nothing known
}

TEST(Slug, ForumSoftwareAddresses) {
  EXPECT_TRUE(is_forum_url("https://forum.example.org/some-page"));
  EXPECT_TRUE(is_forum_url("https://Community.example.com/x"));
  EXPECT_TRUE(is_forum_url("https://www.example.com/viewtopic.php?f=2&t=31"));
  EXPECT_TRUE(is_forum_url("https://www.example.com/threads/chain-skips.4411/"));
  EXPECT_TRUE(is_forum_url("https://www.example.com/t/chain-skips-after-replacement/4411"));
  EXPECT_TRUE(is_forum_url("https://qa.example.com/questions/4411/why-does-it-skip"));
  EXPECT_TRUE(is_forum_url("https://www.example.com/index.php?topic=4411.0"));
  // A news site's topic pages, tags and stories are not threads.
  EXPECT_FALSE(is_forum_url("https://news.example.com/topic/cloud/"));
  EXPECT_FALSE(is_forum_url("https://news.example.com/t/cloud/"));
  EXPECT_FALSE(is_forum_url("https://news.example.com/2024/05/forum-on-housing-draws-crowd"));
  EXPECT_FALSE(is_forum_url("https://news.example.com/questions/what-we-know"));
  EXPECT_FALSE(is_forum_url("https://news.example.com/story?stopic=4"));
  EXPECT_FALSE(is_forum_url(""));
}

TEST(Slug, PathsThatNameThePageInWords) {
  EXPECT_EQ(PageUrl("https://www.example.com/en/services/quality-assurance/?x=1").name_words,
            (std::unordered_set<std::string>{"serv", "qual", "assu"}));
  // A slug, an article number or no path: nothing to name the page.
  EXPECT_TRUE(PageUrl("https://news.example/prison-guards-arrested-epstein-check/").name_words.empty());
  EXPECT_TRUE(PageUrl("https://www.bbc.com/news/world-europe-50473792").name_words.empty());
  EXPECT_TRUE(PageUrl("https://www.example.com/").name_words.empty());
  EXPECT_TRUE(PageUrl("").name_words.empty());
}

TEST(MenuRow, ARowCutShortByAnEllipsisIsStillARow) {
  EXPECT_TRUE(is_menu_row("Home - Weather - News - Evening Show - Sport - ..."));
  EXPECT_TRUE(is_menu_row("Home \xE2\x80\xA2 Weather \xE2\x80\xA2 News \xE2\x80\xA2 \xE2\x80\xA6"));
  // The ellipsis is no item: two items and a cut are not a row of three.
  EXPECT_FALSE(is_menu_row("Home - Weather - ..."));
  // A sentence that trails off stays a sentence.
  EXPECT_FALSE(is_menu_row("The ferry - and the bridge - and then ..."));
}

// Each separator counts, whichever comes first in the row; a hyphen or a
// quote mark after a space is none.
TEST(MenuRow, EverySeparatorCountsAndNothingElse) {
  EXPECT_TRUE(is_menu_row("Home | News | Sport"));
  EXPECT_TRUE(is_menu_row("Home \xE2\x80\x93 News \xE2\x80\x93 Sport"));  // –
  EXPECT_TRUE(is_menu_row("Home \xC2\xB7 News \xC2\xB7 Sport"));            // ·
  EXPECT_TRUE(is_menu_row("Home \xC2\xA6 News \xC2\xA6 Sport"));            // ¦
  EXPECT_TRUE(is_menu_row("[Home] [Local] [Golf] [Obituaries]"));
  EXPECT_TRUE(is_menu_row("[ E-mail this story ] [ Print ] [ Comments (3) ]"));
  EXPECT_FALSE(is_menu_row("[Home] [Local] the rest of the line"));
  EXPECT_FALSE(is_menu_row("[1] [2] [3]"));
  EXPECT_FALSE(is_menu_row("He said [the mayor] [sic] was wrong."));
  EXPECT_TRUE(is_menu_row("Home \xE2\x80\x9CNews\xE2\x80\x9D - Sport - Weather"));
  EXPECT_TRUE(is_menu_row("Home -News - Sport - Weather"));
  EXPECT_FALSE(is_menu_row("Home \xE2\x80\x9CNews\xE2\x80\x9D Sport -Weather"));
  EXPECT_FALSE(is_menu_row("Home -News -Sport \xE2\x80\x93Weather \xC2\xB7Travel"));
}

// Stars and double colons separate items too, and a row may open with its
// label; a label with a digit is a sentence's start, not a row's.
TEST(MenuRow, StarsColonsAndALabel) {
  EXPECT_TRUE(is_menu_row("News * Sport * Business * Travel"));
  EXPECT_TRUE(is_menu_row("Home :: Local :: Courts"));
  EXPECT_TRUE(is_menu_row("Sections: News | Sport | Business"));
  EXPECT_FALSE(is_menu_row("Score: Rovers 2 - 1 United"));
  EXPECT_FALSE(is_menu_row("Note 2: News | Sport | Business"));
  EXPECT_FALSE(is_menu_row("2 * 3 * 4"));
}

// An apostrophe inside a word, a brand's small letter before a capital and a
// label of a few words are a menu's too; a quote's marks, a digit and a
// clause before a colon are not.
TEST(MenuRow, ApostrophesBrandsAndLongerLabels) {
  EXPECT_TRUE(is_menu_row("Death Notices | Church Notes | What's On | Lost & Found"));
  EXPECT_TRUE(is_menu_row("News \xC2\xB7 Sports \xC2\xB7 Obituaries \xC2\xB7 ePaper"));
  EXPECT_TRUE(is_menu_row("Also in this section: Court News | Letters | Nostalgia"));
  EXPECT_FALSE(is_menu_row("'News' | 'Sport' | 'Weather'"));
  EXPECT_FALSE(is_menu_row("News | Sport' | Weather"));
  EXPECT_FALSE(is_menu_row("Maven 65 Pack - Closeout - Women's"));
  EXPECT_FALSE(is_menu_row("The mayor told them this: News | Sport | Weather"));
  EXPECT_FALSE(is_menu_row("e - News - Sport"));
}

// A long menu may name a channel or a show with a digit among its words; a
// row of numbered things (a shop's packs, a recipe's values) is no menu,
// nor is a short row with one such item.
TEST(MenuRow, AFewItemsOfALongRowMayHaveADigit) {
  EXPECT_TRUE(is_menu_row("News | Weather | Sports | Traffic | Health | Consumer 7 | Video"));
  EXPECT_TRUE(is_menu_row(
      "Watch Live \xC2\xB7 Weather \xC2\xB7 Traffic \xC2\xB7 Sports \xC2\xB7 5 On Your Side"));
  EXPECT_FALSE(is_menu_row("Calories 120 | Protein 3 g | Fat 2 g | Carbs 20 g | Fiber 1 g"));
  EXPECT_FALSE(is_menu_row("Home | News | Sport 24 | Weather"));
  EXPECT_FALSE(is_menu_row("News | Sport 24 | Weather 7 | Traffic | Health"));
}

// A slash separates a long row's items; two or three names joined by
// slashes are a title's ("Kiefer / Van Gogh - Royal Academy").
TEST(MenuRow, SlashesSeparateALongRowOnly) {
  EXPECT_TRUE(is_menu_row("Nacional / Econom\xC3\xADa / Internacional / Sociedad / Cultura"));
  EXPECT_TRUE(is_menu_row("News / Sport / Business / Travel"));
  EXPECT_FALSE(is_menu_row("Kiefer / Van Gogh - Royal Academy"));
  EXPECT_FALSE(is_menu_row("Cooking / On Sale / Outdoor Gear"));
  EXPECT_FALSE(is_menu_row("Home / News / the rest of the line / Sport"));
}

// A story in a layout table's row ("| story ... | sidebar |") ends in a bar,
// not a sentence: it is no prose block, yet the document is a story. A long
// row without sentences, or a long line that is no row with three sentences
// in 200 words, is not.
TEST(StoryShape, AStoryInALayoutTableRowIsAStory) {
  std::string story = "| ";
  for (int i = 0; i < 16; ++i) story += "The council met on Tuesday to vote on the plan for the new bridge. ";
  const std::vector<Block> row = {make_block(story + "| Local Links Ferry fares rise |"),
                                  make_block("| Today's Poll |")};
  EXPECT_FALSE(row[0].prose);
  EXPECT_TRUE(is_story(row));
  std::string cells = "| ";
  for (int i = 0; i < 40; ++i) cells += "Ferry " + std::to_string(i) + " | ";
  EXPECT_FALSE(is_story({make_block(cells), make_block("| Today's Poll |")}));
  std::string sparse;
  for (int i = 0; i < 16; ++i) sparse += "Ferry Dock Harbor Quay Pier Tide Boat Crew Sail Port Deck ";
  EXPECT_FALSE(is_story({make_block(sparse + story.substr(2, 204) + "Recommend this story"),
                         make_block("| Today's Poll |")}));
}

// What follows a story's last paragraph (lists of other stories, markets,
// footers) does not count against it, however long; short lines between its
// paragraphs (a product's specifications around its description) do.
TEST(StoryShape, WhatFollowsTheLastParagraphDoesNotCount) {
  const std::string paragraph =
      "The council met on Tuesday to vote on the plan for the new bridge over the river.";
  std::vector<Block> story = {make_block(paragraph), make_block(paragraph), make_block(paragraph)};
  for (int i = 0; i < 12; ++i) {
    story.push_back(make_block("Iron ore slides below $70 as steel output eases " +
                               std::to_string(i) + " hrs ago"));
  }
  EXPECT_TRUE(is_story(story));
  std::vector<Block> product;
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 5; ++j) product.push_back(make_block("Weight: 1.2 kg, steel frame, 3 gears"));
    product.push_back(make_block(paragraph));
  }
  EXPECT_FALSE(is_story(product));
}

// An extractor may join a story's paragraphs into one line: a prose block
// of many sentences holds several paragraphs. One long sentence, or a
// paragraph of two, is one.
TEST(StoryShape, AStoryJoinedIntoOneLineIsAStory) {
  std::string story;
  for (int i = 0; i < 16; ++i) {
    story += "The council met on Tuesday to vote on the plan for the bridge. ";
  }
  story.pop_back();
  const std::vector<Block> joined = {make_block(story), make_block("Ferry fares rise - 19/03")};
  EXPECT_TRUE(joined[0].prose);
  EXPECT_TRUE(has_story_prose(joined));
  EXPECT_TRUE(is_story(joined));
  std::string long_sentence = "The council met on Tuesday";
  for (int i = 0; i < 30; ++i) long_sentence += " and on Wednesday";
  long_sentence += ".";
  EXPECT_FALSE(has_story_prose({make_block(long_sentence)}));
  EXPECT_FALSE(has_story_prose({make_block(long_sentence + " " + long_sentence)}));
}

TEST(StoryShape, AStoryGluedToTheListAfterItIsAStory) {
  // An extractor that drops a table cell's <br>s runs the story's paragraphs
  // and the box after it into one line, which ends in the box's last item.
  std::string glued = "Fire crews return to the harbor By Jane Miller";
  for (int i = 0; i < 16; ++i) {
    glued += "The council met on Tuesday to vote on the plan for the bridge. The mayor spoke first.";
  }
  glued += "Most E-mailed- Board approves raises for bus drivers- County fair attendance up";
  const Block b = make_block(glued);
  EXPECT_FALSE(b.prose);
  EXPECT_TRUE(has_story_prose({b}));
  // Initials and abbreviations are no sentences: a works list stays no story.
  std::string works = "Title Year Technique";
  for (int i = 0; i < 20; ++i) works += " ROSSI M. Etching Rem. 1912 Nr. 4 BIANCHI A. Woodcut";
  EXPECT_FALSE(has_story_prose({make_block(works)}));
}

// A box of other stories that lost its line breaks: three headlines, each
// with its stamp. A headline of two words, a version number or a sentence
// in the line, and it is no such list.
TEST(GluedTeasers, ThreeStampedHeadlinesOnOneLine) {
  EXPECT_TRUE(is_glued_teaser_list(make_block(
      "More news Ferry fares to rise (3/17/2008)School board picks new chief - 3/16/2008 "
      "Man charged in store holdup | 2 hours ago")));
  EXPECT_FALSE(is_glued_teaser_list(make_block(
      "More news Ferry fares rise (3/17/2008)Board picks - 3/16/2008 Man charged - 3/15/2008")));
  EXPECT_FALSE(is_glued_teaser_list(make_block(
      "Release notes for the harbour app - 1.2.10-1 and the tide tables - 2.10.12-4 and maps - "
      "3.1.11-2")));
  EXPECT_FALSE(is_glued_teaser_list(make_block(
      "Ferry fares to rise - 3/17/2008 after the vote. The board met on Tuesday - 3/16/2008 and "
      "on Friday - 3/15/2008")));
}

// The copy of a long block that a row joining cells with " | " holds goes,
// before or after the row; the row stays, and so do short copies and
// blocks that no such row holds.
TEST(GluedCopy, ALongBlockARowHoldsAgain) {
  const std::string story =
      "The council voted on Tuesday to raise ferry fares by ten percent from May, and the harbour "
      "master said the money would pay for a new landing stage.";
  const std::string row = "Ferry fares rise | " + story + " | Print | Email";
  std::vector<bool> marks(4);
  mark_glued_copies({make_block(story), make_block(row), make_block(story),
                     make_block("Print | Email")},
                    &marks);
  EXPECT_EQ(marks, (std::vector<bool>{true, false, true, false}));
  std::vector<bool> unmarked(2);
  mark_glued_copies({make_block(story + " It was the first rise in years."), make_block(story)},
                    &unmarked);
  EXPECT_EQ(unmarked, (std::vector<bool>{false, false}));
}

TEST(TeaserList, HeadlinesWithSummariesAfterNonProse) {
  const auto marks = teaser_marks({
      "The council approved the new budget for schools and roads on Tuesday night.",
      "The plan adds forty teachers and repairs twelve bridges over the next three years.",
      "Opposition members said the tax rise that pays for it would hurt small businesses.",
      "The mayor said the vote was the most important of her first term in office.",
      "Most popular",
      "Man rescued from flooded river",
      "Firefighters pulled him out after two hours in the water on Sunday.",
      "New bridge opens to traffic",
      "The crossing cuts the trip to the airport by twenty minutes.",
      "School wins national award",
      "Pupils built a solar car that won the national final in May.",
  });
  // The list's heading ("Most popular") goes with it.
  EXPECT_EQ(marks, (std::vector<bool>{false, false, false, false, true, true, true, true, true,
                                       true, true}));
}

TEST(TeaserList, SubheadedSectionsThatContinueTheStoryStay) {
  // Subheadings with one short paragraph each, straight after the story's
  // prose: no separators, and the run follows prose.
  const auto marks = teaser_marks({
      "The council approved the new budget for schools and roads on Tuesday night.",
      "What happens next",
      "The plan goes to the regional assembly for a final vote in March.",
      "Who pays for it",
      "A tax rise of two percent covers most of the cost, officials said.",
      "What critics say",
      "Opposition members said small businesses would bear the burden.",
  });
  EXPECT_EQ(marks, std::vector<bool>(marks.size(), false));
}

TEST(TeaserList, AParagraphUnderAHeadingIsNoSummary) {
  // A teaser's summary is a sentence or two; three sentences under a
  // heading are the story's own section, though the last ends in a link.
  const auto document = [](const std::string& summary) {
    std::vector<std::string> lines = {
        "The council approved the new budget for schools and roads on Tuesday night.",
        "The plan adds forty teachers and repairs twelve bridges over the next three years.",
        "Opposition members said the tax rise that pays for it would hurt small businesses.",
        "The mayor said the vote was the most important of her first term in office.",
        "A public debate on the plan is held in the town hall on Friday evening at seven.",
        "Residents may put questions to the mayor and to the leaders of every party there.",
        "Practical details",
    };
    for (const char* heading : {"Stream and sign-up", "Venue and travel", "Food and drink"}) {
      lines.push_back(heading);
      lines.push_back(summary);
    }
    return lines;
  };
  const auto paragraphs = document(
      "The debate is streamed. Seats in the hall are free. Everything else, from travel to "
      "food, is on the foundation's pages at foundation.example/debate");
  EXPECT_EQ(teaser_marks(paragraphs), std::vector<bool>(paragraphs.size(), false));
  // Under the same headings, one sentence each: a list of other stories.
  const auto summaries = document("The debate is streamed from the town hall on Friday.");
  const auto marks = teaser_marks(summaries);
  EXPECT_EQ(std::count(marks.begin(), marks.end(), true), 7);
}

TEST(TeaserList, ListingPagesKeepTheirList) {
  // The list is most of the page: it is the content.
  const auto marks = teaser_marks({"Latest news", "-", "Man rescued from flooded river", "-",
                                 "New bridge opens to traffic", "-", "School wins national award"});
  EXPECT_EQ(marks, std::vector<bool>(marks.size(), false));
}

TEST(TeaserList, AnIndexOfCutOffExcerptsIsNotAStory) {
  // Headlines with excerpts that a teaser box cut off ("..."), some of the
  // headlines cut too: an index page, whole, even though it is all the text.
  const auto marks = teaser_marks({
      "Deals",
      "Headphones already discounted, grab a pair for only $199.50",
      "The maker launched the new headphones for $230 last month, but surprisingly it is already "
      "possible to grab a pair at a considerable discount. The headphones feature noise cancellat...",
      "Big tablet discount available even before the launch next week",
      "The company announced a slew of devices in September, and one of the most popular is likely "
      "to be the new tablet, for which ...",
      "Build your own laptop bundle plus a pair of wireless he...",
      "Starting from $440, you can build a bundle with a laptop, a keyboard and a pair of wireless "
      "headphones for the whole family to share at home \u2026",
  });
  EXPECT_EQ(marks, std::vector<bool>(marks.size(), true));
}

// The story's four paragraphs, then `tail`.
std::vector<bool> after_story(const std::vector<std::string>& tail) {
  std::vector<std::string> doc = {
      "The council approved the new budget for schools and roads on Tuesday night.",
      "The plan adds forty teachers and repairs twelve bridges over the next three years.",
      "Opposition members said the tax rise that pays for it would hurt small businesses.",
      "The mayor said the vote was the most important of her first term in office.",
  };
  doc.insert(doc.end(), tail.begin(), tail.end());
  return teaser_marks(doc);
}

TEST(TeaserList, HeadlinesWithAStampUnderEachAfterTheStory) {
  const auto marks = after_story({
      "Man rescued from flooded river", "Nov 20, 2019",
      "New bridge opens to traffic", "11/19/2019 01:14 PM",
      "School wins national award", "Mi, 18.11.2019 - 9:39 Uhr",
  });
  EXPECT_EQ(marks, (std::vector<bool>{false, false, false, false, true, true, true, true, true,
                                       true}));
  // The stamp above its headline, a byline beside it.
  const auto above = after_story({
      "Nov 20, 2019", "Man rescued from flooded river", "By Harbour Times Staff",
      "Nov 19, 2019", "New bridge opens to traffic", "By Reuters",
      "Nov 18, 2019", "School wins national award", "By Harbour Times Staff",
  });
  EXPECT_EQ(std::count(above.begin(), above.end(), true), 9);
}

TEST(TeaserList, DatesThatAreTheStorysOwnLinesStay) {
  // Tour dates: a date and a venue, no headline beside most stamps.
  EXPECT_EQ(after_story({"Tour dates", "20.11.2019 Harbour Hall, Millford",
                         "21.11.2019 Old Market, Eastport", "22.11.2019 Town Hall, Westbury"}),
            std::vector<bool>(8, false));
  // A stamp or two among headlines is no stamped list: subheadings, one
  // of them a date.
  EXPECT_EQ(after_story({"What happens next", "March 2020", "The vote in the assembly",
                         "Who pays for the bridge", "The opposition's plan"}),
            std::vector<bool>(9, false));
  // Prices are no stamps.
  EXPECT_EQ(after_story({"Blue kettle", "$1,299.00", "Red toaster", "$49.99", "Green blender",
                         "$89.00", "Black mixer", "$120.00"}),
            std::vector<bool>(12, false));
}

TEST(TeaserList, AForumsShortRepliesStay) {
  // Each post's header (its author, date and number), then a short reply.
  EXPECT_EQ(after_story({"jane.r 6 May 2025 17:41 7", "Thank you all, this is so helpful",
                         "sam_k 6 May 2025 17:45 8", "Same here, thanks to all of you",
                         "jane.r 6 May 2025 17:52 9", "Thank you so much for the tips"}),
            std::vector<bool>(10, false));
}

TEST(TeaserList, StampedEntriesUnderTheirSectionsNameAfterTheStory) {
  // Each entry: its section's name, a stamp, a headline and its summary,
  // straight after the story's prose: the stamps make it a list.
  const auto marks = after_story({
      "Rail", "Nov 20, 2019", "Night trains return",
      "Sleeper cars are back on the coast line.",
      "eFlyer Deals", "Nov 19, 2019", "Ferry adds winter timetable",
      "Boats run every hour from December on.",
      "Sponsored Content", "Nov 18, 2019", "Five quiet beaches",
      "Our pick of the coast's calmer corners.",
  });
  EXPECT_EQ(marks, (std::vector<bool>{false, false, false, false, true, true, true, true, true,
                                       true, true, true, true, true, true, true}));
  // Unstamped, such entries after the prose may be the story's sections.
  const auto sections = after_story({
      "Schools", "What the plan means for pupils",
      "Forty teachers are hired and two schools get new roofs by the autumn.",
      "Roads", "Where the bridges are repaired",
      "Twelve bridges on the county's roads are repaired over three years.",
  });
  EXPECT_EQ(sections, std::vector<bool>(sections.size(), false));
}

TEST(TeaserList, StampedEntriesThatGoOnAboveTheRunAreAListing) {
  // A blog's front page: every entry stamped; the first summaries too long
  // to walk over stand above the run, with their stamps: the list is the content.
  const std::string long_summary =
      "The team rebuilt the release tooling over two years, and this first part of the series "
      "walks through the weekly cycle from branch cut to the staged rollout on every platform.";
  const auto marks = teaser_marks({
      "Nov 28, 2019", "What a year of on-call taught us", long_summary,
      "Nov 26, 2019", "Moving the data team to one stack", long_summary,
      "Nov 24, 2019", "How we release the app every week", long_summary,
      "Nov 22, 2019", "Why we split the build in two", long_summary,
      "Nov 20, 2019", "Night trains return",
      "The operator brings back sleeper cars on the route.",
      "Nov 19, 2019", "Ferry adds winter timetable",
      "Boats run every hour from December, and later on Fridays.",
      "Nov 18, 2019", "Five quiet beaches",
      "Our pick of the coast's calmer corners, from dunes to coves.",
  });
  EXPECT_EQ(marks, std::vector<bool>(marks.size(), false));
}

TEST(TeaserList, AStampedListThatIsTheWholeDocumentIsAListing) {
  const auto marks = teaser_marks({
      "Man rescued from flooded river", "Nov 20, 2019", "New bridge opens to traffic",
      "Nov 19, 2019", "School wins national award", "Nov 18, 2019",
  });
  EXPECT_EQ(marks, std::vector<bool>(marks.size(), false));
}

// In a long document (the texts are found by hash), the second of a line
// printed twice is a duplicate; the first is not, nor a line printed three
// times, nor lines that differ only at their end.
TEST(Features, TheSecondOfALinePrintedTwiceIsADuplicate) {
  std::vector<Block> blocks;
  for (int k = 0; k < 300; ++k) blocks.push_back(make_block("Line number " + std::to_string(k)));
  blocks[40] = make_block("Share this story");
  blocks[250] = make_block("Share this story");
  blocks[60] = blocks[61] = blocks[62] = make_block("Quick view");
  blocks[70] = make_block("Line number 7");  // the same as blocks[7]
  // Long lines alike at both ends and of one length, told apart by their middle.
  const std::string start = "The bridge over the river reopened on Monday after ";
  const std::string end = " weeks of repairs, the council said in a statement today.";
  blocks[100] = make_block(start + "twelve" + end);
  blocks[101] = make_block(start + "eleven" + end);
  blocks[102] = make_block(start + "twenty" + end);
  blocks[103] = make_block(start + "eleven" + end);  // the same as blocks[101]
  const PageUrl url("https://www.example.com/a/1");
  const Features f(blocks, url);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    EXPECT_EQ(f.has(Feature::kDuplicate, i), i == 250 || i == 70 || i == 103) << i;
  }
}

// Short link blocks are link-heavy beside a story; when they hold much of
// the document's text they are its content (a listing) and none is.
TEST(Features, ShortLinkBlocksAreLinkHeavyUnlessTheyAreThePage) {
  const auto link_heavy = [](std::size_t links, std::size_t prose) {
    std::vector<Block> blocks;
    for (std::size_t k = 0; k < prose; ++k) {
      blocks.push_back(make_block("The board met on Tuesday and agreed the plan for the quay "
                                  "and the moorings after a long debate."));
    }
    for (std::size_t k = 0; k < links; ++k) {
      blocks.push_back(make_block("Harbour board report " + std::to_string(k)));
      blocks.back().site_link_ratio = 1.f;
    }
    const PageUrl url("https://www.example.com/a/1");
    const Features f(blocks, url);
    return f.has(Feature::kLinkHeavy, blocks.size() - 1);
  };
  EXPECT_TRUE(link_heavy(2, 8));
  EXPECT_FALSE(link_heavy(30, 4));
}

// A short story with menus before and after it: its short link blocks hold
// more of the text than a listing's share, but the story's prose runs
// unbroken between them, so they are links beside a story. A list of links
// after an introduction (nothing before it), or one between the paragraphs,
// is still the page's.
TEST(Features, MenusAroundAShortStoryAreLinkHeavy) {
  const auto linked = [](const std::string& text) {
    Block b = make_block(text);
    b.site_link_ratio = b.link_ratio = 1.f;
    return b;
  };
  const std::string paragraph =
      "The board met on Tuesday and agreed the plan for the quay and the moorings after a long "
      "debate.";
  const auto heavy = [&](std::size_t before, std::size_t inside, std::size_t after) {
    std::vector<Block> blocks;
    for (std::size_t k = 0; k < before; ++k) {
      blocks.push_back(linked("Local news and sport " + std::to_string(k)));
    }
    for (std::size_t k = 0; k < 3; ++k) {
      blocks.push_back(make_block(paragraph));
      if (k < inside) blocks.push_back(linked("Harbour board reports " + std::to_string(k)));
    }
    for (std::size_t k = 0; k < after; ++k) blocks.push_back(linked("Back to the top page " + std::to_string(k)));
    const PageUrl url("https://www.example.com/a/1");
    const Features f(blocks, url);
    return f.has(Feature::kLinkHeavy, blocks.size() - 1);
  };
  EXPECT_TRUE(heavy(6, 0, 2));
  EXPECT_TRUE(heavy(6, 1, 2));   // a link line in the story ("read also")
  EXPECT_FALSE(heavy(0, 0, 8));  // a listing's introduction, then its links
  EXPECT_FALSE(heavy(6, 2, 2));  // links between the paragraphs: cards
}

// A listing's cards: a linked headline, a line of metadata, a summary. On a
// page that does not say it is an article the headlines are its content, not
// links beside a story; a story with a link line between its paragraphs, or
// a page that says it is an article, keeps them link-heavy.
TEST(Features, CardHeadlinesOfAListingAreNotLinkHeavy) {
  const std::string summary =
      "The harbour board met on Tuesday and agreed the plan for the quay after a long debate.";
  const auto linked = [](const std::string& text) {
    Block b = make_block(text);
    b.site_link_ratio = b.link_ratio = 1.f;
    return b;
  };
  const auto cards = [&](std::size_t n, bool meta, std::size_t paragraphs) {
    std::vector<Block> blocks;
    for (std::size_t k = 0; k < n; ++k) {
      blocks.push_back(linked("Harbour board report " + std::to_string(k)));
      if (meta) blocks.push_back(make_block("12 March - Harbour"));
      for (std::size_t p = 0; p < paragraphs; ++p) blocks.push_back(make_block(summary));
    }
    return blocks;
  };
  const PageUrl url("https://www.example.com/harbour");
  const auto heavy = [&](const std::vector<Block>& blocks, PageKind kind) {
    const Features f(blocks, url, PageText::kNo, kind);
    return f.has(Feature::kLinkHeavy, 0);
  };
  EXPECT_FALSE(heavy(cards(4, true, 1), PageKind::kUnknown));
  EXPECT_FALSE(heavy(cards(3, false, 1), PageKind::kListing));
  EXPECT_TRUE(heavy(cards(4, true, 1), PageKind::kArticle));
  EXPECT_TRUE(heavy(cards(2, true, 1), PageKind::kUnknown));  // too few to be a list
  EXPECT_TRUE(heavy(cards(4, false, 3), PageKind::kUnknown)); // a story's "read also" lines
}

// lacking(i) says which of the features found up front block i lacks: the
// same answers as has(), so that a rule with a feature is looked for only
// where it may hold.
TEST(Features, LackingAgreesWithHas) {
  std::vector<Block> blocks;
  for (const char* t : {"Home | News | Sport | Weather", "https://www.example.com/a/1",
                        "A story paragraph that ends as a sentence does.", "Share this",
                        "A story paragraph that ends as a sentence does."}) {
    blocks.push_back(make_block(t));
  }
  const PageUrl url("https://www.example.com/a/1");
  const Features f(blocks, url);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    for (const Feature x : {Feature::kDuplicate, Feature::kTeaserRun, Feature::kPageUrl,
                            Feature::kLinkHeavy, Feature::kTeaserList, Feature::kMenuRow,
                            Feature::kPageChrome}) {
      const bool lacks = (f.lacking(i) >> static_cast<int>(x) & 1u) != 0;
      EXPECT_EQ(lacks, !f.has(x, i)) << i << " " << static_cast<int>(x);
    }
    EXPECT_EQ(f.lacking(i) >> static_cast<int>(Feature::kUrlTitle) & 1u, 0u) << i;
  }
  EXPECT_TRUE(f.has(Feature::kMenuRow, 0));
  EXPECT_TRUE(f.has(Feature::kPageUrl, 1));
  EXPECT_TRUE(f.has(Feature::kDuplicate, 4));
}

}  // namespace
}  // namespace newsclean
