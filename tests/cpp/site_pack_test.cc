// Site packs: importing ftr-site-config files, host-scoped site rules, the
// embedded ftr pack and its opt-in.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsclean/cleaner.h"
#include "rules/site_pack.h"

namespace newsclean {
namespace {

const std::string kFtrDir = NEWSCLEAN_SOURCE_DIR "/tests/data/ftr";

std::size_t count_of(const FtrImport& im, const std::string& directive,
                     const std::string& outcome_start) {
  std::size_t n = 0;
  for (const ImportCount& c : im.counts) {
    if (c.directive == directive && c.outcome.rfind(outcome_start, 0) == 0) n += c.count;
  }
  return n;
}

TEST(SitePack, ImportTranslatesEachDirectiveAndCountsTheRest) {
  FtrImport im;
  ASSERT_TRUE(import_ftr(kFtrDir, &im).ok());
  EXPECT_EQ(im.files, 3u);
  EXPECT_EQ(im.sites, 2u);  // other.example.txt gives no rule
  EXPECT_EQ(im.rules, 9u);
  for (const char* d : {"body", "strip", "strip_id_or_class", "strip_image_src", "prune",
                        "title", "author", "date"}) {
    EXPECT_GE(count_of(im, d, "translated"), 1u) << d;
  }
  EXPECT_EQ(count_of(im, "strip", "not translated: XPath calls a function"), 1u);
  EXPECT_EQ(count_of(im, "strip", "not translated: XPath does not compile"), 1u);
  EXPECT_EQ(count_of(im, "tidy", "not translated: directive not supported"), 2u);
  EXPECT_EQ(count_of(im, "http_header", "not translated"), 1u);
  EXPECT_EQ(count_of(im, "prune", "not translated: no body rule"), 1u);  // other.example
  EXPECT_EQ(count_of(im, "test_url", "kept as a comment"), 1u);
  // The rules, what they translate to, and the header that lists the counts.
  const std::string& y = im.yaml;
  EXPECT_NE(y.find("#   strip: not translated: XPath does not compile (libxml2): 1\n"),
            std::string::npos);
  EXPECT_NE(y.find("body: '//div[@id=''story'']'\n    guarded: true\n    prune: false\n"),
            std::string::npos);
  EXPECT_NE(y.find("xpath: './/*[contains(@class,''promo-box'') or "
                   "contains(@id,''promo-box'')]'\n    pass: content\n"),
            std::string::npos);
  EXPECT_NE(y.find("xpath: './/img[contains(@src,''/tracking/'')]'"), std::string::npos);
  EXPECT_NE(y.find("xpath: '//span[@class=''dateline'']/@title'\n    action: metadata\n"
                   "    field: published\n"),
            std::string::npos);
  EXPECT_NE(y.find("  # test_url: https://valley.example/news/bridge-closes\n"),
            std::string::npos);
  EXPECT_EQ(y.find("lower-case"), std::string::npos);
  // Sorted by file name: the same bytes every time, and a file the loader takes.
  EXPECT_LT(y.find("# site: .hills.example"), y.find("# site: valley.example"));
  FtrImport again;
  ASSERT_TRUE(import_ftr(kFtrDir, &again).ok());
  EXPECT_EQ(again.yaml, im.yaml);
  Cleaner c;
  const Status s = Cleaner::create({RuleSource::from_string(im.yaml, "ftr-test.yaml")}, {}, &c);
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST(SitePack, ImportOfAMissingFolderIsAnIoError) {
  FtrImport im;
  const Status s = import_ftr(kFtrDir + "/no-such-folder", &im);
  EXPECT_EQ(s.code(), ErrorCode::kIo);
  EXPECT_NE(s.message().find("no-such-folder"), std::string::npos);
}

const char* const kParagraphs =
    "<p>The council voted on Tuesday to close the Elm Street bridge for repairs, after "
    "engineers found deep cracks in two of its supports.</p>"
    "<p>The bridge, which carries about 20,000 vehicles a day, will stay closed until the "
    "end of March, the council said in a statement on its website.</p>"
    "<p>Drivers will be diverted along the river road, which the council said would add "
    "about ten minutes to most journeys at peak times.</p>";

std::string valley_page() {
  return std::string("<html><head><title>Bridge | Valley</title></head><body>"
                     "<h1 class=\"headline\">Council closes the Elm Street bridge</h1>"
                     "<span class=\"byline-name\">Jane Roe</span>"
                     "<span class=\"dateline\" title=\"2024-03-05\">5 March</span>"
                     "<div id=\"story\">") +
         kParagraphs +
         "<div class=\"promo-box-wide\">Subscribe to the Valley paper for one pound.</div>"
         "</div><footer><p>Valley News, all rights reserved, since 1901.</p></footer>"
         "</body></html>";
}

Cleaner imported_cleaner() {
  FtrImport im;
  EXPECT_TRUE(import_ftr(kFtrDir, &im).ok());
  Cleaner c;
  EXPECT_TRUE(Cleaner::create({RuleSource::from_string(im.yaml)}, {}, &c).ok());
  return c;
}

TEST(SitePack, SiteRulesActOnlyOnTheirHostAndItsSubdomains) {
  const Cleaner c = imported_cleaner();
  const std::string html = valley_page();
  for (const char* url : {"https://valley.example/a", "https://www.valley.example/a"}) {
    const Result r = c.clean(html, url);
    EXPECT_EQ(r.text.find("Subscribe"), std::string::npos) << url;   // strip_id_or_class
    EXPECT_NE(r.text.find("Elm Street bridge for repairs"), std::string::npos) << url;
    EXPECT_EQ(r.title, "Council closes the Elm Street bridge") << url;
    EXPECT_EQ(r.author, "Jane Roe") << url;
    EXPECT_EQ(r.published, "2024-03-05") << url;
  }
  // `valley.example` is not `news.valley.example` nor another site.
  for (const char* url : {"https://news.valley.example/a", "https://other.example/a"}) {
    const Result r = c.clean(html, url);
    EXPECT_NE(r.author, "Jane Roe") << url;
    EXPECT_NE(r.published, "2024-03-05") << url;
  }
  // `.hills.example` covers the domain and every subdomain.
  const std::string hills = std::string("<html><body><article>") + kParagraphs +
                            "<div class=\"kiosk-row\">Buy this on Mastodon and by email"
                            "</div></article></body></html>";
  EXPECT_EQ(c.clean(hills, "https://news.hills.example/x").text.find("Mastodon"),
            std::string::npos);
  EXPECT_EQ(c.clean(hills, "https://hills.example/x").text.find("Mastodon"), std::string::npos);
  EXPECT_NE(c.clean(hills, "https://valley.example/x").text.find("Mastodon"),
            std::string::npos);
}

TEST(SitePack, GuardedBodyThatNamesATeaserFallsBackToTheScorer) {
  // The body rule names a one-line teaser: the scorer's story stands. Without
  // `guarded`, a site rule's body is taken as it is.
  const std::string html = std::string("<html><body><div class=\"teaser\"><p>Read our "
                                       "latest story.</p></div><div class=\"s\">") +
                           kParagraphs + "</div></body></html>";
  const auto clean = [&](const char* guarded) {
    Cleaner c;
    const std::string yaml = std::string("rules:\n  - id: t\n    category: content\n"
                                         "    sites: [t.example]\n"
                                         "    body: '//div[@class=\"teaser\"]'\n") + guarded;
    EXPECT_TRUE(Cleaner::create({RuleSource::from_string(yaml)}, {}, &c).ok());
    return c.clean(html, "https://t.example/x").text;
  };
  EXPECT_NE(clean("    guarded: true\n").find("Elm Street bridge for repairs"),
            std::string::npos);
  EXPECT_EQ(clean(""), "Read our latest story.");
}

TEST(SitePack, ContentPassStripNeverTakesTheStory) {
  // A strip rule whose class names the story's own wrapper (`snippet`) acts
  // inside the content only on what holds under a third of its text.
  const std::string html = std::string("<html><body><div class=\"snippet\">") + kParagraphs +
                           "</div><div class=\"snippet-ad\">Advert for a car.</div>"
                           "</body></html>";
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(
                                  "rules:\n  - id: s\n    category: site-chrome\n"
                                  "    sites: [s.example]\n    pass: content\n"
                                  "    xpath: '//*[contains(@class,\"snippet\")]'\n")},
                              {}, &c)
                  .ok());
  EXPECT_NE(c.clean(html, "https://s.example/x").text.find("Elm Street"), std::string::npos);
}

