// The HTML front door: parsing in any charset, content choice, blocks,
// metadata, and pages that must not break anything.
#include <algorithm>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html/extract.h"
#include "html/selectors.h"
#include "html/charset.h"
#include "newsclean/cleaner.h"
#include "test_story.h"
#include "rules/load.h"
#include "rules/match.h"
#include "test_rules.h"

namespace newsclean {
namespace {

std::string page(const std::string& extra_body = "", const std::string& head = "") {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Council closes Elm Street bridge | Valley News</title>"
      "<meta property=\"og:title\" content=\"Council closes Elm Street bridge\">"
      "<meta property=\"og:site_name\" content=\"Valley News\">"
      "<meta name=\"author\" content=\"Jane Roe\">"
      "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">"
      "<link rel=\"canonical\" href=\"https://valley.example/bridge\">" +
      head +
      "<script>var x = '<p>not text</p>';</script><style>p{color:red}</style></head><body>"
      "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>"
      "<header><h1>Council closes Elm Street bridge</h1></header>"
      "<article><div class=\"story-body\">";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += extra_body +
          "</div></article>"
          "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Man bites dog in "
          "the park</a></li><li><a href=\"/b\">Cat elected mayor of the town</a></li></ul></aside>"
          "<footer><p>&copy; 2024 Valley News. All rights reserved.</p></footer></body></html>";
  return html;
}

std::string story_text() {
  std::string t;
  for (const char* p : kStory) t += std::string(t.empty() ? "" : "\n") + p;
  return t;
}

TEST(Html, ExtractsTheStoryAndTheMetadata) {
  const Result r = Cleaner().clean(page(), "https://valley.example/bridge");
  EXPECT_EQ(r.format, "html");
  EXPECT_EQ(r.text, story_text());
  EXPECT_EQ(r.title, "Council closes Elm Street bridge");
  EXPECT_EQ(r.site_name, "Valley News");
  EXPECT_EQ(r.author, "Jane Roe");
  EXPECT_EQ(r.published, "2024-03-05T10:00:00Z");
  EXPECT_EQ(r.language, "en");
  EXPECT_EQ(r.canonical_url, "https://valley.example/bridge");
}

TEST(Html, FigureCaptionsAreJudgedLikeTextCaptions) {
  const std::string figures =
      "<figure><img src=a.jpg><figcaption>Engineers inspect the cracked supports of the Elm "
      "Street bridge.</figcaption></figure>"
      "<figure><img src=b.jpg><figcaption>Tourists watch a parade of vintage cars in "
      "Havana.</figcaption></figure>";
  const Result r = Cleaner().clean(page(figures));
  EXPECT_EQ(r.text, story_text());
  ASSERT_EQ(r.captions.size(), 2u);
  EXPECT_TRUE(r.captions[0].related);
  EXPECT_FALSE(r.captions[1].related);
  EXPECT_EQ(r.captions[0].rule, "html-figure-caption");
}

TEST(Html, InlineTagsNeitherGlueNorSplitWords) {
  const std::string body =
      "<p>Officials said the <b>re</b>pairs would cost <em>about</em> two million, "
      "<a href=\"#\">according to</a> the <small>draft</small> budget.<br>A second line "
      "follows the break in the same paragraph of text.</p>";
  const Result r = Cleaner().clean(page(body));
  EXPECT_NE(r.text.find("Officials said the repairs would cost about two million, according "
                        "to the draft budget."),
            std::string::npos)
      << r.text;
  EXPECT_NE(r.text.find("\nA second line follows"), std::string::npos);
}

TEST(Html, BreadcrumbListGivesTheSection) {
  const std::string ld =
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
      "\"BreadcrumbList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":"
      "\"News\"},{\"@type\":\"ListItem\",\"position\":2,\"name\":\"Local\"}]}</script>";
  EXPECT_EQ(Cleaner().clean(page("", ld)).section, (std::vector<std::string>{"News", "Local"}));
}

TEST(Html, Latin1WithoutACharsetIsRead) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 3; ++i) {
    html += "<p>Le caf\xe9 du march\xe9 a rouvert ses portes mardi, apr\xe8s deux ann\xe9"
            "es de travaux, a annonc\xe9 la mairie.</p>";
  }
  html += "</article></body></html>";
  const Result r = Cleaner().clean(html, "", Format::kHtml);
  EXPECT_NE(r.text.find("Le café du marché a rouvert"), std::string::npos) << r.text;
}

TEST(Html, Utf16WithABomIsRead) {
  const std::string utf8 = page();
  std::string utf16 = "\xFF\xFE";
  for (unsigned char c : utf8) {  // the page is ASCII
    utf16.push_back(static_cast<char>(c));
    utf16.push_back('\0');
  }
  const Result r = Cleaner().clean(utf16);
  EXPECT_EQ(r.format, "html");
  EXPECT_EQ(r.text, story_text());
}

TEST(Html, AutoFormatTellsTextFromHtml) {
  EXPECT_TRUE(looks_like_html(page()));
  EXPECT_TRUE(looks_like_html("  <p>One</p><p>Two</p><p>Three</p>"));
  EXPECT_FALSE(looks_like_html("The council met on Tuesday.\nIt agreed 3 < 4 and 5 > 2."));
  // An extractor's text of a page about HTML quotes tags in its prose and
  // code samples; it is still text.
  std::string tutorial = "HTML forms\n\n";
  for (int i = 0; i < 6; ++i) {
    tutorial += "A form groups its fields; a label is written <label>Name</label> and a "
                "paragraph <p>like this</p>, each explained at some length in the text "
                "around the examples so that a reader can follow what the markup does.\n";
  }
  EXPECT_FALSE(looks_like_html(tutorial));
  EXPECT_TRUE(looks_like_html("Intro <div><p>One</p><p>Two</p><p>Three</p></div>"));
  EXPECT_EQ(Cleaner().clean("The council met on Tuesday to agree the budget.").format, "text");
  EXPECT_EQ(Cleaner().clean(page(), "", Format::kText).format, "text");
}

TEST(Html, APageOfLinksIsNotAStory) {
  std::string html = "<html><body><ul>";
  for (int i = 0; i < 40; ++i) {
    html += "<li><a href=\"/s" + std::to_string(i) + "\">Headline number " + std::to_string(i) +
            " about something that happened today</a></li>";
  }
  html += "</ul></body></html>";
  EXPECT_LT(Cleaner().clean(html).text.size(), 200u);
}

TEST(Html, TextSpreadOverManyBoxesIsKeptTogether) {
  // A service page: short sections in sibling boxes, none of them dominant.
  std::string html = "<html><body><nav><a href=/>Home</a></nav><main>";
  const char* const sections[] = {
      "We design and build data platforms for mid-sized companies, from the first audit to "
      "the daily running of the system.",
      "Our consultants have worked in banking, retail and logistics, and we staff every "
      "project with at least one engineer who knows your industry.",
      "Pricing is fixed per phase, agreed in writing before the work starts, so there are "
      "no surprises on the invoice at the end of the month.",
  };
  for (const char* p : sections) {
    html += std::string("<section><div class=\"box\"><h2>Heading</h2><p>") + p +
            "</p></div></section>";
  }
  html += "</main></body></html>";
  const Result r = Cleaner().clean(html);
  for (const char* p : sections) EXPECT_NE(r.text.find(p), std::string::npos) << p;
}

TEST(Html, AHeadingsAnchorToItsOwnPlaceIsNoLinkAway) {
  // Documentation puts a link to each heading's own place on the heading;
  // a heading that links to another page of the site is a teaser.
  const auto text_with = [](const std::string& heading) {
    return Cleaner().clean(page(heading + "<p>" + kStory[0] + "</p>"),
                           "https://valley.example/bridge").text;
  };
  EXPECT_NE(text_with("<h2><a href=\"#repairs\">How the repairs are paid for</a></h2>")
                .find("How the repairs are paid for"),
            std::string::npos);
  EXPECT_EQ(text_with("<h2><a href=\"/ferry\">Ferry fares to rise in the spring</a></h2>")
                .find("Ferry fares"),
            std::string::npos);
}

TEST(Html, AListOfLinksThatIsThePageStays) {
  // A page of headlines with a line under each: the headlines are the
  // content, not teasers beside a story.
  std::string html = "<html><body><main>";
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    html += "<div class=\"item\"><h2><a href=\"/s" + n + "\">Harbour board report number " +
            n + " is out</a></h2><p>The board met on Tuesday about the quay.</p></div>";
  }
  html += "</main></body></html>";
  const Result r = Cleaner().clean(html, "https://harbour.example/reports/");
  EXPECT_NE(r.text.find("Harbour board report number 3 is out"), std::string::npos) << r.text;
}

TEST(Html, BrokenPagesGiveAResultNotACrash) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deep inside.</p>";
  std::string huge = "<html><body>";
  while (huge.size() < 30u << 20) {
    huge += "<p>Council members met again on Tuesday night, and the debate ran late.</p>\n";
  }
  const std::string cases[] = {
      deep,
      huge,
      "<html><body><p>Unclosed <b>tags <i>everywhere<p>and more",
      "<html><body><article><p>Truncated in the mid",
      std::string("<html>\0\0\0<body>\xff\xfe\xfd</body>", 24),
      "<<<>>></<//>",
      "<!DOCTYPE html>",
      "<html><head><meta charset=\"no-such-charset\"></head><body><p>Text.</p></body></html>",
      "",
  };
  for (const auto& html : cases) {
    const Result r = Cleaner().clean(html, "", Format::kHtml);
    EXPECT_EQ(r.format, "html");
    EXPECT_LE(r.stats.kept, r.stats.blocks);
  }
}

TEST(Html, SiteRulesCanNameTheBodyAndStripElements) {
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(R"(
rules:
  - id: valley-body
    category: site
    sites: [valley.example]
    body: '//div[@id="real"]'
  - id: valley-promo
    category: advert
    sites: [valley.example]
    xpath: '//p[@class="promo"]'
)")},
                              {}, &c)
                  .ok());
  const std::string html =
      "<html><body><div id=\"real\"><p>The only paragraph the site wants, with enough words "
      "to count.</p><p class=\"promo\">Buy our paper today and save money on every issue.</p>"
      "</div><div><p>A long decoy paragraph, with commas, many commas, and more words than "
      "the real one, so that scoring alone would prefer it to the story.</p></div></body></html>";
  EXPECT_EQ(c.clean(html, "https://valley.example/x").text,
            "The only paragraph the site wants, with enough words to count.");
  EXPECT_NE(c.clean(html, "https://other.example/x").text.find("decoy"), std::string::npos);
}

// Posts of a thread, each in a comment box as forum software writes them.
const char* const kPosts[] = {
    "I replaced the chain on my bike last week, and now it skips under load on the two "
    "smallest sprockets. Is the cassette worn, or did I fit the chain wrongly?",
    "A new chain on a worn cassette skips exactly like that. Measure the old chain: if it "
    "was stretched past 0.75 percent, the cassette is almost certainly worn too.",
    "Check the derailleur hanger as well, since a bent hanger gives the same symptom, and "
    "it is a cheap part to replace before you buy a new cassette.",
};

