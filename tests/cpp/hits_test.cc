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

}  // namespace
}  // namespace newsclean
