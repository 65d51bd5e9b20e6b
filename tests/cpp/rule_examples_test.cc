// Rules carry their own tests (`examples:`): every built-in rule's examples
// pass, and the runner tells a broken example apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "newsclean/cleaner.h"
#include "rule_examples.h"
#include "rules/load.h"

namespace newsclean {
namespace {

ExampleReport run_yaml(const std::string& yaml) {
  ExampleReport report;
  const Status s = test_rule_examples(RuleSource::from_string(yaml, "user.yaml"), &report);
  EXPECT_TRUE(s.ok()) << s.message();
  return report;
}

TEST(RuleExamples, EveryBuiltInRuleFitsItsHitsAndNotItsMisses) {
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  const Status loaded = parse_rules(
      RuleSource::from_string(std::string(default_rules_yaml()), "rules.yaml"), &rules,
      &disable, /*require_examples=*/true);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  ExampleReport report;
  const Status s = run_rule_examples(rules, &report);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(report.rules, rules.size());
  EXPECT_EQ(report.untested, 0u);
  EXPECT_GE(report.examples, 2 * rules.size());
  for (const ExampleFailure& f : report.failures) {
    ADD_FAILURE() << f.at << ": " << f.rule << ": " << (f.hit ? "hit" : "miss") << " example "
                  << f.number << ": \"" << f.text << "\"";
  }
}

TEST(RuleExamples, TheBuiltInFileRefusesARuleWithoutExamples) {
  const std::string yaml =
      "rules:\n"
      "  - id: bare\n"
      "    category: footer\n"
      "    pattern: '^Follow us'\n";
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  const Status s = parse_rules(RuleSource::from_string(yaml, "rules.yaml"), &rules, &disable,
                               /*require_examples=*/true);
  EXPECT_EQ(s.code(), ErrorCode::kSchema);
  EXPECT_EQ(s.message().rfind("rules.yaml:2:5: rule 'bare': a built-in rule needs examples", 0),
            0u)
      << s.message();
  // Only hits is not enough either; a user file may leave them out.
  rules.clear();
  EXPECT_FALSE(parse_rules(RuleSource::from_string(yaml + "    examples: {hit: ['Follow us']}\n",
                                                   "rules.yaml"),
                           &rules, &disable, true)
                   .ok());
  rules.clear();
  EXPECT_TRUE(parse_rules(RuleSource::from_string(yaml, "user.yaml"), &rules, &disable).ok());
}

TEST(RuleExamples, BadExamplesAreLoadErrorsWithTheirPlace) {
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  const auto load = [&](const std::string& examples) {
    rules.clear();
    return parse_rules(RuleSource::from_string("rules:\n  - id: r\n    category: x\n"
                                               "    pattern: 'Probe'\n    examples: " +
                                                   examples + "\n",
                                               "user.yaml"),
                       &rules, &disable);
  };
  EXPECT_NE(load("['Probe']").message().find("user.yaml:5:15: rule 'r': examples must be"),
            std::string::npos);
  EXPECT_NE(load("{hit: 'Probe'}").message().find("examples hit must be a list"),
            std::string::npos);
  EXPECT_NE(load("{hits: ['Probe']}").message().find("'hits' is not one of: hit, miss, url"),
            std::string::npos);
  EXPECT_NE(load("{url: 'https://example.com/'}").message().find("no hit and no miss"),
            std::string::npos);
  ASSERT_TRUE(load("{hit: ['Probe one'], miss: ['None']}").ok());
  ASSERT_EQ(rules.size(), 1u);
  ASSERT_EQ(rules[0].hit_examples.size(), 1u);
  EXPECT_EQ(rules[0].hit_examples[0].text, "Probe one");
  EXPECT_EQ(rules[0].hit_examples[0].at, "user.yaml:5:22");
}

TEST(RuleExamples, ABrokenExampleIsReportedWithItsPlaceAndNumber) {
  const ExampleReport r = run_yaml(
      "rules:\n"
      "  - id: follow\n"
      "    category: share\n"
      "    pattern: '^Follow us on'\n"
      "    max_words: 6\n"
      "    examples:\n"
      "      hit: ['Follow us on Mastodon', 'Follow us on the radio and the web every day']\n"
      "      miss: ['We follow the river.', 'Follow us on Bluesky']\n"
      "  - id: untested\n"
      "    category: share\n"
      "    pattern: 'zzz'\n");
  EXPECT_EQ(r.rules, 2u);
  EXPECT_EQ(r.untested, 1u);
  EXPECT_EQ(r.examples, 4u);
  ASSERT_EQ(r.failures.size(), 2u);
  EXPECT_EQ(r.failures[0].at, "user.yaml:7:38");  // too many words for max_words
  EXPECT_EQ(r.failures[0].rule, "follow");
  EXPECT_TRUE(r.failures[0].hit);
  EXPECT_EQ(r.failures[0].number, 2u);
  EXPECT_EQ(r.failures[1].at, "user.yaml:8:38");
  EXPECT_FALSE(r.failures[1].hit);
  EXPECT_EQ(r.failures[1].text, "Follow us on Bluesky");
}

TEST(RuleExamples, UnlessAndFeaturesCountPositionDoesNot) {
  // `where`, `needs_story` and the action are about the page; the block
  // itself is tested. `unless` vetoes; `duplicate` reads the lines before.
  const ExampleReport r = run_yaml(
      "rules:\n"
      "  - id: tail-follow\n"
      "    category: share\n"
      "    pattern: '^Follow us'\n"
      "    unless: 'river'\n"
      "    where: tail\n"
      "    needs_story: true\n"
      "    action: drop_rest\n"
      "    examples: {hit: ['Follow us on Mastodon'], miss: ['Follow us to the river']}\n"
      "  - id: twice\n"
      "    category: duplicate\n"
      "    feature: duplicate\n"
      "    examples:\n"
      "      hit: [\"Bridge opens\\nThe bridge opened on Monday, the council said.\\nBridge opens\"]\n"
      "      miss: ['Bridge opens']\n");
  EXPECT_EQ(r.examples, 4u);
  EXPECT_TRUE(r.failures.empty()) << r.failures[0].at;
  // The same duplicate example as a miss fails: the feature is really read.
  const ExampleReport broken = run_yaml(
      "rules:\n"
      "  - id: twice\n"
      "    category: duplicate\n"
      "    feature: duplicate\n"
      "    examples:\n"
      "      miss: [\"Bridge opens\\nThe bridge opened on Monday, the council said.\\nBridge opens\"]\n");
  EXPECT_EQ(broken.failures.size(), 1u);
}

TEST(RuleExamples, AnHtmlRuleFitsASnippetWhoseElementItStrips) {
  const std::string story =
      "<p>The council met on Tuesday evening to discuss the plan for a new footbridge "
      "across the river, and most members spoke in favour of it.</p>";
  const ExampleReport r = run_yaml(
      "rules:\n"
      "  - id: promo\n"
      "    category: advert\n"
      "    strip_id_or_class: [promo]\n"
      "    examples:\n"
      "      hit: ['<div>" + story + "<div class=\"promo-box\">Buy now</div></div>']\n"
      "      miss: ['<div>" + story + "<div class=\"promotion\">Buy now</div></div>',\n"
      "             '<div>" + story + "<div class=\"promo-box\">Buy now</div></div>']\n"
      "  - id: by-xpath\n"
      "    category: advert\n"
      "    xpath: '//div[@id=\"x\"]'\n"
      "    examples: {hit: ['<div>" + story + "<div id=\"x\">Ad</div></div>']}\n");
  EXPECT_EQ(r.examples, 4u);
  ASSERT_EQ(r.failures.size(), 1u);  // the second miss names the element
  EXPECT_EQ(r.failures[0].rule, "promo");
  EXPECT_FALSE(r.failures[0].hit);
  EXPECT_EQ(r.failures[0].number, 2u);
}

TEST(RuleExamples, AFileThatDoesNotLoadIsAnErrorAndLeavesTheReport) {
  ExampleReport report;
  report.rules = 7;
  const Status s = test_rule_examples(
      RuleSource::from_string("rules:\n  - id: r\n    category: x\n    pattern: '(open'\n",
                              "user.yaml"),
      &report);
  EXPECT_EQ(s.code(), ErrorCode::kRegex);
  EXPECT_EQ(s.message().rfind("user.yaml:4:14: rule 'r': invalid pattern", 0), 0u);
  EXPECT_EQ(report.rules, 7u);
}

}  // namespace
}  // namespace newsclean