std::string thread(const std::string& head, const std::string& item_type) {
  std::string html = "<html><head>" + head + "</head><body><nav><a href=\"/\">Forum</a></nav>"
                     "<main><h1>Chain skips after replacement</h1><div" + item_type + ">";
  int id = 1;
  for (const char* p : kPosts) {
    html += "<div id=\"comment-" + std::to_string(id++) +
            "\" class=\"comment\"><span class=\"author\">rider</span><p>" + p + "</p></div>";
  }
  return html + "</div></main></body></html>";
}

TEST(Html, OnADiscussionPageThePostsAreTheContent) {
  const std::string microdata =
      thread("", " itemscope itemtype=\"https://schema.org/DiscussionForumPosting\"");
  const std::string json_ld = thread(
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@type\":\"DiscussionForumPosting\",\"headline\":\"Chain skips\"}</script>",
      "");
  for (const std::string& html : {microdata, json_ld}) {
    const Result r = Cleaner().clean(html, "https://forum.example/t/1");
    for (const char* p : kPosts) EXPECT_NE(r.text.find(p), std::string::npos) << p;
  }
  // The same boxes on a page that does not say it is a discussion look like a
  // comment section; but they are all the page's text, so they stay (a page
  // with sentences never comes out empty). Next to a story they go (below).
  const Result plain = Cleaner().clean(thread("", ""), "https://forum.example/t/1");
  for (const char* p : kPosts) EXPECT_NE(plain.text.find(p), std::string::npos) << p;
}

TEST(Html, AnArticleStillLosesItsComments) {
  const std::string comments =
      "<div id=\"comments\"><div class=\"comment\"><p>" + std::string(kPosts[1]) +
      "</p></div></div>";
  const Result r = Cleaner().clean(page(comments), "https://valley.example/bridge");
  EXPECT_EQ(r.text, story_text());
}

TEST(Html, NoscriptHoldingThePageIsRead) {
  // A page drawn by scripts, with its text served in <noscript> for crawlers.
  std::string posts;
  for (const char* p : kPosts) posts += std::string("<div class=\"post\"><p>") + p + "</p></div>";
  for (const char* p : kStory) posts += std::string("<div class=\"post\"><p>") + p + "</p></div>";
  const std::string app =
      "<html><body><div id=\"splash\">Loading</div><script>start()</script>"
      "<noscript><div id=\"main-outlet\"><h1>Chain skips</h1>" + posts +
      "</div></noscript></body></html>";
  const Result r = Cleaner().clean(app);
  for (const char* p : kPosts) EXPECT_NE(r.text.find(p), std::string::npos) << p;
  // A <noscript> beside a visible story is not read.
  const Result story = Cleaner().clean(
      page("<noscript><p>" + std::string(kPosts[0]) + "</p></noscript>"));
  EXPECT_EQ(story.text, story_text());
}

TEST(Html, CustomElementsWithAnHrefAreLinks) {
  // A menu drawn with custom elements that act as links, long enough to
  // outweigh the story if its words counted as prose.
  std::string menu = "<div class=\"mega\">";
  for (int col = 0; col < 12; ++col) {
    menu += "<div class=\"col\"><div class=\"items\">";
    for (int i = 0; i < 12; ++i) {
      menu += "<menu-item href=\"/c" + std::to_string(col * 12 + i) +
              "\">Category item number " + std::to_string(i) + "</menu-item> ";
    }
    menu += "</div></div>";
  }
  menu += "</div>";
  std::string story = "<div class=\"description\">";
  for (int i = 0; i < 20; ++i) {
    story += "<p>Part " + std::to_string(i) +
             " of the product description, with the size, the weight and the care of the "
             "item.</p>";
  }
  story += "</div>";
  const Result r = Cleaner().clean("<html><body>" + menu + story + "</body></html>");
  EXPECT_NE(r.text.find("Part 19 of the product"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Category item"), std::string::npos) << r.text;
}

TEST(Html, PageBuilderComponentsAreNotConsentBanners) {
  // Adobe Experience Manager names every component "cmp-...": the story is
  // in them, while the consent banner says what it is.
  std::string html =
      "<html><body><div class=\"cmp-container\">";
  for (const char* p : kStory) {
    html += std::string("<div class=\"cmp-accordion__item\"><p>") + p + "</p></div>";
  }
  html +=
      "</div><div id=\"consent-banner\"><p>We use cookies to improve your experience "
      "on our site, and to show you relevant advertising.</p></div></body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_EQ(r.text, story_text());
}

TEST(Html, AWinnerStrippedToNothingGivesWayToTheNext) {
  // A promotion bar with more commas than the page's own text wins the
  // scoring, and the class rules then strip all of it.
  std::string slides;
  for (int i = 0; i < 4; ++i) {
    slides += "<div class=\"promo-slide\"><p>Free shipping, free returns, gift wrapping, "
              "members save, offer " + std::to_string(i) +
              ", today, tomorrow, always, everywhere, for you.</p><p>Sale, sale, sale, up to "
              "half off, on shoes, bags, hats, coats, and more, this week only.</p></div>";
  }
  const std::string html =
      "<html><body><div class=\"top\"><div class=\"bar\"><div class=\"promo-bar\">" + slides +
      "</div></div></div><div class=\"page\"><main><div class=\"wrap\"><h1>Custom set</h1>"
      "<div class=\"hero\"><p>Your skin is unique and our quiz builds a routine for it in "
      "three minutes</p><p>Answer five questions about your skin and we suggest four "
      "products that work together</p></div></div></main></div></body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_NE(r.text.find("Answer five questions"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Free shipping"), std::string::npos) << r.text;
}

TEST(Html, SectionsNamedAfterTheirAdsAreStillTheStory) {
  // Every section of a review carries a modifier for the ad slot after it
  // ("report__section--ads"): the class rules would take most of the story's
  // prose, so the page is read again on its structure alone. The headline
  // and the date above the sections survive either way.
  std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/tests\">Tests</a></nav>"
      "<article class=\"report\"><h1>Grill under test</h1><p class=\"meta\">12.03.2019</p>";
  for (const char* p : kStory) {
    html += std::string("<section class=\"report__section report__section--ads\"><p>") + p +
            "</p></section>";
  }
  html += "</article><footer>Imprint</footer></body></html>";
  const Result r = Cleaner().clean(html);
  for (const char* p : kStory) EXPECT_NE(r.text.find(p), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Imprint"), std::string::npos) << r.text;
}

TEST(Html, AStorySplitOverSectionBoxesIsKeptWhole) {
  // A page builder puts each section of the story in its own nested box; the
  // first is the longest, the others too short to tie with it.
  const auto box = [](const std::string& paragraphs) {
    return "<div class=\"section\"><div class=\"text-block\"><div class=\"rich-text\">" +
           paragraphs + "</div></div></div>";
  };
  std::string first;
  for (const char* p : kStory) first += std::string("<p>") + p + "</p>";
  std::string html = "<html><body><nav><a href=\"/\">Home</a></nav><article>" + box(first);
  for (int i = 1; i < 3; ++i) html += "<h2>Section</h2>" + box(std::string("<p>") + kPosts[i] + "</p>");
  html += "</article><div class=\"more\"><a href=\"/a\">Another story</a></div></body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_NE(r.text.find(kStory[0]), std::string::npos) << r.text;
  EXPECT_NE(r.text.find(kPosts[2]), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Another story"), std::string::npos) << r.text;
}

TEST(Html, JumpTargetsOfATableOfContentsAreStory) {
  // "skip" in a class names the sections a table of contents jumps to as
  // often as it names a skip link.
  std::string html = "<html><body><div class=\"blog-content\">";
  int i = 0;
  for (const char* p : kStory) {
    html += "<div class=\"skip-item\" id=\"topic" + std::to_string(i++) + "\"><p>" + p +
            "</p></div>";
  }
  html += "</div></body></html>";
  EXPECT_EQ(Cleaner().clean(html).text, story_text());
}

TEST(Html, InvalidXPathIsARuleError) {
  Cleaner c;
  const Status s = Cleaner::create(
      {RuleSource::from_string("rules:\n  - id: bad\n    category: x\n    xpath: '//div[@'\n",
                               "site.yaml")},
      {}, &c);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("site.yaml:4:12: rule 'bad': invalid XPath", 0), 0u)
      << s.message();
}


// Attributes that neither the extractor nor a rule reads are left out of the
// tree; those a rule names stay, whatever else is around them.
TEST(Html, AttributesARuleNamesStayInTheTree) {
  const std::string aside =
      "The mayor will speak about the bridge at the town hall on Friday evening.";
  const auto cleaned = [&](const std::string& xpath, const std::string& attributes) {
    Cleaner c;
    EXPECT_TRUE(Cleaner::create({RuleSource::from_string("rules:\n  - id: promo\n"
                                                         "    category: advert\n    xpath: '" +
                                                         xpath + "'\n")},
                                {}, &c)
                    .ok());
    return c.clean(page("<p " + attributes + ">" + aside + "</p>"),
                   "https://valley.example/bridge")
        .text;
  };
  // Without a rule that selects it, the paragraph is story.
  EXPECT_NE(Cleaner().clean(page("<p data-slot=\"promo\">" + aside + "</p>")).text.find(aside),
            std::string::npos);
  EXPECT_EQ(cleaned("//p[@data-slot=\"promo\"]", "data-slot=\"promo\""), story_text());
  EXPECT_EQ(cleaned("//p[attribute::data-slot]", "DATA-SLOT='x'"), story_text());
  EXPECT_EQ(cleaned("//p[@*=\"promo\"]", "data-slot=\"promo\""), story_text());  // any name
  // A dropped value holding '>' and '/>' does not end the tag early.
  EXPECT_EQ(cleaned("//p[@class=\"promo\"]", "data-x=\"1 > 0 />\" title='a>b' class=\"promo\""),
            story_text());
}

TEST(Html, CaptionsAreJudgedAgainstThePagesOwnTitle) {
  // The story never names the festival; the page's title does.
  const std::string html =
      "<html><head><meta property=\"og:title\" content=\"Zorblax festival returns\">"
      "</head><body><article><figure><img src=\"a.jpg\"><figcaption>Zorblax festival crowds "
      "gather</figcaption></figure>" +
      [] {
        std::string ps;
        for (const char* p : kStory) ps += std::string("<p>") + p + "</p>";
        return ps;
      }() +
      "</article></body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_EQ(r.title, "Zorblax festival returns");
  ASSERT_EQ(r.captions.size(), 1u);
  EXPECT_EQ(r.captions[0].text, "Zorblax festival crowds gather");
  EXPECT_GT(r.captions[0].score, 0.2);
  EXPECT_TRUE(r.captions[0].related);
}

TEST(Html, APassEarlyRuleActsBeforeTheContentIsChosenWhateverItsCategory) {
  // A legal box with more paragraphs than the story would win as the content
  // (a site's rule: a generic one leaves alone a box holding a third of the page).
  std::string legal = "<div class=\"legalwall\">";
  for (int i = 0; i < 8; ++i) {
    legal += "<p>Ticket records are kept by the festival committee for seven years, as the "
             "regional law on public events requires of every organiser, section " +
             std::to_string(i) + ".</p>";
  }
  legal += "</div>";
  const std::string html = "<html><body>" + legal + "<div class=\"story\">" + [] {
    std::string ps;
    for (const char* p : kStory) ps += std::string("<p>") + p + "</p>";
    return ps;
  }() + "</div></body></html>";
  const auto cleaned = [&](const std::string& pass) {
    Cleaner c;
    const Status s = Cleaner::create(
        {RuleSource::from_string("rules:\n  - id: legal-box\n    category: cookie-banner\n"
                                 "    strip_id_or_class: [legalwall]\n"
                                 "    sites: [valley.example]\n" + pass)},
        {}, &c);
    EXPECT_TRUE(s.ok()) << s.message();
    return c.clean(html, "https://valley.example/bridge").text;
  };
  EXPECT_EQ(cleaned("    pass: early\n"), story_text());
  // Only inside the chosen content, the box is the content and stays.
  EXPECT_NE(cleaned("").find("Ticket records are kept"), std::string::npos);
}

TEST(Html, SuspendedRulesLeaveDiscussionPagesAlone) {
  const std::string forum =
      "<script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\"}</script>";
  const std::string reply =
      "<p class=\"reply\">I crossed that bridge every day for twenty years and never saw a "
      "crack in it, so the news came as a surprise to all of us on the east bank.</p>";
  const auto cleaned = [&](const std::string& head, const std::string& suspend) {
    Cleaner c;
    const Status s = Cleaner::create(
        {RuleSource::from_string("rules:\n  - id: replies\n    category: comments\n"
                                 "    xpath: '//p[@class=\"reply\"]'\n" + suspend)},
        {}, &c);
    EXPECT_TRUE(s.ok()) << s.message();
    return c.clean(page(reply, head)).text;
  };
  const std::string suspend = "    suspend_on: discussion\n";
  EXPECT_EQ(cleaned("", suspend), story_text());      // not a forum: the rule acts
  EXPECT_EQ(cleaned(forum, ""), story_text());        // not suspended: it acts
  EXPECT_NE(cleaned(forum, suspend).find("I crossed that bridge"), std::string::npos);
}

TEST(Html, ClassNamesThatStripAllTheContentAreNotTrusted) {
  // The story in three boxes whose class names look like site chrome: each
  // holds a third of the text, so the class/id rules would strip all three.
  std::string html = "<html><body><div id=\"page\">";
  for (int box = 0; box < 3; ++box) {
    html += "<div class=\"w-sidebar\">";
    for (int i = 0; i < 2; ++i) {
      html += std::string("<p>Box ") + std::to_string(box) + ", paragraph " + std::to_string(i) +
              ": the council voted on Tuesday to close the bridge for repairs, and said the "
              "work would take most of the winter.</p>";
    }
    html += "</div>";
  }
  html += "</div></body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_EQ(r.stats.kept, 6u) << r.text;
  EXPECT_EQ(r.text.rfind("Box 0, paragraph 0: the council voted", 0), 0u) << r.text;
}

// A shop's category page: an introduction in a paragraph, and cards with no
// paragraph of their own (a linked name, a price, a size); `head` says what
// the page is.
std::string category_page(const std::string& head = "") {
  std::string html =
      "<html><head><title>Standing desks</title>" + head +
      "</head><body><nav><a href=\"/\">Home</a> <a href=\"/desks\">Desks</a></nav><main>"
      "<div class=\"intro\"><h1>Standing desks</h1><p>Work sitting or standing: every desk "
      "here changes height at the touch of a button and comes with a ten-year warranty.</p>"
      "</div><div class=\"grid\">";
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    html += "<div class=\"card\"><h3><a href=\"/desk-" + n + "\">Oak standing desk, model " + n +
            "</a></h3><div class=\"price\">$ " + std::to_string(400 + 50 * i) +
            "</div><div class=\"size\">120 x 60 cm, two motors</div></div>";
  }
  return html + "</div></main><footer>Contact us</footer></body></html>";
}

