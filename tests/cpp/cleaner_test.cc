// End-to-end behaviour of Cleaner::clean on the seed and the test articles.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "newsclean/cleaner.h"

namespace fs = std::filesystem;
using newsclean::Cleaner;
using newsclean::Options;
using newsclean::Result;
using newsclean::RuleSource;

namespace {

// Whether `r` removed exactly one block, and by `rule`; says what it
// removed otherwise.
::testing::AssertionResult one_removal_by(const Result& r, const std::string& rule) {
  if (r.removed.size() != 1) {
    return ::testing::AssertionFailure() << r.removed.size() << " removals, not one";
  }
  if (r.removed[0].rule != rule) {
    return ::testing::AssertionFailure() << "removed by " << r.removed[0].rule << ", not " << rule;
  }
  return ::testing::AssertionSuccess();
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

const fs::path kSource = NEWSCLEAN_SOURCE_DIR;

// A cleaner with the built-in rules and `yaml`; a bad `yaml` fails the test.
Cleaner with_rules(const std::string& yaml) {
  Cleaner c;
  const newsclean::Status s = Cleaner::create({RuleSource::from_string(yaml)}, {}, &c);
  EXPECT_TRUE(s.ok()) << s.message();
  return c;
}

// Result::text plus a final newline, as the CLI prints it.
std::string as_printed(const Result& r) { return r.text.empty() ? "" : r.text + "\n"; }

TEST(Seed, CleansToTheSixteenStoryParagraphs) {
  const Result r = Cleaner().clean(read(kSource / "seeds/001_53a9f95486086e6a.txt"));
  EXPECT_EQ(as_printed(r), read(kSource / "seeds/001_53a9f95486086e6a.expected.txt"));
  EXPECT_EQ(r.stats.kept, 16u);
  EXPECT_EQ(r.title, "UK govt. bans agencies from using Russian Kaspersky software");
  EXPECT_EQ(r.section, (std::vector<std::string>{"News", "Politics"}));
  ASSERT_EQ(r.captions.size(), 2u);
  EXPECT_NE(r.captions[0].text.find("Ilhan Omar"), std::string::npos);
  EXPECT_FALSE(r.captions[0].related);
  EXPECT_NE(r.captions[1].text.find("Kaspersky in Moscow"), std::string::npos);
  EXPECT_TRUE(r.captions[1].related);
  EXPECT_LT(r.captions[0].score, r.captions[1].score);
  std::vector<std::string> footer;
  for (const auto& x : r.removed) {
    if (x.category == "footer") footer.push_back(x.text);
  }
  EXPECT_EQ(footer, (std::vector<std::string>{
                        "Press TV\u2019s website can also be accessed at the following "
                        "alternate addresses:",
                        "Press TV News Roku"}));
  EXPECT_EQ(r.removed.size(), 6u);
}

TEST(Seed, KeepRelatedCaptionsKeepsOnlyTheKasperskyCaption) {
  Options o;
  o.keep_related_captions = true;
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({}, o, &c).ok());
  const Result r = c.clean(read(kSource / "seeds/001_53a9f95486086e6a.txt"));
  EXPECT_EQ(r.stats.kept, 17u);
  EXPECT_NE(r.text.find("Kaspersky in Moscow. (Photo by AFP)"), std::string::npos);
  EXPECT_EQ(r.text.find("Ilhan Omar"), std::string::npos);
}

// Each tests/data/articles/NAME.txt has NAME.expected.txt (the text) and
// NAME.meta.json (title, section, captions, removed categories, url).
class Article : public ::testing::TestWithParam<std::string> {};

TEST_P(Article, MatchesExpectation) {
  const fs::path dir = kSource / "tests/data/articles";
  const std::string name = GetParam();
  const auto meta = nlohmann::json::parse(read(dir / (name + ".meta.json")));
  const Result r = Cleaner().clean(read(dir / (name + ".txt")), meta.value("url", ""));
  EXPECT_EQ(as_printed(r), read(dir / (name + ".expected.txt")));
  EXPECT_EQ(r.title, meta.at("title").get<std::string>());
  EXPECT_EQ(r.section, meta.at("section").get<std::vector<std::string>>());
  std::vector<std::string> categories;
  for (const auto& x : r.removed) categories.push_back(x.category);
  EXPECT_EQ(categories, meta.at("removed_categories").get<std::vector<std::string>>());
  const auto& captions = meta.at("captions");
  ASSERT_EQ(r.captions.size(), captions.size());
  for (std::size_t i = 0; i < captions.size(); ++i) {
    EXPECT_EQ(r.captions[i].text, captions[i].at("text").get<std::string>());
    EXPECT_EQ(r.captions[i].related, captions[i].at("related").get<bool>())
        << r.captions[i].text << " scored " << r.captions[i].score;
  }
}

std::vector<std::string> article_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kSource / "tests/data/articles")) {
    const std::string f = e.path().filename().string();
    const std::string suffix = ".meta.json";
    if (f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.push_back(f.substr(0, f.size() - suffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Data, Article, ::testing::ValuesIn(article_names()),
                         [](const auto& info) { return info.param; });

TEST(Cleaner, EmptyAndBlankInputGiveEmptyResult) {
  for (const char* in : {"", "\n\n", "   \t\n\u00a0\n", "\u200b"}) {
    const Result r = Cleaner().clean(in);
    EXPECT_EQ(r.text, "");
    EXPECT_TRUE(r.removed.empty());
    EXPECT_EQ(r.stats.blocks, 0u);
  }
}

TEST(Cleaner, NeverFailsOnHostileInput) {
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  const std::string cases[] = {
      junk, std::string(100000, '\n'), std::string(1 << 20, 'a'),
      std::string("\xff\xfe\x00\x01", 4), std::string(50000, '/'),
      "News / Politics", std::string(3000, '(') + "AFP photo" + std::string(3000, ')')};
  for (const auto& in : cases) {
    const Result r = Cleaner().clean(in);
    EXPECT_LE(r.stats.kept + r.stats.removed, r.stats.blocks + 1);
  }
}

TEST(Cleaner, RepairsInvalidUtf8AndSaysSo) {
  const Result r = Cleaner().clean("Caf\xe9 owners said the rent had doubled.");
  EXPECT_EQ(r.text, "Caf\uFFFD owners said the rent had doubled.");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("invalid UTF-8"), std::string::npos);
}

TEST(Cleaner, SiteScopedRuleAppliesOnlyToItsSite) {
  const Cleaner c = with_rules(R"(
rules:
  - id: site-promo
    category: advert
    pattern: '^Read the Daily Example every morning'
    sites: [example.com]
)");
  const std::string text =
      "Ministers met on Tuesday to agree the budget for the coming year.\n"
      "Read the Daily Example every morning";
  EXPECT_EQ(c.clean(text, "https://www.example.com/a").stats.kept, 1u);
  EXPECT_EQ(c.clean(text, "https://example.com/a").stats.kept, 1u);
  EXPECT_EQ(c.clean(text, "https://news.example.com/a").stats.kept, 2u);
  EXPECT_EQ(c.clean(text, "https://other.org/a").stats.kept, 2u);
  EXPECT_EQ(c.clean(text).stats.kept, 2u);
}

TEST(Cleaner, KeepRuleProtectsABlockFromDrops) {
  const Cleaner c = with_rules(R"(
rules:
  - id: keep-statement
    category: story
    action: keep
    pattern: '^Follow us on the trail'
)");
  const std::string text =
      "The expedition set out from the coast on Monday morning.\n"
      "Follow us on the trail as we report from the mountains.";
  EXPECT_EQ(c.clean(text).stats.kept, 2u);
  EXPECT_EQ(Cleaner().clean(text).stats.kept, 1u);
}

TEST(Cleaner, DropBeforeRemovesTheHead) {
  const Cleaner c = with_rules(R"(
rules:
  - id: skip-link
    category: navigation
    action: drop_before
    where: head
    pattern: '^Skip to content$'
)");
  const Result r = c.clean(
      "Menu\nSearch\nSkip to content\nThe mayor opened the new library on a rainy Saturday.");
  EXPECT_EQ(r.text, "The mayor opened the new library on a rainy Saturday.");
  ASSERT_EQ(r.removed.size(), 3u);
  EXPECT_EQ(r.removed[0].rule, "skip-link");
}

TEST(Cleaner, DisableTurnsARuleOff) {
  Options o;
  o.disable = {"share-follow-us"};
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({}, o, &c).ok());
  const std::string text =
      "The mayor opened the new library on a rainy Saturday morning.\n"
      "Follow Harbour Times on Twitter";
  EXPECT_EQ(c.clean(text).stats.kept, 2u);
  EXPECT_EQ(Cleaner().clean(text).stats.kept, 1u);
}

TEST(Cleaner, CleanManyMatchesCleanInOrder) {
  const std::string seed = read(kSource / "seeds/001_53a9f95486086e6a.txt");
  std::vector<std::string> docs;
  for (int i = 0; i < 40; ++i) docs.push_back(i % 3 ? seed : "Short story number " + std::to_string(i) + ".");
  std::vector<std::string_view> views(docs.begin(), docs.end());
  const Cleaner c;
  const auto results = c.clean_many(views, {}, 4);
  ASSERT_EQ(results.size(), docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(results[i].text, c.clean(docs[i]).text);
}

// Bytes of address space the process holds now.
std::size_t address_space_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

TEST(CleanerDeathTest, CleanManyRunsOnFewerThreadsWhenNoneCanStart) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const Cleaner c;
  const std::string doc = "The mayor opened the new library on a rainy Saturday morning.";
  const std::string expected = c.clean(doc).text;  // the rules compile before the limit
  EXPECT_EXIT(
      {
        // No room for another thread's stack: std::thread's constructor throws.
        rlimit limit{};
        getrlimit(RLIMIT_AS, &limit);
        limit.rlim_cur = address_space_bytes() + (4u << 20);
        setrlimit(RLIMIT_AS, &limit);
        const std::vector<std::string_view> docs(64, doc);
        const std::vector<Result> results = c.clean_many(docs, {}, 8);
        bool same = results.size() == docs.size();
        for (const Result& r : results) same = same && r.text == expected;
        std::_Exit(same ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(Cleaner, ToJsonHasEveryKeyAlways) {
  const auto j = nlohmann::ordered_json::parse(to_json(Cleaner().clean("One short line.")));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"text", "title", "section", "author", "published",
                                            "site_name", "language", "canonical_url", "format",
                                            "kind", "input_kind", "captions", "removed", "stats", "warnings"}));
  EXPECT_EQ(j["text"], "One short line.");
  EXPECT_EQ(j["author"], "");
  EXPECT_EQ(j["stats"]["kept"], 1);
}

TEST(Cleaner, SharedAcrossThreads) {
  const std::string seed = read(kSource / "seeds/001_53a9f95486086e6a.txt");
  const Cleaner c;
  const std::string expected = c.clean(seed).text;
  std::vector<std::thread> threads;
  std::atomic<int> bad{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) bad += c.clean(seed).text != expected;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
}

}  // namespace

namespace {

TEST(Cleaner, DropRestStopsWhereTheStoryResumes) {
  const std::string text =
      "The museum reopened on Saturday after a two-year renovation of its east wing.\n"
      "The work cost twelve million euros and was paid for by the city and a private donor.\n"
      "Related stories:\n"
      "Museum director steps down\n"
      "City budget cuts hit culture\n"
      "Visitors queued for more than an hour to see the restored ceiling frescoes, staff said.\n"
      "Related articles\n"
      "Five things to see this weekend";
  const Result r = Cleaner().clean(text);
  EXPECT_EQ(r.text,
            "The museum reopened on Saturday after a two-year renovation of its east wing.\n"
            "The work cost twelve million euros and was paid for by the city and a private donor.\n"
            "Visitors queued for more than an hour to see the restored ceiling frescoes, staff said.");
  ASSERT_EQ(r.removed.size(), 5u);
  for (const auto& x : r.removed) EXPECT_EQ(x.rule, "related-list");
}

// A list whose lines all bear an item's mark ("- ") ends at the first
// sentence without one: the story's next paragraph, however short. Without
// the marks, a short sentence after the teasers is a teaser's summary, and
// so is one with an item after it.
TEST(Cleaner, AMarkedListEndsAtASentenceWithoutAMark) {
  const std::string story =
      "The museum reopened on Saturday after a two-year renovation of its east wing.\n"
      "The work cost twelve million euros and was paid for by the city and a private donor.\n";
  const std::string after = "A guided tour starts every hour on Sunday.\n"
                            "The cafe on the roof opens in May.";
  Result r = Cleaner().clean(story + "Related stories:\n- Museum director steps down\n"
                                     "- City budget cuts hit culture\n" + after);
  EXPECT_EQ(r.text, story + after);
  ASSERT_EQ(r.removed.size(), 3u);
  for (const auto& x : r.removed) EXPECT_EQ(x.rule, "related-list");

  r = Cleaner().clean(story + "Related stories:\nMuseum director steps down\n"
                              "City budget cuts hit culture\n" + after);
  EXPECT_EQ(r.text, story.substr(0, story.size() - 1));

  r = Cleaner().clean(story + "Related stories:\n- Museum director steps down\n"
                              "She leaves after ten years in the post.\n"
                              "- City budget cuts hit culture\n" + after);
  EXPECT_EQ(r.text, story + after);
}

// After the story's last paragraph, the lines that are not prose between
// the first line a rule of what follows a story drops (a share row) and
// the last line dropped go: a reader's comment, a list of other results.
// After a caption (which stands inside a story) the story's own details
// stay, and so does a line after the last dropped one, and a sentence
// right under an advert's marker.
TEST(Cleaner, TheTailBetweenDroppedLinesGoes) {
  const std::string story =
      "The club signed the striker on Monday after a month of talks with his old team.\n"
      "He scored fourteen goals last season and will wear the number nine shirt.\n";
  Result r = Cleaner().clean(story + "Share this story\n"
                             "fan_1984: Welcome to the club!\n"
                             "Youth team wins the cup\n"
                             "Copyright 2011 Harbour Town FC. All rights reserved.");
  EXPECT_EQ(r.text, story.substr(0, story.size() - 1));
  std::vector<std::string> tail;
  for (const auto& x : r.removed) {
    if (x.rule == "tail-among-dropped") tail.push_back(x.text);
  }
  // A sentence, which chrome-neighbour does not take, and the line after it.
  EXPECT_EQ(tail, (std::vector<std::string>{"fan_1984: Welcome to the club!",
                                            "Youth team wins the cup"}));

  const std::string details = "Stadium Road 15, Harbour Town\nGates open at 6.30 p.m.\n";
  r = Cleaner().clean(story + "The new striker at training. Photo: Jane Doe\n" + details +
                      "Copyright 2011 Harbour Town FC. All rights reserved.");
  EXPECT_EQ(r.text, story + details.substr(0, details.size() - 1));

  r = Cleaner().clean(story + "Share this story\nCopyright 2011 Harbour Town FC.\nFull table");
  EXPECT_EQ(r.text, story + "Full table");

  // A sentence right under an advert's marker is the story going on.
  const std::string copyright = "Copyright 2011 Harbour Town FC. All rights reserved.";
  r = Cleaner().clean(story + "Watch: the striker's first goals\nAdvertisement\n" +
                      "He will play on Saturday.\nMore from the club\n" + copyright);
  EXPECT_EQ(r.text, story + "He will play on Saturday.");

  // A row of items set apart by bars that ends like a sentence is no
  // paragraph: the page's lines before it go as before a copyright line.
  const std::string row =
      "Harbour Town FC | Stadium Road 15 | Tickets on sale from 9 a.m. on match days.";
  r = Cleaner().clean(story + "Share this story\n"
                      "fan_1984: Welcome to the club!\n"
                      "Youth team wins the cup\n"
                      "Copyright 2011 Harbour Town FC. All rights reserved.\n" + row);
  EXPECT_EQ(r.text, story + row);

  // More of the page's lines than story: they go all the same.
  std::string page;
  for (int i = 0; i < 12; ++i) {
    page += "fan_" + std::to_string(i) + ": Great signing, a real striker at last\n";
  }
  r = Cleaner().clean(story + "Share this story\n" + page +
                      "Copyright 2011 Harbour Town FC. All rights reserved.");
  EXPECT_EQ(r.text, story.substr(0, story.size() - 1));
}

// Inside the story, its own list (a lead-in with a colon and its items)
// between a caption and an advert's marker stays: short lines that are not
// sentences among dropped ones, but the lead-in says they are the story's.
TEST(Cleaner, AStoryListBetweenDroppedLinesStays) {
  const std::string before =
      "The dock workers walked out on Monday after talks with the port authority broke down.\n"
      "The strike has stopped all container traffic at the harbour for the first time in years.\n";
  const std::string list =
      "The union's demands:\n"
      "A wage rise of five per cent this year\n"
      "Two more staff on each night shift\n"
      "A new rota from the start of March\n";
  const std::string after =
      "The port authority said it would meet the union again on Thursday to discuss them.\n"
      "Shipping companies have begun to send their vessels to other ports along the coast.";
  const std::string caption = "Pickets at the harbour gate at dawn. Photo: Jane Doe/Reuters\n";
  Result r = Cleaner().clean(before + caption + list + "Advertisement\n" + after);
  EXPECT_EQ(r.text, before + list + after);
  EXPECT_EQ(r.removed.size(), 2u);
}

namespace {

// A short story under the head lines the title tests put above it.
const std::string kWaterPlantStory =
    "The city council voted 5-2 on Monday night to borrow $4.2 million for the water plant.\n"
    "The upgrade will replace filters installed in 1971, the city's engineer said.\n"
    "Residents will see the increase on their bills starting in July, officials said.\n"
    "The plant serves about 40,000 people in the valley and two neighbouring towns.";

}  // namespace

// Without a URL, a site's name above the headline is not the title: the
// headline is; a short line is the title when no longer headline follows,
// and a label's line ("Posted: ..."), a menu's row or a line another rule
// names (the chrome-words model too) is no headline.
TEST(Cleaner, WithoutAUrlTheHeadlineUnderTheMastheadIsTheTitle) {
  const std::string& story = kWaterPlantStory;
  Result r = Cleaner().clean("Marlow Valley Register\nCouncil approves water plant upgrade\n"
                             "By Denise Ortwell\n" + story);
  EXPECT_EQ(r.title, "Council approves water plant upgrade");
  r = Cleaner().clean("Council approves upgrade\nPosted: Jul 19th 2011 2:35PM\n" + story);
  EXPECT_EQ(r.title, "Council approves upgrade");
  // A menu's row under the masthead is no title either.
  r = Cleaner().clean("Ashbury Evening Star\nNews | Sport | What's On | Leisure | Jobs | Motors\n"
                      "Villagers vow to fight plan for 140 homes\n" + story);
  EXPECT_EQ(r.title, "Villagers vow to fight plan for 140 homes");
  // A line another rule names is no title: it goes by that rule, and the
  // headline under it is the title.
  for (const std::string skip : {"Skip to main content", "Zum Inhalt springen"}) {
    r = Cleaner().clean(skip + "\nCouncil approves water plant upgrade\n" + story);
    EXPECT_EQ(r.title, "Council approves water plant upgrade") << skip;
    ASSERT_FALSE(r.removed.empty());
    EXPECT_EQ(r.removed[0].text, skip);
    EXPECT_NE(r.removed[0].rule, "title-head-line");
  }
  // Nor is a line the chrome-words model takes for the page's, a menu
  // without bars, nor the paper's name with the day's date.
  for (const std::string masthead :
       {"Home News Business Sports Entertainment Politics Photos Contact",
        "The Valley Gazette - Dunmore, Tuesday, 14 March 2006"}) {
    r = Cleaner().clean(masthead + "\nCouncil approves water plant upgrade\n" + story);
    EXPECT_EQ(r.title, "Council approves water plant upgrade") << masthead;
    EXPECT_EQ(r.text, story) << masthead;
  }
  // With a URL, its slug tells the headline.
  r = Cleaner().clean("Marlow Valley Register\nCouncil approves water plant upgrade\n" + story,
                      "https://news.example.com/2024/05/council-approves-water-plant-upgrade");
  EXPECT_EQ(r.title, "Council approves water plant upgrade");
}

// Where the title rule took the headline, the site's name at the top, over
// the menu, goes; a line that names the page the URL names stays (a
// product's name over its tagline), and so do three lines (a product's
// name and its points).
TEST(Cleaner, TheSitesNameOverTheMenuGoesWithTheHeadline) {
  const std::string& story = kWaterPlantStory;
  const std::string head =
      "Home | News | Sport | Contact\nCouncil approves water plant upgrade for the valley\n";
  Result r = Cleaner().clean("Dunmore Voice\n" + head + story);
  EXPECT_EQ(r.text, story);
  ASSERT_FALSE(r.removed.empty());
  EXPECT_EQ(r.removed[0].text, "Dunmore Voice");
  EXPECT_EQ(r.removed[0].rule, "head-among-dropped");
  r = Cleaner().clean("Dunmore Voice\n" + head + story,
                      "https://news.example.com/2024/05/council-approves-water-plant-upgrade");
  EXPECT_EQ(r.text, story);
  r = Cleaner().clean("Water Plant\n" + head + story,
                      "https://news.example.com/2024/05/council-approves-water-plant-upgrade");
  EXPECT_EQ(r.text, "Water Plant\n" + story);
  r = Cleaner().clean("Dunmore Voice\nTrusted since 1887\nYour town\n" + head + story);
  EXPECT_EQ(r.text.substr(0, 13), "Dunmore Voice");
}

// The page's title, the menu under it, then the headline printed again: it
// goes with the title; a line the URL does not name stays (a deck).
TEST(Cleaner, TheHeadlineAgainAfterTheMenuGoes) {
  const std::string& story = kWaterPlantStory;
  const std::string top =
      "Council approves water plant upgrade - The Valley Gazette\nHome | News | Sport | Contact\n";
  Result r = Cleaner().clean(top + "Council approves water plant upgrade for the valley\n" + story);
  EXPECT_EQ(r.text, story);
  EXPECT_EQ(r.title, "Council approves water plant upgrade - The Valley Gazette");
  const std::string url = "https://news.example.com/2024/05/council-approves-water-plant-upgrade";
  r = Cleaner().clean(top + "Council approves water plant upgrade for the valley\n" + story, url);
  EXPECT_EQ(r.text, story);
  r = Cleaner().clean(top + "Residents face higher bills from July onwards\n" + story, url);
  EXPECT_EQ(r.text, "Residents face higher bills from July onwards\n" + story);
  // Right under the title, with no dropped line between, a line stays.
  r = Cleaner().clean("Council approves water plant upgrade - The Valley Gazette\n"
                      "Residents face higher bills from July onwards\n" + story);
  EXPECT_EQ(r.text, "Residents face higher bills from July onwards\n" + story);
  // But with a byline and its time between it and the story, it is the
  // headline (the title rule took the site's name above it).
  r = Cleaner().clean("The Valley Gazette - Online Edition\n"
                      "Residents face higher bills from July onwards\n"
                      "By Jane Roe\nPosted: Jul 19th 2011 2:35PM\n" + story);
  EXPECT_EQ(r.text, story);
  // A section's label between the menu and the headline is passed over.
  r = Cleaner().clean(top + "Valley Matters\n" +
                      "Council approves water plant upgrade for the valley\n" + story);
  EXPECT_EQ(r.text.find("for the valley"), std::string::npos) << r.text;
  // A label over a list of three lines shaped alike heads the story's list.
  const std::string points =
      "Key points\nWater bills to rise by four percent from July\n"
      "New filters to be fitted at the plant by the spring\n"
      "Work to start on the pumping station in March\n";
  r = Cleaner().clean(top + points + story);
  EXPECT_NE(r.text.find("Water bills to rise by four percent from July"), std::string::npos)
      << r.text;
  // A menu's items that only their neighbours take stand between the menu
  // and the headline: once they have gone, the headline goes too.
  r = Cleaner().clean(top + "- Local\n- Farming\n- Weird News\nSPORT | MONEY | LIFE\n" +
                      "Council approves water plant upgrade for the valley\n" + story);
  EXPECT_EQ(r.text, story);
}

// A copyright line that ends like a sentence ("... Powered by Joomla!")
// does not stretch the story to the page's end: the lines before it, which
// outweigh a short story, do not make the document no story (the title
// rule, which needs one, still acts).
TEST(Cleaner, AProseCopyrightLineDoesNotUnmakeTheStory) {
  const std::string story =
      "The club signed the striker on Monday on a one-year contract, the manager said.\n"
      "He scored fourteen goals in twenty-six games for his old club last season.\n"
      "The new season starts in February with a home game against the champions.\n";
  const std::string teasers =
      "Harbour Town beat Millbrook Rovers in the cup final again\n"
      "Coach names squad for the trip to the northern islands\n"
      "Youth team wins the regional league for a third year\n"
      "Ticket prices for the new season frozen at last year's\n"
      "Stadium roof repairs to finish before the first game\n"
      "Supporters club elects a new chair at its annual meeting\n";
  Result r = Cleaner().clean("Striker joins Harbour Town from Lampang City\n" + story + teasers +
                             "© 2011 Harbour Town FC. All rights reserved. Powered by Joomla!");
  EXPECT_EQ(r.title, "Striker joins Harbour Town from Lampang City");
}

// An inline teaser's headlines go; the story's short subheading under them,
// with the story's prose after it, stays (heads_story_after_teaser).
TEST(Cleaner, TheStorysSubheadingAfterAnInlineTeaserStays) {
  const std::string before =
      "The council voted on Tuesday to close the old harbour bridge to cars from June.\n"
      "Engineers found cracks in two of its piers during an inspection in the spring.\n";
  const std::string teaser =
      "Read more:\n"
      "Ferry company adds a night crossing between the two towns from May onwards\n"
      "Harbour traders fear a quiet summer as the bridge works begin next month\n";
  const std::string after =
      "What happens next\n"
      "Cyclists and walkers may still use the bridge while the council looks for the money.\n"
      "A new bridge would cost about 40 million pounds, according to the council's estimate.";
  Result r = Cleaner().clean(before + teaser + after);
  EXPECT_EQ(r.text, before + after);
  // A third headline, of six words, is the teaser's.
  r = Cleaner().clean(before + teaser + "Bridge tolls to rise in July\n" + after.substr(18));
  EXPECT_EQ(r.text, before + after.substr(18));
}

// A table in the story, its head row in capitals: the head is no other
// story's headline, and the rows stay with it.
TEST(Cleaner, AStoryTableUnderItsCapitalHeadStays) {
  const std::string story =
      "The league's season ended on Saturday with Harbour Town two points clear at the top.\n"
      "The club's manager said the title was the reward for a season of hard work by the squad.\n"
      "| TEAM | PLAYED | WON | LOST | POINTS |\n"
      "| Harbour Town | 12 | 9 | 3 | 27 |\n"
      "| Millbrook Rovers | 12 | 8 | 4 | 25 |\n"
      "| Eastfield United | 12 | 5 | 7 | 15 |\n"
      "The new season starts in August, when Harbour Town will play in the regional cup too.";
  Result r = Cleaner().clean(story + "\nShare this article");
  EXPECT_EQ(r.text, story);
  EXPECT_TRUE(one_removal_by(r, "share-prompt"));
}

// After the story, the few lines left between a footer's dropped line and
// the last dropped line go, sentences too (a classified ad); after
// a newsletter box, which may stand inside a story, the story's last short
// paragraphs stay, and so do lines that outweigh a fourth of the story.
TEST(Cleaner, TheFewLinesLeftAmongTheFooterGo) {
  const std::string story =
      "The club signed the striker on Monday after a month of talks with his old team.\n"
      "He scored fourteen goals last season and will wear the number nine shirt.\n"
      "The manager said the new striker would start on Saturday against the league leaders.\n"
      "Tickets for the match are almost sold out, the club said on its website.\n"
      "His old club thanked him for four seasons and wished him well in his new home.\n";
  const std::string footer =
      "Copyright 2011 Harbour Town FC. All rights reserved.\n"
      "Contact Us | About Us | Privacy Policy\n";
  const std::string ad =
      "Drummer seeks a working band, covers or originals. Call Pete after six.\n";
  Result r = Cleaner().clean(story + footer + ad + "Terms of Use");
  EXPECT_EQ(r.text, story.substr(0, story.size() - 1));
  std::vector<std::string> closing;
  for (const auto& x : r.removed) {
    if (x.rule == "closing-among-dropped") closing.push_back(x.text);
  }
  EXPECT_EQ(closing, std::vector<std::string>{ad.substr(0, ad.size() - 1)});

  const std::string last = "The match starts at three on Saturday at the harbour ground.\n";
  r = Cleaner().clean(story + "Sign up for our free newsletter.\nShare this story\n" + last +
                      footer);
  EXPECT_EQ(r.text, story + last.substr(0, last.size() - 1));

  const std::string first_two = story.substr(0, story.find("The manager"));
  r = Cleaner().clean(first_two + footer + ad + "Terms of Use");
  EXPECT_EQ(r.text, first_two + ad.substr(0, ad.size() - 1));

  // Four sentences go (tuning::kClosingMaxLines); five are the page's own.
  const std::string more =
      "The striker grew up in the town and played for the youth team until he was sixteen.\n"
      "He left for the city club at seventeen and made his debut for them a year later.\n"
      "His father, a fisherman, still lives near the harbour and comes to every home game.\n"
      "The club has not had a striker score twenty goals in a season since the late nineties.\n"
      "Supporters have already bought more than four hundred shirts with his name on the back.\n";
  const std::string ads =
      "Drummer seeks a working band, covers or originals.\n"
      "Piano lessons for beginners on Tuesday evenings, all ages.\n"
      "Garage to let near the station from the first of May.\n"
      "Lost: a grey cat near the harbour, answers to Tom.\n";
  r = Cleaner().clean(story + more + footer + ads + "Terms of Use");
  EXPECT_EQ(r.text, story + more.substr(0, more.size() - 1));
  const std::string five = ads + "Free firewood for anyone who collects it this weekend.\n";
  r = Cleaner().clean(story + more + footer + five + "Terms of Use");
  EXPECT_EQ(r.text, story + more + five.substr(0, five.size() - 1));

  // One footer's line opens the run too, with kept lines after it and
  // between the footer's other lines.
  const std::size_t cut = footer.find('\n') + 1;
  const std::string lesson = "Piano lessons for beginners on Tuesday evenings, all ages.\n";
  r = Cleaner().clean(story + more + footer.substr(0, cut) + ad + footer.substr(cut) + lesson +
                      "Terms of Use");
  EXPECT_EQ(r.text, story + more.substr(0, more.size() - 1));
}

// Before the story's first paragraph, up to three short lines that are not
// sentences between two dropped lines go, where chrome-neighbour leaves them
// (a dropped line alone between them and the headline); the headline stays,
// and so do four such lines.
TEST(Cleaner, AFewLinesBetweenDroppedLinesOfTheHeadGo) {
  const std::string story =
      "The council met on Tuesday to discuss the plan for the new towers near the river.\n"
      "Most members spoke in favour of it after a long debate in the town hall.\n"
      "Work on the towers is due to start in the spring of next year, the mayor said.";
  const std::string top = "Home | News | Sport | Weather\nHarbour News » Local\n";
  const std::string title = "Council approves two towers\n";
  const std::string posted = "Posted: Jul 19th 2011 2:35PM\n";
  const std::string tools = "Text Size: Aa Aa\n";
  Result r = Cleaner().clean(top + title + posted + "Jane Doe, Contributor\n" + tools + story);
  EXPECT_EQ(r.text, story);
  EXPECT_EQ(r.title + "\n", title);
  bool went = false;
  for (const auto& x : r.removed) {
    went = went || (x.rule == "head-among-dropped" && x.text == "Jane Doe, Contributor");
  }
  EXPECT_TRUE(went);

  const std::string four = "Jane Doe, Contributor\nHarbour desk\nTowers\nRiver\n";
  r = Cleaner().clean(top + title + posted + four + tools + story);
  EXPECT_EQ(r.text, four + story);
  // Each run between two dropped lines counts alone: two and two go.
  r = Cleaner().clean(top + title + posted + four.substr(0, 35) + tools + four.substr(35) +
                      "Share this\n" + story);
  EXPECT_EQ(r.text, story);
}

// Under the headline a title rule took, a deck that is a sentence, then the
// writer's name and her posting time: the name goes with the time, as
// between the head's dropped lines; a heading right above the story's
// prose stays (a live blog's first entry).
TEST(Cleaner, TheNameUnderADeckGoesWithItsTime) {
  const std::string deck =
      "The regional parliament passed the law on Thursday, and it takes effect in March.\n";
  const std::string story =
      "The law caps yearly rent rises at three per cent for every lease signed from March.\n"
      "Landlords who break the cap face fines of up to 90,000 euros, the ministry said.\n"
      "Tenants' groups welcomed the law but said it came years too late for many families.";
  const std::string head = "What the new rent law changes, point by point\n" + deck;
  const std::string time = "Posted: Jul 19th 2011 2:35PM\n";
  Result r = Cleaner().clean(head + "Elena Sotomayor Ruiz\n" + time + story);
  EXPECT_EQ(r.text, deck + story);
  r = Cleaner().clean(head + time + "Rents capped\n" + story);
  EXPECT_EQ(r.text, deck + "Rents capped\n" + story);
  // A line only the chrome-words model took makes no deck: the short lines
  // above it are the story's ("Three per cent cap"), not a byline's.
  const std::string points = "Three per cent cap\nFines of 90,000 euros\n";
  r = Cleaner().clean(head + points + "Weather Traffic Sports Entertainment\n" + story);
  EXPECT_EQ(r.text, deck + points + story);
}

// After the story, a list of other stories goes with each headline's
// summary (a sentence or two); after a list of links the story's paragraph
// stays.
TEST(Cleaner, ATeasersSummaryGoesWithItsHeadline) {
  const std::string story =
      "The council voted on Tuesday to close the old harbour bridge to cars from June.\n"
      "Engineers found cracks in two of its piers during an inspection in the spring.\n"
      "A new bridge would cost about 40 million pounds, according to the council's estimate.";
  const std::string teasers =
      "\nMore from Harbour Town\n"
      "Ferry company adds a night crossing between the two towns\n"
      "The new service starts in May and runs until the end of September, the company said.\n"
      "Harbour traders fear a quiet summer as the bridge works begin\n"
      "Shop owners on Quay Street say their takings fell by a third the last time it closed.\n";
  Result r = Cleaner().clean(story + teasers + "© 2024 Harbour Town News");
  EXPECT_EQ(r.text, story);
  const std::string paragraph =
      "Drozdowski joined the university in 2001 after four years of postdoctoral work at a "
      "laboratory in California.";
  r = Cleaner().clean(story + "\nRelated links:\nDepartment of Entomology\nPollinator Research Lab\n"
                      "Award abstract\n" + paragraph + "\n© 2024 Harbour Town News");
  EXPECT_NE(r.text.find(paragraph), std::string::npos);
}

// A byline and its time under the standfirst are still the head's: the
// head's byline and stamp rules act on the short lines right under a short
// first paragraph. Under a long one (the story's own) or past the lines
// that are not prose, a line shaped so stays.
TEST(Cleaner, ABylineAndItsTimeUnderTheStandfirstGo) {
  const std::string deck = "The two towers will be the tallest in the downtown core.\n";
  const std::string story =
      "The council met on Tuesday to discuss the plan for the new towers near the river.\n"
      "Most members spoke in favour of it after a long debate in the town hall.";
  Result r = Cleaner().clean(deck + "By Jane Doe\n" + story);
  EXPECT_EQ(r.text, deck + story);
  EXPECT_TRUE(one_removal_by(r, "credit-byline-head"));

  r = Cleaner().clean(deck + "Updated 10:32\nBy Jane Doe and John Roe\n" + story);
  EXPECT_EQ(r.text, deck + story);
  r = Cleaner().clean(deck + "Sep 14, 2016 \u00b7 5 min read\n" + story);
  EXPECT_EQ(r.text, deck + story);

  // Three short lines under the deck: the third is past the head's reach.
  r = Cleaner().clean(deck + "Harbour\nTowers\nBy Jane Doe\n" + story);
  EXPECT_NE(r.text.find("By Jane Doe"), std::string::npos) << r.text;

  const std::string lede =
      "The two towers, which the council approved on Tuesday after a debate that ran past "
      "midnight and drew more than two hundred residents to the town hall, will be the "
      "tallest buildings in the downtown core when they open in three years.\n";
  r = Cleaner().clean(lede + "By Jane Doe\n" + story);
  EXPECT_EQ(r.text, lede + "By Jane Doe\n" + story);
}

// A posting time that reads like a sentence ("10:48 a. m." ends like one)
// is the head's stamp, not the story's first paragraph: it goes, and the
// story starts under it.
TEST(Cleaner, AStampThatEndsLikeASentenceIsNoParagraph) {
  const std::string story =
      "La Alcaldía puso en marcha este martes un canal de alertas para los barrios del río.\n"
      "El servicio, gratuito, enviará mensajes cuando las lluvias superen los 40 milímetros.";
  const std::string stamp = "4 de junio de 2019 - 10:48 a. m.\n";
  Result r = Cleaner().clean(stamp + story);
  EXPECT_EQ(r.text, story);
  EXPECT_TRUE(one_removal_by(r, "dateline-stamp-line"));
  // A sentence that ends with a time stays.
  const std::string line = "The council will meet again on Tuesday at 7:30 p.m.\n";
  r = Cleaner().clean(line + story);
  EXPECT_EQ(r.text, line + story);
}

// An inline teaser ("Also read" and a headline) between two paragraphs ends
// where the story opens a list of its own: a line of three words or more
// that ends with a colon. After a longer list of teasers such a line is the
// box's own, and goes with it.
TEST(Cleaner, AnInlineTeaserEndsWhereTheStoryOpensAList) {
  const std::string story =
      "The museum reopened on Saturday after a two-year renovation of its east wing.\n"
      "The work cost twelve million euros and was paid for by the city and a private donor.\n";
  const std::string list =
      "The restored wing has four new rooms:\n"
      "Frescoes\n"
      "Tapestries\n"
      "Maps\n"
      "Visitors queued for more than an hour to see the restored ceiling frescoes, staff said.";
  Result r = Cleaner().clean(story + "Also read\nMuseum director steps down\n" + list);
  EXPECT_EQ(r.text, story + list);
  ASSERT_EQ(r.removed.size(), 2u);
  for (const auto& x : r.removed) EXPECT_EQ(x.rule, "related-list");
  // Two words are lead-in enough ("Die Forderungen:").
  const std::string short_list =
      "New rooms:\nFrescoes\nTapestries\nMaps\n" + list.substr(list.find("Visitors"));
  r = Cleaner().clean(story + "Also read\nMuseum director steps down\n" + short_list);
  EXPECT_EQ(r.text, story + short_list);

  r = Cleaner().clean(story +
                      "Also read\nMuseum director steps down\nCity budget cuts hit culture\n"
                      "Five things to see this weekend\nOur picks for the long weekend:\n"
                      "Visitors queued for more than an hour to see the restored ceiling "
                      "frescoes, staff said.");
  EXPECT_EQ(r.text, story +
                        "Visitors queued for more than an hour to see the restored ceiling "
                        "frescoes, staff said.");
  EXPECT_EQ(r.removed.size(), 5u);
}

// A paragraph that ends in no full stop (a link, a colon: the extractor
// dropped its end) is still the story resuming when it runs on past two
// sentences and twenty words; short questions ("Got questions? Need help?")
// are no paragraph, and the list goes on past them.
TEST(Cleaner, DropRestStopsAtAParagraphThatEndsWithoutAFullStop) {
  const std::string story =
      "The museum reopened on Saturday after a two-year renovation of its east wing.\n"
      "The work cost twelve million euros and was paid for by the city and a private donor.\n"
      "Visitors queued for more than an hour to see the restored ceiling frescoes, staff said.\n";
  const std::string unended =
      "Tours start again in May. Schools can book them for free. The museum's guide to the "
      "restored rooms, with the times of every tour, is at museum.example/tours";
  Result r = Cleaner().clean(story + "Related stories:\n" + unended);
  EXPECT_EQ(r.text, story + unended);
  EXPECT_TRUE(one_removal_by(r, "related-list"));

  r = Cleaner().clean(story +
                      "Related stories:\nMuseum director steps down\nQuestions? Ideas? Write to "
                      "us any time\nCity budget cuts hit culture");
  EXPECT_EQ(r.text, story.substr(0, story.size() - 1));
  EXPECT_EQ(r.removed.size(), 4u);
}

// In an extractor's output a bare "Read more" is the button under a card's
// excerpt: it goes alone, and the next card's heading stays with its text;
// "Read more:" with its colon still heads a list of other stories.
TEST(Cleaner, ABareReadMoreGoesAloneAndReadMoreWithAColonHeadsAList) {
  const std::string story =
      "The museum reopened on Saturday after a two-year renovation of its east wing.\n"
      "The work cost twelve million euros and was paid for by the city and a private donor.\n";
  const std::string excerpt =
      "Volunteers lead tours of the restored rooms every afternoon except on Mondays.";
  const std::string card = "Guided tours\n" + excerpt;
  Result r = Cleaner().clean(story + "Read more\n" + card);
  EXPECT_EQ(r.text, story + card);
  EXPECT_TRUE(one_removal_by(r, "navigation-call-to-action"));

  // On a whole page the next card is another story's teaser: its heading
  // goes too, and after the story's paragraphs so does its summary (as a
  // related list's run).
  Options page;
  page.input_kind = newsclean::InputKind::kPage;
  Cleaner as_page;
  ASSERT_TRUE(Cleaner::create({}, page, &as_page).ok());
  r = as_page.clean(story + "Read more\n" + card);
  EXPECT_EQ(r.text + "\n", story);
  ASSERT_EQ(r.removed.size(), 3u);
  for (const auto& x : r.removed) EXPECT_EQ(x.rule, "related-read-more-page");

  const std::string last =
      "Visitors queued for more than an hour to see the restored ceiling frescoes, staff said.";
  r = Cleaner().clean(story +
                      "Read more:\nMuseum director steps down\nCity budget cuts hit culture\n" + last);
  EXPECT_EQ(r.text, story + last);
  ASSERT_EQ(r.removed.size(), 3u);
  for (const auto& x : r.removed) EXPECT_EQ(x.rule, "related-list");
}

// A comment section's heading right after a list of links: the list's run
// ends at the heading, whose own range then takes the comments; a story of
// two paragraphs stands before them.
TEST(Cleaner, ACommentSectionAfterALinkListGoesWithItsComments) {
  const std::string story =
      "The ferry between the two harbours will stop running on Sundays from next month, the "
      "operator said on Monday, citing a shortage of crew.\n"
      "Weekday crossings are not affected, and the operator said it hoped to restore the Sunday "
      "service before the summer.";
  const Result r = Cleaner().clean(
      story +
      "\nRelated stories:\nLifeboat crew called out twice in a day\nHarbour wall repairs to "
      "start in May\nReader comments\nTom wrote: I use that ferry every Sunday to visit my "
      "mother, and I have no idea how I will get there now.\nAnn wrote: They have been short "
      "of crew for two years, and nobody at the company seems to care about it.");
  EXPECT_EQ(r.text, story);
  ASSERT_EQ(r.removed.size(), 6u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(r.removed[i].rule, "related-list") << i;
  for (std::size_t i = 3; i < 6; ++i) EXPECT_EQ(r.removed[i].rule, "comments-section") << i;
}

// Four paragraphs of a story, for the tests of what may follow one.
const std::string kStory =
    "The city council approved the new budget for schools and roads on Tuesday night.\n"
    "The plan adds forty teachers and repairs twelve bridges over the next three years.\n"
    "Opposition members said the tax rise that pays for it would hurt small businesses.\n"
    "The mayor said the vote was the most important of her first term in office.\n";

// Cleans kStory followed by `tail`: the story stays, and every line of the
// tail goes, by `rule`.
void expect_tail_removed_by(const std::string& tail, const std::string& rule) {
  const Result r = Cleaner().clean(kStory + tail);
  EXPECT_EQ(r.text + "\n", kStory);
  ASSERT_EQ(r.removed.size(), static_cast<std::size_t>(std::count(tail.begin(), tail.end(), '\n')));
  for (const auto& x : r.removed) EXPECT_EQ(x.rule, rule);
}

TEST(Cleaner, TeaserListAtTheEndGoes) {
  expect_tail_removed_by(
      "-\n"
      "Man rescued from flooded river\n"
      "Firefighters pulled him out after two hours in the water on Sunday.\n"
      "-\n"
      "New bridge opens to traffic\n"
      "The crossing cuts the trip to the airport by twenty minutes.\n"
      "-\n"
      "School wins national award\n"
      "Pupils built a solar car that won the national final in May.\n",
      "related-teaser-list");
}

TEST(Cleaner, PreviousAndNextStoryLinksGoWithTheirHeadlines) {
  expect_tail_removed_by(
      "\u2190 Previous Story\n"
      "Mayor opens new library in the old station\n"
      "Newer Story \u2192\n"
      "Police close the ring road for a cycle race\n",
      "navigation-prev-next");
}

TEST(Cleaner, LabelledLinksAfterTheStoryGoWhateverTheLabelsCase) {
  expect_tail_removed_by(
      "Download: https://podcasts.example.com/valley/download\n"
      "iTunes: https://podcasts.example.com/valley/apple\n",
      "navigation-labelled-link");
}

TEST(Cleaner, AllCapsHeadlineWithAPluralGoes) {
  const std::string teaser =
      "BAND CLEARED TO PLAY OLD HITS AT THE AMAs AFTER LONG FEUD WITH LABEL: REPORT";
  const std::string story_lines[] = {
      "The city council approved the new budget for schools and roads on Tuesday night.",
      "The plan adds forty teachers and repairs twelve bridges over the next three years.",
      "Opposition members said the tax rise that pays for it would hurt small businesses.",
      "The mayor said the vote was the most important of her first term in office."};
  const Result r = Cleaner().clean(story_lines[0] + "\n" + story_lines[1] + "\n" + teaser +
                                   "\n" + story_lines[2] + "\n" + story_lines[3]);
  EXPECT_TRUE(one_removal_by(r, "related-all-caps-teaser"));
}

// Text input has no markup: a credited caption line after the story's last
// paragraph, or beside a line that points to another story, is judged as a
// picture beside the story (from caption_threshold times
// tuning::kCaptionAfterStoryFactor); the same line between paragraphs is the
// story's.
TEST(Cleaner, ACaptionLineAfterTheStoryOrAmongTeasersMustShareMore) {
  const std::string title = "Council approves budget for schools and bridges";
  const std::string p[] = {
      "The city council approved the new budget for schools and roads on Tuesday night after "
      "a long debate.",
      "The plan adds forty teachers and repairs twelve bridges in the harbour district over "
      "the next three years.",
      "Opposition members said the tax rise that pays for the plan would hurt small "
      "businesses in the harbour district.",
      "The mayor said the vote was the most important of her first term and thanked the "
      "teachers who came to the hearing."};
  const std::string caption =
      "Teachers wait with banners, flags and umbrellas outside the hearing in the harbour "
      "district. (AP Photo)";
  const std::string teaser = "Read more: Harbour district gets a new ferry line";
  const auto judged = [&](const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    const Result r = Cleaner().clean(text);
    EXPECT_EQ(r.captions.size(), 1u) << text;
    return r.captions.empty() ? newsclean::Caption() : r.captions[0];
  };
  const newsclean::Caption between = judged({title, p[0], p[1], caption, p[2], p[3]});
  EXPECT_EQ(between.position, "story");
  EXPECT_TRUE(between.related) << between.reason;
  const newsclean::Caption after = judged({title, p[0], p[1], p[2], p[3], caption});
  EXPECT_EQ(after.position, "after");
  EXPECT_FALSE(after.related) << after.reason;
  EXPECT_EQ(after.score, between.score);  // the same words: only the place differs
  const newsclean::Caption teasers = judged({title, p[0], p[1], caption, teaser, p[2], p[3]});
  EXPECT_EQ(teasers.position, "teasers");
  EXPECT_FALSE(teasers.related) << teasers.reason;
}

TEST(Cleaner, CaptionsCreditedWithACopyrightSignOrViaOrPhotoLikeGo) {
  const std::string story_lines[] = {
      "The city council approved the new budget for schools and roads on Tuesday night.\n",
      "The plan adds forty teachers and repairs twelve bridges over the next three years.\n",
      "Opposition members said the tax rise that pays for it would hurt small businesses.\n"};
  for (const auto& [caption, rule] :
       {std::pair<std::string, std::string>{"The restored hall, installation views, photos "
                                            "\u00a9 Valley Museum, 2018",
                                            "caption-copyright-credit"},
        {"The new council chamber seen from the gallery via Valley News", "caption-credit-via"},
        // Photo-like lines with no credit in brackets (rules.yaml caption-photo-description).
        {"A picture taken on May 3 shows the new council chamber from the gallery.",
         "caption-photo-description"},
        // An agency and its photographer after the last sentence.
        {"Councillors leave the new chamber after the vote. REUTERS/Jane Doe",
         "caption-agency-slash"}}) {
    const Result r =
        Cleaner().clean(story_lines[0] + caption + "\n" + story_lines[1] + story_lines[2]);
    EXPECT_EQ(r.text + "\n", story_lines[0] + story_lines[1] + story_lines[2]) << caption;
    ASSERT_EQ(r.removed.size(), 1u) << caption;
    EXPECT_EQ(r.removed[0].rule, rule);
  }
}

TEST(Cleaner, ADateAtTheTopOfAnyDocumentIsADateline) {
  // A results table, not a story: only the date at its top goes.
  const std::string table =
      "Round 1 - Interlagos - 8 April\n"
      "Round 2 - Goiania - 22 April\n"
      "Round 3 - Velopark - 6 May\n";
  const Result r = Cleaner().clean("ter\u00e7a-feira, 6 de mar\u00e7o de 2018 \u00e0s 14:20\n" + table);
  EXPECT_EQ(r.text + "\n", table);
  EXPECT_TRUE(one_removal_by(r, "dateline-head-stamp"));
}

TEST(Cleaner, AnAllCapsNoteInBracketsIsNotAHeadline) {
  const std::string text =
      "The city council approved the new budget for schools and roads on Tuesday night.\n"
      "(SOUNDBITE OF ARCHIVED BROADCAST OF THE 1969 MOON LANDING AND CROWD CHEERING)\n"
      "The plan adds forty teachers and repairs twelve bridges over the next three years.\n"
      "Opposition members said the tax rise that pays for it would hurt small businesses.\n";
  EXPECT_EQ(Cleaner().clean(text).text + "\n", text);
}

TEST(Cleaner, TableRowsWithAPipeAreNotLinks) {
  // "Title | Site" is a link; a row whose right side has a comma or a price
  // is the story's own table.
  const std::string rows =
      "Best Overall | Green Box, $12+/serving\n"
      "Ingredients | Local, seasonal & organic where possible\n";
  EXPECT_EQ(Cleaner().clean(kStory + rows).text + "\n", kStory + rows);
  const Result r = Cleaner().clean(kStory + "Council approves the budget for the new school year | Valley News\n" +
                                   "The mayor thanked the teachers who came to the meeting in large numbers.\n");
  EXPECT_TRUE(one_removal_by(r, "related-title-pipe-site"));
}

TEST(Cleaner, ALayoutTablesRowIsJudgedByItsCellAndKeptAsWritten) {
  // An old page's layout table through an extractor: the story's paragraph
  // and the menu each in a row of one cell.
  const std::string menu = "| Home \\| News \\| Sports \\| Business |\n";
  const std::string story = "| The council voted on Tuesday to approve the plan after a debate "
                            "that lasted more than five hours. |\n";
  const Result r = Cleaner().clean(kStory + menu + story);
  ASSERT_EQ(r.removed.size(), 1u) << r.text;
  EXPECT_EQ(r.removed[0].rule, "navigation-menu-row");
  EXPECT_EQ(r.removed[0].text + "\n", menu);  // as written
  EXPECT_EQ(r.text + "\n", kStory + story);
}

TEST(Cleaner, TableRowsWithANumberAfterThePipeAreNotLinks) {
  // A site's name has no digit or percent sign: a row with one is the
  // story's own table of specifications.
  const std::string rows =
      "Battery life on one charge | Up to 14 hours\n"
      "Noise at full speed | Under 40 decibels\n"
      "Money-back guarantee | 30 days\n"
      "Speed lost on the tunnel | 8% down & 4% up\n";
  EXPECT_EQ(Cleaner().clean(kStory + rows).text + "\n", kStory + rows);
}

TEST(Cleaner, ALinkLineWithTwoSpacesAfterItsLabelGoes) {
  // Extractors print "READ MORE:\u00A0 Title": a space and a no-break space.
  const std::string line = "READ MORE:\u00A0 Floods hit the valley as the river bursts its banks\n";
  expect_tail_removed_by(line, "related-link");
  const Result r = Cleaner().clean(kStory + line + kStory);
  EXPECT_TRUE(one_removal_by(r, "related-link"));
}

TEST(Cleaner, ADateBadgesMonthOnItsOwnLineGoes) {
  // A teaser's badge prints its day and month one above the other.
  const Result r = Cleaner().clean(kStory + "Harbour bridge reopens after repairs\n14\nSept\n" + kStory);
  ASSERT_FALSE(r.removed.empty());
  EXPECT_TRUE(std::any_of(r.removed.begin(), r.removed.end(),
                          [](const auto& x) { return x.text == "Sept" && x.rule == "dateline-month-badge"; }));
  // A month's full name alone may be the story's heading.
  const std::string heading = "March\n";
  EXPECT_EQ(Cleaner().clean(kStory + heading + kStory).text + "\n", kStory + heading + kStory);
}

TEST(Cleaner, AReactionCounterOnItsOwnLineGoes) {
  for (const char* line : {"2 Likes", "3.4K views", "17 replies"}) {
    SCOPED_TRACE(line);
    const Result r = Cleaner().clean(kStory + line + "\n" + kStory);
    EXPECT_TRUE(one_removal_by(r, "share-count-line"));
  }
}

TEST(Cleaner, WidgetLinesAfterTheStoryGoEachByItsRule) {
  const std::pair<const char*, const char*> lines[] = {
      {"Posts: 342", "navigation-forum-labels"},
      {"Joined: Mar 2017", "navigation-forum-labels"},
      {"Read time: 6 min", "reading-time"},
      {"Your cart is empty.", "embed-widget-message"},
      {"Skip to main content", "embed-widget-message"},
      {"By signing up, you agree to receive our weekly newsletter and offers.",
       "subscribe-consent"},
      {"By clicking sign up you\u2019ll receive a weekly digest of our stories.", "subscribe-consent"},
  };
  for (const auto& [line, rule] : lines) {
    SCOPED_TRACE(line);
    expect_tail_removed_by(std::string(line) + "\n", rule);
  }
}

TEST(Cleaner, StorysOwnClosingListStays) {
  // A plain run of items (tour dates) has neither separators nor summaries.
  const std::string text = kStory +
      "Tour dates:\n"
      "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\n"
      "June 10 -- Credit Union Amphitheatre, Tampa, FL\n"
      "June 14 -- Bank Amphitheatre, Alpharetta, GA\n"
      "June 17 -- Bridgestone Arena, Nashville, TN\n";
  EXPECT_EQ(Cleaner().clean(text).text + "\n", text);
}

TEST(Cleaner, CommentSectionAfterTheStoryGoes) {
  expect_tail_removed_by(
      "12 Comments\n"
      "I think the council is wasting money on bridges nobody uses, frankly.\n"
      "Great news for the teachers, it is about time somebody paid attention.\n",
      "comments-section");
}

TEST(Cleaner, ALeaveACommentButtonInsideAPostTakesOnlyItself) {
  const std::string rest =
      "Where the money goes\n"
      "Most of the new spending goes to the schools on the east side of the river.\n"
      "The rest pays for the repairs that engineers asked for after last winter.\n";
  const Result r = Cleaner().clean(kStory + "Leave a comment\n" + rest);
  EXPECT_EQ(r.text + "\n", kStory + rest);
  EXPECT_TRUE(one_removal_by(r, "comments-prompt"));
}

TEST(Cleaner, CaptionLinesThatAreTheContentStay) {
  // A catalogue whose entries each end in a photo credit: they are the
  // document, not captions beside a story.
  const std::string entries =
      "Oak chair with a carved back, made in 1920 (Photo: Valley Archive)\n"
      "Pine table for six, painted green, from a farmhouse (Photo: Valley Archive)\n"
      "Walnut cabinet with two glass doors and brass handles (Photo: Valley Archive)\n"
      "Child's rocking horse in painted beech, worn saddle (Photo: Valley Archive)\n";
  const std::string intro = "Furniture in the collection, by room.\n";
  const Result alone = Cleaner().clean(intro + entries);
  EXPECT_EQ(alone.text + "\n", intro + entries);
  EXPECT_TRUE(alone.removed.empty());

  // Beside a story that outweighs them they are captions and go.
  std::string story;
  for (int i = 0; i < 4; ++i) {
    story += "The museum reopened its furniture rooms on Saturday after two years of repairs to "
             "the roof, the floors and the heating, and the curators moved every piece.\n";
  }
  const Result beside = Cleaner().clean(story + entries);
  EXPECT_EQ(beside.text + "\n", story);
  EXPECT_EQ(beside.removed.size(), 4u);

  // The same label on every entry is a template's and goes whatever it weighs.
  std::string labels;
  for (int i = 0; i < 4; ++i) labels += "Quick view of this chair (Photo: Valley Archive)\n";
  const Result repeated = Cleaner().clean(intro + labels);
  EXPECT_EQ(repeated.text + "\n", intro);
}

TEST(Cleaner, CommentsThatAreMostOfThePageStay) {
  // A short post and a long discussion: the discussion is the content.
  std::string text =
      "Has anyone else seen the new budget for schools and roads in our city?\n"
      "I read it last night and I am not sure what to make of the tax rise.\n"
      "It seems like a lot of money for bridges, but the schools need it.\n"
      "Comments\n";
  for (int i = 0; i < 12; ++i) {
    text += "Reply " + std::to_string(i) +
            ": I went to the meeting and the numbers they showed looked right to me, "
            "although the bridge repairs were not explained well at all.\n";
  }
  const Result r = Cleaner().clean(text);
  EXPECT_TRUE(one_removal_by(r, "comments-section"));
}

TEST(Cleaner, TextAtAForumsAddressKeepsTheRepliesAfterItsCommentsHeading) {
  const std::string post =
      "Has anyone else seen the new budget for schools and roads in our city?\n"
      "I read it last night and I am not sure what to make of the tax rise.\n"
      "It seems like a lot of money for bridges, but the schools need it.\n";
  const std::string replies =
      "dana_k I went to the meeting and the numbers they showed looked right to me.\n"
      "roadfan The bridge repairs were not explained well at all, in my view.\n";
  // At a story's address the heading and what follows are a comment section.
  const std::string text = post + "Comments\n" + replies;
  Result r = Cleaner().clean(text, "https://news.example/2024/05/budget-vote/");
  EXPECT_EQ(r.text + "\n", post);
  EXPECT_EQ(r.kind, "");
  // At a forum's address what follows is the thread (the heading is a
  // button's word either way: comments-prompt).
  r = Cleaner().clean(text, "https://forum.example/threads/budget-vote.812/");
  EXPECT_EQ(r.text + "\n", post + replies);
  EXPECT_EQ(r.kind, "forum");
}

TEST(Cleaner, HeadLineIsTheTitleWhenTheUrlSlugAgrees) {
  const std::string text = "Council approves budget for schools and roads\n" + kStory;
  // The slug is a shorter wording of the headline: the line is the title.
  Result r = Cleaner().clean(text, "https://news.example/2019/11/council-approves-school-budget/");
  EXPECT_EQ(r.title, "Council approves budget for schools and roads");
  EXPECT_EQ(r.text + "\n", kStory);
  // The slug names another story: the line is the story's own subheading.
  r = Cleaner().clean(text, "https://news.example/2019/11/storm-closes-coastal-highway/");
  EXPECT_EQ(r.title, "");
  EXPECT_EQ(r.text + "\n", text);
  // No slug to compare with (an id): the line is taken as the title.
  r = Cleaner().clean(text, "https://news.example/story/50473792");
  EXPECT_EQ(r.title, "Council approves budget for schools and roads");
  // A path that names the page in words: the headline has one of them.
  r = Cleaner().clean(text, "https://news.example/council/budget/");
  EXPECT_EQ(r.title, "Council approves budget for schools and roads");
  r = Cleaner().clean(text, "https://news.example/coupons/");
  EXPECT_EQ(r.title, "");
  EXPECT_EQ(r.text + "\n", text);
  // A site's home page: the line at the top is a tagline.
  r = Cleaner().clean(text, "https://news.example/");
  EXPECT_EQ(r.title, "");
  EXPECT_EQ(r.text + "\n", text);
}

TEST(Cleaner, FormatLimitsARuleToTextOrHtml) {
  const Cleaner c = with_rules(R"(
rules:
  - id: promo-text-only
    category: advert
    format: text
    pattern: '^Buy the paper'
)");
  const std::string line = "Buy the paper every day at your local shop and save money";
  const std::string text = kStory + line + "\n";
  EXPECT_EQ(c.clean(text, "", newsclean::Format::kText).text + "\n", kStory);
  // The same paragraphs as a page: the rule does not apply.
  std::string html = "<html><body><article><p>";
  for (const char c : kStory + line) html += c == '\n' ? std::string("</p><p>") : std::string(1, c);
  html += "</p></article></body></html>";
  EXPECT_NE(c.clean(html, "", newsclean::Format::kHtml).text.find("Buy the paper"), std::string::npos);
}

TEST(Cleaner, UnlessVetoesAHit) {
  const Cleaner c = with_rules(R"(
rules:
  - id: promo
    category: advert
    pattern: '^Winter sale'
    unless: 'ends$'
)");
  const Result r = c.clean(
      "Winter sale\nThe council met on Tuesday to agree the new budget for schools.\n"
      "Winter sale ends");
  EXPECT_TRUE(one_removal_by(r, "promo"));
  EXPECT_NE(r.text.find("Winter sale ends"), std::string::npos);
}

TEST(Cleaner, TitleIsNotACutOffSentence) {
  const Result r = Cleaner().clean(
      "The major market indexes were mixed in early trading Tuesday after\n"
      "investors weighed the latest figures on inflation and jobs in the region.");
  EXPECT_EQ(r.title, "");
  EXPECT_EQ(r.stats.kept, 2u);
}

}  // namespace

namespace {

TEST(Cleaner, DuplicateLineGoesButRepeatedStructureStays) {
  const std::string text =
      "The rocket lifted off from the coast shortly after dawn on Thursday morning.\n"
      "Watch the video of the launch\n"
      "It reached orbit about nine minutes later, the agency said in a statement.\n"
      "Watch the video of the launch\n"
      "The satellite will map sea ice in the Arctic for at least the next five years.\n"
      "Meal plan for the week\n"
      "Eat every two hours\n"
      "Eat every two hours\n"
      "Eat every two hours\n"
      "Did you expect it?\n"
      "Did you expect it?";
  const Result r = Cleaner().clean(text);
  ASSERT_EQ(r.removed.size(), 1u);
  EXPECT_EQ(r.removed[0].index, 3u);
  EXPECT_EQ(r.removed[0].rule, "duplicate-block");
}

TEST(RulesLoad, FeatureRuleNeedsNoPattern) {
  Options o;
  o.no_default_rules = true;
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(R"(
rules:
  - id: teasers
    category: related
    feature: teaser_run
)")},
                              o, &c)
                  .ok());
  const Result r = c.clean(
      "The council approved the new budget for schools and roads on Tuesday night.\n"
      "Man rescued from river\nNew bridge opens\nSchool wins award\nLocal team promoted\n"
      "A short closing line.");
  EXPECT_EQ(r.removed.size(), 4u);
  EXPECT_EQ(r.stats.kept, 2u);
}

}  // namespace

