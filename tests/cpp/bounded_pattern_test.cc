// Patterns matched through narrow and wide bounds of their Unicode classes
// answer as the patterns themselves.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <re2/re2.h>

#include "rules/bounded_pattern.h"
#include "test_rules.h"

namespace newsclean {
namespace {

RE2::Options options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_never_capture(true);
  o.set_log_errors(false);
  o.set_max_mem(int64_t{256} << 20);
  return o;
}

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// Every code point: in the narrow bound only if in RE2's class, and in the
// wide bound if in RE2's class; the same inside a negated bracket class.
TEST(BoundedPattern, EachBoundHoldsOrIsHeldByRe2sClass) {
  for (const std::string name : {"L", "Lu", "Ll", "N"}) {
    for (const std::string& p : {"\\p{" + name + "}", "[^\\p{" + name + "}]"}) {
      const RE2 exact(p, options());
      const RE2 narrow(with_bounded_classes(p, ClassBound::kNarrow), options());
      const RE2 wide(with_bounded_classes(p, ClassBound::kWide), options());
      ASSERT_TRUE(exact.ok() && narrow.ok() && wide.ok()) << p;
      for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c == 0xD800) c = 0xE000;  // no surrogates in UTF-8
        const std::string s = utf8(c);
        const bool n = RE2::FullMatch(s, narrow), e = RE2::FullMatch(s, exact),
                   w = RE2::FullMatch(s, wide);
        EXPECT_TRUE(!n || e) << p << " U+" << std::hex << static_cast<long>(c);
        EXPECT_TRUE(!e || w) << p << " U+" << std::hex << static_cast<long>(c);
      }
    }
  }
}

TEST(BoundedPattern, NarrowBoundsHoldTheAlphabetsOfMostNews) {
  const RE2 letter(with_bounded_classes("^\\p{L}+$", ClassBound::kNarrow), options());
  EXPECT_TRUE(RE2::FullMatch("ZürichŁódźαβγжизнь中文かなカナ한국어עבריתعربي", letter));
  const RE2 upper(with_bounded_classes("^\\p{Lu}+$", ClassBound::kNarrow), options());
  EXPECT_TRUE(RE2::FullMatch("ZÜΩЖ", upper));
  EXPECT_FALSE(RE2::FullMatch("z", upper));
  const RE2 lower(with_bounded_classes("^\\p{Ll}+$", ClassBound::kNarrow), options());
  EXPECT_TRUE(RE2::FullMatch("züωж", lower));
  const RE2 number(with_bounded_classes("^\\p{N}+$", ClassBound::kNarrow), options());
  EXPECT_TRUE(RE2::FullMatch("0123456789½", number));
}

TEST(BoundedPattern, ClassesAreReplacedOnlyWhereReadWhole) {
  EXPECT_EQ(with_bounded_classes("^Follow us$", ClassBound::kNarrow), "");
  EXPECT_EQ(with_bounded_classes("\\P{L}x", ClassBound::kNarrow), "");
  EXPECT_EQ(with_bounded_classes("\\pLx", ClassBound::kNarrow), "");
  EXPECT_EQ(with_bounded_classes("\\Q\\p{L}\\E", ClassBound::kNarrow), "");
  EXPECT_EQ(with_bounded_classes("\\p{Greek}+", ClassBound::kWide), "");
  const std::string wide = with_bounded_classes("[\\]\\p{Lu}-]\\p{Pi}", ClassBound::kWide);
  EXPECT_EQ(wide.substr(0, 6), "[\\]A-Z");
  EXPECT_EQ(wide.substr(wide.size() - 8), "-]\\p{Pi}");
}

TEST(BoundedPattern, AnswersAsThePatternOnLettersOfEveryScript) {
  const BoundedPattern name("^\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){1,2}$", options());
  EXPECT_TRUE(name.partial_match("Jane Roe"));        // both bounds say yes
  EXPECT_TRUE(name.partial_match("Łucja Żak"));       // the pattern decides
  EXPECT_TRUE(name.partial_match("Արամ Սարգսյան"));   // Armenian: the pattern decides
  EXPECT_FALSE(name.partial_match("jane roe"));       // both say no
  EXPECT_FALSE(name.partial_match("Jane Roe Doe Poe"));
  EXPECT_FALSE(name.partial_match("中文 中文"));       // no case: the wide bound says no
  EXPECT_FALSE(name.partial_match("ԱՐԱՄ ՍԱՐԳՍՅԱՆ"));  // the pattern decides
  const BoundedPattern not_letter("(?:^|[^\\p{L}])for sale(?:[^\\p{L}]|$)", options());
  EXPECT_TRUE(not_letter.partial_match("Flat for sale."));
  EXPECT_FALSE(not_letter.partial_match("Flatfor sale"));
  EXPECT_FALSE(not_letter.partial_match("ᚠfor saleᚠ"));  // a Runic letter each side
  EXPECT_TRUE(not_letter.partial_match("₽for sale₽"));
}

// On every example of every built-in rule, each pattern and `unless`
// answers through its bounds as it does itself.
TEST(BoundedPattern, EveryBuiltInPatternAnswersItsExamplesAsItself) {
  for (const Rule& r : built_in_rules()) {
    for (const std::string* p : {&r.pattern, &r.unless}) {
      if (p->empty()) continue;
      const RE2 exact(*p, options());
      const BoundedPattern bounded(*p, options());
      const std::string narrow = with_bounded_classes(*p, ClassBound::kNarrow);
      if (!narrow.empty()) {
        EXPECT_TRUE(RE2(narrow, options()).ok()) << r.id << ": " << narrow;
        EXPECT_TRUE(RE2(with_bounded_classes(*p, ClassBound::kWide), options()).ok()) << r.id;
      }
      for (const auto* list : {&r.hit_examples, &r.miss_examples}) {
        for (const RuleExample& e : *list) {
          EXPECT_EQ(bounded.partial_match(e.text), RE2::PartialMatch(e.text, exact))
              << r.id << ": " << e.text;
        }
      }
    }
  }
}

// What a first candidate hit compiles is the narrow bound (and the wide
// one on a miss): far smaller programs than the patterns. (A pattern with
// no Unicode class has no bounds: it is compiled as it is, and counts on
// neither side.)
TEST(BoundedPattern, BuiltInBoundsAreSmallPrograms) {
  long exact_size = 0, narrow_size = 0;
  for (const Rule& r : built_in_rules()) {
    for (const std::string* p : {&r.pattern, &r.unless}) {
      if (p->empty()) continue;
      const RE2 exact(*p, options());
      for (const ClassBound b : {ClassBound::kNarrow, ClassBound::kWide}) {
        const std::string bounded = with_bounded_classes(*p, b);
        const int size = bounded.empty() ? exact.ProgramSize() : RE2(bounded, options()).ProgramSize();
        EXPECT_LE(size, 20000) << r.id << ": " << bounded;
        if (b == ClassBound::kNarrow && !bounded.empty()) {
          narrow_size += size;
          exact_size += exact.ProgramSize();
        }
      }
    }
  }
  EXPECT_LT(narrow_size, exact_size / 5);
}

}  // namespace
}  // namespace newsclean
