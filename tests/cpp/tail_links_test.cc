// The links after a story (html/tail_links.h): the run it takes, and
// pages it must and must not change.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.h"
#include "html/tail_links.h"
#include "newsclean/cleaner.h"

namespace newsclean {
namespace {

const char* const kShortStory[] = {
    "The ferry between the two harbours will stop running on Sundays from next month, the "
    "operator said on Monday, citing a shortage of crew.",
    "Weekday crossings are not affected, and the operator said it hoped to restore the Sunday "
    "service before the summer.",
};

std::string short_story_text() { return std::string(kShortStory[0]) + "\n" + kShortStory[1]; }

// An article page (its JSON-LD says so) whose one container holds
// `before`, the short story's paragraphs, `middle` between them and
// `after`.
std::string article(const std::string& before, const std::string& after,
                    const std::string& middle = "") {
  return "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
         "</head><body><div id=\"main\">" +
         before + "<p>" + kShortStory[0] + "</p>" + middle + "<p>" + kShortStory[1] + "</p>" +
         after + "</div></body></html>";
}

Result clean(const std::string& html) { return Cleaner().clean(html, "", Format::kHtml); }

bool taken_out(const Result& r, const std::string& text) {
  return std::any_of(r.removed.begin(), r.removed.end(), [&](const Removal& e) {
    return e.text.find(text) != std::string::npos;
  });
}

Block linked(const std::string& text, float links) {
  Block b = make_block(text);
  b.link_ratio = links;
  return b;
}

TEST(TailLinks, RelatedLinksAndFooterAfterAShortStoryGo) {
  // One link a paragraph (content.cc's trims keep a paragraph that is one
  // link) and a footer line of links, in the story's own container.
  const std::string related =
      "<p><a href=\"/a\">Man bites dog in the park</a></p>"
      "<p><a href=\"/b\">Cat elected mayor of the town</a></p>"
      "<p><a href=\"/c\">Harbour wall to be rebuilt next year</a></p>";
  const std::string footer =
      "<p><a href=\"/about\">About us</a> | <a href=\"/contact\">Contact</a> | "
      "<a href=\"/privacy\">Privacy policy</a> | <a href=\"/terms\">Terms of use</a></p>";
  const Result r = clean(article("", related + footer));
  EXPECT_EQ(r.text, short_story_text());
  EXPECT_TRUE(taken_out(r, "Cat elected mayor"));
  EXPECT_TRUE(taken_out(r, "Privacy policy"));
  // Not on a page that does not say it is an article (a listing's links
  // are its content).
  std::string page = article("", related + footer);
  page.replace(page.find("NewsArticle"), 11, "CollectionPage");
  EXPECT_NE(clean(page).text.find("Cat elected mayor"), std::string::npos);
}

// The blocks of a story of `paragraphs` prose paragraphs, then `tail`.
std::vector<Block> story_then(int paragraphs, const std::vector<Block>& tail) {
  std::vector<Block> blocks;
  for (int i = 0; i < paragraphs; ++i) blocks.push_back(make_block(kShortStory[i % 2]));
  blocks.insert(blocks.end(), tail.begin(), tail.end());
  return blocks;
}

TEST(TailLinks, TakesOnlyTheEndOfAnArticleMostlyOfLinks) {
  const std::vector<Block> links = {linked("Man bites dog in the park", 1.f),
                                    linked("Cat elected mayor of the town", 1.f)};
  EXPECT_EQ(tail_links(story_then(2, links), PageKind::kArticle),
            (std::vector<bool>{false, false, true, true}));
  // After a long story too; not on a page not said to be an article.
  EXPECT_EQ(tail_links(story_then(8, links), PageKind::kArticle),
            (std::vector<bool>{false, false, false, false, false, false, false, false, true,
                               true}));
  EXPECT_EQ(tail_links(story_then(2, links), PageKind::kUnknown),
            std::vector<bool>(4, false));
  // A line with few links (a signature, an item of the story's own list)
  // ends the run: it and what is before it stay.
  const std::vector<Block> mixed = {linked("Cat elected mayor of the town", 1.f),
                                    make_block("Reporting by Jane Roe"),
                                    linked("Man bites dog in the park", 1.f)};
  EXPECT_EQ(tail_links(story_then(2, mixed), PageKind::kArticle),
            (std::vector<bool>{false, false, false, false, true}));
  // A caption block is its rule's to decide.
  std::vector<Block> caption = links;
  caption[1].decided_by = 0;
  EXPECT_EQ(tail_links(story_then(2, caption), PageKind::kArticle),
            std::vector<bool>(4, false));
}

TEST(TailLinks, ANavBarBeforeAShortStoryInItsTableCellGoes) {
  // A page laid out in a table: the menu and the story share one cell.
  // (tail_links judges only the story's end: this one goes by the
  // engine's rules, and must still go with tail_links in place.)
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
      "</head><body><table><tr><td><a href=\"/\">Home</a> | <a href=\"/news\">News</a> | "
      "<a href=\"/sport\">Sport</a> | <a href=\"/weather\">Weather</a><br><p>" +
      std::string(kShortStory[0]) + "</p><p>" + kShortStory[1] +
      "</p></td></tr></table></body></html>";
  EXPECT_EQ(clean(html).text, short_story_text());
}

TEST(TailLinks, AStorysOwnListOfLinksBetweenItsParagraphsStays) {
  const std::string list =
      "<ul><li><a href=\"/timetable\">The winter timetable</a></li>"
      "<li><a href=\"/fares\">Fares and passes</a></li></ul>";
  const Result r = clean(article("", "", list));
  EXPECT_EQ(r.text, std::string(kShortStory[0]) + "\nThe winter timetable\nFares and passes\n" +
                        kShortStory[1]);
}

TEST(TailLinks, AOneParagraphStoryIsKeptWhole) {
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
      "</head><body><div id=\"main\"><p>" +
      std::string(kShortStory[0]) + "</p></div></body></html>";
  EXPECT_EQ(clean(html).text, kShortStory[0]);
  // ... and so is one whose last paragraph names a page in a link.
  const std::string with_link =
      "<p>The operator has put the new timetable on <a href=\"/timetable\">its site</a>.</p>";
  EXPECT_EQ(clean(article("", with_link)).text,
            short_story_text() + "\nThe operator has put the new timetable on its site.");
}

// A teaser card: a title linking to another page of the site, an excerpt.
std::string teaser(const std::string& open, const std::string& close, const std::string& slug,
                   const std::string& title, const std::string& excerpt) {
  return open + "<h3><a href=\"/news/" + slug + "\">" + title + "</a></h3><p>" + excerpt +
         "</p>" + close;
}

TEST(TailLinks, TeaserCardsOfDifferentShapesAfterAShortStoryGo) {
  // Three cards, each in a wrapper of its own kind (no run of siblings of
  // one shape for item_runs.h), after the story in its container.
  const std::string cards =
      teaser("<article class=\"first\">", "</article>", "harbour-wall",
             "Harbour wall to be rebuilt next year",
             "The old wall, damaged in the storms last winter, will be rebuilt with stone "
             "from the quarry up the valley.") +
      teaser("<div class=\"second\">", "</div>", "market-hours", "Market opens an hour earlier",
             "Stallholders asked for the change so that shoppers on their way to work can "
             "stop by before the first train.") +
      teaser("<section class=\"third\">", "</section>", "school-roof",
             "School roof repaired in time for spring",
             "Builders finished the work a week early, and pupils will be back in their "
             "classrooms after the holidays.");
  const Result r = Cleaner().clean(article("", cards), "https://ferry.example/news/sunday-ferry",
                                   Format::kHtml);
  EXPECT_NE(r.text.find(kShortStory[0]), std::string::npos) << r.text;
  EXPECT_NE(r.text.find(kShortStory[1]), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("quarry"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("first train"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Builders finished"), std::string::npos) << r.text;
}

TEST(TailLinks, SectionsOfAStoryBetweenItsParagraphsStay) {
  // The same cards with story prose after them: they are the story's
  // sections (a title and a paragraph each), not teasers after its end.
  std::string sections;
  const char* words[] = {"quay", "timetable", "crew"};
  for (const char* w : words) {
    sections += teaser("<div>", "</div>", w, std::string("The ") + w,
                       std::string("The operator gave more details about the ") + w +
                           " in its statement on Monday, and said more would follow.");
  }
  const Result r = Cleaner().clean(article("", "", sections),
                                   "https://ferry.example/news/sunday-ferry", Format::kHtml);
  EXPECT_NE(r.text.find("details about the timetable"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find(kShortStory[1]), std::string::npos) << r.text;
}

TEST(TailLinks, DroppedBlocksKeepTheRemovalsInPlace) {
  Document doc;
  doc.blocks = {make_block("a"), make_block("b"), make_block("c")};
  ElementRemoval before_c;
  before_c.index = 2;
  before_c.text = "x";
  doc.removed = {before_c};
  ImageText t;
  t.index = 2;
  t.first_block = 2;
  t.end_block = 3;
  doc.image_texts = {t};
  drop_blocks(&doc, {false, true, false});
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].text, "c");
  ASSERT_EQ(doc.removed.size(), 2u);
  EXPECT_EQ(doc.removed[0].text, "b");  // in reading order: b, then x before c
  EXPECT_EQ(doc.removed[0].index, 1u);
  EXPECT_STREQ(doc.removed[0].reason, "outside-content");
  EXPECT_EQ(doc.removed[1].text, "x");
  EXPECT_EQ(doc.removed[1].index, 1u);
  EXPECT_EQ(doc.image_texts[0].index, 1u);
  EXPECT_EQ(doc.image_texts[0].end_block, 2u);
}

}  // namespace
}  // namespace newsclean
