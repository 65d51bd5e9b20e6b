// Options::text_format = kMarkdown: the structure the HTML had, as Markdown
// blocks, with the text's own markup characters escaped.
#include <gtest/gtest.h>

#include <string>

#include "newsclean/cleaner.h"

namespace newsclean {
namespace {

constexpr const char* kLead =
    "The new footbridge across the river opened on Monday after three years of work, and "
    "hundreds of people crossed it in the first hour.";

Cleaner markdown_cleaner() {
  Options o;
  o.text_format = TextFormat::kMarkdown;
  Cleaner c;
  const Status s = Cleaner::create({}, o, &c);
  EXPECT_TRUE(s.ok()) << s.message();
  return c;
}

std::string markdown_of_body(const std::string& body) {
  static const Cleaner cleaner = markdown_cleaner();
  const std::string html = "<html><head><title>Bridge</title></head><body><article><p>" +
                           std::string(kLead) + "</p>" + body + "</article></body></html>";
  return cleaner.clean(html, "https://news.example/bridge", Format::kHtml).text;
}

TEST(Markdown, HeadingsKeepTheirLevel) {
  const std::string md = markdown_of_body(
      "<h2>What it cost</h2><p>The council said the bridge cost four million euros, paid from "
      "the transport budget of the coming three years.</p><h3>Who paid</h3><p>The region paid "
      "half of the cost, and the national railway company paid the rest of it.</p>");
  EXPECT_NE(md.find("\n\n## What it cost\n\nThe council said"), std::string::npos) << md;
  EXPECT_NE(md.find("\n\n### Who paid\n\nThe region paid"), std::string::npos) << md;
}

TEST(Markdown, ListsAreItemsOnConsecutiveLinesNumberedWhenOrdered) {
  const std::string md = markdown_of_body(
      "<p>The works went in three steps over the summer, the engineers of the council "
      "said:</p><ol><li>The first span was lifted in May</li><li>The second span followed in "
      "June</li></ol><ul><li>Railings were fitted in July</li><li>Lights were fitted in "
      "August</li></ul>");
  EXPECT_NE(md.find("1. The first span was lifted in May\n2. The second span followed in June"),
            std::string::npos) << md;
  EXPECT_NE(md.find("- Railings were fitted in July\n- Lights were fitted in August"),
            std::string::npos) << md;
}

TEST(Markdown, QuotesAndTables) {
  const std::string md = markdown_of_body(
      "<blockquote>It is a great day for the town, the mayor said at the opening ceremony on "
      "the riverbank.</blockquote><table><tr><th>Year</th><th>Crossings</th></tr><tr><td>"
      "2023</td><td>1,200 | 3</td></tr><tr><td>2024</td></tr></table>");
  EXPECT_NE(md.find("> It is a great day for the town"), std::string::npos) << md;
  EXPECT_NE(md.find("| Year | Crossings |\n| --- | --- |\n| 2023 | 1,200 \\| 3 |\n| 2024 |  |"),
            std::string::npos) << md;
}

TEST(Markdown, TheTextsOwnMarkupIsEscaped) {
  const std::string md = markdown_of_body(
      "<p>The bridge cost *about* four million euros from the transport_budget, and [more] "
      "bridges would follow.</p><p>1. This paragraph starts like a numbered item but is a "
      "sentence of the story.</p><p># Neither is this one a heading, though it starts with a "
      "hash sign.</p>");
  EXPECT_NE(md.find("\\*about\\* four million euros from the transport\\_budget, and \\[more\\]"),
            std::string::npos) << md;
  EXPECT_NE(md.find("\n\n1\\. This paragraph"), std::string::npos) << md;
  EXPECT_NE(md.find("\n\n\\# Neither is this one"), std::string::npos) << md;
}

TEST(Markdown, PlainTextKeepsOneBlockALine) {
  Cleaner plain;
  ASSERT_TRUE(Cleaner::create({}, Options(), &plain).ok());
  const std::string html = "<html><body><article><p>" + std::string(kLead) +
                           "</p><h2>What it cost</h2><p>The council said the bridge cost "
                           "four million euros.</p></article></body></html>";
  const std::string text = plain.clean(html, "", Format::kHtml).text;
  EXPECT_EQ(text.find('#'), std::string::npos) << text;
  EXPECT_EQ(text.find("\n\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace newsclean
