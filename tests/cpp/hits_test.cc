// find_hits: the rules that fit each block, with what a rule asks of the
// document checked once per document.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/page_url.h"
#include "core/text.h"
#include "engine/hits.h"
#include "rules/match.h"
#include "test_rules.h"

namespace newsclean {
namespace {

Rule rule(std::string id, std::string pattern, Unit unit = Unit::kBlock) {
  return made_up_rule(std::move(id), std::move(pattern), unit);
}

Document document(bool html, std::vector<std::string> texts) {
  Document doc;
  doc.html = html;
  for (std::string& t : texts) doc.blocks.push_back(make_block(std::move(t)));
  return doc;
}

TEST(FindHits, LineRulesLookAtEachLineOfABlock) {
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({rule("follow", "^Follow us$", Unit::kLine)}, &m).ok());
  EXPECT_TRUE(m->has_rules(Unit::kLine));
  EXPECT_FALSE(m->has_rules(Unit::kBlock));
  const PageUrl url("https://example.com/a/story");
  const auto hits = find_hits(*m, document(true, {"The council met.\nFollow us", "Follow us"}), url);
  EXPECT_EQ(hits.lists(), (std::vector<std::vector<int>>{{0}, {0}}));
  const auto text_hits = find_hits(*m, document(false, {"Follow us", "Follow us on X"}), url);
  EXPECT_EQ(text_hits.lists(), (std::vector<std::vector<int>>{{0}, {}}));
}

TEST(FindHits, ADecoratedTextIsMatchedWithoutItsMarksToo) {
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({rule("more", "^More news$"), rule("print", "^Print$", Unit::kLine)},
                                 &m).ok());
  const PageUrl url("https://example.com/a/story");
  const auto hits = find_hits(
      *m,
      document(false, {"\u00bb More news", "More news \u203a", "[ Print ]", "\u25ba Print",
                        "More news and more", "\u00ab More news \u00bb"}),
      url);
  // The last quotes its words: guillemets around a text are no decoration.
  EXPECT_EQ(hits.lists(), (std::vector<std::vector<int>>{{0}, {0}, {1}, {1}, {}, {}}));
}

// A list's item ("- 5 min read") meets only the rules that say they read
// one: what a list holds is mostly the story's.
TEST(FindHits, AListsItemIsMatchedByTheRulesThatReadListItems) {
  Rule stamp = rule("stamp", "^\\d+ min read$");
  stamp.list_items = true;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({stamp, rule("menu", "^Sport$")}, &m).ok());
  const auto hits = find_hits(
      *m, document(false, {"- 5 min read", "* 5 min read", "5 min read", "- Sport", "Sport"}),
      PageUrl("https://example.com/a/story"));
  EXPECT_EQ(hits.lists(), (std::vector<std::vector<int>>{{0}, {0}, {0}, {}, {1}}));
}

// A tail rule is looked for as far as the tail stretches over the last
// blocks an `anywhere` rule drops (find_regions counts the same way), and no
// farther: in a tail of two, "More news" is reached past two menus, not
// past two lines of the story nor past four menus (twice the tail).
TEST(FindHits, TailRulesAreLookedForAsFarAsTheTailStretches) {
  Rule more = rule("more", "^More news$");
  more.where = Where::kTail;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({more, rule("menu", "^MENU$")}, &m).ok());
  const PageUrl url("https://example.com/a/story");
  const auto past_menus = find_hits(
      *m, document(false, {"The council met.", "More news", "Weather", "MENU", "MENU"}), url, 6, 2);
  EXPECT_EQ(past_menus.lists(), (std::vector<std::vector<int>>{{}, {0}, {}, {1}, {1}}));
  const auto past_story = find_hits(
      *m, document(false, {"The council met.", "More news", "Weather", "It rained."}), url, 6, 2);
  EXPECT_EQ(past_story.lists(), (std::vector<std::vector<int>>{{}, {}, {}, {}}));
  const auto too_far = find_hits(
      *m, document(false, {"The council met.", "More news", "MENU", "MENU", "MENU", "MENU"}), url,
      6, 2);
  EXPECT_EQ(too_far.lists(), (std::vector<std::vector<int>>{{}, {}, {1}, {1}, {1}, {1}}));
}

TEST(FindHits, WithoutLineRulesBlockRulesStillHit) {
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({rule("share", "(?i)^share this$")}, &m).ok());
  EXPECT_FALSE(m->has_rules(Unit::kLine));
  const auto hits =
      find_hits(*m, document(false, {"Share this", "The council met."}), PageUrl("https://example.com/a"));
  EXPECT_EQ(hits.lists(), (std::vector<std::vector<int>>{{0}, {}}));
}

TEST(FindHits, ARuleOutOfTheDocumentsScopeFitsNoBlock) {
  Rule site = rule("site", "^Share this$");
  site.sites = {"example.org"};
  Rule story = rule("story", "^Share this$");
  story.needs_story = true;  // a document of two short lines is no story
  Rule text_only = rule("text", "^Share this$");
  text_only.format = InputFormat::kText;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({site, story, text_only}, &m).ok());
  const Document doc = document(false, {"Share this", "More"});
  EXPECT_EQ(find_hits(*m, doc, PageUrl("https://example.org/a")).lists()[0], (std::vector<int>{0, 2}));
  EXPECT_EQ(find_hits(*m, doc, PageUrl("https://example.com/a")).lists()[0], (std::vector<int>{2}));
  EXPECT_EQ(find_hits(*m, document(true, {"Share this", "More"}), PageUrl("https://example.com/a")).lists()[0],
            (std::vector<int>{}));
}

// A short story among many lines of chrome: the lines other rules take do
// not count against its shape, so the rules that need a story act on the
// rest; lines no rule takes (a shop's short items) still do.
TEST(FindHits, ChromeOtherRulesTakeDoesNotCountAgainstAStory) {
  Rule chrome = rule("chrome", "^Menu item \\d+ of the site's sections$");
  Rule related = rule("related", "^Related sites$");
  related.needs_story = true;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({chrome, related}, &m).ok());
  std::vector<std::string> texts;
  for (int i = 0; i < 12; ++i) {
    texts.push_back("Menu item " + std::to_string(i) + " of the site's sections");
  }
  for (int i = 0; i < 3; ++i) {
    texts.push_back("The council voted on Tuesday to close the bridge for repairs after "
                    "engineers found cracks.");
  }
  texts.push_back("Related sites");
  const PageUrl url("https://example.com/a/story");
  const auto lists = find_hits(*m, document(false, texts), url).lists();
  EXPECT_EQ(lists[0], (std::vector<int>{0}));
  EXPECT_EQ(lists.back(), (std::vector<int>{1}));
  // The same lines, none taken by a rule: too little prose to be a story.
  for (int i = 0; i < 12; ++i) {
    texts[i] = "Size " + std::to_string(i) + " in stock, ships in two days";
  }
  EXPECT_EQ(find_hits(*m, document(false, texts), url).lists().back(), (std::vector<int>{}));
}

}  // namespace
}  // namespace newsclean