namespace {

// tests/data/survivors.tsv: story sentences that resemble boilerplate. Each
// goes at the start, in the middle and at the end of a story and must stay;
// a `neighbour` line stands there between two lines the rules drop (an
// advert marker and a share prompt), and stays (at the head, or becomes the
// title).
struct Survivor {
  std::string category;
  std::string sentence;
};

// The rows of a "kind<TAB>line" file of tests/data, without its comments.
std::vector<Survivor> kind_lines(const char* file) {
  std::vector<Survivor> out;
  std::istringstream in(read(kSource / "tests/data" / file));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

std::vector<Survivor> survivors() { return kind_lines("survivors.tsv"); }

// The story the lines of survivors.tsv and chrome_lines.tsv are put into.
const std::vector<std::string> kProbeStory = {
    "The regional council voted on Tuesday to approve a new plan for public transport in the valley.",
    "The plan includes two new bus routes and a night service between the three largest towns.",
    "Officials said the first changes would take effect in the spring, subject to funding.",
    "Opposition members argued that the plan did little for villages in the north of the region.",
};

TEST(Survivors, StorySentencesThatLookLikeBoilerplateAreKept) {
  const std::vector<std::string>& story = kProbeStory;
  const auto list = survivors();
  ASSERT_GE(list.size(), 40u);
  const Cleaner c;
  for (const auto& s : list) {
    for (std::size_t at : {std::size_t{0}, std::size_t{2}, story.size()}) {
      // A subheading or a list's line opens no story: a short line at the
      // head is its title.
      if ((s.category == "subheading" || s.category == "story_list_line") && at == 0) continue;
      std::vector<std::string> doc = story;
      doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), s.sentence);
      if (s.category == "duplicate") doc.insert(doc.begin() + 1, s.sentence);
      // Among dropped lines: an advert marker before it, a share prompt after.
      if (s.category == "neighbour") {
        doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at) + 1, "Share this article");
        doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), "Advertisement");
      }
      // The story's last lines after its photo's caption, before the page's
      // copyright line (a caption opens no stretch of the page's lines).
      if (s.category == "after_caption") {
        if (at != story.size()) continue;
        doc.insert(doc.end() - 1, "The harbour at dawn. Photo: Jane Doe/Reuters");
        doc.push_back("Copyright 2026 Harbour Times. All rights reserved.");
      }
      std::string text;
      for (const auto& p : doc) text += p + "\n\n";
      const Result r = c.clean(text);
      if (s.category == "after_caption") {
        for (const auto& x : r.removed) {
          EXPECT_NE(x.text, s.sentence) << "[after_caption] removed by " << x.rule;
        }
        continue;
      }
      if (s.category == "neighbour") {  // at the head it may be taken as the title
        for (const auto& x : r.removed) {
          EXPECT_TRUE(x.text != s.sentence || x.category == "title")
              << "[neighbour] at " << at << ": " << s.sentence << "\n  removed by " << x.rule;
        }
        continue;
      }
      EXPECT_TRUE(r.removed.empty())
          << "[" << s.category << "] at " << at << ": " << s.sentence << "\n  removed by "
          << (r.removed.empty() ? "" : r.removed[0].rule) << ": "
          << (r.removed.empty() ? "" : r.removed[0].text);
    }
  }
}

