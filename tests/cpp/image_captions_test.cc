// Captions of HTML pages: the texts bound to images found wherever they
// stand (html/image_texts), and judged (engine/captions) with a reason.
// Made-up pages: a story about a bridge, and pictures of it and of other
// things.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "newsclean/cleaner.h"
#include "test_story.h"

namespace newsclean {
namespace {

const char* const kUrl = "https://valley.example/news/2024/council-closes-elm-street-bridge";

// A page with `before` above the story's container, `inside` among its
// paragraphs (after the second), and `after` below it.
std::string page(const std::string& inside, const std::string& before = "",
                 const std::string& after = "") {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Council closes Elm Street bridge</title></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" +
      before + "<article><h1>Council closes Elm Street bridge</h1><div class=\"story-body\">";
  for (int i = 0; i < 4; ++i) {
    html += std::string("<p>") + kStory[i] + "</p>";
    if (i == 1) html += inside;
  }
  return html + "</div></article>" + after + "</body></html>";
}

std::string story_text() {
  std::string t;
  for (const char* p : kStory) t += std::string(t.empty() ? "" : "\n") + p;
  return t;
}

const Caption* find(const Result& r, const std::string& part) {
  for (const Caption& c : r.captions) {
    if (c.text.find(part) != std::string::npos) return &c;
  }
  return nullptr;
}

Cleaner keeping_related() {
  Options o;
  o.keep_related_captions = true;
  Cleaner c;
  EXPECT_TRUE(Cleaner::create({}, o, &c).ok());
  return c;
}

TEST(ImageCaptions, FigcaptionInTheStoryIsRelatedAndLeavesTheText) {
  const Result r = Cleaner().clean(
      page("<figure><img src=\"a.jpg\"><figcaption>Engineers inspect the cracked supports of "
           "the Elm Street bridge on Monday.</figcaption></figure>"),
      kUrl);
  EXPECT_EQ(r.text, story_text());
  const Caption* c = find(r, "Engineers inspect");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->related) << c->reason;
  EXPECT_EQ(c->position, "story");
  EXPECT_NE(c->reason.find("'elm'"), std::string::npos) << c->reason;
}

TEST(ImageCaptions, AltTextOfALeadImageIsACaption) {
  const std::string lead =
      "<img src=\"lead.jpg\" alt=\"Cracked supports under the Elm Street bridge\">";
  const Result r = Cleaner().clean(page("", lead), kUrl);
  EXPECT_EQ(r.text, story_text());
  const Caption* c = find(r, "Cracked supports");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->rule, "image-alt");
  EXPECT_TRUE(c->related) << c->reason;
  // Kept, in its place (before the story), only when asked.
  const Result kept = keeping_related().clean(page("", lead), kUrl);
  EXPECT_EQ(kept.text, "Cracked supports under the Elm Street bridge\n" + story_text());
}

TEST(ImageCaptions, FileNameAltsAreNotCaptions) {
  const Result r = Cleaner().clean(
      page("<p><img src=\"x.jpg\" alt=\"IMG_2041.jpg\"><img src=\"y.jpg\" alt=\"image\"></p>"),
      kUrl);
  EXPECT_EQ(find(r, "IMG_2041"), nullptr);
  EXPECT_EQ(find(r, "image"), nullptr);
}

TEST(ImageCaptions, TeaserGridBesideTheStoryIsFoundAndUnrelated) {
  std::string grid = "<div class=\"more-stories\">";
  for (const char* h : {"Ten recipes for a quick autumn supper",
                        "Elm Street bakery wins a regional prize",
                        "Youth orchestra tours the coast in summer"}) {
    grid += std::string("<div class=\"card\"><a href=\"/news/2024/") + h[0] +
            "-story\"><img src=\"t.jpg\"><h3>" + h + "</h3></a></div>";
  }
  grid += "</div>";
  const Result r = Cleaner().clean(page("", "", grid), kUrl);
  EXPECT_EQ(r.text, story_text());
  for (const char* h : {"Ten recipes", "Elm Street bakery", "Youth orchestra"}) {
    const Caption* c = find(r, h);
    ASSERT_NE(c, nullptr) << h;
    EXPECT_FALSE(c->related) << h;
    EXPECT_TRUE(c->links_elsewhere) << h;
    EXPECT_NE(c->position, "story") << h;
    EXPECT_NE(c->reason.find("links to another page"), std::string::npos) << c->reason;
  }
}

TEST(ImageCaptions, TeaserCardAmongTheParagraphsLeavesTheText) {
  const std::string card =
      "<div><a href=\"/news/2024/harbour-festival\"><img src=\"t.jpg\">"
      "<span>Harbour festival returns with fireworks</span></a></div>";
  const Result r = Cleaner().clean(page(card), kUrl);
  EXPECT_EQ(r.text, story_text());
  const Caption* c = find(r, "Harbour festival");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->related);
  EXPECT_EQ(c->position, "story");
  const bool removed = std::any_of(r.removed.begin(), r.removed.end(), [](const Removal& x) {
    return x.text.find("Harbour festival") != std::string::npos;
  });
  EXPECT_TRUE(removed);
  // A related one would be kept; this one is not, even when asked.
  EXPECT_EQ(keeping_related().clean(page(card), kUrl).text, story_text());
}

TEST(ImageCaptions, GallerySlidesOfTheStoryAreRelated) {
  const std::string gallery =
      "<div class=\"gallery\">"
      "<div class=\"slide\"><img src=\"1.jpg\"><p>Engineers measure the cracks in the Elm "
      "Street bridge supports.</p></div>"
      "<div class=\"slide\"><img src=\"2.jpg\"><p>Drivers queue on the river road after the "
      "bridge closed.</p></div></div>";
  const Result r = Cleaner().clean(page("", gallery), kUrl);
  for (const char* s : {"Engineers measure", "Drivers queue"}) {
    const Caption* c = find(r, s);
    ASSERT_NE(c, nullptr) << s;
    EXPECT_TRUE(c->related) << c->reason;
  }
}

TEST(ImageCaptions, CreditLineTakesTheVerdictOfItsCaption) {
  const std::string figures =
      "<figure><img src=\"a.jpg\"><figcaption>Engineers inspect the Elm Street bridge "
      "supports.</figcaption><span class=\"credit\">ASSOCIATED PRESS</span></figure>"
      "<figure><img src=\"b.jpg\"><figcaption>Tourists watch a parade of vintage cars in "
      "Havana.</figcaption><span class=\"credit\">Getty Images</span></figure>";
  const Result r = Cleaner().clean(page(figures), kUrl);
  EXPECT_EQ(r.text, story_text());
  const Caption* ap = find(r, "ASSOCIATED PRESS");
  const Caption* getty = find(r, "Getty Images");
  ASSERT_NE(ap, nullptr);
  ASSERT_NE(getty, nullptr);
  ASSERT_GE(ap->credit_of, 0);
  ASSERT_GE(getty->credit_of, 0);
  EXPECT_NE(r.captions[ap->credit_of].text.find("Engineers"), std::string::npos);
  EXPECT_NE(r.captions[getty->credit_of].text.find("Tourists"), std::string::npos);
  EXPECT_TRUE(ap->related) << ap->reason;
  EXPECT_FALSE(getty->related) << getty->reason;
  EXPECT_NE(ap->reason.find("credit"), std::string::npos);
}

}  // namespace
}  // namespace newsclean