TEST(Html, APageThatIsNoStoryShowingNextToNothingIsReadWider) {
  // The introduction is the one paragraph, so the scorer takes it alone; the
  // page does not say it is an article and shows a line: it is read again,
  // widened to the box that holds most of its text, the cards.
  const Result r = Cleaner().clean(category_page());
  EXPECT_NE(r.text.find("Work sitting or standing"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("Oak standing desk, model 11"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("$ 950"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Contact us"), std::string::npos) << r.text;
}

TEST(Html, AShortStoryIsNotReadWider) {
  // The same page saying it is an article: its one paragraph is a short
  // story, and a short story is short; the boxes after it are not read in.
  const Result r =
      Cleaner().clean(category_page("<meta property=\"og:type\" content=\"article\">"));
  EXPECT_EQ(r.text,
            "Standing desks\nWork sitting or standing: every desk here changes height at the "
            "touch of a button and comes with a ten-year warranty.");
}

// A story page with a privacy dialog floating over it: the dialog's
// paragraphs are long prose about data use; the story is short, its
// paragraphs full of links.
std::string page_with_dialog(const std::string& dialog_attrs) {
  std::string html =
      "<html><head><title>Harbour ferry returns</title></head><body>"
      "<div " + dialog_attrs + "><h2>Your privacy</h2>";
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>We and our partners store and read information on your device, such as cookies, "
        "unique identifiers and browsing data, to measure the use of this site, to show you "
        "personalised content and adverts, to analyse, improve and develop our services, and "
        "to share data with partners in countries whose laws may protect it less, as set out "
        "in section " + std::to_string(i) + ".</p>";
  }
  return html +
         "<button>Accept all</button></div><nav><a href=\"/\">Home</a></nav><article>"
         "<h1>Harbour ferry returns</h1>"
         "<p>The harbour ferry sails again from Monday after a winter in dry dock, "
         "<a href=\"/ferry\">the council said</a>.</p>"
         "<p>Crossings run every half hour, and <a href=\"/fares\">fares stay the same</a> "
         "until the summer.</p>"
         "<p>The old landing stage was rebuilt over the winter, <a href=\"/works\">at a cost "
         "the council did not give</a>.</p>"
         "<p>Ferry staff, kept on through the winter, repainted the boat and <a href=\"/crew\">"
         "trained two new skippers</a>.</p></article><footer>Contact us</footer></body></html>";
}

TEST(Html, AStoryOutscoredByADialogOverThePageWins) {
  // The dialog's prose outscores the story, but it floats over the page: a
  // candidate outside every dialog that scores a share of it wins.
  for (const std::string attrs : {"class=\"privacy-modal\"", "role=\"dialog\"",
                                  "id=\"consent\""}) {
    const Result r = Cleaner().clean(page_with_dialog(attrs));
    EXPECT_NE(r.text.find("The harbour ferry sails again"), std::string::npos) << attrs << r.text;
    EXPECT_EQ(r.text.find("We and our partners"), std::string::npos) << attrs << r.text;
  }
}

TEST(Html, AStoryInAPopupWithNoRivalStays) {
  // A story drawn in a popup-named box (a page opened as an overlay), with
  // nothing outside it but a menu: it is the content.
  const std::string html =
      "<html><head><title>Harbour ferry returns</title></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
      "<div class=\"story-popup\"><h1>Harbour ferry returns</h1>"
      "<p>The harbour ferry sails again from Monday after a winter in dry dock, the council "
      "said, and crossings run every half hour until the end of the summer season.</p>"
      "<p>Fares stay the same until the summer, and the old landing stage, rebuilt over the "
      "winter, opens with the first crossing on Monday morning.</p></div></body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_EQ(r.text.rfind("Harbour ferry returns\nThe harbour ferry sails again", 0), 0u) << r.text;
  EXPECT_NE(r.text.find("opens with the first crossing"), std::string::npos) << r.text;
}

// A page that prints its story and, after it, the next stories of an
// endless scroll, each an <article> under its own heading; the others are
// longer. `title` is the page's <title>.
std::string page_of_stories(const std::string& title) {
  std::string html = "<html><head><title>" + title + "</title></head><body>"
                     "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><main>"
                     "<article><h1>Elm Street bridge closed for repairs</h1>";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += "</article>";
  for (const char* next : {"Library opens its new reading room", "Harbour ferry sails again"}) {
    html += std::string("<article><h1>") + next + "</h1>";
    for (int i = 0; i < 8; ++i) {
      html += "<p>" + std::string(next) + ": the town's officials said on Wednesday that the "
              "work of paragraph " + std::to_string(i) + " went to plan, and that the public "
              "would see the result before the end of the month, weather allowing.</p>";
    }
    html += "</article>";
  }
  return html + "</main></body></html>";
}

TEST(Html, OfSeveralStoriesThePageTitleNamesItsOwn) {
  // The next stories outscore the page's own; the title names it.
  const Result r =
      Cleaner().clean(page_of_stories("Elm Street bridge closed for repairs | Town News"));
  for (const char* p : kStory) EXPECT_NE(r.text.find(p), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("reading room"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("ferry"), std::string::npos) << r.text;
}

TEST(Html, OfSeveralStoriesATitleNamingNoneChoosesNothing) {
  // A title that names no story's heading (a site's front page, a feed of
  // whole posts): the scorer decides, as without the title.
  const Result named = Cleaner().clean(page_of_stories("Town News"));
  const Result none = Cleaner().clean(page_of_stories(""));
  EXPECT_EQ(named.text, none.text);
  EXPECT_NE(named.text.find("reading room"), std::string::npos) << named.text;
}

TEST(Html, ThePageSaysWhatKindItIs) {
  const auto kind = [](const std::string& head, const std::string& body_attrs = "") {
    return Cleaner().clean("<html><head>" + head + "</head><body" + body_attrs + "><p>" +
                           kStory[0] + "</p></body></html>").kind;
  };
  EXPECT_EQ(kind("<meta property=\"og:type\" content=\"article\">"), "article");
  EXPECT_EQ(kind("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"),
            "article");
  // A page that says it is a product or a thread is that, even when it also
  // calls itself an article.
  EXPECT_EQ(kind("<meta property=\"og:type\" content=\"article\"><script type=\"application/"
                 "ld+json\">{\"@graph\":[{\"@type\":\"Product\"}]}</script>"),
            "product");
  EXPECT_EQ(kind("", " itemscope itemtype=\"https://schema.org/QAPage\""), "forum");
  EXPECT_EQ(kind("<script type=\"application/ld+json\">{\"@type\":\"CollectionPage\"}</script>"),
            "listing");
  EXPECT_EQ(kind(""), "");
  EXPECT_EQ(Cleaner().clean(story_text()).kind, "");  // text says nothing
}

TEST(Html, AtAForumAddressAPageThatSaysNothingIsAThread) {
  const std::string page = std::string("<html><body><p>") + kStory[0] + "</p></body></html>";
  EXPECT_EQ(Cleaner().clean(page, "https://forum.example.org/t/chain-skips/4411").kind, "forum");
  EXPECT_EQ(Cleaner().clean(page, "https://news.example.org/2024/chain-skips").kind, "");
  // What the page says comes first.
  const std::string article =
      std::string("<html><head><meta property=\"og:type\" content=\"article\"></head>") +
      "<body><p>" + kStory[0] + "</p></body></html>";
  EXPECT_EQ(Cleaner().clean(article, "https://forum.example.org/t/chain-skips/4411").kind,
            "article");
}

TEST(Html, ForumPostsLoseTheirPostersTitlesAndSignatures) {
  std::string html = "<html><body><main><h1>Chain skips after replacement</h1>";
  for (const char* p : kPosts) {
    html += std::string("<article class=\"message\"><div class=\"message-user\">"
                        "<h4 class=\"message-name\">rider</h4><h5 class=\"message-userTitle\">"
                        "Senior Member</h5></div><div class=\"message-body\"><p>") +
            p + "</p></div><aside class=\"message-signature\">Steel frame, 11-speed"
                "</aside></article>";
  }
  html += "</main></body></html>";
  const Result thread = Cleaner().clean(html, "https://forum.example.org/threads/chain.4411/");
  EXPECT_EQ(thread.kind, "forum");
  for (const char* p : kPosts) EXPECT_NE(thread.text.find(p), std::string::npos) << p;
  EXPECT_NE(thread.text.find("rider"), std::string::npos);  // the poster's name stays
  EXPECT_EQ(thread.text.find("Senior Member"), std::string::npos) << thread.text;
  EXPECT_EQ(thread.text.find("Steel frame"), std::string::npos) << thread.text;
  // Elsewhere the rule waits: the same boxes on a page of no known kind stay.
  const Result other = Cleaner().clean(html, "https://news.example.org/2024/chain");
  EXPECT_NE(other.text.find("Senior Member"), std::string::npos) << other.text;
}

TEST(Html, AShortStoryKeepsItsOwnContainerBesideAListOfOtherStories) {
  // Two paragraphs, and a longer column of other stories' linked headlines:
  // on a page that says it is an article, the story alone.
  std::string others = "<div class=\"latest\">";
  for (int i = 0; i < 12; ++i) {
    others += "<div class=\"item\"><a href=\"/s" + std::to_string(i) +
              "\">Other headline number " + std::to_string(i) + " of the day, about something "
              "else</a></div>";
  }
  others += "</div>";
  const auto page_of = [&](const std::string& head) {
    return "<html><head>" + head + "</head><body><div class=\"wrap\"><div class=\"story\"><p>" +
           std::string(kStory[0]) + "</p><p>" + kStory[1] + "</p></div>" + others +
           "</div></body></html>";
  };
  const Result article = Cleaner().clean(page_of("<meta property=\"og:type\" content=\"article\">"));
  EXPECT_EQ(article.text, std::string(kStory[0]) + "\n" + kStory[1]);
  EXPECT_EQ(article.stats.blocks, 2u);
  EXPECT_EQ(article.kind, "article");
  // Saying nothing, two paragraphs above a list read as a listing's
  // introduction: the list is part of the content.
  EXPECT_GT(Cleaner().clean(page_of("")).stats.blocks, 12u);
}

TEST(Html, AShortLineLinkingToAnotherSiteIsNotTakenForATeaser) {
  // Between the story's paragraphs, two short linked lines: one points to
  // another story of the same site (a teaser: it goes), one to a page of
  // another site (the product the story names: it stays). Without the
  // page's URL there is no telling them apart, and both go.
  const std::string html = page(
      "<ul><li><a href=\"https://shop.example/kettle-9\">Harbour Kettle Nine</a></li></ul>"
      "<p><a href=\"https://www.valley.example/other-story\">Ferry fares rise in spring</a></p>"
      "<p>Residents can comment on the plan until the end of the month, the council said.</p>");
  const std::string with_url = Cleaner().clean(html, "https://valley.example/bridge").text;
  EXPECT_NE(with_url.find("Harbour Kettle Nine"), std::string::npos);
  EXPECT_EQ(with_url.find("Ferry fares rise"), std::string::npos);
  const std::string without = Cleaner().clean(html).text;
  EXPECT_EQ(without.find("Harbour Kettle Nine"), std::string::npos);
  EXPECT_EQ(without.find("Ferry fares rise"), std::string::npos);
}

TEST(Html, AStoryInAnArticleIsNotJoinedToTeaserCardsOfOtherStories) {
  // A short story in an <article>, and beside it a box of other stories'
  // cards, each an <article> with a linked headline and a sentence of
  // excerpt: the cards, as near-equal candidates and as prose, would draw
  // the container up to the box they share. The story alone.
  std::string cards;
  for (int i = 0; i < 3; ++i) {
    cards += "<article class=\"card\"><div class=\"summary\"><a href=\"/n" +
             std::to_string(i) + "\">News " + std::to_string(i) +
             "</a><p>A teaser of another story, which tells in a long sentence, with "
             "commas, what happened in the town on the day it came out.</p></div>"
             "</article>";
  }
  std::string html =
      "<html><head><meta property=\"og:type\" content=\"article\"></head><body>"
      "<div class=\"column\"><div class=\"slot\"><article class=\"article single\">"
      "<div class=\"body\">";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += "</div></article><div class=\"tools\"><a href=\"/print\">Print</a></div></div>"
          "<div class=\"slot\"><h3>Also in the news</h3>" + cards +
          "</div></div></body></html>";
  EXPECT_EQ(Cleaner().clean(html).text, story_text());
  // A story whose sections are <article>s without links stays whole.
  const std::string sections =
      "<html><head><meta property=\"og:type\" content=\"article\"></head><body>"
      "<div class=\"content\"><div class=\"col\"><article><h2>Bridge closed</h2><p>" +
      std::string(kStory[0]) + "</p></article><article><p>" + kStory[1] + "</p><p>" +
      kStory[2] + "</p><p>" + kStory[3] + "</p></article></div></div></body></html>";
  EXPECT_NE(Cleaner().clean(sections).text.find(kStory[0]), std::string::npos);
}

TEST(Html, TheClimbToAHigherParentStopsAtOneThatAddsLinkLists) {
  // The story's box, and beside it a column of other stories' linked
  // headlines (each in boxes of its own), whose many short items make the
  // common parent score higher than the story: the story alone.
  std::string page = "<html><body><div class=\"wrap1\"><div class=\"col\"><div class=\"x\">";
  for (const char* p : kStory) page += std::string("<p>") + p + "</p>";
  page += "</div></div>";
  for (int i = 0; i < 12; ++i) {
    page += "<div class=\"t\"><div><p><a href=\"/s" + std::to_string(i) +
            "\">Other headline number " + std::to_string(i) +
            " of the day</a>, by staff, in brief, today</p></div></div>";
  }
  page += "</div></body></html>";
  EXPECT_EQ(Cleaner().clean(page).text, story_text());
}

TEST(Html, TheClimbStopsAtAParentThatAddsBoxesNamedAsBoilerplate) {
  // A short story beside a box of prose that its class names as an author
  // box, or as comments: the parent they share scores higher than the
  // story, but what it adds is not the story.
  const auto page_of = [](const std::string& box_class, const std::string& box_text) {
    return "<html><head><meta property=\"og:type\" content=\"article\"></head><body>"
           "<div class=\"wrap\"><div class=\"story\"><p>" + std::string(kStory[0]) +
           "</p><p>" + kStory[1] + "</p></div><div class=\"" + box_class + "\">" + box_text +
           "</div></div></body></html>";
  };
  const std::string bio =
      "<p>Jane Roe has covered the city, its council and its courts for ten years, and before "
      "that wrote about schools, health and housing for a weekly paper.</p><p>She grew up on "
      "the east bank, studied history, law and economics, and lives with her family, two cats "
      "and a dog near the river.</p>";
  const std::string short_story = std::string(kStory[0]) + "\n" + kStory[1];
  EXPECT_EQ(Cleaner().clean(page_of("author-box", bio)).text, short_story);
  EXPECT_EQ(Cleaner().clean(page_of("comments-box", bio)).text, short_story);
  // Named otherwise, the box is part of the story.
  EXPECT_NE(Cleaner().clean(page_of("story-end", bio)).text.find("Jane Roe"), std::string::npos);
}

TEST(Html, AShortStoryIsNotMergedWithTheLinkedTeasersAfterIt) {
  // A short story in its box, and after it in the same column boxes of
  // other stories, each a linked headline over an excerpt in a box whose
  // class reads as a post: the excerpts score near the story, and their
  // common ancestor would be taken as a story split in boxes. On an
  // article the story stays alone; when the boxes after it are prose
  // without links (more of the story), their ancestor is taken.
  const std::string first = std::string(kStory[0]) + " " + kStory[1];
  const std::string second = std::string(kStory[2]) + " " + kStory[3];
  const auto page_of = [&](bool linked, const std::string& head) {
    std::string html = "<html><head>" + head + "</head><body><div class=\"frame\"><div "
                       "class=\"col\"><div class=\"story\"><p>" + first + "</p><p>" + second +
                       "</p></div>";
    for (int i = 0; i < 2; ++i) {
      const std::string title =
          "Another story of the day, number " + std::to_string(i) + ", from the desk of the paper";
      html += "<div class=\"unit\"><h3>" +
              (linked ? "<a href=\"/s" + std::to_string(i) + "\">" + title + "</a>" : title) +
              "</h3><div class=\"post\"><p>An excerpt of another story, which tells, in a long "
              "sentence, with commas, what happened in the town, and why, and to whom, and when, "
              "for the reader.</p></div></div>";
    }
    return html + "</div><footer><p>Contact us</p></footer></div></body></html>";
  };
  const std::string article = "<meta property=\"og:type\" content=\"article\">";
  EXPECT_EQ(Cleaner().clean(page_of(true, article)).text, first + "\n" + second);
  EXPECT_NE(Cleaner().clean(page_of(false, article)).text.find("An excerpt"), std::string::npos);
}

TEST(Html, AShortStoryInAnOldTableLayoutLosesTheMenusBesideIt) {
  // A page laid out in one table row, as news sites were around 2008, that
  // says nothing of what it is: a column of section links and timed
  // teasers, a cell with a short story and a "top | print" line, a column
  // of ads. The links hold more of the text than a listing's share, but
  // they sit around the story, not between its paragraphs: they go.
  std::string menu;
  for (const char* s : {"Local", "Region", "World", "Business", "Sport", "Letters", "Archive",
                        "Contact us", "Weather", "Jobs", "Obituaries"}) {
    menu += std::string("<a href=\"/s/") + s + "\">" + s + "</a><br>";
  }
  const std::string story[] = {
      "The ferry between the two harbours will stop running on Sundays from next month, the "
      "operator said on Monday.",
      "Weekday crossings are not affected, the operator said.",
      "\"We are recruiting as fast as we can,\" a spokeswoman said.",
  };
  const std::string html =
      "<html><head><title>Ferry service cut on Sundays - Harbour Times</title></head><body>"
      "<table width=\"780\"><tr><td width=\"160\" valign=\"top\">" + menu +
      "<b>More news</b><br><a href=\"/n/1\">Lifeboat crew called out twice in a day</a> 4:10 "
      "p.m.<br><a href=\"/n/2\">Harbour wall repairs to start in May</a> 2:45 p.m.</td>"
      "<td width=\"460\" valign=\"top\"><b>Ferry service cut on Sundays</b><br><br>" +
      story[0] + "<br><br>" + story[1] + "<br><br>" + story[2] +
      "<br><br><a href=\"#top\">Top of page</a> | <a href=\"/print\">Print this story</a></td>"
      "<td width=\"160\" valign=\"top\"><a href=\"/ads/1\">Cheap flights to the islands</a><br>"
      "<a href=\"/ads/2\">Holiday cottages by the sea</a></td></tr></table></body></html>";
  EXPECT_EQ(Cleaner().clean(html).text,
            "Ferry service cut on Sundays\n" + story[0] + "\n" + story[1] + "\n" + story[2]);
}

TEST(Html, ReaderCommentsWithoutNamesInTheMarkupGoAfterAShortStory) {
  // An old page's comments: a bold heading and a table of posts that no
  // class names, after a two-paragraph story. A blog's front page, whose
  // posts each end in a link to their comments, keeps every post.
  const std::string story[] = {
      "A fire destroyed a warehouse at the old paper mill early on Sunday, sending smoke across "
      "the east side of town.",
      "Firefighters from three towns fought the blaze for six hours, and no one was hurt, the "
      "fire chief said.",
  };
  const std::string page =
      "<html><head><title>Mill fire</title></head><body><table><tr><td><p>" + story[0] +
      "</p><p>" + story[1] +
      "</p><b>Reader comments</b><br><table><tr><td>jsmith wrote on 3/2/2008 9:14 AM:</td></tr>"
      "<tr><td>That building has been a hazard for years, and we are all glad nobody got hurt."
      "</td></tr><tr><td>mary_k wrote on 3/2/2008 10:02 AM:</td></tr><tr><td>Thank you to "
      "all the firefighters who worked through the night in the cold.</td></tr></table>"
      "</td></tr></table></body></html>";
  EXPECT_EQ(Cleaner().clean(page).text, story[0] + "\n" + story[1]);

  std::string blog = "<html><head><title>Harbour notes</title></head><body><div id=\"posts\">";
  for (int i = 0; i < 3; ++i) {
    blog += "<div><p>" + story[0] + " (" + std::to_string(i) + ")</p><p>" + story[1] +
            "</p><p>The mill had stood empty since the spring, and its owner was looking for a "
            "buyer.</p><p><a href=\"/p/" + std::to_string(i) + "#comments\">4 Comments</a></p>"
            "</div>";
  }
  blog += "</div></body></html>";
  const Result r = Cleaner().clean(blog);
  EXPECT_NE(r.text.find(story[0] + " (2)"), std::string::npos);
  EXPECT_EQ(r.text.find("4 Comments"), std::string::npos);
}

TEST(Html, AHeadedShortStoryDoesNotSpreadToTheBoxesBesideIt) {
  // A short story under its heading, and beside it in the same frame boxes
  // that score near it: a list of other stories' linked headlines, a grid
  // of teaser cards, a block of short reader comments. Together they hold
  // most of the page's paragraph text, which would make the page one of
  // many boxes and spread the content over the whole frame. On an article
  // the story keeps its heading's box.
  std::string related = "<div class=\"more\"><h3>Read next</h3>";
  for (int i = 0; i < 8; ++i) {
    related += "<p><a href=\"/r" + std::to_string(i) + "\">Another headline of the day, number " +
               std::to_string(i) + ", about the harbour and the town hall</a></p>";
  }
  related += "</div>";
  std::string teasers = "<div class=\"grid\">";
  for (int i = 0; i < 6; ++i) {
    teasers += "<div class=\"card\"><h3><a href=\"/t" + std::to_string(i) +
               "\">Ferry fares rise in spring, number " + std::to_string(i) +
               "</a></h3><p>Commuters face a steeper bill from April on.</p></div>";
  }
  teasers += "</div>";
  std::string replies = "<div class=\"responses\"><h3>12 responses</h3>";
  for (int i = 0; i < 8; ++i) {
    replies += "<div class=\"reply\"><p><a href=\"/u" + std::to_string(i) + "\">reader" +
               std::to_string(i) + "</a> 3 hours ago</p><p>I drive over it every day, what a "
               "mess this will be for us all.</p></div>";
  }
  replies += "</div>";
  const auto page_of = [](const std::string& head, const std::string& story,
                          const std::string& beside) {
    std::string html = "<html><head>" + head + "</head><body><div class=\"bar\"><ul>";
    for (int i = 0; i < 8; ++i) {
      html += "<li><a href=\"/s" + std::to_string(i) + "\">Section " + std::to_string(i) +
              "</a></li>";
    }
    return html + "</ul></div><div class=\"frame\"><div class=\"top\"><h1>Council closes Elm "
                  "Street bridge</h1><div class=\"story\">" + story + "</div></div>" + beside +
           "</div></body></html>";
  };
  const std::string article = "<meta property=\"og:type\" content=\"article\">";
  const std::string story = std::string("<p>") + kStory[0] + "</p><p>" + kStory[1] + "</p>";
  const std::string alone =
      std::string("Council closes Elm Street bridge\n") + kStory[0] + "\n" + kStory[1];
  EXPECT_EQ(Cleaner().clean(page_of(article, story, related + replies)).text, alone);
  EXPECT_EQ(Cleaner().clean(page_of(article, story, teasers + replies)).text, alone);
  EXPECT_EQ(Cleaner().clean(page_of(article, story, related + teasers + replies)).text, alone);
  // A long story whose first box, under the heading, is short and the rest
  // in one-paragraph boxes between advertisements: the boxes beside it
  // read as more of the story (prose, few links), and it stays whole.
  std::string rest;
  for (int i = 0; i < 10; ++i) {
    rest += std::string("<div class=\"chunk\"><p>") + kStory[i % 4] + " It was step " +
            std::to_string(i) + " of the plan, the council said in its report.</p></div>"
            "<div class=\"slot\"><a href=\"/x" + std::to_string(i) + "\">Sponsored offer " +
            std::to_string(i) + "</a></div>";
  }
  const std::string first =
      std::string("<p>") + kStory[0] + "</p><p>" + kStory[1] + "</p><p>" + kStory[2] + "</p>";
  const std::string whole = Cleaner().clean(page_of(article, first, rest + related)).text;
  for (int i = 0; i < 10; ++i) {
    EXPECT_NE(whole.find("It was step " + std::to_string(i) + " "), std::string::npos) << whole;
  }
  EXPECT_NE(whole.find(kStory[2]), std::string::npos);
}

TEST(Html, AStoryPrintedTwiceComesOutOnce) {
  // A page that prints its (long) story once per screen size (the copies
  // in sibling boxes, one shown by the style sheet) or a second time in a
  // layout of its own: near-equal candidates, more prose in their common
  // parent, and siblings that score like the story all point at the
  // copies. The story comes out once.
  std::string story, story_once;
  for (int i = 0; i < 3; ++i) {
    for (const char* p : kStory) story += std::string("<p>") + p + "</p>";
    story_once += (i == 0 ? "" : "\n") + story_text();
  }
  const auto count = [](const std::string& text) {
    std::size_t n = 0;
    for (std::size_t at = text.find(kStory[0]); at != std::string::npos;
         at = text.find(kStory[0], at + 1)) {
      ++n;
    }
    return n;
  };
  const std::string head = "<html><head><meta property=\"og:type\" content=\"article\"></head>";
  const std::string per_screen =
      head + "<body><div class=\"page\"><div class=\"v-desktop\"><div class=\"frame\">"
      "<div class=\"rich\">" + story + "</div></div></div><div class=\"v-tablet\"><div "
      "class=\"frame\"><div class=\"rich\">" + story + "</div></div></div><div class=\"v-phone\">"
      "<div class=\"frame\"><div class=\"rich\">" + story + "</div></div></div></div></body></html>";
  const Result screens = Cleaner().clean(per_screen);
  EXPECT_EQ(count(screens.text), 3u);
  EXPECT_EQ(screens.text, story_once);
  const std::string two_layouts =
      head + "<body><div class=\"main\"><div class=\"layout-open\"><div class=\"col\">"
      "<div class=\"rich\">" + story + "</div><div class=\"cta\"><a href=\"/try\">Try it free"
      "</a></div></div></div><div class=\"layout-gated\"><div class=\"col\"><div class=\"rich\">" +
      story + "</div><div class=\"cta\"><a href=\"/join\">Join now</a></div></div></div></div>"
      "</body></html>";
  EXPECT_EQ(Cleaner().clean(two_layouts).text, story_once);
  // A teaser that repeats the story's head, before the full story whose
  // text goes on in more boxes: the full story stays whole.
  std::string rest;
  for (int i = 0; i < 3; ++i) {
    rest += "<p>The works will cost the city about two million, the engineers said, and part "
            "of the money will come from the regional fund for roads and bridges.</p>";
  }
  const std::string teaser =
      head + "<body><div class=\"layout\"><div><div class=\"body fade\">" + story +
      "</div></div><div class=\"body\">" + story + "</div><div class=\"sections\">" + rest +
      "</div></div></body></html>";
  const Result full = Cleaner().clean(teaser);
  EXPECT_NE(full.text.find("regional fund"), std::string::npos) << full.text;
  EXPECT_GE(count(full.text), 1u);
}

TEST(Html, TheClimbStopsAtAParentThatAddsOnlyShortLinesAfterTheStory) {
  // A story, and below it (in a box of the parent the story's wrapper
  // shares) lines of metadata: each scores a little, so the parent
  // outscores the wrapper, but what it adds is labels, not story.
  const auto page_of = [](const std::string& before, int lines) {
    std::string html =
        "<html><body><div class=\"outer\"><div class=\"wrap\">" + before +
        "<div class=\"mid\"><div class=\"abs\">";
    for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
    html += "</div></div><section class=\"details\">";
    for (int i = 0; i < lines; ++i) {
      html += "<p>Listed in <a href=\"/t" + std::to_string(i) + "\">roads</a> and bridges part " +
              std::to_string(i) + "</p>";
    }
    return html + "</section></div></div></body></html>";
  };
  EXPECT_EQ(Cleaner().clean(page_of("", 6)).text, story_text());
  // With a lead before the story, the parent holds it: the climb stands.
  const Result led = Cleaner().clean(page_of(
      "<p class=\"lead\">Repairs to the old bridge start next week and will take all winter, "
      "the council said.</p>", 6));
  EXPECT_NE(led.text.find("take all winter"), std::string::npos) << led.text;
}

TEST(Html, PageKindsLimitARuleToThePagesThatSayTheyAreOfThoseKinds) {
  Cleaner c;
  const Status s = Cleaner::create(
      {RuleSource::from_string("rules:\n  - id: drop-cards\n    category: related\n"
                               "    strip_id_or_class: [card]\n    page_kinds: [article, unknown]\n"
                               "  - id: mayor\n    category: test\n    pattern: '^The mayor'\n"
                               "    page_kinds: [listing]\n")},
      {}, &c);
  ASSERT_TRUE(s.ok()) << s.message();
  const std::string card = "<div class=\"card\"><p>The mayor will speak about the bridge at the "
                           "town hall on Friday evening, with the engineers.</p></div>";
  const std::string listing =
      "<script type=\"application/ld+json\">{\"@type\":\"CollectionPage\"}</script>";
  const Result plain = c.clean(page(card), "https://valley.example/bridge");
  EXPECT_EQ(plain.text, story_text());  // the card goes (and the pattern waits for a listing)
  // A text rule waits for its kind: the line of a card no rule strips stays.
  const std::string kept_card = "<p>The mayor will speak about the bridge at the town hall on "
                                "Friday evening, with the engineers.</p>";
  const std::string article = "<meta property=\"og:type\" content=\"article\">";
  EXPECT_NE(c.clean(page(kept_card, article), "https://valley.example/bridge").text.find("The mayor"),
            std::string::npos);
  EXPECT_EQ(c.clean(page(kept_card, listing), "https://valley.example/bridge").text.find("The mayor"),
            std::string::npos);
  const Result on_listing = c.clean(page(card, listing), "https://valley.example/bridge");
  EXPECT_EQ(on_listing.kind, "listing");
  EXPECT_EQ(on_listing.text, story_text());  // the card stays, and its line goes by pattern
  // (elements the HTML rules strip are listed too: the line is one of the removals)
  EXPECT_TRUE(std::any_of(on_listing.removed.begin(), on_listing.removed.end(),
                          [](const auto& x) { return x.rule == "mayor" && x.stage == "text"; }));
  EXPECT_EQ(Cleaner::create({RuleSource::from_string("rules:\n  - id: x\n    category: x\n"
                                                     "    pattern: 'x'\n    page_kinds: [blog]\n")},
                            {}, &c)
                .code(),
            ErrorCode::kSchema);
}

TEST(Html, KeptAttributesFollowTheRules) {
  std::vector<Rule> rules = built_in_rules();
  ASSERT_FALSE(rules.empty());
  const HtmlRules built_in(rules);
  EXPECT_TRUE(keeps_attribute(built_in, "class"));
  EXPECT_TRUE(keeps_attribute(built_in, "CLASS"));
  EXPECT_FALSE(keeps_attribute(built_in, "data-track"));
  EXPECT_FALSE(keeps_attribute(built_in, "onclick"));
  // Every attribute a stage can read (the stages read attributes only
  // through Attr) is kept.
  for (const Attr a : kAllAttrs) EXPECT_TRUE(keeps_attribute(built_in, attr_name(a))) << attr_name(a);

  rules.push_back(Rule());
  rules.back().id = "wild";
  rules.back().xpath = "//div[@*]";
  EXPECT_TRUE(keeps_attribute(HtmlRules(rules), "data-track"));
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

TEST(Html, JsonLdArticleBodyStandsInWhenTheMarkupHasNoStory) {
  std::string body;
  for (const char* p : kStory) body += std::string(body.empty() ? "" : "\\n") + p;
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Bridge closed\",\"articleBody\":\"" + body +
      "\"}</script></head><body><div id=\"app\"></div></body></html>";
  const Result r = Cleaner().clean(html);
  EXPECT_EQ(r.text, story_text());
  EXPECT_EQ(r.title, "Bridge closed");
  ASSERT_FALSE(r.warnings.empty());
}

TEST(Html, XPathRulesTestClassesWithRegularExpressions) {
  const char* rules = R"yaml(
rules:
  - id: numbered-promo
    category: advert
    xpath: '//div[re:test(@class, "(^|\s)promo-\d+(\s|$)")]'
  - id: ad-id
    category: advert
    xpath: '//*[re:test(@id, "^AD[-_]", "i")]'
)yaml";
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(rules)}, {}, &c).ok());
  const std::string story =
      "<p>The harbour reopened on Monday after a week of storms, the port authority said, "
      "and the first ferries left on time.</p>"
      "<p>Fishermen, who lost a week of work, asked the city for help with repairs.</p>";
  const std::string html =
      "<html><body><article>" + story +
      "<div class=\"box promo-12\"><p>Subscribe today and get the paper delivered, with a "
      "free tote bag and a year of puzzles.</p></div>"
      "<div id=\"ad_top\"><p>Advertisement: the best sofas in town, at prices that are "
      "lower than ever before this winter.</p></div>"
      "<div class=\"promotion\"><p>The port will hold an open day in May, when visitors can "
      "tour the new quay and the lighthouse.</p></div></article></body></html>";
  const Result r = c.clean(html, "", Format::kHtml);
  EXPECT_EQ(r.text.find("tote bag"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("sofas"), std::string::npos) << r.text;
  // "promotion" is not "promo-<number>": the regular expression decides.
  EXPECT_NE(r.text.find("open day"), std::string::npos) << r.text;
}

TEST(Html, XPathPatternsTakenFromThePageStayRightPastTheCompiledCache) {
  // The pattern comes from each page (its data-drop attribute), so pages can
  // name more patterns than are kept compiled; every page is still matched.
  const char* rules = R"yaml(
rules:
  - id: page-named-box
    category: advert
    xpath: '//div[@data-drop][re:test(@class, @data-drop)]'
)yaml";
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(rules)}, {}, &c).ok());
  for (int i = 0; i < 1200; ++i) {
    const std::string n = std::to_string(i);
    const std::string html =
        "<html><body><article><p>The harbour reopened on Monday after a week of storms, the "
        "port authority said, and the first ferries left on time.</p>"
        "<div class=\"box-" + n + "\" data-drop=\"^box-" + n + "$\"><p>Subscribe today for "
        "a free tote bag.</p></div><div class=\"keep-" + n + "\" data-drop=\"^box-" + n +
        "$\"><p>Fishermen asked the city for help.</p></div></article></body></html>";
    const Result r = c.clean(html, "", Format::kHtml);
    ASSERT_EQ(r.text.find("tote bag"), std::string::npos) << i << ": " << r.text;
    ASSERT_NE(r.text.find("Fishermen"), std::string::npos) << i << ": " << r.text;
  }
}