// tests/data/chrome_lines.tsv: made-up lines of page chrome of the kinds
// issue #17 lists, in the languages of the development sets, and
// chrome_lines_heldout.tsv: more, kept out of the chrome-words model's
// training. Each goes at the start, in the middle and at the end of a
// story, and goes alone: the story's lines all stay.
TEST(ChromeLines, ChromeOfEveryKindGoesAndTheStoryStays) {
  auto list = kind_lines("chrome_lines.tsv");
  ASSERT_GE(list.size(), 400u);
  const auto heldout = kind_lines("chrome_lines_heldout.tsv");
  ASSERT_GE(heldout.size(), 100u);
  list.insert(list.end(), heldout.begin(), heldout.end());
  std::string story_text;
  for (const auto& p : kProbeStory) story_text += (story_text.empty() ? "" : "\n") + p;
  const Cleaner c;
  for (const auto& s : list) {
    for (std::size_t at : {std::size_t{0}, std::size_t{2}, kProbeStory.size()}) {
      std::vector<std::string> doc = kProbeStory;
      doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), s.sentence);
      std::string text;
      for (const auto& p : doc) text += p + "\n\n";
      const Result r = c.clean(text);
      EXPECT_EQ(r.text, story_text) << "[" << s.category << "] at " << at << ": " << s.sentence;
    }
  }
}

}  // namespace

