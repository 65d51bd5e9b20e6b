#include "engine/caption_form.h"

#include <gtest/gtest.h>

namespace newsclean {
namespace {

TEST(TeaserMarks, APublishingStampReadsAsATeaser) {
  EXPECT_NE(teaser_marks("Council votes to reopen the Elm Street bridge 16 hours ago"), "");
  EXPECT_NE(teaser_marks("Brücke am Stadtpark wird saniert vor 3 Stunden"), "");
  EXPECT_NE(teaser_marks("Mayor says the bridge will reopen 12:51 p.m."), "");
  EXPECT_NE(teaser_marks("River road Drivers face delays Jane Doe Saturday 4:08PM"), "");
  const std::string why = teaser_marks("Bridge repairs start 2 days ago");
  EXPECT_NE(why.find("'2 days ago'"), std::string::npos) << why;
}

TEST(TeaserMarks, ATimeInsideTheCaptionsSentenceIsNoMark) {
  EXPECT_EQ(teaser_marks("Engineers inspect the bridge at 4:30 p.m. on Tuesday."), "");
  EXPECT_EQ(teaser_marks("Ingenieure prüfen die Brücke um 10:15 am Dienstag."), "");
  EXPECT_EQ(teaser_marks("Die Brücke wird gegen 10:15 am Dienstag geprüft."), "");
  // A date alone is none: captions say when their picture was taken.
  EXPECT_EQ(teaser_marks("Engineers inspect the bridge in Millford, March 3, 2020."), "");
  EXPECT_EQ(teaser_marks("Engineers inspect the Elm Street bridge supports."), "");
  EXPECT_EQ(teaser_marks("Two days ago the bridge was still open."), "");
}

TEST(TeaserMarks, AQuestionOrACryAtTheEndReadsAsATeaser) {
  EXPECT_NE(teaser_marks("Is the Elm Street bridge safe?"), "");
  EXPECT_NE(teaser_marks("Subscribe to our bridge newsletter now!"), "");
  const std::string why = teaser_marks("Will the bridge reopen in spring? (AP Photo)");
  EXPECT_NE(why.find("'?'"), std::string::npos) << why;
  // Inside a quote, or before the caption goes on, it is what a sign or a
  // person says.
  EXPECT_EQ(teaser_marks("Protesters hold a sign reading \u201cSave our bridge!\u201d"), "");
  EXPECT_EQ(teaser_marks("\"Is it safe?\" asks a driver at the closed Elm Street bridge."), "");
}

TEST(TeaserMarks, EnglishHeadlineCaseReadsAsATeaser) {
  EXPECT_EQ(teaser_marks("Council Says The Bridge Will Stay Closed For Years"), "headline case");
  EXPECT_EQ(teaser_marks("Why The Elm Street Bridge Is Closing For Good"), "headline case");
  // One capital function word, or capitals after a sentence's end, or names
  // that are function words elsewhere: a caption.
  EXPECT_EQ(teaser_marks("Engineers inspect the bridge. The council closed it in May."), "");
  EXPECT_EQ(teaser_marks("Mayor Will Smith and Deputy May Jones at the Elm Street bridge"), "");
  EXPECT_EQ(teaser_marks("Engineers From Millford inspect the bridge"), "");
  EXPECT_EQ(teaser_marks("Der Rat und die Stadt: Die Brücke bleibt zu"), "");
  // A caption in capitals shouts; it is not headline case.
  EXPECT_EQ(teaser_marks("ENGINEERS INSPECT THE BRIDGE AFTER THE FLOOD"), "");
}

TEST(TeaserMarks, AHeadingSaidAgainReadsAsATeaser) {
  // A card's label, then its headline starting with the same words.
  const std::string why = teaser_marks("Market Wrap Market Wrap 5.3.19 Shares rise on bank news");
  EXPECT_NE(why.find("'market wrap'"), std::string::npos) << why;
  EXPECT_NE(teaser_marks("Read Five Bridges To See Five Bridges To See in Spring"), "");
  // Function words said twice are not a heading.
  EXPECT_EQ(teaser_marks("In the rain, workers close the bridge in the morning"), "");
  // Names said again in the credit: the credit is no part of the caption.
  EXPECT_EQ(teaser_marks("Valley United fans cheer at the Elm Street ground. (Photo by Jane Doe/"
                         "Valley United FC)"),
            "");
  // A word said twice, but no pair of the first words, is not either.
  EXPECT_EQ(teaser_marks("Bridge workers and bridge engineers meet"), "");
}

TEST(TeaserMarks, ATeamOrAPersonNamedTwiceIsNoHeading) {
  EXPECT_EQ(teaser_marks("Valley United's Tom Reed scores against Valley United's old rivals "
                         "at the Elm Street ground"),
            "");
  EXPECT_EQ(teaser_marks("New Millford Rovers' Jane Doe blocks a shot by New Millford Rovers' "
                         "captain during the cup final"),
            "");
  // The same pair right after itself is a card's label, then its headline.
  EXPECT_NE(teaser_marks("Valley United Valley United win the cup at the Elm Street ground"), "");
}

TEST(TeaserMarks, ALeadCutShortReadsAsATeaser) {
  const std::string why =
      teaser_marks("Bridge reopens The council said on Monday that the Elm Street bridge wi...");
  EXPECT_NE(why.find("cut short"), std::string::npos) << why;
  EXPECT_NE(teaser_marks("Die Brücke am Stadtpark wird ab Montag wieder f\xE2\x80\xA6"), "");
  // Marks inside the caption are not its end.
  EXPECT_EQ(teaser_marks("Engineers wait... and the bridge stays shut on Tuesday."), "");
}

TEST(TeaserMarks, ACallToReadOnReadsAsATeaser) {
  const std::string why = teaser_marks("Bridge reopens after two years of repairs Read more");
  EXPECT_NE(why.find("'Read more'"), std::string::npos) << why;
  EXPECT_NE(teaser_marks("Brücke wieder offen Die Stadt gibt den Übergang frei. Weiterlesen \xC2\xBB"),
            "");
  EXPECT_NE(teaser_marks("Le pont rouvre Lire la suite"), "");
  // "read" alone, or "more" alone, is no call.
  EXPECT_EQ(teaser_marks("Volunteers read more than 300 names at the bridge."), "");
  EXPECT_EQ(teaser_marks("A sign reading 'Bridge closed' at the Elm Street crossing"), "");
}

TEST(TeaserMarks, AListingDateAtItsEndReadsAsATeaser) {
  const std::string why = teaser_marks("CITY NEWS Bridge reopens after repairs March 3, 2020");
  EXPECT_NE(why.find("'March 3, 2020'"), std::string::npos) << why;
  EXPECT_NE(teaser_marks("Brücke wieder offen Weiterlesen \xC2\xBB 4. Mai 2021"), "");
  EXPECT_NE(teaser_marks("Bridge opens Jane Doe 2020-03-03"), "");
  EXPECT_NE(teaser_marks("Stadtrat berät über die Brücke 03.03.2020"), "");
}

TEST(TeaserMarks, ADateInsideTheCaptionsSentenceIsNoMark) {
  // After "on", a comma or a bracket, or ending a sentence: the picture's date.
  EXPECT_EQ(teaser_marks("Engineers inspect the Elm Street bridge on March 3, 2020"), "");
  EXPECT_EQ(teaser_marks("Engineers inspect the Elm Street bridge in Millford, Tuesday, March 3, "
                         "2020 (AP Photo/Jane Doe)"),
            "");
  EXPECT_EQ(teaser_marks("Engineers inspect the bridge (March 3, 2020)"), "");
  EXPECT_EQ(teaser_marks("Ingenieure prüfen die Brücke am 3. März 2020"), "");
  EXPECT_EQ(teaser_marks("A picture taken March 3, 2020 shows the bridge"), "");
  EXPECT_EQ(teaser_marks("The Elm Street bridge, photographed March 3, 2020."), "");
}

}  // namespace
}  // namespace newsclean
