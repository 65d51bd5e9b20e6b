#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "newsclean/cleaner.h"
#include "core/page_url.h"
#include "rules/load.h"
#include "rules/match.h"
#include "rules/pattern_shape.h"
#include "rules/set_memo.h"
#include "test_rules.h"
#include "core/text.h"

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
  return made_up_rule(std::move(id), std::move(pattern), unit);
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

// A rule is reported only for a text whose word count fits its limits,
// whether it shares a set with others or not.
TEST(RuleMatcher, LeavesOutRulesTheWordCountDoesNotFit) {
  Rule longer = rule("longer", "follow");
  longer.min_words = 3;
  Rule shorter = rule("shorter", "(?i)follow");
  shorter.max_words = 2;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({longer, shorter}, &m).ok());
  std::vector<int> hits;
  m->match(Unit::kBlock, "follow us", 2, &hits);
  EXPECT_EQ(hits, (std::vector<int>{1}));
  m->match(Unit::kBlock, "follow us on", 3, &hits);
  EXPECT_EQ(hits, (std::vector<int>{0}));
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

// A head or tail rule is not looked for in a block that cannot be in the
// head or the tail; a rule with a feature and a pattern only in a block with
// the feature.
TEST(RuleMatcher, LeavesOutRulesOutOfTheBlocksScope) {
  Rule head = rule("head", "follow us");
  head.where = Where::kHead;
  Rule tail = rule("tail", "(?i)follow");
  tail.where = Where::kTail;
  Rule featured = rule("featured", "us on");
  featured.feature = Feature::kDuplicate;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({head, tail, featured, rule("any", "follow")}, &m).ok());
  struct Has final : FeatureTest {
    Feature feature = Feature::kNone;
    bool has(Feature f) const override { return f == feature; }
  } duplicate, none;
  duplicate.feature = Feature::kDuplicate;
  std::vector<int> hits;
  const std::string text = "Please follow us on X";
  m->match(Unit::kBlock, text, 5, &hits);  // the default scope: every rule
  EXPECT_EQ(hits, (std::vector<int>{0, 1, 2, 3}));
  MatchScope middle;
  middle.head = middle.tail = false;
  middle.features = &none;
  m->match(Unit::kBlock, text, 5, &hits, middle);
  EXPECT_EQ(hits, (std::vector<int>{3}));
  MatchScope first = middle;
  first.head = true;
  first.features = &duplicate;
  m->match(Unit::kBlock, text, 5, &hits, first);
  EXPECT_EQ(hits, (std::vector<int>{0, 2, 3}));
  MatchScope last = middle;
  last.tail = true;
  m->match(Unit::kBlock, text, 5, &hits, last);
  EXPECT_EQ(hits, (std::vector<int>{1, 3}));
}

// A rule with a feature and no pattern is a candidate only in a block with
// the feature and within its word limits.
TEST(RuleMatcher, FeatureRuleWithoutPatternOnlyWhereTheBlockHasIt) {
  Rule dup = rule("dup", "");
  dup.feature = Feature::kDuplicate;
  Rule short_dup = rule("short-dup", "");
  short_dup.feature = Feature::kDuplicate;
  short_dup.max_words = 3;
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({dup, short_dup, rule("any", "follow")}, &m).ok());
  struct Has final : FeatureTest {
    Feature feature = Feature::kNone;
    bool has(Feature f) const override { return f == feature; }
  } duplicate, none;
  duplicate.feature = Feature::kDuplicate;
  MatchScope with, without;
  with.features = &duplicate;
  without.features = &none;
  std::vector<int> hits;
  m->match(Unit::kBlock, "Please follow us", 3, &hits, with);
  EXPECT_EQ(hits, (std::vector<int>{0, 1, 2}));
  m->match(Unit::kBlock, "Please follow us on X", 5, &hits, with);
  EXPECT_EQ(hits, (std::vector<int>{0, 2}));
  m->match(Unit::kBlock, "Please follow us", 3, &hits, without);
  EXPECT_EQ(hits, (std::vector<int>{2}));
  m->match(Unit::kBlock, "unrelated", 1, &hits);  // the default scope: every feature holds
  EXPECT_EQ(hits, (std::vector<int>{0, 1}));
  // A feature the caller says may not hold is not asked of `features`.
  with.may_hold = ~(1u << static_cast<int>(Feature::kDuplicate));
  m->match(Unit::kBlock, "Please follow us", 3, &hits, with);
  EXPECT_EQ(hits, (std::vector<int>{2}));
}