namespace {

TEST(Cleaner, ThePagesOwnUrlPrintedInTheTextGoes) {
  const std::string url = "https://news.example.com/2024/05/river-rescue";
  const std::string text = url + "\nA man was rescued from the river on Sunday after his canoe capsized near the weir.";
  const Result r = Cleaner().clean(text, url);
  EXPECT_TRUE(one_removal_by(r, "navigation-page-url"));
  EXPECT_EQ(Cleaner().clean(text, "https://other.example.org/").stats.kept, 2u);
}

// ---------------------------------------------------------------- whole-page text

using newsclean::Format;
using newsclean::InputKind;
using newsclean::Removal;

// A whole page as text: a menu, a story with a subheading and a list in its
// prose, a sidebar of other headlines, a footer.
std::string page_dump() {
  std::string t = "Home\nNews\nSport\nWeather\nBusiness\nCulture\nLocal\n";
  t += "Bridge to open in spring\n";
  t += "The council said on Tuesday that the new footbridge would open to cyclists and "
       "walkers in the spring, two years later than planned.\n";
  t += "The project, paid for by the region and the city, ran over budget after the "
       "contractor found old mine shafts under the eastern bank.\n";
  t += "What changes for cyclists\n";
  t += "Riders will be able to cross the river without using the ring road, which the "
       "council says will cut the journey to the station by ten minutes.\n";
  t += "Two new lanes\nA car park for bikes\n";
  t += "Local shops along the quay expect more trade once the bridge opens, the chamber "
       "of commerce said in a statement.\n";
  for (int i = 0; i < 12; ++i) t += "Ferry route " + std::to_string(i) + " reopens" + "\n";
  t += "About us\nCareers\nAdvertise\nPrivacy\nTerms\nContact\n";
  return t;
}

TEST(PageText, AWholePageLosesItsChromeAndKeepsItsStory) {
  const Result r = Cleaner().clean(page_dump());
  EXPECT_EQ(r.input_kind, "page");
  for (const char* kept : {"What changes for cyclists", "Two new lanes", "A car park for bikes",
                           "The council said on Tuesday", "Local shops along the quay"}) {
    EXPECT_NE(r.text.find(kept), std::string::npos) << kept << "\n" << r.text;
  }
  for (const char* gone : {"Weather", "Ferry route 3 reopens", "Careers", "Contact"}) {
    EXPECT_EQ(r.text.find(gone), std::string::npos) << gone << "\n" << r.text;
  }
  // The menu, the headlines and the footer: 26 lines; rules that name a
  // line (a section's name, a footer's links) take it first, the page's
  // chrome rule takes the rest.
  const auto by_page_rule = std::count_if(r.removed.begin(), r.removed.end(),
                                          [](const Removal& x) { return x.rule == "page-chrome-line"; });
  EXPECT_GE(r.removed.size(), 26u);
  EXPECT_GE(by_page_rule, 15);
}

TEST(PageText, AnExtractorsOutputIsNotAPage) {
  const std::string extract =
      "The council said on Tuesday that the new footbridge would open to cyclists in the "
      "spring.\nWhat changes for cyclists\nTwo new lanes\nA car park for bikes\nRiders will "
      "be able to cross the river without using the ring road, the council said.";
  const Result r = Cleaner().clean(extract);
  EXPECT_EQ(r.input_kind, "extract");
  EXPECT_EQ(r.text, extract);
}

// An extractor's output of a shop's page: its specifications as a list's
// items with their marks ("- Frame: Steel", then a mark alone over each
// value), then the buyers' reviews. Marked items are an extractor's lists,
// not a page's menu: the output is no whole page, and its lists stay.
TEST(PageText, AnExtractorsMarkedListsAreNoMenu) {
  const std::vector<std::string> specs = {"Frame: Steel", "Fork: Rigid", "Brakes: Disc",
                                          "Gears: Hub", "Tyres: Puncture proof",
                                          "Lamps: Front and back", "Rack: Rear", "Bell: Brass",
                                          "Stand: Side", "Colour: Moss green", "Saddle: Leather"};
  std::string extract;
  for (const auto& s : specs) extract += "- " + s + "\n";
  for (std::size_t i = 0; i < 8; ++i) {
    std::string value = specs[i];
    value.erase(value.find(':'), 1);
    extract += "-\n" + value + "\n";
  }
  extract +=
      "I have ridden this bike to work every day for three months and it has not let me down "
      "once.\nThe hub gears shift cleanly even when the chain is wet, and the brakes bite well "
      "in the rain.\nThe saddle took a few weeks to soften, but now it is the most comfortable "
      "I have owned.\nMy only complaint is the weight when I carry it up the stairs to my "
      "flat.\nReport\nHelpful\n";
  const Result r = Cleaner().clean(extract);
  EXPECT_EQ(r.input_kind, "extract");
  EXPECT_NE(r.text.find("- Tyres: Puncture proof"), std::string::npos) << r.text;
}

TEST(PageText, AnExtractThatOpensWithItsStoryKeepsItsListsAfterIt) {
  // An extractor's output of a shop's guide: the story, then the features
  // and the cards it kept, short lines in long runs around little prose.
  std::string extract =
      "The folding bike we tested this spring weighs less than a bag of shopping and fits "
      "under a desk.\nIts frame is made of recycled steel, and the hinge locks with one "
      "lever in a few seconds.\nWe rode it to work for a month in rain and sun, on roads "
      "and on the towpath.\nThe gears were smooth, the brakes strong, and the lamps bright "
      "enough for the lanes at night.\n";
  for (const char* line : {"Light recycled steel frame", "Folds in one move",
                           "Puncture proof tyres", "Lamp front and back", "Rack for two bags",
                           "Bell and kickstand", "Three colours"}) {
    extract += std::string(line) + "\n";
  }
  for (int i = 0; i < 6; ++i) {
    extract += "Route " + std::string(1, static_cast<char>('A' + i)) + "\nLength\n" +
               std::to_string(i + 3) + " km\nLevel\nEasy\nRide it\n";
  }
  const Result r = Cleaner().clean(extract);
  EXPECT_EQ(r.input_kind, "extract");
  for (const char* kept : {"Folds in one move", "Three colours", "Route C"}) {
    EXPECT_NE(r.text.find(kept), std::string::npos) << kept << "\n" << r.text;
  }
}

TEST(PageText, TheCallerDecidesWhatTheInputIs) {
  Options page;
  page.input_kind = InputKind::kPage;
  Cleaner as_page;
  ASSERT_TRUE(Cleaner::create({}, page, &as_page).ok());
  const std::string short_page = "Home\nNews\nSport\nThe council said on Tuesday that the "
                                 "new footbridge would open to cyclists in the spring.";
  const Result p = as_page.clean(short_page);
  EXPECT_EQ(p.input_kind, "page");
  EXPECT_EQ(p.text.find("Sport"), std::string::npos) << p.text;
  EXPECT_NE(p.text.find("footbridge"), std::string::npos) << p.text;

  Options extract;
  extract.input_kind = InputKind::kExtract;
  Cleaner as_extract;
  ASSERT_TRUE(Cleaner::create({}, extract, &as_extract).ok());
  const Result e = as_extract.clean(page_dump());
  EXPECT_EQ(e.input_kind, "extract");
  EXPECT_NE(e.text.find("Ferry route 3 reopens"), std::string::npos);
  EXPECT_EQ(Cleaner().clean("<p>A paragraph of a page.</p>", {}, Format::kHtml).input_kind,
            "html");
}

}  // namespace

