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

// A list of `n` links, as menus and site maps are.
std::string links(const std::string& word, int n) {
  std::string html = "<ul>";
  for (int i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    html += "<li><a href=\"/" + word + k + "\">" + word + " section " + k + "</a></li>";
  }
  return html + "</ul>";
}

// A page whose story sits inside `open` ... `close`, between long lists of
// links (which make it less than a third of the page's text, so the rules'
// guard for the story's container does not hold), with no other prose.
std::string wrapped(const std::string& open, const std::string& close) {
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
      "<meta property=\"og:title\" content=\"Council closes Elm Street bridge\"></head><body>"
      "<header>" + links("Topics", 40) + "</header><main>" + open;
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  return html + close + "</main><div class=\"bottom\">" + links("Services", 40) +
         "</div></body></html>";
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
  // Wrappers the HTML rules strip by their tag or role.
  const std::pair<std::string, std::string> wrappers[] = {
      {"<aside><div>", "</div></aside>"},
      {"<footer>", "</footer>"},
      {"<div role=\"complementary\"><div>", "</div></div>"},
  };
  for (const auto& [open, close] : wrappers) {
    SCOPED_TRACE(open);
    const Result r = Cleaner().clean(wrapped(open, close), "", Format::kHtml);
    for (const char* p : kStory) EXPECT_NE(r.text.find(p), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find("section"), std::string::npos) << r.text;  // no menu
    EXPECT_EQ(r.format, "html");
    EXPECT_EQ(r.input_kind, "page");
    EXPECT_EQ(r.title, "Council closes Elm Street bridge");
    EXPECT_TRUE(has_warning(r));
    EXPECT_EQ(r.stats.bytes_out, r.text.size());
  }
}

TEST(VisibleText, APageWithoutSentencesStaysEmpty) {
  // A page drawn by scripts: menus, and a place where the story would go.
  const std::string html = "<html><body>" + links("Topics", 40) +
                           "<div id=\"app\"><p>Loading</p></div>" + links("Services", 40) +
                           "</body></html>";
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