TEST(RuleMatcher, ErrorsNameThePatternPosition) {
  std::unique_ptr<const RuleMatcher> m;
  const Status s = RuleMatcher::build({rule("bad", "a(b")}, &m);
  EXPECT_EQ(s.code(), ErrorCode::kRegex);
  EXPECT_EQ(s.message().rfind("t.yaml:1:1: rule 'bad': invalid pattern", 0), 0u);
  EXPECT_EQ(m, nullptr);
}

// The refusals are found with the compiled sets (a pattern is compiled once):
// each must still name its rule, anchored or not, in any bucket.
TEST(RuleMatcher, RefusesPatternsThatMatchTheEmptyStringOrAnyText) {
  const auto error_of = [](std::vector<Rule> rules) {
    std::unique_ptr<const RuleMatcher> m;
    const Status s = RuleMatcher::build(std::move(rules), &m);
    EXPECT_EQ(m == nullptr, !s.ok());
    return s.message();
  };
  Rule short_empty = rule("short-empty", "^(?:follow)?");
  short_empty.max_words = 5;
  EXPECT_EQ(error_of({rule("fine", "follow us"), short_empty}),
            "t.yaml:1:1: rule 'short-empty': pattern matches the empty string, so it would "
            "match every block");
  EXPECT_EQ(error_of({rule("fine", "follow us"), rule("dot", "."), rule("later", "x*")}),
            "t.yaml:1:1: rule 'dot': pattern matches any text (a catch-all)");
  EXPECT_EQ(error_of({rule("any-start", "^[\\s\\S]"), rule("fine", "follow us")}),
            "t.yaml:1:1: rule 'any-start': pattern matches any text (a catch-all)");
  // A pattern that matches most probes but not all is a rule, not a catch-all.
  EXPECT_EQ(error_of({rule("letters", "\\p{L}")}), "");
}

TEST(RuleMatcher, TellsTheFirstFaultyRuleAndItsFirstFault) {
  std::unique_ptr<const RuleMatcher> m;
  Rule bad_unless = rule("bad-unless", "");  // empty pattern: told before the unless
  bad_unless.unless = "a(";
  bad_unless.unless_at = "t.yaml:2:2";
  Status s = RuleMatcher::build({rule("fine", "follow us"), bad_unless, rule("bad", "a(b")}, &m);
  EXPECT_EQ(s.message(), "t.yaml:1:1: rule 'bad-unless': pattern is empty");
  bad_unless.pattern = "x*";  // matches the empty string: told before the unless
  s = RuleMatcher::build({rule("fine", "follow us"), bad_unless, rule("bad", "a(b")}, &m);
  EXPECT_EQ(s.message().rfind("t.yaml:1:1: rule 'bad-unless': pattern matches the empty", 0), 0u);
  bad_unless.pattern = "follow";
  s = RuleMatcher::build({rule("fine", "follow us"), bad_unless, rule("bad", "a(b")}, &m);
  EXPECT_EQ(s.message().rfind("t.yaml:2:2: rule 'bad-unless': invalid unless pattern", 0), 0u);
  EXPECT_EQ(m, nullptr);
}