TEST(Html, InvalidRegexInXPathIsARuleError) {
  Cleaner c;
  const Status s = Cleaner::create(
      {RuleSource::from_string(
          "rules:\n  - id: bad-re\n    category: x\n    xpath: '//div[re:test(@class, \"(\")]'\n",
          "site.yaml")},
      {}, &c);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("site.yaml:4:12: rule 'bad-re': invalid re:test pattern", 0), 0u)
      << s.message();
}

// Long script and style bodies and attribute values reach libxml2 as
// placeholders and are put back after the parse; wherever a page makes that
// reading ambiguous, the page is parsed again as it is. Either way the
// result is that of the page itself.
TEST(Html, LongScriptBodiesComeBackWhereverTheyAre) {
  const std::string code(300, 'x');
  const std::string json_ld =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
      "{\"name\":\"Ann Lee\"},\"description\":\"" + code + "\"}</script>";
  const std::string tricky[] = {
      "",                                                            // plain
      "<!-- <script>" + code + "</script> -->",                      // in a comment
      "<meta name=\"x\" content=\"<script>" + code + "</script>\">",  // in an attribute
      "<SCRIPT type=\"a>b\">" + code + "</div></ScRiPt>",             // '>' in a value, case
      "<style>" + code + "</style ><script/>",                        // style, empty script
      "<script>" + code + "\x01" + code + "</script>",                // a control character
      "<script>\x7F" "0" + code + "</script>",                  // the placeholder itself
  };
  // Long attribute values go the same way (libxml2 drops a repeated one).
  const std::string attributes[] = {
      "<span class=\"" + code + "\" CLASS=\"" + code + "y\"></span>",
      "<span title='" + code + "' data-x=\"a&amp;" + code + "\" id=\"" + code +
          "\"></span>",
      "<span title=" + code + " data-y=\"" + code + "\"></span><body class=\"" + code + "\">",
  };
  for (const std::string& t : attributes) {
    const Result r = Cleaner().clean(page(t), "https://valley.example/bridge");
    EXPECT_EQ(r.text, story_text()) << t;
  }
  for (const std::string& t : tricky) {
    const std::string html = page("", json_ld + t) + "<script>" + code + "</script>";
    const Result r = Cleaner().clean(html, "https://valley.example/bridge");
    EXPECT_EQ(r.text, story_text()) << t;
    EXPECT_EQ(r.author, "Jane Roe") << t;  // the meta tag comes first
    EXPECT_EQ(r.title, "Council closes Elm Street bridge") << t;
    // The JSON-LD was read back whole: its author stands in without the meta tag.
    const std::string meta = "<meta name=\"author\" content=\"Jane Roe\">";
    std::string no_meta = html;
    no_meta.erase(no_meta.find(meta), meta.size());
    EXPECT_EQ(Cleaner().clean(no_meta).author, "Ann Lee") << t;
  }
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

TEST(Html, TextareaValueIsNotPageText) {
  // A "republish this story" box holds the whole story's markup in a
  // textarea: a form field's value, never text of the page.
  const std::string story =
      "<p>The harbour reopened on Monday after a week of storms, the port authority said, "
      "and the first ferries left on time.</p>"
      "<p>Fishermen, who lost a week of work, asked the city for help with repairs.</p>";
  const std::string html =
      "<html><body><article>" + story + "<div class=\"box\"><textarea>&lt;h1&gt;Harbour "
      "reopens&lt;/h1&gt; &lt;p&gt;The harbour reopened on Monday after a week of storms, the "
      "port authority said.&lt;/p&gt;</textarea></div></article></body></html>";
  const Result r = Cleaner().clean(html, "", Format::kHtml);
  EXPECT_NE(r.text.find("Fishermen"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("<h1>"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("<p>"), std::string::npos) << r.text;
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

TEST(Html, JsonLdStringsHaveTheirCharacterReferencesDecoded) {
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"headline\": \"The results? &#8216;Sobering&#8217; &#x2014; and AT&T &amp; Co\", "
      "\"author\": {\"name\": \"Ana &Eacute;lise\"}}</script></head><body><article>"
      "<p>The harbour reopened on Monday after a week of storms, the port authority said, "
      "and the first ferries left on time.</p><p>Fishermen, who lost a week of work, asked "
      "the city for help with repairs.</p></article></body></html>";
  const Result r = Cleaner().clean(html, "", Format::kHtml);
  EXPECT_EQ(r.title, "The results? \u2018Sobering\u2019 \u2014 and AT&T & Co");
  EXPECT_EQ(r.author, "Ana \u00c9lise");
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

// The story in an article's box, `extra` after its last paragraph, `head`
// in the page's head.
Result clean_story(const std::string& extra, const std::string& head = "") {
  std::string html = "<html><head>" + head + "</head><body><article><div class=\"body\">";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  return Cleaner().clean(html + extra + "</div></article></body></html>", "", Format::kHtml);
}

TEST(Html, AHeadingLeftAtTheEndOfTheStoryGoesWithTheBoxItOpened) {
  const std::string related =
      "<h3>More from the valley</h3><div class=\"related\"><a href=\"/a\">Man bites dog in "
      "the park</a> <a href=\"/b\">Cat elected mayor of the town</a></div>";
  const Result r = clean_story(related);
  EXPECT_EQ(r.text, story_text());
  const auto heading = std::find_if(r.removed.begin(), r.removed.end(), [](const Removal& e) {
    return e.text == "More from the valley";
  });
  ASSERT_NE(heading, r.removed.end());
  EXPECT_EQ(heading->rule, "outside-content");
  EXPECT_EQ(heading->index, 4u);  // after the story's four paragraphs
  // A heading that ends a sentence is the story's last line.
  EXPECT_EQ(clean_story("<h3>The bridge will reopen in the spring.</h3>").text,
            story_text() + "\nThe bridge will reopen in the spring.");
  // A product page's trailing heading names a section of it.
  const Result product = clean_story(
      "<h3>Reviews</h3>", "<script type=\"application/ld+json\">{\"@type\":\"Product\"}</script>");
  EXPECT_EQ(product.kind, "product");
  EXPECT_EQ(product.text, story_text() + "\nReviews");
}

// True if `r` took out, as outside the story, an element holding `text`.
bool taken_out(const Result& r, const std::string& text) {
  return std::any_of(r.removed.begin(), r.removed.end(), [&](const Removal& e) {
    return e.rule == "outside-content" && e.text.find(text) != std::string::npos;
  });
}

TEST(Html, BoxesAfterTheStorysLastParagraphGo) {
  // Inside the story's container, after its last paragraph: a box its class
  // names as an author's, and a list of links to other pages.
  const std::string bio =
      "<div class=\"author-card\"><p>Jane Roe has covered the city, its council and its courts "
      "for ten years, and before that wrote about schools.</p></div>";
  const std::string links =
      "<div class=\"more\"><ul><li><a href=\"/a\">Man bites dog in the park</a></li>"
      "<li><a href=\"/b\">Cat elected mayor of the town</a></li>"
      "<li><a href=\"/c\">Ferry timetable changes in May</a></li></ul></div>";
  const Result r = clean_story(bio + links);
  EXPECT_EQ(r.text, story_text());
  EXPECT_TRUE(taken_out(r, "Jane Roe"));
  EXPECT_TRUE(taken_out(r, "Cat elected mayor"));
  // A box of prose named otherwise is the story's, and so is a last
  // paragraph that is one link (the address of a source).
  const std::string note =
      "<div class=\"note\"><p>The council will meet again on Friday to hear from residents of "
      "both banks.</p></div>";
  EXPECT_EQ(clean_story(note).text,
            story_text() + "\nThe council will meet again on Friday to hear from residents of "
                           "both banks.");
  EXPECT_FALSE(taken_out(clean_story("<p><a href=\"https://council.example/minutes\">"
                                     "https://council.example/minutes</a></p>"),
                         "council.example"));
  // A listing's cards after its introduction are its content.
  const Result listing = clean_story(
      links, "<script type=\"application/ld+json\">{\"@type\":\"CollectionPage\"}</script>");
  EXPECT_EQ(listing.kind, "listing");
  EXPECT_FALSE(taken_out(listing, "Cat elected mayor"));
  // A product page's links after its description are other products.
  const Result product = clean_story(
      links, "<script type=\"application/ld+json\">{\"@type\":\"Product\"}</script>");
  EXPECT_EQ(product.kind, "product");
  EXPECT_EQ(product.text, story_text());
  EXPECT_TRUE(taken_out(product, "Cat elected mayor"));
  // So is a tail longer than the story before it: a catalogue under an
  // introduction.
  std::string catalogue = "<div class=\"more\"><ul>";
  for (int i = 0; i < 40; ++i) {
    catalogue += "<li><a href=\"/p" + std::to_string(i) + "\">Garden bench model " +
                 std::to_string(i) + " in oak</a></li>";
  }
  EXPECT_FALSE(taken_out(clean_story(catalogue + "</ul></div>"), "Garden bench model 7 "));
  // Not on a product page: there a long tail is other products under a
  // short description.
  EXPECT_TRUE(taken_out(
      clean_story(catalogue + "</ul></div>",
                  "<script type=\"application/ld+json\">{\"@type\":\"Product\"}</script>"),
      "Garden bench model 7 "));
}

// A short story (two paragraphs) in an article's box, `extra` after it in
// the same box, on a page that says it is an article.
Result clean_short_story(const std::string& extra) {
  return Cleaner().clean(
      "<html><head><meta property=\"og:type\" content=\"article\"></head><body><article>"
      "<div class=\"body\"><p>The ferry to the island will run twice a day from Monday, the "
      "harbour office said, after a winter of single crossings.</p><p>Tickets bought for the "
      "old timetable stay valid until the end of the month.</p>" +
          extra + "</div></article></body></html>",
      "", Format::kHtml);
}

// `n` cards of other posts: a linked title, an author and a tag, all links.
std::string recent_posts(int n) {
  std::string html = "<div class=\"recent-posts\"><h4>Recent posts</h4><ul>";
  for (int i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    html += "<li><h3><a href=\"/p" + k + "\">Notes from the harbour, week " + k +
            "</a></h3><a href=\"/by/jane\">Jane Roe</a> <a href=\"/t/boats\">boats and "
            "island life</a></li>";
  }
  return html + "</ul></div>";
}

TEST(Html, BoxesLongerThanAShortStoryGoWhenTheyAreNoStory) {
  const std::string story =
      "The ferry to the island will run twice a day from Monday, the harbour office said, "
      "after a winter of single crossings.\nTickets bought for the old timetable stay valid "
      "until the end of the month.";
  // Cards of recent posts and an author box after a short story, together
  // longer than it: each reads as no story (mostly links; a bio shorter
  // than the story), so each goes.
  const std::string author =
      "<div class=\"writer-meta\"><p>Jane Roe writes about the coast and its boats.</p></div>";
  const Result r = clean_short_story(author + recent_posts(8));
  EXPECT_EQ(r.kind, "article");
  EXPECT_EQ(r.text, story);
  EXPECT_TRUE(taken_out(r, "Jane Roe writes"));
  EXPECT_TRUE(taken_out(r, "Notes from the harbour, week 0"));
  // A box of more prose than the story (a thread's replies) stays.
  std::string replies = "<div class=\"comments\">";
  for (int i = 0; i < 3; ++i) {
    replies += "<p>We crossed on the late boat last summer and the crew were kind to the "
               "children, so twice a day sounds like a fine idea for the whole island.</p>";
  }
  const Result thread = clean_short_story(replies + "</div>");
  EXPECT_FALSE(taken_out(thread, "crossed on the late boat"));
  // A list of linked items inside a long story is the story's, and stays
  // while the cards after it go.
  const std::string list =
      "<p>The harbour office lists the crossings:</p><ul><li>The morning boat leaves at 7:15 "
      "from the <a href=\"/t/1\">north pier</a></li><li>The evening boat leaves at 18:40 from "
      "the <a href=\"/t/2\">south pier</a></li></ul>";
  const Result long_story = clean_story(list + "<p>" + kStory[0] + "</p>" + recent_posts(8),
                                        "<meta property=\"og:type\" content=\"article\">");
  EXPECT_NE(long_story.text.find("The evening boat leaves at 18:40"), std::string::npos);
  EXPECT_TRUE(taken_out(long_story, "Notes from the harbour, week 0"));
}


TEST(Html, ACallToActionBoxGoesOnArticlesOnly) {
  // A plea for support after an article's last paragraph, one long line of
  // prose that no test of line length can tell from the story.
  const std::string plea =
      "<div class=\"support-cta\"><p>Enjoyed this report? Valley News is kept free by readers "
      "who give a little each month, so become a supporter today and help us cover the "
      "council.</p></div>";
  const Result article =
      clean_story(plea, "<meta property=\"og:type\" content=\"article\">");
  EXPECT_EQ(article.kind, "article");
  EXPECT_EQ(article.text, story_text());
  EXPECT_TRUE(std::any_of(article.removed.begin(), article.removed.end(), [](const Removal& e) {
    return e.rule == "html-call-to-action" && e.text.find("Enjoyed this report?") == 0;
  }));
  // A page that does not say it is an article (a service page builds its
  // content from such boxes) keeps it.
  const Result other = clean_story(plea);
  EXPECT_NE(other.text.find("Enjoyed this report?"), std::string::npos);
}
TEST(Html, ATeaserClassedLeadWithoutLinksStaysWhileLinkedTeasersGo) {
  const std::string lead =
      "Engineers found cracks in the old bridge, and the council has closed it until the "
      "spring while repairs are made.";
  std::string html =
      "<html><body><article><div class=\"body\"><figure class=\"teaser\"><p>Market day moves "
      "to the square, as the stalls on the quay make way for the works on the bridge.</p>"
      "</figure><p class=\"article-teaser\">" + lead + "</p>";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html +=
      "<div class=\"teaser\"><a href=\"/ferry\">Ferry fares rise again</a><p>The ferry company "
      "says the new fares are needed to pay for two new boats on the river.</p></div>"
      "</div></article></body></html>";
  const Result r = Cleaner().clean(html, "", Format::kHtml);
  // The lead (prose, not one link) is the story's own; the box that links
  // to another story, and the card drawn as a figure, are not.
  EXPECT_EQ(r.text, lead + "\n" + story_text());
}

TEST(Html, SpareLinklessProseIsARuleKeyNotTheBuiltInRulesAlone) {
  const std::string lead =
      "Engineers found cracks in the old bridge, and the council has closed it until the "
      "spring while repairs are made.";
  std::string html = "<html><body><article><div class=\"body\"><p class=\"promo\">" + lead + "</p>";
  for (const char* p : kStory) html += std::string("<p>") + p + "</p>";
  html += "</div></article></body></html>";
  const auto cleaned = [&](const char* key) {
    Cleaner c;
    const Status s = Cleaner::create(
        {RuleSource::from_string(std::string("rules:\n  - id: promos\n    category: related\n"
                                             "    strip_id_or_class: [promo]\n") + key)},
        {}, &c);
    EXPECT_TRUE(s.ok()) << s.message();
    return c.clean(html, "", Format::kHtml).text;
  };
  EXPECT_EQ(cleaned(""), story_text());  // a rule without the key is taken at its word
  EXPECT_EQ(cleaned("    spare_linkless_prose: true\n"), lead + "\n" + story_text());
}

TEST(Html, AProductPageLosesItsRecentlyViewedRowAStoryKeepsSuchABox) {
  const std::string row =
      "<div class=\"recently-viewed\"><p>Walnut side table with two drawers, oiled by hand "
      "and sold with a ten year guarantee on its frame.</p></div>";
  const Result product = clean_story(
      row, "<script type=\"application/ld+json\">{\"@type\":\"Product\"}</script>");
  EXPECT_EQ(product.kind, "product");
  EXPECT_EQ(product.text, story_text());
  EXPECT_TRUE(std::any_of(product.removed.begin(), product.removed.end(), [](const Removal& e) {
    return e.rule == "html-product-recommendations";
  }));
  // On a page of another kind the rule does not act.
  EXPECT_NE(clean_story(row).text.find("Walnut side table"), std::string::npos);
}
// A page with the box `intro` (its inner HTML) just before the story's box.
std::string page_with_intro(const std::string& intro) {
  std::string story;
  for (const char* p : kStory) story += std::string("<p>") + p + "</p>";
  return "<html><body><div class=\"page\"><div class=\"intro\">" + intro +
         "</div><div class=\"text\">" + story + "</div></div></body></html>";
}
constexpr const char* kBridgeLead =
    "Engineers found cracks in the old bridge, and the council has closed it until the "
    "spring while repairs are made";
TEST(Html, TheStandfirstInABoxBeforeTheStoryJoinsItASignUpBoxDoesNot) {
  const std::string lead = std::string(kBridgeLead) + ".";
  const Result r = Cleaner().clean(page_with_intro("<p>" + lead + "</p>"), "", Format::kHtml);
  EXPECT_EQ(r.text, lead + "\n" + story_text());
  // The same box round a sign-up form (its thank-you line) is not the lead.
  const std::string form = page_with_intro("<form><input name=\"mail\"></form><p>" + lead + "</p>");
  EXPECT_EQ(Cleaner().clean(form, "", Format::kHtml).text, story_text());
}
TEST(Html, AStandfirstThatLinksANameInPassingIsStillTheLead) {
  const std::string lead = std::string(kBridgeLead) + " by";
  const std::string html = page_with_intro("<p>" + lead + " <a href=\"/firm\">a local firm</a>.</p>");
  EXPECT_EQ(Cleaner().clean(html, "", Format::kHtml).text, lead + " a local firm.\n" + story_text());
  // A box that is mostly a link is not a lead.
  const std::string linked =
      page_with_intro("<p>Read more: <a href=\"/b\">" + lead + " a local firm</a>.</p>");
  EXPECT_EQ(Cleaner().clean(linked, "", Format::kHtml).text, story_text());
}
TEST(Html, AStandfirstJoinsTheStoryPastAPhotoBetweenThem) {
  const std::string lead = std::string(kBridgeLead) + ".";
  std::string html = page_with_intro("<p>" + lead + "</p>");
  const std::string photo = "<div class=\"picture\"><img src=\"bridge.jpg\"><span>Photo: Lena Park</span></div>";
  html.insert(html.find("<div class=\"text\">"), photo);
  EXPECT_EQ(Cleaner().clean(html, "", Format::kHtml).text.substr(0, lead.size()), lead);
}
TEST(Html, ASidebarAsLongAsTheStoryInItsBoxGoesItsProseDoesNotHoldTheStory) {
  // A widget column inside the story's box, as long as the story but
  // links: named a sidebar, it goes.
  std::string column = "<div id=\"sidebar\"><h3>Archive</h3><ul>";
  for (const char* month : {"January", "February", "March", "April", "May", "June", "July",
                            "August", "September", "October", "November", "December"}) {
    for (int year = 2019; year <= 2023; ++year) {
      column += "<li><a href=\"/archive\">" + std::string(month) + " " + std::to_string(year) +
                " posts</a></li>";
    }
  }
  column += "</ul></div>";
  const Result r = Cleaner().clean(page(column), "https://valley.example/bridge");
  EXPECT_EQ(r.text, story_text());
  // A story box so named, the story's prose in it, stays.
  const std::string named = "<div class=\"sidebar\"><p>" + std::string(kStory[0]) + "</p><p>" +
                            kStory[1] + "</p></div>";
  EXPECT_NE(Cleaner().clean(page(named), "https://valley.example/bridge").text.find(kStory[1]),
            std::string::npos);
}

TEST(Html, AClassTokenMatchesTwoPartsJoinedByAHyphenOrUnderscore) {
  const auto kept = [](const std::string& box) {
    Cleaner c;
    const Status s = Cleaner::create(
        {RuleSource::from_string("rules:\n  - id: fan-mail-box\n    category: x\n"
                                 "    strip_id_or_class: [fanmail]\n")},
        {}, &c);
    EXPECT_TRUE(s.ok()) << s.message();
    const std::string text =
        c.clean(page(box + "Write to the desk with your views on the bridge.</div>"),
                "https://valley.example/bridge")
            .text;
    return text.find("Write to the desk") != std::string::npos;
  };
  EXPECT_FALSE(kept("<div class=\"fanmail\">"));  // as before
  EXPECT_FALSE(kept("<div class=\"fan-mail\">"));
  EXPECT_FALSE(kept("<div id=\"side_fan_mail\">"));
  EXPECT_TRUE(kept("<div class=\"fan\">"));  // control: kept unless a rule names it
  EXPECT_TRUE(kept("<div class=\"fan mail\">"));     // two classes, not one name
  EXPECT_TRUE(kept("<div class=\"fan-mailing\">"));  // another word
  EXPECT_TRUE(kept("<div class=\"fan--mail\">"));
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

// A listing that does not say what it is: cards of a linked headline, a line
// of metadata and a summary. The headlines are the page's content, not links
// to other stories beside one.
TEST(Html, AListingKeepsTheHeadlinesOfItsCards) {
  std::string cards;
  for (int k = 0; k < 5; ++k) {
    const std::string n = std::to_string(k);
    cards += "<div class=\"item\"><h2><a href=\"/harbour/" + n + "\">Harbour board report number " +
             n + "</a></h2><p class=\"meta\">12 March - Harbour</p><p>The harbour board met on "
             "Tuesday and agreed plan " + n + " for the quay and the moorings after a long "
             "debate.</p></div>";
  }
  const std::string html =
      "<html><head><title>Harbour news</title></head><body><nav><a href=\"/\">Home</a> "
      "<a href=\"/n\">News</a></nav><main><h1>Harbour news</h1><div class=\"list\">" + cards +
      "</div></main><footer><p>(c) Valley</p></footer></body></html>";
  const Result r = Cleaner().clean(html, "https://valley.example/harbour", Format::kHtml);
  for (int k = 1; k < 5; ++k) {
    EXPECT_NE(r.text.find("Harbour board report number " + std::to_string(k)), std::string::npos)
        << r.text;
  }
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

// An old page in tables: a short story in <br>-separated runs inside a cell,
// then what the same cell holds after it, the side column under a bold
// line and a footer. Nothing names what any of it is.
std::string old_table_page(const std::string& after_story) {
  return "<html><head><title>Parts plant to add jobs</title></head><body>"
         "<table width=\"800\"><tr><td width=\"140\" valign=\"top\"><a href=\"/\">Home</a><br>"
         "<a href=\"/biz\">Business</a><br><a href=\"/tech\">Technology</a></td>"
         "<td width=\"500\" valign=\"top\"><h2>Parts plant to add 200 jobs</h2>"
         "A maker of axle parts will expand its plant in the industrial park and hire 200 "
         "workers over the next two years, the company said on Wednesday.<br><br>"
         "The expansion adds a stamping line and a warehouse. Hiring for the first sixty "
         "places begins this summer at the old gate house.<br><br>"
         "State officials offered grants for job training to the workers it hires.<br><br>" +
         after_story +
         "</td><td width=\"160\" valign=\"top\"><b>Sponsored Links</b><br><a href=\"/ad1\">Low "
         "rate loans</a></td></tr></table><table width=\"800\"><tr><td><font size=\"1\">Copyright "
         "2008 Business Journal, 77 Commerce Drive</font></td></tr></table></body></html>";
}

TEST(Html, ABoldLineThatHeadedADroppedBoxGoesWithIt) {
  const std::string html = old_table_page(
      "<b>Most E-mailed</b><br>1. <a href=\"/m1\">Five tips for year-end taxes</a><br>"
      "2. <a href=\"/m2\">Office vacancies drop</a><br>3. <a href=\"/m3\">Bank names new "
      "president</a><br>");
  const Result r = Cleaner().clean(html, "https://biz.example/plant", Format::kHtml);
  EXPECT_NE(r.text.find("State officials offered grants"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Five tips"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Most E-mailed"), std::string::npos) << r.text;
}

TEST(Html, ABoldLineThatEndsTheStoryStaysWhenNothingWentAfterIt) {
  // A bold closing line with nothing dropped after it in the story: it is the
  // story's, not a box's heading.
  const std::string html = old_table_page("<b>Plant tours start in May</b><br>");
  const Result r = Cleaner().clean(html, "https://biz.example/plant", Format::kHtml);
  EXPECT_NE(r.text.find("Plant tours start in May"), std::string::npos) << r.text;
}

TEST(Html, AReaderCommentSectionWithACountGoesAfterAShortStory) {
  const std::string html =
      "<html><head><title>Grain elevator sold</title></head><body>"
      "<div id=\"main\"><h2>Grain elevator sold to co-op</h2>"
      "<p>The farmers' cooperative has bought the grain elevator on the north edge of town "
      "for an undisclosed sum, its manager confirmed Wednesday.</p>"
      "<p>The co-op plans to add a drying bin before harvest and keep the four current "
      "workers.</p><p>The former owner, who ran the elevator for 31 years, said he will stay "
      "on as an adviser through the fall.</p><h3>Reader comments (3)</h3>"
      "<div><div><b>harvestmoon</b> - 05/14/2008 08:55</div><div>Good news for the growers "
      "out here. The old owner treated people fairly.</div></div>"
      "<div><div><b>Dale R.</b> - 05/14/2008 11:20</div><div>Hope they fix the road to the "
      "scale house while they are at it.</div></div></div>"
      "<div id=\"footer\">&copy; 2008 Prairie Tribune, 220 Main Street</div></body></html>";
  const Result r = Cleaner().clean(html, "https://prairie.example/elevator", Format::kHtml);
  EXPECT_NE(r.text.find("adviser through the fall"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Reader comments"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("treated people fairly"), std::string::npos) << r.text;
}

TEST(Html, AnOldForumThreadInATableKeepsEveryPost) {
  std::string rows;
  const char* posts[] = {
      "Planning to climb the north peak in late June. Is the east ridge trail clear of snow "
      "by then, or should I take the longer valley route?",
      "The east ridge usually holds snow near the saddle until July. Bring traction or take "
      "the valley route, it adds two miles but stays dry.",
      "Went up the valley route last June. The creek crossing at mile four was high in the "
      "afternoon, so cross it early in the day."};
  for (const char* p : posts) {
    rows += std::string("<tr><td width=\"150\" valign=\"top\"><b>walker</b><br>Member</td>"
                        "<td valign=\"top\">Posted: Mon Jun 02, 2008 8:15 pm<br><br>") +
            p + "</td></tr>";
  }
  const std::string html =
      "<html><head><title>Best route to the summit? - Trail Forums</title></head><body>"
      "<table width=\"100%\"><tr><td><a href=\"/\">Trail Talk</a> &gt; <a href=\"/f/3\">Trip "
      "Planning</a></td></tr></table><table width=\"100%\">" + rows +
      "</table><table><tr><td><b>Who is online</b></td></tr></table></body></html>";
  const Result r =
      Cleaner().clean(html, "https://trails.example/viewtopic.php?t=12", Format::kHtml);
  for (const char* p : posts) {
    EXPECT_NE(r.text.find(std::string(p).substr(0, 40)), std::string::npos) << r.text;
  }
}

std::string festival_page(const std::string& heading) {
  return "<html><head><title>Orchard festival draws record crowd</title></head><body>"
         "<div id=\"left\"><a href=\"/news\">News</a><br><a href=\"/life\">Lifestyle</a></div>"
         "<div id=\"center\"><h1>Orchard festival draws record crowd</h1>"
         "<p>About 11,000 people came to the apple orchard festival on Saturday, the most in "
         "the event's 26 years, organizers said.</p><p>Cider, pie contests and a tractor pull "
         "filled the fairgrounds, and parking spilled into a neighboring hay field.</p>"
         "<div><b>" + heading + "</b><ul>"
         "<li><a href=\"/s/61\">Pumpkin patch opens early this year</a> - Warm weather sped "
         "the crop, growers say.</li>"
         "<li><a href=\"/s/62\">Fairgrounds get new barn</a> - The building will host "
         "livestock shows through the winter.</li>"
         "<li><a href=\"/s/63\">Apple prices steady despite frost</a> - Most orchards escaped "
         "damage in April, the growers' group says.</li></ul></div></div>"
         "<div id=\"bottom\">Hill Country Times, P.O. Box 88. All rights reserved.</div>"
         "</body></html>";
}

// Teasers under a related heading: each item opens with another story's
// linked headline and goes on with a line of its excerpt, more words than
// link. They are the related list's, not the story's.
TEST(Html, TeasersThatOpenWithTheirHeadlinesLinkGoWithTheirRelatedHeading) {
  const Result r = Cleaner().clean(festival_page("You might also like:"),
                                   "https://hills.example/festival", Format::kHtml);
  EXPECT_NE(r.text.find("neighboring hay field"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Pumpkin patch"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("Fairgrounds get new barn"), std::string::npos) << r.text;
}

TEST(Html, ItemsThatOpenWithALinkUnderAHeadingOfTheStoryStay) {
  // The same items under a heading of the story's own: its list.
  const Result r = Cleaner().clean(festival_page("Where the money went:"),
                                   "https://hills.example/festival", Format::kHtml);
  EXPECT_NE(r.text.find("Pumpkin patch"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("Apple prices steady"), std::string::npos) << r.text;
}

}  // namespace
}  // namespace newsclean
