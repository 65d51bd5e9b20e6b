#include "engine/captions.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace newsclean {
namespace {

TEST(ContentWords, LowerCasedWithoutFunctionWordsOrCaptionVocabulary) {
  EXPECT_EQ(content_words("The Minister and her Deputy (Photo by AFP) on Tuesday"),
            (std::vector<std::string>{"minister", "deputy"}));
  EXPECT_EQ(content_words("Russia's anti-virus ÄRGER Москва"),
            (std::vector<std::string>{"russia", "anti-virus", "ärger", "москва"}));
  EXPECT_TRUE(content_words("a an of to in 12 345").empty());
}

TEST(StoryTerms, CaptionAboutTheStoryScoresHigherThanOneAboutSomethingElse) {
  const std::vector<std::string_view> story = {
      "The city council voted on Tuesday to close the Elm Street bridge for repairs.",
      "Engineers found cracks in the bridge supports during an inspection in May.",
      "The council said the bridge would reopen next spring."};
  const StoryTerms terms(story, "Council closes Elm Street bridge");
  const double related = terms.relevance("Engineers inspect the Elm Street bridge supports.");
  const double unrelated = terms.relevance("Tourists watch a parade of vintage cars in Havana.");
  EXPECT_GT(related, 0.5);
  EXPECT_EQ(unrelated, 0.0);
  EXPECT_LE(related, 1.0);
}

TEST(StoryTerms, EmptyCaptionOrStoryScoresZero) {
  const StoryTerms empty({}, "");
  EXPECT_EQ(empty.relevance("Engineers inspect the bridge."), 0.0);
  const StoryTerms terms({"A bridge closed."}, "");
  EXPECT_EQ(terms.relevance(""), 0.0);
  EXPECT_EQ(terms.relevance("(AFP photo)"), 0.0);
}

TEST(CreditOnly, CreditsAloneButNotCaptionsWithCredits) {
  for (const char* t : {"ASSOCIATED PRESS", "(AFP)", "By CP", "Staff Writer", "Photo: Reuters",
                        "Getty Images", "Foto: dpa", "Copyright: Reuters"}) {
    EXPECT_TRUE(is_credit_only(t)) << t;
  }
  for (const char* t : {"Engineers inspect the Elm Street bridge supports. Photo: AP",
                        "Council closes Elm Street bridge", "Mayor opens park (AP Photo)", ""}) {
    EXPECT_FALSE(is_credit_only(t)) << t;
  }
}

TEST(StoryTerms, SharedNamesWeighMoreThanSharedWords) {
  const StoryTerms terms({"Mayor Ana Lopez opened the new library on the main square.",
                          "The library holds 40,000 books and a small cafe."},
                         "");
  std::vector<std::string> shared;
  // Same length, same number of shared words; the name and number count more.
  const double named = terms.weighted_relevance("Visitors meet Lopez, 40,000 readers", &shared);
  std::sort(shared.begin(), shared.end());
  EXPECT_EQ(shared, (std::vector<std::string>{"40000", "lopez"}));
  const double plain = terms.weighted_relevance("visitors meet square cafe readers", nullptr);
  EXPECT_GT(named, plain);
}

Caption caption(const char* text, std::size_t index, const char* position,
                bool links = false) {
  Caption c;
  c.text = text;
  c.index = index;
  c.position = position;
  c.links_elsewhere = links;
  return c;
}

TEST(JudgeCaptions, PositionLinksAndCredits) {
  const StoryTerms terms({"The city council voted to close the Elm Street bridge for repairs.",
                          "Engineers found cracks in the bridge supports."},
                         "Council closes Elm Street bridge");
  std::vector<Caption> cs = {
      caption("Engineers inspect the Elm Street bridge supports.", 3, "story"),
      caption("Photo: Reuters", 4, "story"),
      caption("Elm Street bridge repairs begin in another town", 9, "outside", true),
      caption("Cracks in the Elm Street bridge supports", 0, "outside"),
      caption("Tourists watch a parade of vintage cars in Havana.", 12, "outside"),
  };
  judge_captions(terms, 0.2, 0.4, &cs);
  EXPECT_TRUE(cs[0].related) << cs[0].reason;
  EXPECT_EQ(cs[1].credit_of, 0);
  EXPECT_TRUE(cs[1].related) << cs[1].reason;
  EXPECT_FALSE(cs[2].related) << cs[2].reason;  // same words, but a link to another page
  EXPECT_NE(cs[2].reason.find("links to another page"), std::string::npos);
  EXPECT_TRUE(cs[3].related) << cs[3].reason;
  EXPECT_FALSE(cs[4].related) << cs[4].reason;
  EXPECT_EQ(cs[4].credit_of, -1);
}

}  // namespace
}  // namespace newsclean