TEST(RuleMatcher, UnlessVetoesAHitOfItsOwnRuleOnly) {
  Rule vetoed = rule("vetoed", "follow us");
  vetoed.unless = "(?i)newsletter";
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({vetoed, rule("plain", "follow")}, &m).ok());
  std::vector<int> hits;
  m->match(Unit::kBlock, "Follow the Newsletter: follow us", 5, &hits);
  EXPECT_EQ(hits, (std::vector<int>{1}));
  m->match(Unit::kBlock, "Please follow us", 3, &hits);
  EXPECT_EQ(hits, (std::vector<int>{0, 1}));
}

// The memo of short strings (rules/set_memo.h) answers a string it has seen
// as the sets did: the same hits the second time, word limits asked again,
// and an answer with more entries than the memo keeps still whole.
TEST(RuleMatcher, AShortStringSeenBeforeHitsTheSameRules) {
  Rule short_rule = rule("short", "(?i)^share");
  short_rule.max_words = 1;
  std::vector<Rule> rules = {short_rule, rule("tail", "us$")};
  for (int i = 0; i < 6; ++i) rules.push_back(rule("many" + std::to_string(i), "(?i)print"));
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build(rules, &m).ok());
  std::vector<int> hits;
  for (int pass = 0; pass < 3; ++pass) {
    m->match(Unit::kBlock, "Share", 1, &hits);
    EXPECT_EQ(hits, (std::vector<int>{0}));
    m->match(Unit::kBlock, "Share", 2, &hits);  // the same text, too many words for the rule
    EXPECT_TRUE(hits.empty());
    m->match(Unit::kBlock, "Share with us", 3, &hits);
    EXPECT_EQ(hits, (std::vector<int>{1}));
    m->match(Unit::kBlock, "Share with u", 3, &hits);
    EXPECT_TRUE(hits.empty());
    m->match(Unit::kBlock, "Print", 1, &hits);
    EXPECT_EQ(hits, (std::vector<int>{2, 3, 4, 5, 6, 7}));
  }
}

// A matcher never reads another's answers from the memo, even one built
// after the other is gone (it may take its place in memory).
TEST(RuleMatcher, AShortStringsAnswerIsTheMatchersOwn) {
  std::vector<int> hits;
  for (int i = 0; i < 4; ++i) {
    const bool odd = i % 2 == 1;
    std::unique_ptr<const RuleMatcher> m;
    ASSERT_TRUE(RuleMatcher::build({rule("r", odd ? "^Home$" : "^Away$")}, &m).ok());
    m->match(Unit::kBlock, "Home", 1, &hits);
    EXPECT_EQ(hits.size(), odd ? 1u : 0u) << i;
    m->match(Unit::kBlock, "Away", 1, &hits);
    EXPECT_EQ(hits.size(), odd ? 0u : 1u) << i;
  }
}

TEST(SetMemo, KeepsShortStringsAnswersBySetAndString) {
  const std::uint64_t id = SetMemo::new_id();
  EXPECT_NE(SetMemo::new_id(), id);
  SetMemo::Key key, other, longer;
  ASSERT_TRUE(SetMemo::make_key("Read more", &key));
  ASSERT_TRUE(SetMemo::make_key(std::string("Read more\0", 10), &other));
  EXPECT_FALSE(SetMemo::make_key(std::string(SetMemo::kMaxBytes + 1, 'x'), &longer));
  std::vector<int> entries = {9};
  EXPECT_FALSE(SetMemo::find(key, id, 0, &entries));
  SetMemo::keep(key, id, 0, {});
  SetMemo::keep(key, id, 1, {3, 1});
  ASSERT_TRUE(SetMemo::find(key, id, 0, &entries));
  EXPECT_TRUE(entries.empty());
  ASSERT_TRUE(SetMemo::find(key, id, 1, &entries));
  EXPECT_EQ(entries, (std::vector<int>{3, 1}));
  EXPECT_FALSE(SetMemo::find(other, id, 0, &entries));
  EXPECT_FALSE(SetMemo::find(key, id, 2, &entries));
  SetMemo::keep(key, id, 2, std::vector<int>(SetMemo::kMaxEntries + 1, 0));
  EXPECT_FALSE(SetMemo::find(key, id, 2, &entries));
}


