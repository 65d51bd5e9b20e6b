// explain_html: the report escapes whatever a Result holds.
#include <gtest/gtest.h>

#include <string>

#include "newsclean/cleaner.h"

using namespace newsclean;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(Explain, IllFormedUtf8AndMarkupInAResultAreEscaped) {
  Result r;
  r.text = "Kept <script>alert(1)</script> \"line\"\nSecond \xff line";
  r.title = "Title \xc3\x28 & more";
  r.stats.blocks = 3;
  r.stats.kept = 2;
  Removal x;
  x.index = 1;
  x.text = "bad \xed\xa0\x80 surrogate";
  x.rule = "rule\"><b>";
  x.category = "cat'\x01";
  x.stage = "text";
  x.words = 3;
  r.removed.push_back(x);
  Caption c;
  c.text = "A caption";
  c.reason = "shares <b>'x'</b> with the story";
  r.captions.push_back(c);
  const std::string h = explain_html(r, {{"rule\"><b>", "cat", "drop", "anywhere", "f:1",
                                          "says <i>why</i>"}}, "src\xfe");
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_EQ(h.find("<b>"), std::string::npos);
  EXPECT_EQ(h.find("<i>"), std::string::npos);
  EXPECT_NE(h.find("Kept &lt;script&gt;alert(1)&lt;/script&gt; &quot;line&quot;"),
            std::string::npos);
  EXPECT_NE(h.find("Title \xEF\xBF\xBD( &amp; more"), std::string::npos);
  EXPECT_NE(h.find("says &lt;i&gt;why&lt;/i&gt;"), std::string::npos);
  EXPECT_NE(h.find("<td>shares &lt;b&gt;&#39;x&#39;&lt;/b&gt; with the story</td>"),
            std::string::npos);  // a caption's reason, in the captions table
  EXPECT_NE(h.find("src\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(h.find("cat&#39;\xEF\xBF\xBD"), std::string::npos);  // a control character too
  // Every byte sequence of the report is well-formed UTF-8.
  EXPECT_EQ(find_invalid_utf8(h), std::string::npos);
  // Reading order: kept line 0, the removed block 1, kept line 1.
  const std::size_t first = h.find("block kept\">Kept");
  const std::size_t removed = h.find("block removed");
  const std::size_t second = h.find("block kept\">Second");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, removed);
  EXPECT_LT(removed, second);
  EXPECT_EQ(count(h, "class=\"block kept\""), 2u);
  EXPECT_EQ(count(h, "class=\"block removed\""), 1u);
}
