// Never empty while the page has text: an HTML page whose content comes out
// empty is read once more, as its visible text (html/visible_text.h), and
// cleaned as whole-page text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html/visible_text.h"
#include "newsclean/cleaner.h"
#include "html/selectors.h"
#include "rules/rule.h"
#include "test_story.h"

namespace newsclean {
namespace {

constexpr const char kFallbackWarning[] =
    "no content found in the page's structure: its visible text was read as whole-page text";

const char kMenu[] =
    "<div class=\"top\"><a href=\"/\">Home</a><br><a href=\"/news\">News</a><br>"
    "<a href=\"/sport\">Sport</a><br><a href=\"/weather\">Weather</a><br>"
    "<a href=\"/contact\">Contact</a></div>";

// A page whose every paragraph of the story sits inside `open` ... `close`.
std::string wrapped(const std::string& open, const std::string& close) {
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
      "<meta property=\"og:title\" content=\"Council closes Elm Street bridge\"></head><body>";
  html += kMenu + open;
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  return html + close + "</body></html>";
}

bool has_warning(const Result& r) {
  for (const std::string& w : r.warnings) {
    if (w == kFallbackWarning) return true;
  }
  return false;
}

TEST(VisibleText, SkipsWhatIsNeverShownAndEndsALinePerBlock) {
  const std::vector<Rule> none;
  const HtmlRules rules(none);
  const std::string text = visible_text(
      "<html><head><title>Head</title></head><body><div>One <b>two</b></div>"
      "<script>var x = 1;</script><div hidden>Hidden</div>"
      "<span style=\"display: none\">Gone</span><p>Three<br>four</p></body></html>",
      rules);
  EXPECT_EQ(text.find("Head"), std::string::npos);
  EXPECT_EQ(text.find("var x"), std::string::npos);
  EXPECT_EQ(text.find("Hidden"), std::string::npos);
  EXPECT_EQ(text.find("Gone"), std::string::npos);
  EXPECT_NE(text.find("One two\n"), std::string::npos);
  EXPECT_NE(text.find("Three\n"), std::string::npos);
  EXPECT_NE(text.find("four"), std::string::npos);
}

TEST(VisibleText, AStoryInsideAnElementAnHtmlRuleStripsIsNotLost) {
  // Wrappers that never hold a story by their tag or role: a whole page in
  // a <form> (server-side forms), the story in an <aside> or a
  // role="complementary" box.
  const std::pair<std::string, std::string> wrappers[] = {
      {"<aside><div>", "</div></aside>"},
      {"<div role=\"complementary\"><div>", "</div></div>"},
  };
  for (const auto& [open, close] : wrappers) {
    SCOPED_TRACE(open);
    const Result r = Cleaner().clean(wrapped(open, close), "", Format::kHtml);
    for (const char* p : kStory) EXPECT_NE(r.text.find(p), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find("Weather"), std::string::npos) << r.text;
    EXPECT_EQ(r.format, "html");
    EXPECT_EQ(r.input_kind, "page");
    EXPECT_EQ(r.title, "Council closes Elm Street bridge");
    EXPECT_TRUE(has_warning(r));
    EXPECT_EQ(r.stats.bytes_out, r.text.size());
  }
}

TEST(VisibleText, APageWithoutSentencesStaysEmpty) {
  // A page drawn by scripts: a menu, and the story only in hidden markup.
  std::string html = "<html><body>" + std::string(kMenu) + "<div hidden>";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += "</div><div id=\"app\"></div></body></html>";
  const Result r = Cleaner().clean(html, "", Format::kHtml);
  EXPECT_EQ(r.text, "");
  EXPECT_EQ(r.input_kind, "html");
  EXPECT_FALSE(has_warning(r));
}

TEST(VisibleText, AnOrdinaryStoryIsNotReadAgain) {
  const Result r = Cleaner().clean(wrapped("<article>", "</article>"), "", Format::kHtml);
  EXPECT_NE(r.text.find(kStory[0]), std::string::npos);
  EXPECT_EQ(r.input_kind, "html");
  EXPECT_FALSE(has_warning(r));
}

}  // namespace
}  // namespace newsclean