namespace newsclean {
namespace {

// Every field a Cleaner matches with (examples and description aside).
std::string without_example_fields(const Rule& r) {
  std::string s;
  for (const std::string* f : {&r.id, &r.category, &r.pattern, &r.unless,
                               &r.origin, &r.pattern_at, &r.unless_at, &r.xpath, &r.body,
                               &r.xpath_at}) {
    s += *f + '\x1f';
  }
  for (const auto* list : {&r.sites, &r.tags, &r.strip_id_or_class, &r.roles}) {
    for (const std::string& x : *list) s += x + '\x1e';
    s += '\x1f';
  }
  for (const PageKind k : r.page_kinds) s += std::to_string(static_cast<int>(k)) + ',';
  for (const int v : {static_cast<int>(r.where), static_cast<int>(r.unit),
                      static_cast<int>(r.action), static_cast<int>(r.field),
                      static_cast<int>(r.feature), static_cast<int>(r.format),
                      static_cast<int>(r.pass), static_cast<int>(r.suspend_on),
                      static_cast<int>(r.min_words), static_cast<int>(r.max_words),
                      static_cast<int>(r.once), static_cast<int>(r.needs_story),
                      static_cast<int>(r.caption), static_cast<int>(r.hidden),
                      static_cast<int>(r.xpath_in_content), static_cast<int>(r.prune),
                      static_cast<int>(r.guarded)}) {
    s += std::to_string(v) + ',';
  }
  return s;
}

std::vector<Rule> parsed(const std::string& yaml) {
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  const Status s = parse_rules(RuleSource::from_string(yaml, "rules.yaml"), &rules, &disable);
  EXPECT_TRUE(s.ok()) << s.message();
  return rules;
}

TEST(WithoutRuleKeys, TheBuiltInRulesAreTheSameLessTheirExamplesAndDescriptions) {
  const std::string yaml(default_rules_yaml());
  const std::string lean = without_rule_keys(yaml, {"examples", "description"});
  EXPECT_LT(lean.size(), yaml.size() * 2 / 3);
  const std::vector<Rule> all = parsed(yaml), rules = parsed(lean);
  ASSERT_EQ(rules.size(), all.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(without_example_fields(rules[i]), without_example_fields(all[i])) << all[i].id;
    EXPECT_TRUE(rules[i].hit_examples.empty() && rules[i].miss_examples.empty()) << all[i].id;
    EXPECT_TRUE(rules[i].description.empty() && !all[i].description.empty()) << all[i].id;
  }
}

TEST(WithoutRuleKeys, LeavesTextThatOnlyLooksLikeAKey) {
  const std::string yaml =
      "rules:\n"
      "  - id: a\n"
      "    category: x\n"
      "    description: >-\n"
      "      Its examples:\n"
      "      examples: not a key\n"
      "    examples:\n"
      "      hit: [\"Follow us\"]\n"
      "\n"
      "      miss:\n"
      "        - \"A story\"\n"
      "    pattern: '^Follow us$'\n"
      "  - id: b\n"
      "    examples: {hit: [\"Share\"],\n"
      "      miss: [\"Shared\"]}\n"
      "    category: x\n"
      "    pattern: '^Share$'\n";
  const std::string lean = without_rule_keys(yaml, {"examples"});
  EXPECT_EQ(std::count(lean.begin(), lean.end(), '\n'), std::count(yaml.begin(), yaml.end(), '\n'));
  const std::vector<Rule> rules = parsed(lean);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].description, "Its examples: examples: not a key");
  EXPECT_EQ(rules[0].pattern, "^Follow us$");
  EXPECT_EQ(rules[0].pattern_at, "rules.yaml:12:14");
  EXPECT_TRUE(rules[0].hit_examples.empty() && rules[0].miss_examples.empty());
  EXPECT_EQ(rules[1].category, "x");
  EXPECT_EQ(rules[1].pattern, "^Share$");
  EXPECT_TRUE(rules[1].hit_examples.empty() && rules[1].miss_examples.empty());
  const std::vector<Rule> bare = parsed(without_rule_keys(yaml, {"examples", "description"}));
  ASSERT_EQ(bare.size(), 2u);
  EXPECT_EQ(bare[0].description, "");
  EXPECT_EQ(bare[0].pattern_at, "rules.yaml:12:14");
}

TEST(ParseRulesInHalves, GivesTheRulesOfTheWholeWithTheirLines) {
  const RuleSource source = RuleSource::from_string(std::string(default_rules_yaml()), "rules.yaml");
  std::vector<Rule> whole, halves;
  std::vector<Disable> disable;
  ASSERT_TRUE(parse_rules(source, &whole, &disable).ok());
  const Status s = parse_rules_in_halves(source, &halves, &disable);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(halves.size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(without_example_fields(halves[i]), without_example_fields(whole[i])) << whole[i].id;
    EXPECT_EQ(halves[i].description, whole[i].description) << whole[i].id;
    EXPECT_EQ(halves[i].hit_examples.size(), whole[i].hit_examples.size()) << whole[i].id;
  }
}

TEST(ParseRulesInHalves, TellsErrorsOfTheSecondHalfAtTheirLines) {
  std::string yaml = "version: 1\nrules:\n";
  for (int i = 0; i < 6; ++i) {
    yaml += "  - id: r" + std::to_string(i) + "\n    category: x\n    pattern: '^R" +
            std::to_string(i) + "$'\n";
  }
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  Status s = parse_rules_in_halves(RuleSource::from_string(yaml + "    colour: red\n", "t.yaml"),
                                   &rules, &disable);
  EXPECT_EQ(s.message().substr(0, 28), "t.yaml:21:5: rule 'r5': unkn") << s.message();
  rules.clear();
  s = parse_rules_in_halves(
      RuleSource::from_string(yaml + "  - id: r1\n    category: x\n    pattern: 'x'\n", "t.yaml"),
      &rules, &disable);
  EXPECT_EQ(s.message(), "t.yaml:21: rule 'r1': duplicate id in this file");
}

}  // namespace
}  // namespace newsclean