namespace newsclean {
namespace {

// The inputs the fuzzers start from, and those that once broke a promise
// (kept there when fixed): run here too, so the sanitizer build of the tests
// checks them on every run.
TEST(Cleaner, FuzzSeedPagesKeepThePromises) {
  std::size_t pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "tests/fuzz/seeds/html")) {
    const Result r = Cleaner().clean(read(entry.path()), "https://www.example.com/a", Format::kHtml);
    EXPECT_EQ(find_invalid_utf8(r.text), std::string::npos) << entry.path();
    for (const Removal& m : r.removed) {
      EXPECT_EQ(find_invalid_utf8(m.text), std::string::npos) << entry.path();
    }
    ++pages;
  }
  EXPECT_GE(pages, 3u);
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

// Cleaners built from the same rules share them once compiled; nothing else
// of a Cleaner is shared.
constexpr const char* kStory =
    "The council voted on Tuesday to extend the night bus service through the winter.\n"
    "Officials said the service would cost about two million euros a year to run.\n"
    "ZZ-MARKER one\n";

std::string marker_rule(const char* pattern) {
  return std::string("rules:\n  - id: marker\n    category: testjunk\n    pattern: '") +
         pattern + "'\n    action: drop\n";
}

TEST(Cleaner, SameRulesOtherOptionsStayApart) {
  const std::string seed = read(kSource / "seeds/001_53a9f95486086e6a.txt");
  Options strict;
  strict.caption_threshold = 1.0;
  Cleaner a, b;
  ASSERT_TRUE(Cleaner::create({}, Options(), &a).ok());
  ASSERT_TRUE(Cleaner::create({}, strict, &b).ok());
  const Result ra = a.clean(seed), rb = b.clean(seed);
  ASSERT_EQ(ra.captions.size(), rb.captions.size());
  EXPECT_TRUE(std::any_of(ra.captions.begin(), ra.captions.end(),
                          [](const Caption& c) { return c.related; }));
  EXPECT_TRUE(std::none_of(rb.captions.begin(), rb.captions.end(),
                           [](const Caption& c) { return c.related; }));
  EXPECT_EQ(a.options().caption_threshold, Options().caption_threshold);
  EXPECT_EQ(b.options().caption_threshold, 1.0);
}

TEST(Cleaner, RulesOfTheSameNameButOtherTextAreTheirOwn) {
  std::vector<Cleaner> cleaners;
  // More rule sets than are kept compiled: each Cleaner keeps its own.
  for (int i = 0; i < 12; ++i) {
    Cleaner c;
    const std::string pattern = i % 2 == 0 ? "^ZZ-MARKER" : "^NOTHING-LIKE-THIS";
    ASSERT_TRUE(Cleaner::create({RuleSource::from_string(marker_rule(pattern.c_str()) +
                                                         "# " + std::to_string(i) + "\n",
                                                         "same-name.yaml")},
                                Options(), &c)
                    .ok());
    cleaners.push_back(std::move(c));
  }
  for (int i = 0; i < 12; ++i) {
    const bool dropped = cleaners[i].clean(kStory).text.find("ZZ-MARKER") == std::string::npos;
    EXPECT_EQ(dropped, i % 2 == 0) << i;
  }
}

TEST(Cleaner, AFailedBuildFailsAgain) {
  for (int i = 0; i < 2; ++i) {
    Cleaner c;
    const Status s = Cleaner::create({RuleSource::from_string("rules: [", "bad.yaml")},
                                     Options(), &c);
    EXPECT_EQ(s.code(), ErrorCode::kYaml) << i;
  }
}

}  // namespace
}  // namespace newsclean

