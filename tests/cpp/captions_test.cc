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

// A two-paragraph story about a bridge, for the judgement tests.
StoryTerms bridge_story() {
  return StoryTerms({"The city council voted to close the Elm Street bridge for repairs.",
                     "Engineers found cracks in the bridge supports."},
                    "Council closes Elm Street bridge");
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
  const StoryTerms terms = bridge_story();
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

TEST(WithoutCredit, CutsTheCreditThatEndsACaption) {
  EXPECT_EQ(without_credit("Fans cheer in the square. Photo: Jane Doe / Valley News"),
            "Fans cheer in the square.");
  EXPECT_EQ(without_credit("Fans cheer in the square (AP Photo/Jane Doe)"),
            "Fans cheer in the square");
  EXPECT_EQ(without_credit("Fans cheer in the square \u00a9 Jane Doe"), "Fans cheer in the square");
  EXPECT_EQ(without_credit("Fans cheer in the square. Credit: Valley News"),
            "Fans cheer in the square.");
  // A label before the caption, a credit alone, a caption with none: whole.
  EXPECT_EQ(without_credit("FILE PHOTO: Fans cheer in the square"),
            "FILE PHOTO: Fans cheer in the square");
  // The label's marker is passed over; the credit after the caption still goes.
  EXPECT_EQ(without_credit("FILE PHOTO: Fans cheer in the square. REUTERS/Jane Doe"),
            "FILE PHOTO: Fans cheer in the square.");
  EXPECT_EQ(without_credit("Photo: Jane Doe"), "Photo: Jane Doe");
  // A marker begins a word.
  EXPECT_EQ(without_credit("A map photo of the flooded valley"), "A map photo of the flooded valley");
  EXPECT_EQ(without_credit("Fans cheer in the square"), "Fans cheer in the square");
}

TEST(JudgeCaptions, ThePhotographersNameDoesNotCountAgainstTheStory) {
  const StoryTerms terms = bridge_story();
  std::vector<Caption> cs = {
      caption("Engineers inspect the Elm Street bridge supports.", 3, "story"),
      caption("Engineers inspect the Elm Street bridge supports. Photo by Jane Doe/Valley News",
              9, "story")};
  judge_captions(terms, 0.2, 0.4, &cs);
  EXPECT_DOUBLE_EQ(cs[1].score, cs[0].score);
}

TEST(TextPosition, AfterTheLastParagraphOrBesideTeasers) {
  // Blocks: title, paragraph, paragraph, caption, paragraph.
  const std::vector<bool> none(5, false);
  EXPECT_EQ(text_position({false, true, true, false, true}, none, 3), "story");
  // Before the first paragraph (a lead picture) is the story's place too.
  EXPECT_EQ(text_position({false, false, true, true, true}, none, 1), "story");
  // No paragraph after it: the story has ended.
  EXPECT_EQ(text_position({false, true, true, true, false}, none, 4), "after");
  EXPECT_EQ(text_position({false, true, true, false, false}, none, 3), "after");
  // Text with no paragraph at all says nothing.
  EXPECT_EQ(text_position(none, none, 2), "story");
  // A line beside it taken out as another story's headline, before or after.
  const std::vector<bool> prose = {false, true, false, false, true};
  EXPECT_EQ(text_position(prose, {false, false, false, true, false}, 2), "teasers");
  EXPECT_EQ(text_position(prose, {false, true, false, false, false}, 2), "teasers");
  EXPECT_EQ(text_position(prose, {true, false, false, false, false}, 2), "story");
}

TEST(JudgeCaptions, AfterTheStoryOrAmongTeasersItMustShareMore) {
  const StoryTerms terms = bridge_story();
  const char* text = "Engineers and divers inspect the Elm Street bridge at dawn.";
  std::vector<Caption> cs = {caption(text, 3, "story"), caption(text, 8, "after"),
                             caption(text, 12, "teasers")};
  judge_captions(terms, 0.2, 0.9, &cs);
  ASSERT_GT(cs[0].score, 0.2);
  ASSERT_LT(cs[0].score, 0.9);
  EXPECT_TRUE(cs[0].related) << cs[0].reason;
  EXPECT_FALSE(cs[1].related) << cs[1].reason;
  EXPECT_NE(cs[1].reason.find("after the story's last paragraph"), std::string::npos);
  EXPECT_FALSE(cs[2].related) << cs[2].reason;
  EXPECT_NE(cs[2].reason.find("among other stories' headlines"), std::string::npos);
}

TEST(StoryTerms, ACopyOfTheCaptionInTheStoryIsLeftOut) {
  const StoryTerms terms({"The city council voted to close the Elm Street bridge for repairs.",
                          "Ten bridges to visit this summer", "Engineers found cracks."},
                         "");
  StoryTerms less(std::vector<std::string_view>{}, "");
  // The copy may differ in case, marks and credit; its content words are the same.
  ASSERT_TRUE(terms.without_copy_of("TEN BRIDGES TO VISIT THIS SUMMER (AP Photo)", &less));
  EXPECT_EQ(terms.weighted_relevance("Ten bridges to visit this summer", nullptr), 1.0);
  // "bridges" and "summer" came only from the copy; "visit" neither.
  EXPECT_EQ(less.weighted_relevance("Ten bridges to visit this summer", nullptr), 0.0);
  // Words of the other paragraphs stay.
  EXPECT_GT(less.weighted_relevance("Engineers close the Elm Street bridge", nullptr), 0.5);
  // No copy: nothing to leave out.
  EXPECT_FALSE(terms.without_copy_of("Ten bridges to visit", &less));
  EXPECT_FALSE(terms.without_copy_of("", &less));
}

// Full terms and terms built for `asked` answer alike for each asked text.
void expect_same_answers(const StoryTerms& full, const StoryTerms& some,
                         const std::vector<std::string_view>& asked) {
  for (const std::string_view caption : asked) {
    std::vector<std::string> shared_full, shared_some;
    EXPECT_EQ(full.weighted_relevance(caption, &shared_full),
              some.weighted_relevance(caption, &shared_some))
        << caption;
    EXPECT_EQ(shared_full, shared_some) << caption;
    EXPECT_EQ(full.relevance(caption), some.relevance(caption)) << caption;
  }
}

// Each asked text shares a word or a number with the story.
void expect_each_shares(const StoryTerms& some, const std::vector<std::string_view>& asked) {
  for (const std::string_view caption : asked) {
    std::vector<std::string> shared;
    some.weighted_relevance(caption, &shared);
    EXPECT_GT(shared.size(), 0u) << caption;
  }
}

// Terms built for a few asked texts answer as the full terms do for those
// texts, and know nothing of the story's other words.
TEST(StoryTerms, TermsForAskedTextsAnswerAsTheFullTermsDo) {
  const std::vector<std::string_view> story = {
      "Mayor Ana Lopez opened the new library on the main square on Monday.",
      "Ten bridges to visit this summer",
      "The library holds 40,000 books, a cafe and a reading room for children."};
  const std::vector<std::string_view> asked = {"Ana Lopez at the library, 40,000 books",
                                               "Ten bridges to visit this summer"};
  const StoryTerms full(story, "Lopez opens library");
  const StoryTerms some(story, "Lopez opens library", tuning::kCaptionTitleWeight, &asked);
  expect_same_answers(full, some, asked);
  StoryTerms less_full(std::vector<std::string_view>{}, "");
  StoryTerms less_some(std::vector<std::string_view>{}, "");
  ASSERT_TRUE(full.without_copy_of(asked[1], &less_full));
  ASSERT_TRUE(some.without_copy_of(asked[1], &less_some));
  EXPECT_EQ(less_full.weighted_relevance(asked[1], nullptr),
            less_some.weighted_relevance(asked[1], nullptr));
  EXPECT_GT(full.relevance("children reading room"), 0.0);
  EXPECT_EQ(some.relevance("children reading room"), 0.0);  // not asked: not counted
  // Asked texts without a number: the story's numbers are not counted, and
  // the answers are still the full terms'.
  const std::vector<std::string_view> wordy = {"Ana Lopez at the library", "Ten bridges"};
  const StoryTerms no_numbers(story, "Lopez opens library", tuning::kCaptionTitleWeight, &wordy);
  expect_same_answers(full, no_numbers, wordy);
}

// The story's numbers are counted for the asked texts as the full terms
// count them: with thousands commas, at a paragraph's ends, beside letters.
TEST(StoryTerms, AskedNumbersAreReadAsTheFullTermsReadThem) {
  const std::vector<std::string_view> story = {
      "A budget of 1,200,000 for 2019, up from 1,2 and 7 in 31 days; code x2024y and 55",
      "Page 300,", ",400 people", "88"};
  const std::vector<std::string_view> asked = {"1,200,000 and 2019", "1,2 or 12, then 300 and 400",
                                               "x2024y 55 31 88"};
  const StoryTerms full(story, "Budget");
  const StoryTerms some(story, "Budget", tuning::kCaptionTitleWeight, &asked);
  expect_same_answers(full, some, asked);
  expect_each_shares(some, asked);
}

// The asked terms are looked for in the story's words whatever their form:
// hyphens, apostrophes, capitals, letters beyond ASCII, words cut by digits.
TEST(StoryTerms, AskedTermsAreFoundInEveryFormOfWord) {
  const std::string long_paragraph =
      "The well-known Caf\xC3\xA9 M\xC3\xBCller on Bridge-Street reopened, O'Neil's "
      "co-owners said; THE CAFE'S terrace seats 120 guests, up from 80, and the "
      "\xC3\x89" "cole next door sends its pupils at noon. " +
      std::string(400, 'x') + " well-known";
  const std::vector<std::string_view> story = {
      "Caf\xC3\xA9 M\xC3\xBCller's co-owners on well-known Bridge-Street, since 1998abc.",
      "A short line", long_paragraph, "The well-known Caf\xC3\xA9 M\xC3\xBCller, on Bridge-Street!",
      "Pupils of the \xC3\xA9" "cole", "Guests of the cafe"};
  const std::vector<std::string_view> asked = {
      "The well-known Caf\xC3\xA9 M\xC3\xBCller on Bridge-Street",
      "O'Neil and the co-owners at the cafe, 120 guests", "Pupils of the \xC3\xA9" "cole",
      "abc of 1998"};
  const StoryTerms full(story, "Cafe reopens");
  const StoryTerms some(story, "Cafe reopens", tuning::kCaptionTitleWeight, &asked);
  expect_same_answers(full, some, asked);
  expect_each_shares(some, asked);
  // Short paragraphs that say an asked text again are found as its copies.
  for (const std::size_t k : {0u, 2u}) {
    StoryTerms less_full(std::vector<std::string_view>{}, "");
    StoryTerms less_some(std::vector<std::string_view>{}, "");
    ASSERT_TRUE(full.without_copy_of(asked[k], &less_full)) << asked[k];
    ASSERT_TRUE(some.without_copy_of(asked[k], &less_some)) << asked[k];
    EXPECT_EQ(less_full.weighted_relevance(asked[k], nullptr),
              less_some.weighted_relevance(asked[k], nullptr));
  }
  StoryTerms less(std::vector<std::string_view>{}, "");
  EXPECT_FALSE(some.without_copy_of("Guests of the cafe", &less));  // not asked
}

TEST(JudgeCaptions, ATeasersMarksOrItsCopyInTheTextMakeItShareMore) {
  const StoryTerms terms({"The city council voted to close the Elm Street bridge for repairs.",
                          "Engineers found cracks in the bridge supports.",
                          "Council repairs bridge supports"},
                         "Council closes Elm Street bridge");
  std::vector<Caption> cs = {
      caption("Council repairs bridge supports in Millford 3 hours ago", 3, "story"),
      caption("Council repairs bridge supports in Millford", 5, "story"),
      caption("Council repairs bridge supports", 7, "story")};
  judge_captions(terms, 0.2, 0.9, &cs);
  ASSERT_GT(cs[0].score, 0.2);
  ASSERT_LT(cs[0].score, 0.9);
  EXPECT_FALSE(cs[0].related) << cs[0].reason;
  EXPECT_NE(cs[0].reason.find("reads as a teaser"), std::string::npos) << cs[0].reason;
  EXPECT_TRUE(cs[1].related) << cs[1].reason;  // the same words, no stamp
  // Its copy is left out, but the story shares its words elsewhere.
  EXPECT_TRUE(cs[2].related) << cs[2].reason;
  EXPECT_NE(cs[2].reason.find("said again in the text"), std::string::npos) << cs[2].reason;
}

}  // namespace
}  // namespace newsclean
