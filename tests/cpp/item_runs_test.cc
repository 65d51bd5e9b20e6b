// Repeated items after a story (html/item_runs.h): teaser cards with their
// excerpts and reader comments after a short story go; a story whose own
// paragraphs sit in repeated wrappers stays whole, and so do the cards of
// a page that is a list of them.
#include <gtest/gtest.h>

#include <string>

#include "newsclean/cleaner.h"
#include "test_story.h"

namespace newsclean {
namespace {

// A page that says it is an article (og:type), its story's first two
// paragraphs in a container, `after` behind them in the same container. (At
// a story's address: at a section's, a page of cards is read as a listing,
// page_kind.h.)
std::string article(const std::string& after, const std::string& paragraph_open = "<p>",
                    const std::string& paragraph_close = "</p>") {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Council closes Elm Street bridge</title>"
      "<meta property=\"og:type\" content=\"article\"></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
      "<main><h1>Council closes Elm Street bridge</h1><div class=\"content\">";
  for (int i = 0; i < 2; ++i) html += paragraph_open + kStory[i] + paragraph_close;
  return html + after + "</div></main><footer><p>Valley News</p></footer></body></html>";
}

// A teaser card: a linked title, an excerpt, a date. (Class names that no
// rule names: what takes the cards out here is their repetition.)
std::string card(int i) {
  const std::string n = std::to_string(i);
  return "<div class=\"tile tile-" + n + "\"><h3><a href=\"/story-" + n +
         "\">Farmers market moves to the old station square " + n +
         "</a></h3><p>The weekly market will open an hour earlier from next month, with more "
         "stalls for bakers and a new corner for local growers of fruit.</p>"
         "<span class=\"date\">4 March</span></div>";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ItemRuns, TeaserCardsAfterAShortStoryGo) {
  std::string cards;
  for (int i = 1; i <= 4; ++i) cards += card(i);
  const Result r = Cleaner().clean(article(cards), "https://valley.example/news/council-closes-elm-street-bridge");
  EXPECT_TRUE(has(r.text, kStory[0]));
  EXPECT_TRUE(has(r.text, kStory[1]));
  EXPECT_FALSE(has(r.text, "Farmers market")) << r.text;
  EXPECT_FALSE(has(r.text, "weekly market")) << r.text;
}

TEST(ItemRuns, CommentsAfterAShortStoryGo) {
  std::string comments;
  const char* names[] = {"Sam Lee", "Ana Ruiz", "Tom Hale"};
  for (const char* name : names) {
    comments += std::string("<div class=\"note\"><div class=\"by\">") + name +
                " <time datetime=\"2024-03-05\">5 March 2024</time></div>"
                "<p>I drive over that bridge every morning and had no idea it was in such a "
                "state, glad somebody finally looked at it before the winter.</p></div>";
  }
  // (classes no rule names, as for the cards)
  const Result r = Cleaner().clean(article(comments), "https://valley.example/news/council-closes-elm-street-bridge");
  EXPECT_TRUE(has(r.text, kStory[1]));
  EXPECT_FALSE(has(r.text, "every morning")) << r.text;
  EXPECT_FALSE(has(r.text, "Ana Ruiz")) << r.text;
}

TEST(ItemRuns, CardsTitledByAHeadingWithoutALinkGo) {
  // Teaser cards whose title is a heading and whose link is on the card's
  // picture, or in a script: no link in their text.
  std::string cards;
  for (int i = 1; i <= 4; ++i) {
    cards += "<div class=\"tile\"><h3>Farmers market moves to the old station square " +
             std::to_string(i) +
             "</h3><p>The weekly market will open an hour earlier from next month, with more "
             "stalls for bakers and a new corner for local growers of fruit.</p></div>";
  }
  const Result r = Cleaner().clean(article(cards), "https://valley.example/news/council-closes-elm-street-bridge");
  EXPECT_TRUE(has(r.text, kStory[0]));
  EXPECT_TRUE(has(r.text, kStory[1]));
  EXPECT_FALSE(has(r.text, "weekly market")) << r.text;
}

TEST(ItemRuns, AColumnOfTwoListsOfCardsGoes) {
  // Two lists of cards, each under its heading, in one column after the
  // story: neither holds two thirds of the column, both together do.
  std::string column = "<div class=\"aside-col\"><div class=\"group\"><h2>Latest</h2>";
  for (int i = 1; i <= 3; ++i) column += card(i);
  column += "</div><div class=\"group\"><h2>Most read</h2>";
  for (int i = 4; i <= 6; ++i) column += card(i);
  column += "</div></div>";
  const Result r = Cleaner().clean(article(column), "https://valley.example/news/council-closes-elm-street-bridge");
  EXPECT_TRUE(has(r.text, kStory[0]));
  EXPECT_TRUE(has(r.text, kStory[1]));
  EXPECT_FALSE(has(r.text, "weekly market")) << r.text;
}

TEST(ItemRuns, AStoryInRepeatedParagraphWrappersStaysWhole) {
  std::string rest;
  for (int i = 2; i < 4; ++i) rest += std::string("<div class=\"para\"><p>") + kStory[i] + "</p></div>";
  const Result r = Cleaner().clean(article(rest, "<div class=\"para\"><p>", "</p></div>"),
                                   "https://valley.example/news/council-closes-elm-street-bridge");
  for (const char* p : kStory) EXPECT_TRUE(has(r.text, p)) << r.text;
}

TEST(ItemRuns, TheCardsOfAListingPageStay) {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Town news</title></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
      "<main><h1>Town news</h1><div class=\"list\">";
  for (int i = 1; i <= 6; ++i) html += card(i);
  html += "</div></main></body></html>";
  const Result r = Cleaner().clean(html, "https://valley.example/news");
  EXPECT_TRUE(has(r.text, "Farmers market moves to the old station square 1")) << r.text;
  EXPECT_TRUE(has(r.text, "Farmers market moves to the old station square 6")) << r.text;
}

TEST(ItemRuns, CardsUnderAnIntroductionStay) {
  // A page that calls itself an article but is a list: one short line of
  // introduction (under kHeadedMinProse of prose) above its cards.
  std::string cards;
  for (int i = 1; i <= 4; ++i) cards += card(i);
  const std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Market news</title>"
      "<meta property=\"og:type\" content=\"article\"></head><body><main><h1>Market news</h1>"
      "<div class=\"content\"><p>All the news of the weekly market, in one place.</p>" +
      cards + "</div></main></body></html>";
  const Result r = Cleaner().clean(html, "https://valley.example/market");
  EXPECT_TRUE(has(r.text, "weekly market will open")) << r.text;
}

// A short story nested a thousand wrappers deep, then items: each
// element is read a bounded number of times (reading every wrapper's whole
// subtree at every level took 15 s at this depth, minutes at 4000).
TEST(ItemRuns, AStoryNestedAThousandDeepIsReadInTimeToItsSize) {
  const int depth = 1500;
  std::string html =
      "<html><head><meta property=\"og:type\" content=\"article\"></head><body>";
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += std::string("<p>") + kStory[0] + " " + kStory[1] + "</p>";
  for (int i = 0; i < 3; ++i) {
    html += "<div><a href=\"/more-" + std::to_string(i) + "\">More " + std::to_string(i) +
            "</a><br>a line under it</div>";
  }
  for (int i = 0; i < depth; ++i) html += "</div>";
  html += "</body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_TRUE(has(r.text, kStory[0]));
}

}  // namespace
}  // namespace newsclean