// ---------------------------------------------------------------- among dropped lines

namespace {

// Four prose paragraphs of a made-up story.
const std::vector<std::string>& story_lines() {
  static const std::vector<std::string> kStory = {
      "The regional council voted on Tuesday to approve a new plan for public transport in the valley.",
      "The plan includes two new bus routes and a night service between the three largest towns.",
      "Officials said the first changes would take effect in the spring, subject to funding.",
      "Opposition members argued that the plan did little for villages in the north of the region.",
  };
  return kStory;
}

// The story with `lines` inserted before its paragraph `at`, one line a block.
std::string story_with(std::size_t at, const std::vector<std::string>& lines) {
  std::vector<std::string> doc = story_lines();
  doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), lines.begin(), lines.end());
  std::string text;
  for (const auto& p : doc) text += p + "\n\n";
  return text;
}

// The rule each of `lines` was removed by ("" for kept), by its text.
std::vector<std::string> rules_of(const Result& r, const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    const auto it = std::find_if(r.removed.begin(), r.removed.end(),
                                 [&](const newsclean::Removal& x) { return x.text == l; });
    out.push_back(it == r.removed.end() ? "" : it->rule);
  }
  return out;
}

TEST(CommentRuns, ReadersCommentsUnderTheirLabelGo) {
  const std::vector<std::string> tail = {
      "Vos réactions (2)", "Bravo, the night bus is what we needed.",
      "Another plan nobody asked for.", "Copyright 2008 The Valley Post. All rights reserved."};
  const Result r = Cleaner().clean(story_with(4, tail));
  const auto rules = rules_of(r, tail);
  EXPECT_EQ(rules[0], "comments-view-label");
  EXPECT_EQ(rules[1], "comments-view-label");
  EXPECT_EQ(rules[2], "comments-view-label");
  EXPECT_EQ(r.stats.kept, 4u);
}