TEST(SitePack, LoaderChecksTheNewKeys) {
  const auto error = [](const std::string& rule) {
    Cleaner c;
    return Cleaner::create({RuleSource::from_string("rules:\n  - id: x\n    category: c\n" + rule,
                                                    "k.yaml")},
                           {}, &c)
        .message();
  };
  const std::pair<const char*, const char*> cases[] = {
      {"    xpath: '//p'\n    prune: false\n", "k.yaml:5:12: rule 'x': prune is for body rules"},
      {"    pattern: 'x y'\n    guarded: true\n", "guarded is for body rules"},
      {"    xpath: '//p'\n    action: metadata\n    field: section\n",
       "field is title, author or published"},
      {"    tags: [p]\n    action: metadata\n    field: title\n", "by xpath alone"},
      {"    pattern: 'x y'\n    action: metadata\n    field: author\n",
       "a text rule's field is title or section"},
      {"    xpath: '//p'\n    action: keep\n    pass: content\n", "pass is for strip_id_or_class"},
      {"    tags: [aside]\n    action: keep\n    spare_linkless_prose: true\n",
       "k.yaml:6:27: rule 'x': spare_linkless_prose is for drop rules"},
      {"    pattern: 'x y'\n    spare_linkless_prose: true\n",
       "spare_linkless_prose is for HTML rules"},
  };
  for (const auto& [rule, why] : cases) {
    EXPECT_NE(error(rule).find(why), std::string::npos) << rule << " -> " << error(rule);
  }
}