TEST(AnchoredAtStart, EveryAlternativeMustStartAtTheStart) {
  for (const char* p : {"^a", "(?i)^a|^b", "(?i:^a|^b)c", "(?:^a|(?:^b|^c))", "\\Afoo",
                        "^(?i:x)|(?s)^y", "(?P<n>^a)", "(^a|^b)+", "^[|)(]|^\\|"}) {
    EXPECT_TRUE(anchored_at_start(p)) << p;
  }
  for (const char* p : {"a", "a^", "^a|b", "(?i:^a|b)", "(^a)?b", "(^a)*", "(^a){0,2}",
                        "(?m)^a", "(?im:^a)", "[\\^]a", "\\^a", "[^a]", "x|^a", "^a|[|]b",
                        "(?i:^a|[)]|b)", "\\Q^a\\E"}) {
    EXPECT_FALSE(anchored_at_start(p)) << p;
  }
}

// Sets split by anchoring find exactly what each rule's own pattern finds.
TEST(RuleMatcher, TheBuiltInRulesHitWhatTheirPatternsHit) {
  std::vector<Rule> rules = built_in_rules();
  ASSERT_FALSE(rules.empty());
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build(rules, &m).ok());
  int anchored = 0;
  for (const Rule& r : m->rules()) anchored += !r.pattern.empty() && anchored_at_start(r.pattern);
  EXPECT_GT(anchored, 20);  // most rules name how a block starts

  // Lines of the test articles and the survivor sentences, and each of them
  // behind a prefix (so that anchored rules must miss what they hit).
  std::vector<std::string> texts;
  for (const char* file : {"/tests/data/survivors.tsv", "/tests/data/articles/french_monde.txt",
                           "/tests/data/articles/follow_download_footer.txt",
                           "/tests/data/articles/german_inland.txt",
                           "/tests/data/articles/europe_farmers_breadcrumb.txt",
                           "/seeds/001_53a9f95486086e6a.txt"}) {
    std::ifstream in(std::string(NEWSCLEAN_SOURCE_DIR) + file);
    ASSERT_TRUE(in.good()) << file;
    for (std::string line; std::getline(in, line);) {
      for (std::string part; !line.empty(); line.erase(0, part.size() + 1)) {
        part = line.substr(0, line.find('\t'));
        if (part.size() == line.size()) line += '\t';
        texts.push_back(part);
        texts.push_back("Earlier: " + part);
      }
    }
  }
  ASSERT_GT(texts.size(), 200u);
  RE2::Options o;
  o.set_log_errors(false);
  std::vector<std::unique_ptr<RE2>> pattern, unless;
  for (const Rule& r : m->rules()) {
    pattern.push_back(r.pattern.empty() ? nullptr : std::make_unique<RE2>(r.pattern, o));
    unless.push_back(r.unless.empty() ? nullptr : std::make_unique<RE2>(r.unless, o));
  }
  std::size_t hits_seen = 0;
  for (const std::string& t : texts) {
    const std::size_t words = count_words(t);
    std::vector<int> hits;
    m->match(Unit::kBlock, t, words, &hits);
    std::set<int> found;
    for (int k : hits) {
      const Rule& r = m->rules()[k];
      if (!r.pattern.empty() && (r.max_words == 0 || r.max_words >= words)) found.insert(k);
    }
    std::set<int> expected;
    for (std::size_t k = 0; k < m->rules().size(); ++k) {
      const Rule& r = m->rules()[k];
      if (r.pattern.empty() || r.is_html() || r.unit != Unit::kBlock) continue;
      if (r.max_words != 0 && r.max_words < words) continue;
      if (words < r.min_words) continue;  // match() leaves out what the text does not fit
      if (!RE2::PartialMatch(t, *pattern[k])) continue;
      if (unless[k] != nullptr && RE2::PartialMatch(t, *unless[k])) continue;
      expected.insert(static_cast<int>(k));
    }
    EXPECT_EQ(found, expected) << t;
    hits_seen += expected.size();
  }
  EXPECT_GT(hits_seen, 50u);
}

