// The kind a page is read as (html/page_kind.h): what the page says,
// checked against its chosen content and its address. A manual's page or a
// tag page that says "article" keeps its cards; a page that says nothing
// with a story at a story's address is an article, and loses the teasers
// after it.
#include <gtest/gtest.h>

#include <string>

#include "newsclean/cleaner.h"
#include "test_story.h"

namespace newsclean {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string head(const std::string& title, bool says_article) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title>" +
         (says_article ? "<meta property=\"og:type\" content=\"article\">" : "") +
         "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>";
}

// A teaser card: a linked title in `title_tag` (a heading, or a line of
// its own) and an excerpt (classes no rule names).
std::string card(int i, const std::string& title_tag = "h3") {
  const std::string n = std::to_string(i);
  return "<div class=\"tile\"><" + title_tag + "><a href=\"/story-" + n +
         "\">Farmers market moves to the old station square " + n + "</a></" + title_tag +
         "><p>The weekly market will open an hour earlier from next month, with more "
         "stalls for bakers and a new corner for local growers of fruit.</p></div>";
}

// A manual's first page, which says it is an article: two lines of
// introduction, then its chapters, each a linked heading, a sentence and
// the command it is about.
std::string manual_page() {
  const char* chapters[][3] = {
      {"Install the command line tool",
       "Download the package for your system and run the installer; it puts the tool on "
       "your path.",
       "tool install --user"},
      {"Write your first config file",
       "A config file names the sources to read and where the results go, one section for "
       "each.",
       "tool init config.toml"},
      {"Run a build",
       "The build reads the config, fetches what is missing and writes the output folder "
       "again.",
       "tool build --out site"},
      {"Publish the result",
       "Publishing copies the output folder to the server named in the config, over a secure "
       "link.",
       "tool publish"},
  };
  std::string html = head("Getting started", true) +
                     "<main><h1>Getting started</h1><div class=\"content\"><p>This guide walks "
                     "you through setting up the tool, from the first install to a published "
                     "site, in four short steps.</p><p>Each step below links to its own page "
                     "with every option explained.</p>";
  int i = 0;
  for (const auto& c : chapters) {
    html += "<div class=\"guide\"><h3><a href=\"/docs/step-" + std::to_string(++i) + "\">" +
            c[0] + "</a></h3><p>" + c[1] + "</p><pre><code>" + c[2] + "</code></pre></div>";
  }
  return html + "</div></main><footer><p>Tool docs</p></footer></body></html>";
}

TEST(PageKind, AManualPageSayingArticleStaysWhole) {
  const Result r = Cleaner().clean(manual_page(), "https://tool.example/docs/getting-started");
  EXPECT_EQ(r.kind, "listing");
  EXPECT_TRUE(has(r.text, "Install the command line tool")) << r.text;
  EXPECT_TRUE(has(r.text, "one section for each")) << r.text;
  EXPECT_TRUE(has(r.text, "tool publish")) << r.text;
}

TEST(PageKind, TheSamePageAtAStorysAddressIsAnArticle) {
  // At a story's address (a slug) the claim stands, and the chapters
  // after two lines of prose are read as teasers of other pages.
  const Result r = Cleaner().clean(
      manual_page(), "https://tool.example/2024/05/getting-started-with-the-tool");
  EXPECT_EQ(r.kind, "article");
  EXPECT_FALSE(has(r.text, "tool publish")) << r.text;
}

TEST(PageKind, ATagPageSayingArticleKeepsItsCards) {
  std::string html = head("Markets", true) + "<main><h1>Markets</h1><div class=\"content\">";
  for (int i = 1; i <= 5; ++i) html += card(i);
  html += "</div></main><footer><p>Valley News</p></footer></body></html>";
  const Result r = Cleaner().clean(html, "https://valley.example/tag/markets");
  EXPECT_EQ(r.kind, "listing");
  EXPECT_TRUE(has(r.text, "Farmers market moves to the old station square 3")) << r.text;
  EXPECT_TRUE(has(r.text, "Farmers market moves to the old station square 5")) << r.text;
}

// A story under its headline and byline, then teasers of other stories;
// the page says nothing of its kind.
std::string headed_story() {
  std::string html = head("Council closes Elm Street bridge", false) +
                     "<main><h1>Council closes Elm Street bridge</h1><p class=\"byline\">By "
                     "Ann Green, 4 March 2024</p><div class=\"content\">";
  for (int i = 0; i < 3; ++i) html += std::string("<p>") + kStory[i] + "</p>";
  for (int i = 1; i <= 4; ++i) html += card(i, "p");
  return html + "</div></main><footer><p>Valley News</p></footer></body></html>";
}

TEST(PageKind, AHeadedStoryOfUnknownKindLosesItsTeasers) {
  const Result r = Cleaner().clean(
      headed_story(), "https://valley.example/news/council-closes-elm-street-bridge");
  EXPECT_EQ(r.kind, "article");
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(has(r.text, kStory[i])) << r.text;
  EXPECT_FALSE(has(r.text, "Farmers market")) << r.text;
  EXPECT_FALSE(has(r.text, "weekly market")) << r.text;
}

TEST(PageKind, WithoutAStorysAddressTheKindStaysUnknown) {
  // Nothing says it is a story: the cards stay, as on a page of sections.
  const Result r = Cleaner().clean(headed_story(), "https://valley.example/news");
  EXPECT_EQ(r.kind, "");
  EXPECT_TRUE(has(r.text, "weekly market")) << r.text;
}

}  // namespace
}  // namespace newsclean