TEST(CommentRuns, ACountLabelInsideTheStoryIsAButton) {
  // Under the headline, or before the story's last paragraphs: the story
  // goes on after it, and the lines after it stay. (Before the last
  // paragraph of a story of three that hold twice its words, with a footer
  // after it, the label would take it: kCommentRunStoryRatio.)
  for (const std::size_t at : {0u, 1u, 2u}) {
    std::string doc = story_with(at, {"Vos réactions (2)"});
    doc += "Copyright 2008 The Valley Post. All rights reserved.\n\n";
    const Result r = Cleaner().clean(doc);
    EXPECT_EQ(r.stats.kept, 4u) << at;
  }
  // Comments that the story's prose does not outweigh are the page's content.
  const std::vector<std::string> forum = {
      "Vos réactions (2)",
      "Bravo, the night bus is what we needed for years, and the council finally listened to "
      "the people who work late shifts in the three towns.",
      "Another plan nobody asked for, paid for by the same taxpayers who already fund two empty "
      "bus routes and a depot that has stood unused since the spring.",
      "Copyright 2008 The Valley Post. All rights reserved."};
  const Result r = Cleaner().clean(story_with(4, forum));
  EXPECT_EQ(rules_of(r, forum)[1], "");
}

TEST(CommentRuns, ManyLabelsAreReadInOnePass) {
  // Every label after the story asks whether the story goes on after it; a
  // page of labels must not make that a walk to the end for each (a
  // quadratic pass: 60,000 labels took 1.2 s, now 0.3 s with the rest).
  std::string doc = story_with(4, {});
  for (int i = 0; i < 60000; ++i) doc += "Vos réactions (2)\n\n";
  const Result r = Cleaner().clean(doc);
  EXPECT_EQ(r.stats.kept, 4u);
}