TEST(StartsWithLiteral, TheFirstCharacterReadMustBeGivenOrOneOfAFew) {
  for (const char* p : {"^a", "abc", "(?i)^share", "^(?i:by|von) x", "\\bfoo", "\\(AP\\)",
                        "^\\[? ?(?i:read more)", "^(?:- )?loading", "(?:ab|cd)+e", "^фото",
                        "^(?P<n>x)y", "^a|^(?:b|c)d", "\\d+ min", "(?:a|[bc])", "a?[bc]",
                        "^[-•] x", "[1-9]x", "^\\s?a", "(?:^|\\s)x", "(?:^|[.!?] )(?:a|b)"}) {
    EXPECT_TRUE(starts_with_literal(p)) << p;
  }
  for (const char* p : {"", "^", ".", "^[A-Z]x", "^\\p{Lu}", "^\\S+ x", "^[^.!?]x", "^[\\w.]+@",
                        "[\\pL-]x", "[[:alpha:]]", "^(?:a )?\\w", "^a|.b", "(?:^|\\s)\\w",
                        "(?:^|.)x", "a*", "\\Qab\\E", "(?i:x)?", "^a|"}) {
    EXPECT_FALSE(starts_with_literal(p)) << p;
  }
}

// `inner` inside n nested groups "(?:...)".
std::string nested(int n, const std::string& inner) {
  std::string p;
  for (int k = 0; k < n; ++k) p += "(?:";
  p += inner;
  p.append(static_cast<std::size_t>(n), ')');
  return p;
}

TEST(PatternShape, NestedGroupsAreReadOnceEach) {
  // Each group's branches are read once: were a group that is not all
  // literal read again for "literal or zero-width", 60 groups would take
  // 2^60 readings (the rule loader's fuzz run found this).
  EXPECT_FALSE(starts_with_literal(nested(60, "a|^")));
  EXPECT_TRUE(starts_with_literal(nested(60, "(?:a|^)b")));
  EXPECT_TRUE(starts_with_literal(nested(60, "a|b")));
  EXPECT_TRUE(anchored_at_start(nested(60, "^a|^b")));
  EXPECT_EQ(relaxed_pattern(nested(60, "\\S{2,4}")), nested(60, "\\S+"));
}

TEST(PatternShape, GroupsNestedBeyondRe2sBoundAreBeyondTheReading) {
  // Deeper than RE2 compiles; read without recursing to the stack's end.
  const std::string deep = nested(100000, "^a");
  EXPECT_FALSE(anchored_at_start(deep));
  EXPECT_FALSE(starts_with_literal(deep));
  EXPECT_EQ(relaxed_pattern(nested(100000, "\\S{2,4}")), "");
  EXPECT_TRUE(anchored_at_start(nested(1000, "^a")));
}