TEST(SitePack, MetadataRulesCarryTheirOwnExamples) {
  ExampleReport report;
  const Status s = test_rule_examples(
      RuleSource::from_string("rules:\n  - id: by\n    category: byline\n"
                              "    xpath: '//span[@class=\"by\"]'\n    action: metadata\n"
                              "    field: author\n    examples:\n"
                              "      hit: ['<p>Story.</p><span class=\"by\">Jane Roe</span>']\n"
                              "      miss: ['<p>Story.</p><span class=\"by\"> </span>']\n"),
      &report);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(report.examples, 2u);
  EXPECT_TRUE(report.failures.empty());
}

// Many threads on pages of several pack sites at once give what one thread gives.
TEST(SitePack, PackSitesAreBuiltOnceUnderManyThreads) {
  Options o;
  o.site_pack = "ftr";
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({}, o, &c).ok());
  const std::string html = valley_page();
  std::vector<std::string> urls;
  for (int i = 0; i < 64; ++i) {
    const char* hosts[] = {"https://www.wsj.com/a", "https://news.about.com/b",
                           "https://www.nytimes.com/c", "https://unknown.example/d"};
    urls.push_back(hosts[i % 4]);
  }
  const std::vector<std::string_view> texts(urls.size(), html);
  const std::vector<std::string_view> url_views(urls.begin(), urls.end());
  const std::vector<Result> many = c.clean_many(texts, url_views, 4);
  for (std::size_t i = 0; i < urls.size(); ++i) {
    EXPECT_EQ(many[i].text, c.clean(html, urls[i]).text) << urls[i];
  }
}

TEST(SitePack, TheFtrPackIsEmbeddedAndEverySiteLoads) {
  Status s;
  const SitePack* pack = SitePack::get("ftr", &s);
  ASSERT_NE(pack, nullptr);
  EXPECT_GT(pack->size(), 1900u);
  for (const char* host : {"www.wsj.com", "wsj.com", "news.about.com", "about.com"}) {
    const auto sites = pack->sites_for(host);
    ASSERT_FALSE(sites.empty()) << host;
    for (const SitePack::Site* site : sites) {
      ASSERT_FALSE(site->rules("ftr").empty()) << host;
      EXPECT_EQ(site->error(), "") << host;
      // Rules name their line in packs/ftr.yaml.
      const Rule& first = site->rules("ftr").front();
      const std::string yaml(site_pack_yaml("ftr"));
      const std::size_t at = yaml.find("  - id: " + first.id + "\n");
      const std::size_t line = 1 + std::count(yaml.begin(), yaml.begin() + at, '\n');
      EXPECT_EQ(first.origin, "packs/ftr.yaml:" + std::to_string(line)) << host;
    }
  }
  EXPECT_TRUE(pack->sites_for("unknown-host.example").empty());
  EXPECT_TRUE(pack->sites_for("").empty());
  // Every site's part parses alone, with every rule it has.
  std::size_t rules = 0;
  for (std::size_t i = 0; i < pack->size(); ++i) {
    const SitePack::Site& site = pack->site(i);
    EXPECT_FALSE(site.rules("ftr").empty()) << site.key;
    EXPECT_EQ(site.error(), "") << site.key;
    rules += site.rules("ftr").size();
  }
  EXPECT_GT(rules, 10000u);
}

TEST(SitePack, OptInByNameAndUnknownNamesAreErrors) {
  Options o;
  o.site_pack = "ftr";
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({}, o, &c).ok());
  EXPECT_EQ(c.options().site_pack, "ftr");
  // A page of a host the pack does not know is cleaned as without it.
  const std::string html = valley_page();
  EXPECT_EQ(c.clean(html, "https://unknown.example/a").text,
            Cleaner().clean(html, "https://unknown.example/a").text);
  o.site_pack = "nope";
  Cleaner bad;
  const Status s = Cleaner::create({}, o, &bad);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "unknown site pack 'nope' (known: ftr)");
  EXPECT_EQ(site_pack_names(), std::vector<std::string>{"ftr"});
  EXPECT_TRUE(site_pack_yaml("nope").empty());
}

TEST(SitePack, TheShippedPackIsTheImportOfTheSharedFolder) {
  const std::filesystem::path shared =
      std::filesystem::path(NEWSCLEAN_SOURCE_DIR).parent_path() / "shared" / "ftr-site-config";
  if (!std::filesystem::is_directory(shared)) GTEST_SKIP() << shared << " is not here";
  FtrImport im;
  ASSERT_TRUE(import_ftr(shared.string(), &im).ok());
  std::ifstream in(NEWSCLEAN_SOURCE_DIR "/packs/ftr.yaml", std::ios::binary);
  std::ostringstream shipped;
  shipped << in.rdbuf();
  EXPECT_TRUE(im.yaml == shipped.str())
      << "packs/ftr.yaml differs from `newsclean import-ftr " << shared.string()
      << "`: import again";
  EXPECT_TRUE(im.yaml == site_pack_yaml("ftr")) << "the embedded pack is not packs/ftr.yaml";
}

}  // namespace
}  // namespace newsclean