TEST(AmongDropped, AShortLineBetweenTwoDroppedLinesGoes) {
  const std::vector<std::string> lines = {"Advertisement", "Harbour Desk", "Quay Notes",
                                          "Share this article"};
  const Result r = Cleaner().clean(story_with(2, lines));
  const auto rules = rules_of(r, lines);
  EXPECT_NE(rules[0], "");
  EXPECT_EQ(rules[1], "chrome-neighbour");
  EXPECT_EQ(rules[2], "chrome-neighbour");
  EXPECT_NE(rules[3], "");
  EXPECT_EQ(r.stats.kept, 4u);
}

// A site's menu written one item a line: its section names go wherever it
// stands (navigation-section-run), the run's other short lines with them
// (chrome-neighbour), and the story stays whole.
TEST(AmongDropped, AMenuOneItemALineGoesWhereverItStands) {
  const std::vector<std::string> menu = {"Home", "News", "Harbour Desk", "Sport", "Weather"};
  for (const std::size_t at : {2u, 4u}) {
    const Result r = Cleaner().clean(story_with(at, menu));
    const auto rules = rules_of(r, menu);
    for (const std::size_t i : {0u, 1u, 3u, 4u}) {
      EXPECT_EQ(rules[i], "navigation-section-run") << at << " " << menu[i];
    }
    EXPECT_EQ(rules[2], "chrome-neighbour") << at;
    EXPECT_EQ(r.stats.kept, 4u) << at;
  }
}

TEST(AmongDropped, BetweenADroppedLineAndTheEndOfTheText) {
  const std::vector<std::string> lines = {"Share this article", "Business"};
  const Result r = Cleaner().clean(story_with(4, lines));
  EXPECT_EQ(rules_of(r, lines)[1], "chrome-neighbour");
  // Beside the story's prose on its other side, it stays: one vote is not enough.
  const Result kept = Cleaner().clean(story_with(4, {"Business", "Share this article"}));
  EXPECT_EQ(rules_of(kept, {"Business"})[0], "");
}

TEST(AmongDropped, TheStorysOwnLinesStay) {
  // A sentence, a heading right above prose, a line over the word limit.
  for (const std::vector<std::string>& lines :
       std::vector<std::vector<std::string>>{
           {"Advertisement", "Nobody was hurt.", "Share this article"},
           {"Advertisement", "What changes for riders"},
           {"Advertisement", "What changes for the riders who use the night bus every week",
            "Share this article"}}) {
    const Result r = Cleaner().clean(story_with(2, lines));
    EXPECT_EQ(rules_of(r, lines)[1], "") << lines[1];
  }
  // The title at the head, and the first line of an extractor's output:
  // the headline between tools is the title (title-head-line), not a
  // neighbour of dropped lines.
  const std::vector<std::string> head = {"Share this article", "Text size",
                                         "Bridge vote set for May", "By Jane Roe",
                                         "Print this page"};
  const Result r = Cleaner().clean(story_with(0, head));
  EXPECT_EQ(rules_of(r, head)[2], "title-head-line");
  EXPECT_EQ(r.title, "Bridge vote set for May");
  const std::vector<std::string> first = {"Bridge vote set", "Share this article"};
  EXPECT_NE(rules_of(Cleaner().clean(story_with(0, first)), first)[0], "chrome-neighbour");
}

TEST(AmongDropped, ListsAndTextsThatAreNoStoryStay) {
  // A list the rules took every other line of: a short line alone between
  // dropped lines with other short lines beyond them is the list's.
  const std::vector<std::string> list = {"Storage: 20 GB", "Share this article", "Memory: 8 GB",
                                         "Print this page", "Screen: 13 inches"};
  const Result r = Cleaner().clean(story_with(2, list));
  EXPECT_EQ(rules_of(r, list)[2], "");
  // A text that is not a story (a product's specifications) is not read.
  const std::string specs =
      "Advertisement\n\nWeight: 2 kg\n\nColour: grey\n\nShare this article\n\nPrint this page\n";
  const Result p = Cleaner().clean(specs);
  EXPECT_EQ(rules_of(p, {"Weight: 2 kg"})[0], "");
}

}  // namespace