TEST(RelaxedPattern, CountedRepeatsOfBroadClassesOpenAndCategoriesWiden) {
  constexpr const char* kLetter = "[A-Za-z\\x{80}-\\x{10FFFF}]";
  EXPECT_EQ(relaxed_pattern("^a[^.!?]{10,120}b$"), "^a[^.!?]+b$");
  EXPECT_EQ(relaxed_pattern("x(?: \\S+){0,3}$"), "x(?: \\S+)*$");
  EXPECT_EQ(relaxed_pattern("\\p{L}{3,}"), std::string(kLetter) + "+");
  EXPECT_EQ(relaxed_pattern("(?i:an? )[\\p{L} -]{1,40}$"),
            "(?i:an? )[A-Za-z\\x{80}-\\x{10FFFF} -]+$");
  EXPECT_EQ(relaxed_pattern("^\\p{Lu}(?:\\d{1,2})?"), "^[A-Z\\x{80}-\\x{10FFFF}](?:\\d{1,2})?");
  // Nothing to relax: ASCII repeats, negated categories (a wider category
  // would narrow them), other categories, text beyond the reading.
  for (const char* p : {"\\d{1,2}:\\d{2}", "^[^\\p{Ll}]+$", "\\P{L}x", "\\p{Pi}", "a{2}",
                        "\\Q.{3}\\E", "[^.]*"}) {
    EXPECT_EQ(relaxed_pattern(p), "") << p;
  }
}

// A relaxed pattern is a candidate finder: it must match whatever the rule's
// own pattern matches, and the built-in patterns, which the matcher compiles
// only when a candidate needs them, must compile.
TEST(RelaxedPattern, BuiltInRulesCompileAndTheirRelaxedFormsMatchTheirHits) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_never_capture(true);
  o.set_log_errors(false);
  int relaxed = 0;
  for (const Rule& r : built_in_rules()) {
    if (!r.unless.empty()) EXPECT_TRUE(RE2(r.unless, o).ok()) << r.id;
    if (r.pattern.empty()) continue;
    const RE2 exact(r.pattern, o);
    ASSERT_TRUE(exact.ok()) << r.id << ": " << exact.error();
    const std::string loose = relaxed_pattern(r.pattern);
    if (loose.empty()) continue;
    ++relaxed;
    const RE2 wide(loose, o);
    ASSERT_TRUE(wide.ok()) << r.id << ": " << loose;
    for (const auto* examples : {&r.hit_examples, &r.miss_examples}) {
      for (const RuleExample& e : *examples) {
        if (RE2::PartialMatch(e.text, exact)) {
          EXPECT_TRUE(RE2::PartialMatch(e.text, wide)) << r.id << ": " << e.text;
        }
      }
    }
  }
  EXPECT_GT(relaxed, 10);
}

TEST(RuleMatcher, ABuiltInRulesRelaxedHitIsConfirmedByItsOwnPattern) {
  Rule r = rule("short", "^x[^.]{2,3}$");
  r.built_in = true;
  r.unless = "^xno";
  std::unique_ptr<const RuleMatcher> m;
  ASSERT_TRUE(RuleMatcher::build({r}, &m).ok());
  std::vector<int> hits;
  m->match(Unit::kBlock, "xab", 1, &hits);
  EXPECT_EQ(hits, (std::vector<int>{0}));
  m->match(Unit::kBlock, "xabcd", 1, &hits);  // the relaxed ^x[^.]+$ fits it
  EXPECT_TRUE(hits.empty());
  m->match(Unit::kBlock, "xnot", 1, &hits);  // vetoed by its `unless`
  EXPECT_TRUE(hits.empty());
}

// A rule's own pattern is compiled on its first hit, in every process that
// cleans (each CLI run, each worker). A counted repeat of a broad class
// ("[\p{L} -]{0,40}") is that class forty times over: one such rule took half
// a second to compile. Lengths are bounded by max_words instead, and every
// built-in pattern stays a small program.
TEST(RelaxedPattern, EveryBuiltInPatternIsASmallProgram) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_never_capture(true);
  o.set_log_errors(false);
  o.set_max_mem(int64_t{256} << 20);
  for (const Rule& r : built_in_rules()) {
    for (const std::string* p : {&r.pattern, &r.unless}) {
      if (p->empty()) continue;
      const RE2 re(*p, o);
      ASSERT_TRUE(re.ok()) << r.id;
      EXPECT_LE(re.ProgramSize(), 50000) << r.id << ": " << *p;
    }
  }
}

}  // namespace
}  // namespace newsclean
