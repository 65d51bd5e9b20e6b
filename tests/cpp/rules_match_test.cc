#include <gtest/gtest.h>

#include "rules.h"

namespace newsclean {
namespace {

TEST(SiteMatches, BareDomainCoversWwwOnly) {
  EXPECT_TRUE(site_matches("example.com", "example.com"));
  EXPECT_TRUE(site_matches("example.com", "www.example.com"));
  EXPECT_FALSE(site_matches("example.com", "news.example.com"));
  EXPECT_FALSE(site_matches("example.com", "badexample.com"));
  EXPECT_FALSE(site_matches("example.com", ""));
}

TEST(SiteMatches, LeadingDotCoversSubdomains) {
  EXPECT_TRUE(site_matches(".example.com", "news.example.com"));
  EXPECT_TRUE(site_matches(".example.com", "a.b.example.com"));
  EXPECT_TRUE(site_matches(".example.com", "example.com"));
  EXPECT_FALSE(site_matches(".example.com", "badexample.com"));
}

TEST(HostOf, Urls) {
  EXPECT_EQ(host_of("https://WWW.Example.com:8080/a/b?c#d"), "www.example.com");
  EXPECT_EQ(host_of("http://user:pw@example.org/"), "example.org");
  EXPECT_EQ(host_of("example.net/path"), "example.net");
  EXPECT_EQ(host_of("https://example.com./x"), "example.com");
  EXPECT_EQ(host_of(""), "");
}

Rule rule(std::string id, std::string pattern, Unit unit = Unit::kBlock) {
  Rule r;
  r.id = std::move(id);
  r.category = "x";
  r.pattern = std::move(pattern);
  r.unit = unit;
  r.pattern_at = "t.yaml:1:1";
  return r;
}

TEST(RuleMatcher, OneSetPassFindsEveryHitInRuleOrder) {
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({rule("a", "follow us"), rule("b", "(?i)FOLLOW"),
                                  rule("c", "^nothing here$"), rule("d", "us on", Unit::kLine)},
                                 &m)
                  .ok());
  std::vector<int> hits;
  m->match(Unit::kBlock, "Please follow us on X", 5, &hits);
  EXPECT_EQ(hits, (std::vector<int>{0, 1}));
  m->match(Unit::kLine, "Please follow us on X", 5, &hits);
  EXPECT_EQ(hits, (std::vector<int>{3}));
  m->match(Unit::kBlock, "unrelated", 1, &hits);
  EXPECT_TRUE(hits.empty());
}

TEST(RuleMatcher, UnicodeClassesWork) {
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({rule("cap", "^\\p{Lu}\\p{Ll}+$")}, &m).ok());
  std::vector<int> hits;
  m->match(Unit::kBlock, "Ärger", 1, &hits);
  EXPECT_EQ(hits.size(), 1u);
  m->match(Unit::kBlock, "ärger", 1, &hits);
  EXPECT_TRUE(hits.empty());
}

TEST(RuleMatcher, LongBlocksAreNotScannedByRulesForShortOnes) {
  Rule short_rule = rule("short", "follow us");
  short_rule.max_words = 10;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({short_rule, rule("any", "follow us")}, &m).ok());
  std::vector<int> hits;
  m->match(Unit::kBlock, "Please follow us on X", 5, &hits);
  EXPECT_EQ(hits, (std::vector<int>{0, 1}));
  m->match(Unit::kBlock, "Please follow us on X", 200, &hits);
  EXPECT_EQ(hits, (std::vector<int>{1}));
}

TEST(RuleMatcher, ErrorsNameThePatternPosition) {
  std::unique_ptr<const RuleMatcher> m;
  const Status s = RuleMatcher::build({rule("bad", "a(b")}, &m);
  EXPECT_EQ(s.code(), ErrorCode::kRegex);
  EXPECT_EQ(s.message().rfind("t.yaml:1:1: rule 'bad': invalid pattern", 0), 0u);
  EXPECT_EQ(m, nullptr);
}

}  // namespace
}  // namespace newsclean
