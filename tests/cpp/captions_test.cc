#include "engine/captions.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsclean
