#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "newsclean/cleaner.h"
#include "rules/load.h"
#include "rules/match.h"
#include "rules/schema.h"

namespace newsclean {
namespace {

Status load(const std::string& yaml) {
  Cleaner c;
  return Cleaner::create({RuleSource::from_string(yaml, "user.yaml")}, {}, &c);
}

TEST(RulesLoad, BuiltInRulesLoad) {
  Cleaner c;
  const Status s = Cleaner::create({}, {}, &c);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(c.rules().size(), 10u);
}

// A Cleaner loads the built-in rules without descriptions; rules() tells
// each as rules.yaml has it.
TEST(RulesLoad, BuiltInRulesTellTheirDescriptions) {
  std::vector<Rule> file;
  std::vector<Disable> disable;
  ASSERT_TRUE(parse_rules(RuleSource::from_string(std::string(default_rules_yaml())), &file,
                          &disable)
                  .ok());
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(
                                  "rules:\n  - id: own\n    category: x\n"
                                  "    description: Mine.\n    pattern: '^Own$'\n",
                                  "user.yaml")},
                              {}, &c)
                  .ok());
  const std::vector<RuleInfo> rules = c.rules();
  ASSERT_EQ(rules.size(), file.size() + 1);
  EXPECT_EQ(rules[0].description, "Mine.");
  for (std::size_t i = 0; i < file.size(); ++i) {
    EXPECT_EQ(rules[i + 1].id, file[i].id);
    EXPECT_EQ(rules[i + 1].description, file[i].description) << file[i].id;
  }
}

TEST(RulesLoad, UnknownKeyNamesFileLineColumnAndRule) {
  const Status s = load(
      "rules:\n"
      "  - id: my-rule\n"
      "    category: footer\n"
      "    patern: 'Follow us'\n");
  EXPECT_EQ(s.code(), ErrorCode::kSchema);
  EXPECT_EQ(s.message().rfind("user.yaml:4:5: rule 'my-rule': unknown key 'patern'", 0), 0u)
      << s.message();
}

TEST(RulesLoad, InvalidRegexNamesThePatternPosition) {
  const Status s = load(
      "rules:\n"
      "  - id: broken\n"
      "    category: footer\n"
      "    pattern: '(unclosed'\n");
  EXPECT_EQ(s.code(), ErrorCode::kRegex);
  EXPECT_EQ(s.message().rfind("user.yaml:4:14: rule 'broken': invalid pattern", 0), 0u)
      << s.message();
}

TEST(RulesLoad, InvalidUnlessNamesItsPosition) {
  const Status s = load(
      "rules:\n"
      "  - id: veto\n"
      "    category: footer\n"
      "    pattern: 'Follow us'\n"
      "    unless: '[oops'\n");
  EXPECT_EQ(s.code(), ErrorCode::kRegex);
  EXPECT_EQ(s.message().rfind("user.yaml:5:13: rule 'veto': invalid unless pattern", 0), 0u)
      << s.message();
}

TEST(RulesLoad, InvalidUnlessIsRefusedOnAFeatureRuleToo) {
  // A rule with a feature needs no pattern; its `unless` is checked all the same.
  const Status s = load(
      "rules:\n"
      "  - id: veto\n"
      "    category: teaser\n"
      "    feature: teaser_run\n"
      "    unless: '[oops'\n");
  EXPECT_EQ(s.code(), ErrorCode::kRegex);
  EXPECT_EQ(s.message().rfind("user.yaml:5:13: rule 'veto': invalid unless pattern", 0), 0u)
      << s.message();
}

TEST(RulesLoad, EveryDocumentedKeyIsKnownToTheLoader) {
  // docs/rules.md documents each key of rule_keys() (schema_doc_test); here
  // the loader reads each of them: a value of the wrong type is a schema
  // error about that key, never "unknown key".
  for (const RuleKey& k : rule_keys()) {
    const std::string key = k.name;
    if (key == "id") continue;
    const Status s = load("rules:\n  - id: probe\n    category: x\n    pattern: 'Probe'\n    " +
                          key + ": {nested: [1]}\n");
    EXPECT_FALSE(s.ok()) << key;
    EXPECT_EQ(s.message().find("unknown key"), std::string::npos) << key << ": " << s.message();
  }
  const Status s = load("rules:\n  - id: probe\n    category: x\n    pattern: 'Probe'\n    bogus: 1\n");
  EXPECT_NE(s.message().find("unknown key 'bogus' (known: " + rule_key_names() + ")"),
            std::string::npos)
      << s.message();
}

TEST(RulesLoad, DocsListExactlyTheKeysTheLoaderKnows) {
  std::ifstream doc(NEWSCLEAN_SOURCE_DIR "/docs/rules.md");
  ASSERT_TRUE(doc.good());
  // The rows of the "## Keys" table: "| `key` | meaning |".
  std::vector<std::string> documented;
  bool in_keys = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.rfind("## ", 0) == 0) in_keys = line == "## Keys";
    if (in_keys && line.rfind("| `", 0) == 0) {
      documented.push_back(line.substr(3, line.find('`', 3) - 3));
    }
  }
  std::vector<std::string> known;
  for (const RuleKey& k : rule_keys()) known.push_back(k.name);
  EXPECT_EQ(documented, known);
}

TEST(RulesLoad, PassIsForClassAndIdTokens) {
  EXPECT_EQ(load("rules:\n  - id: p\n    category: x\n    pattern: 'Probe'\n    pass: early\n")
                .code(),
            ErrorCode::kSchema);
  EXPECT_EQ(load("rules:\n  - id: p\n    category: x\n    tags: [aside]\n    pass: early\n")
                .code(),
            ErrorCode::kSchema);
  EXPECT_TRUE(load("rules:\n  - id: p\n    category: x\n    strip_id_or_class: [promo]\n"
                   "    pass: early\n    suspend_on: discussion\n")
                  .ok());
  EXPECT_EQ(load("rules:\n  - id: p\n    category: x\n    strip_id_or_class: [promo]\n"
                 "    suspend_on: forums\n")
                .code(),
            ErrorCode::kSchema);
}

TEST(RulesLoad, HtmlRulesTakeNoUnlessAndABodyIsNoCaption) {
  const Status unless =
      load("rules:\n  - id: p\n    category: x\n    tags: [aside]\n    unless: 'Story'\n");
  EXPECT_EQ(unless.code(), ErrorCode::kSchema);
  EXPECT_NE(unless.message().find("no pattern, unless or feature"), std::string::npos);
  const Status body = load(
      "rules:\n  - id: p\n    category: x\n    body: '//article'\n    caption: true\n");
  EXPECT_EQ(body.code(), ErrorCode::kSchema);
  EXPECT_EQ(body.message().rfind("user.yaml:5:14: rule 'p': body names", 0), 0u) << body.message();
  EXPECT_EQ(load("rules:\n  - id: p\n    category: x\n    pattern: 'Photo'\n    action: keep\n"
                 "    caption: true\n")
                .code(),
            ErrorCode::kSchema);
}

TEST(RulesLoad, RefusesEmptyAndCatchAllPatterns) {
  for (const char* p : {"''", "'.*'", "'x|'", "'.'", "'(?s).+'", "'^'"}) {
    const Status s = load(std::string("rules:\n  - id: wide\n    category: x\n    pattern: ") + p + "\n");
    EXPECT_EQ(s.code(), ErrorCode::kRegex) << p;
    EXPECT_NE(s.message().find("rule 'wide'"), std::string::npos) << s.message();
  }
}

TEST(RulesLoad, RefusesDuplicateIdsInOneFile) {
  const Status s = load(
      "rules:\n"
      "  - {id: twice, category: x, pattern: 'a b c'}\n"
      "  - {id: twice, category: x, pattern: 'd e f'}\n");
  EXPECT_EQ(s.code(), ErrorCode::kSchema);
  EXPECT_NE(s.message().find("user.yaml:3:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("duplicate id"), std::string::npos);
}

TEST(RulesLoad, SchemaErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"rules:\n  - {category: x, pattern: 'a b'}\n", "id is required"},
      {"rules:\n  - {id: a, pattern: 'a b'}\n", "category is required"},
      {"rules:\n  - {id: a, category: x}\n", "pattern is required"},
      {"rules:\n  - {id: a, category: x, pattern: 'a b', where: middle}\n", "where 'middle'"},
      {"rules:\n  - {id: a, category: x, pattern: 'a b', action: delete}\n", "action 'delete'"},
      {"rules:\n  - {id: a, category: x, pattern: 'a b', action: metadata}\n", "needs field"},
      {"rules:\n  - {id: a, category: x, pattern: 'a b', max_words: -3}\n", "max_words"},
      {"rules:\n  - {id: a, category: x, pattern: 'a b', min_words: 5, max_words: 2}\n", "min_words"},
      {"rules:\n  - {id: Bad Id, category: x, pattern: 'a b'}\n", "id is required"},
      {"rules: {id: a}\n", "rules must be a list"},
      {"rule:\n  - {id: a, category: x, pattern: 'a b'}\n", "unknown key 'rule'"},
      {"version: 2\n", "version 1"},
      {"disable: [no-such-rule]\n", "no rule has the id 'no-such-rule'"},
      {"rules:\n  - [1, 2]\n", "must be a mapping"},
  };
  for (const auto& [yaml, expected] : cases) {
    const Status s = load(yaml);
    EXPECT_FALSE(s.ok()) << yaml;
    EXPECT_NE(s.message().find(expected), std::string::npos) << s.message();
    EXPECT_EQ(s.message().rfind("user.yaml", 0), 0u) << s.message();
  }
}

TEST(RulesLoad, YamlSyntaxErrorHasAPosition) {
  const Status s = load("rules:\n  - id: a\n   category: [\n");
  EXPECT_EQ(s.code(), ErrorCode::kYaml);
  EXPECT_EQ(s.message().rfind("user.yaml:", 0), 0u) << s.message();
}

TEST(RulesLoad, DeeplyNestedYamlIsNestedTooDeepWithItsPlace) {
  const std::string deep(5000, '[');
  const Status s = load("rules:\n  - id: deep\n    category: footer\n    pattern: " + deep +
                        std::string(5000, ']') + "\n");
  EXPECT_EQ(s.code(), ErrorCode::kYaml);
  EXPECT_EQ(s.message().rfind("user.yaml:4:", 0), 0u) << s.message();
  EXPECT_NE(s.message().find(": nested too deep"), std::string::npos) << s.message();
}

TEST(RulesLoad, BytesThatAreNotUtf8AreRefusedWithTheirPlace) {
  const Status s = load("rules:\n  - id: promo-box\n    category: advert\n"
                        "    xpath: '//div[@id=\"pr\xac\xacmo\"]'\n");
  EXPECT_EQ(s.code(), ErrorCode::kYaml);
  EXPECT_EQ(s.message(), "user.yaml:4:26: not UTF-8 (a rules file is UTF-8 text)");
}

TEST(RulesLoad, XPathWithAnUnknownFunctionIsRefusedAtLoad) {
  const Status s = load(
      "rules:\n"
      "  - id: promo-box\n"
      "    category: advert\n"
      "    xpath: '//div[contains(@class, \"promo\") or matches(@id, \"ad\")]'\n");
  EXPECT_EQ(s.message(),
            "user.yaml:4:12: rule 'promo-box': unknown XPath function 'matches()' at column 36: "
            "//div[contains(@class, \"promo\") or matches(@id, \"ad\")]");
  // Known functions, node tests, operators, re:test and names in strings pass.
  EXPECT_TRUE(load("rules:\n  - id: ok\n    category: advert\n    xpath: "
                   "'//div[not(@id) and (position() mod 2) = 0][re:test(@class, \"^x\")]"
                   "/text()[normalize-space(.) != \"foo(\"]'\n")
                  .ok());
  EXPECT_NE(load("rules:\n  - id: ns\n    category: advert\n    xpath: '//div[str:x(@id)]'\n")
                .message()
                .find("unknown XPath function 'str:x()'"),
            std::string::npos);
}

TEST(RulesLoad, InvalidXPathSaysWhereAndLibxml2PrintsNothing) {
  testing::internal::CaptureStderr();
  const Status s = load("rules:\n  - id: bad-x\n    category: advert\n    xpath: '//div[@class='\n");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(s.message(),
            "user.yaml:4:12: rule 'bad-x': invalid XPath (invalid expression at column 14): "
            "//div[@class=");
}

TEST(RulesLoad, MissingFileIsAnIoError) {
  Cleaner c;
  const Status s = Cleaner::create({RuleSource::from_file("/no/such/rules.yaml")}, {}, &c);
  EXPECT_EQ(s.code(), ErrorCode::kIo);
  EXPECT_NE(s.message().find("/no/such/rules.yaml"), std::string::npos);
}

TEST(RulesLoad, OverrideReplacesByIdAndDisableRemoves) {
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(
                                  "rules:\n"
                                  "  - {id: share-prompt, category: share, pattern: '^Pass it on$', where: tail}\n"
                                  "disable: [share-follow-us]\n")},
                              {}, &c)
                  .ok());
  bool share = false;
  for (const auto& r : c.rules()) {
    EXPECT_NE(r.id, "share-follow-us");
    if (r.id == "share-prompt") {
      share = true;
      EXPECT_EQ(r.category, "share");
      EXPECT_EQ(r.origin, "<string>:2");
    }
  }
  EXPECT_TRUE(share);
}

TEST(RulesLoad, FailedCreateLeavesTheCleanerUnchanged) {
  Cleaner c;
  const auto before = c.rules().size();
  EXPECT_FALSE(load("rules: [oops").ok());
  EXPECT_FALSE(Cleaner::create({RuleSource::from_string("rules: [oops")}, {}, &c).ok());
  EXPECT_EQ(c.rules().size(), before);
}

TEST(RulesLoad, NoDefaultRules) {
  Options o;
  o.no_default_rules = true;
  Cleaner c;
  ASSERT_TRUE(Cleaner::create({}, o, &c).ok());
  EXPECT_TRUE(c.rules().empty());
  EXPECT_EQ(c.clean("News / Politics\nA story.").text, "News / Politics\nA story.");
}

TEST(RulesLoad, CaptionThresholdOutOfRange) {
  Options o;
  o.caption_threshold = 1.5;
  Cleaner c;
  EXPECT_EQ(Cleaner::create({}, o, &c).code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsclean
