// The chrome-words model: its features agree with scripts/chrome_model.py
// (which trains the weights), and it reads chrome as chrome.
#include "engine/chrome_words.h"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "newsclean/cleaner.h"
#include "test_story.h"

namespace newsclean {
namespace {

using Grams = std::vector<std::pair<std::uint32_t, int>>;

// Buckets computed by the Python side, chrome_model.features(): words split
// at white space, case folded (Latin-1 and Cyrillic too), padded, 2-5-grams.
TEST(ChromeWords, GramsAreThoseTheTrainingScriptHashes) {
  EXPECT_EQ(chrome_word_grams("Ab  \xC3\x9C"),  // "Ab  Ü"
            (Grams{{329162, 1}, {347194, 1}, {352990, 1}, {470664, 1}, {544606, 1},
                   {789791, 1}, {820200, 1}, {884056, 1}, {946808, 1}}));
  EXPECT_EQ(chrome_word_grams("\xD0\x96\xD0\xBA"),  // "Жк"
            (Grams{{52241, 1}, {57821, 1}, {94499, 1}, {714699, 1}, {726769, 1},
                   {970641, 1}}));
  EXPECT_EQ(chrome_word_grams("Ab"), chrome_word_grams("ab"));
  EXPECT_TRUE(chrome_word_grams(" \n ").empty());
  // Ill-formed UTF-8 reads as U+FFFD, and stops nothing.
  EXPECT_FALSE(chrome_word_grams("\xFF\xFE print").empty());
}

TEST(ChromeWords, ToolsAndHeadingsReadAsChromeSubheadingsDoNot) {
  for (const char* chrome : {"Printer-friendly version", "E-mail this story to a friend",
                             "Artikel versenden", "Imprimer l'article", "Most read stories"}) {
    EXPECT_GE(chrome_words_score(chrome), 0.9) << chrome;
  }
  for (const char* story : {"What happens next", "The numbers", "Police statement",
                            "Bridge reopens after repairs", "The vote"}) {
    EXPECT_LT(chrome_words_score(story), 0.9) << story;
  }
}

// In an extractor's output a line the model reads as chrome goes, by the
// chrome-words rule, and only in a story; in HTML the markup decides.
TEST(ChromeWords, TheRuleActsOnTextInAStory) {
  std::string story;
  for (std::size_t i = 0; i < std::size(kStory); ++i) {
    story += std::string(kStory[i]) + "\n\n";
    if (i == 1) story += "Register to comment\n\n";
  }
  const Result r = Cleaner().clean(story);
  EXPECT_EQ(r.text.find("Register to comment"), std::string::npos) << r.text;
  ASSERT_EQ(r.removed.size(), 1u);
  EXPECT_EQ(r.removed[0].rule, "chrome-words");
  // A lone line is no story.
  EXPECT_NE(Cleaner().clean("Register to comment\n").text.find("Register to comment"),
            std::string::npos);
  // In HTML the rule does not act.
  std::string html = "<html><body><article>";
  for (const char* p : kStory) html += "<p>" + std::string(p) + "</p>";
  html += "<h3>Register to comment</h3></article></body></html>";
  for (const Removal& x : Cleaner().clean(html, {}, Format::kHtml).removed) {
    EXPECT_NE(x.rule, "chrome-words") << x.text;
  }
}

}  // namespace
}  // namespace newsclean
