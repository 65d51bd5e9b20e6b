#include "core/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <clocale>
#include <string>
#include <utility>

#include "core/decoration.h"

namespace newsclean {
namespace {

TEST(CountWords, SpacesAndNewlinesSeparateWords) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words("   \n "), 0u);
  EXPECT_EQ(count_words("one"), 1u);
  EXPECT_EQ(count_words(" one"), 1u);
  EXPECT_EQ(count_words("one "), 1u);
  EXPECT_EQ(count_words("one  two\nthree\n\nfour"), 4u);
  EXPECT_EQ(count_words("a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7"), 33u);
  EXPECT_EQ(count_words("tab\tand\fform feed"), 2u);  // only ' ' and '\n' separate
  EXPECT_EQ(count_words("東京 “quoted” Zoë"), 3u);
}

// Long texts are counted in runs: no run's count wraps, none is lost at a
// run's edge.
TEST(CountWords, LongTextsOfShortWords) {
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "a ";
  EXPECT_EQ(count_words(words), 1000u);
  EXPECT_EQ(count_words(" " + words), 1000u);
  std::string runs;
  for (int i = 0; i < 300; ++i) runs += std::string(i % 7 + 1, 'x') + (i % 2 ? " " : "\n ");
  EXPECT_EQ(count_words(runs), 300u);
}

// ASCII letters only: the bytes of other characters stay as they are, even
// in a single-byte locale whose tolower would change them.
TEST(Lower, AsciiLettersOnlyInAnyLocale) {
  const std::string text = "\xC3\x84RGER \xC3\x9C" "BER Stra\xC3\x9F" "e <P CLASS=X>";
  const std::string want = "\xC3\x84rger \xC3\x9C" "ber stra\xC3\x9F" "e <p class=x>";
  EXPECT_EQ(lower(text), want);
  const std::string was = std::setlocale(LC_CTYPE, nullptr);
  for (const char* latin1 : {"de_DE.ISO-8859-1", "de_DE.iso88591", "en_US.ISO-8859-1"}) {
    if (std::setlocale(LC_CTYPE, latin1) != nullptr) break;
  }
  EXPECT_EQ(lower(text), want);
  std::setlocale(LC_CTYPE, was.c_str());
}

TEST(Normalise, OddSpacesBecomeSpacesAndInvisiblesGo) {
  EXPECT_EQ(normalise("a\u00a0b\u2009c\u3000d\te").text, "a b c d e");
  EXPECT_EQ(normalise("zero\u200bwidth\u2060join\u00adsoft").text, "zerowidthjoinsoft");
  EXPECT_EQ(normalise("\xEF\xBB\xBFstart").text, "start");
}

TEST(Normalise, KeepsJoinersThatCarryMeaning) {
  const std::string family = "\U0001F468\u200D\U0001F469";  // ZWJ emoji sequence
  EXPECT_EQ(normalise(family).text, family);
  EXPECT_EQ(normalise("\u0645\u06CC\u200C\u062E").text, "\u0645\u06CC\u200C\u062E");  // ZWNJ
}

TEST(Normalise, LineBreaksOfEveryKindBecomeNewlines) {
  EXPECT_EQ(normalise("a\r\nb\rc\u2028d\u2029e\u0085f").text, "a\nb\nc\nd\ne\nf");
}

TEST(Normalise, IllFormedUtf8IsReplacedAndCounted) {
  const Normalised n = normalise("ok \xC3\x28 \xED\xA0\x80 \xF4\x90\x80\x80 \xC0\xAF end\xE2\x82");
  EXPECT_GE(n.invalid_utf8, 5u);
  EXPECT_EQ(n.text.rfind("ok ", 0), 0u);
  EXPECT_NE(n.text.find("\uFFFD"), std::string::npos);
  EXPECT_EQ(n.text.find('\xC0'), std::string::npos);
}

TEST(Normalise, ControlsAreDroppedAndCounted) {
  const Normalised n = normalise(std::string("a\0b\x01" "c\x7f", 6));
  EXPECT_EQ(n.text, "abc");
  EXPECT_EQ(n.controls, 3u);
}

// Plain ASCII is read eight bytes at a time: a control, a DEL, a CR or a
// multi-byte character is found wherever it falls in a long plain run.
TEST(Normalise, ASpecialByteIsFoundAtEveryOffsetOfALongPlainRun) {
  const std::string run = "The quick brown fox jumps over the lazy dog";
  for (std::size_t at = 0; at <= run.size(); ++at) {
    const std::string head = run.substr(0, at), tail = run.substr(at);
    EXPECT_EQ(normalise(head + '\x01' + tail).text, run) << at;
    EXPECT_EQ(normalise(head + '\x7f' + tail).controls, 1u) << at;
    EXPECT_EQ(normalise(head + "\r\n" + tail).text, head + '\n' + tail) << at;
    EXPECT_EQ(normalise(head + "\u00a0" + tail).text, head + ' ' + tail) << at;
    EXPECT_EQ(normalise(head + "\n\u00e9\n" + tail).text, head + "\n\u00e9\n" + tail) << at;
  }
}

TEST(CountWords, LongTextsCountAsShortOnesDo) {
  std::string text;
  std::size_t words = 0;
  for (int k = 0; k < 200; ++k) {  // runs of every length between words
    text += std::string(static_cast<std::size_t>(k % 7 + 1), 'w') + (k % 3 == 0 ? "\n" : "  ");
    ++words;
  }
  EXPECT_EQ(count_words(text), words);
  EXPECT_EQ(count_words(" " + text), words);
}

TEST(Normalise, ChangesBetweenRunsOutsideAsciiLandInPlace) {
  // Characters that stay are copied a run at a time; each change ends a run.
  EXPECT_EQ(normalise("\u00e9\u00e9\u00a0\u00fc\r\n\u0436\u200b\u0436\u2028\u6771\x01\u4eac\xff\u00e9").text,
            "\u00e9\u00e9 \u00fc\n\u0436\u0436\n\u6771\u4eac\ufffd\u00e9");
  const Normalised n = normalise("\u0436\x02\u0436\xc3");
  EXPECT_EQ(n.text, "\u0436\u0436\ufffd");
  EXPECT_EQ(n.controls, 1u);
  EXPECT_EQ(n.invalid_utf8, 1u);
}

// The characters around the punctuation normalise keeps as it is: the
// spaces, breaks and dropped characters beside it still change, and a
// sequence cut short or broken is still ill-formed.
TEST(Normalise, PunctuationRowsAndBrokenSequencesAtTheirEdges) {
  EXPECT_EQ(normalise("a\u200Ab\u200Bc\u200Cd\u2027e\u2028f\u202Fg\u2030h\u203Fi").text,
            "a bc\u200Cd\u2027e\nf g\u2030h\u203Fi");
  EXPECT_EQ(normalise("\u4e00\ue000\u07ff\u00c0").text, "\u4e00\ue000\u07ff\u00c0");
  const Normalised cut = normalise("ok \xE4\x28\x80 \xEE\x80 \xD0");
  EXPECT_EQ(cut.text, "ok \ufffd(\ufffd \ufffd\ufffd \ufffd");
  EXPECT_EQ(cut.invalid_utf8, 5u);
  // A newline among plain bytes is plain; a control byte beside it is not.
  const Normalised nl = normalise("abcdefg\n\x01hijklmnop\nqrstuvwx\n");
  EXPECT_EQ(nl.text, "abcdefg\nhijklmnop\nqrstuvwx\n");
  EXPECT_EQ(nl.controls, 1u);
}

TEST(Normalise, ValidTextIsByteExact) {
  const std::string s = "Zoë said «ça va» — 東京 “quoted” 24/7 and/or 3 000 km/h.";
  EXPECT_EQ(normalise(s).text, s);
}

TEST(SplitBlocks, BlankAndSingleNewlinesBothSeparateAndEdgesAreTrimmed) {
  const auto blocks = split_blocks("  first  \nsecond\n\n\n third\n   \n");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text, "first");
  EXPECT_EQ(blocks[1].text, "second");
  EXPECT_EQ(blocks[2].text, "third");
  EXPECT_TRUE(split_blocks("").empty());
  EXPECT_TRUE(split_blocks("\n \n").empty());
}

TEST(TextDocument, RunsOfSpacesInALineBecomeOne) {
  // A no-break space beside a space is two spaces once normalised.
  const Document doc = text_document("READ MORE:\u00A0 Floods   hit the valley\nsecond");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, "READ MORE: Floods hit the valley");
}

TEST(TextDocument, TwoSpacesInARowAreFoundAtEveryOffsetOfALongLine) {
  // Two spaces at each offset (in and across the eight-byte words read at
  // once), and lines with single spaces only, which stay as they are.
  for (std::size_t at = 1; at < 40; ++at) {
    std::string line(48, 'x');
    for (std::size_t k = 3; k < line.size(); k += 5) line[k] = ' ';
    const std::string single = line;
    line.replace(at, 2, "  ");
    std::string expected = line;
    expected.erase(std::unique(expected.begin(), expected.end(),
                               [](char a, char b) { return a == ' ' && b == ' '; }),
                   expected.end());
    const Document doc = text_document(line + "\n" + single);
    ASSERT_EQ(doc.blocks.size(), 2u) << at;
    EXPECT_EQ(doc.blocks[0].text, expected) << at;
    EXPECT_EQ(doc.blocks[0].text.find("  "), std::string::npos) << at;
    EXPECT_EQ(doc.blocks[1].text, single) << at;
  }
}

TEST(TextDocument, ATableRowOfOneCellIsReadAsItsCell) {
  // Extractors write a table's row as "| cell | cell |" and a bar inside a
  // cell as "\\|"; a row with text in one cell only (a layout table's
  // column) is read as that cell and printed as written.
  const Document doc = text_document(
      "|  | Home \\| News \\| Sports | |\n"
      "| The council voted on Tuesday to approve the plan after a long debate. |\n"
      "| Name | Age |\n"
      "| | |\n"
      "|\n"
      "Plain | line\n");
  ASSERT_EQ(doc.blocks.size(), 6u);
  EXPECT_EQ(doc.blocks[0].text, "Home | News | Sports");
  EXPECT_EQ(doc.blocks[0].written, "| | Home \\| News \\| Sports | |");  // spaces made one
  EXPECT_EQ(doc.blocks[1].text,
            "The council voted on Tuesday to approve the plan after a long debate.");
  EXPECT_TRUE(doc.blocks[1].prose);
  for (std::size_t i = 2; i < doc.blocks.size(); ++i) {  // two cells, none, no row
    EXPECT_TRUE(doc.blocks[i].written.empty()) << doc.blocks[i].text;
  }
  EXPECT_EQ(doc.blocks[2].text, "| Name | Age |");
  // HTML blocks are never read so: their text is the page's.
  EXPECT_EQ(split_blocks("| Home |")[0].text, "| Home |");
}

TEST(MakeBlock, Features) {
  const Block prose = make_block("The minister said the plan would be published next week.");
  EXPECT_EQ(prose.words, 10u);
  EXPECT_TRUE(prose.ends_sentence);
  EXPECT_TRUE(prose.prose);
  const Block quoted = make_block("“We will keep going until the job is done,” she said.”");
  EXPECT_TRUE(quoted.ends_sentence);
  EXPECT_TRUE(make_block("He asked: “Why now?”").ends_sentence);
  const Block headline = make_block("Council approves budget for new bridge");
  EXPECT_FALSE(headline.ends_sentence);
  EXPECT_FALSE(headline.prose);
  EXPECT_FALSE(make_block("It rained.").prose);  // too short to mark the story
}

TEST(EndsAsSentence, LooksThroughClosingQuotesAndTrailingWhiteSpace) {
  EXPECT_TRUE(ends_as_sentence("The bridge opens in May.\n  \t"));
  EXPECT_TRUE(ends_as_sentence("She asked: \u201cWhy now?\u201d"));
  EXPECT_TRUE(ends_as_sentence("Il a dit \u00abnon\u2026\u00bb)"));
  EXPECT_TRUE(ends_as_sentence("\u4eca\u5929\u4e0b\u96e8\u3002"));
  EXPECT_FALSE(ends_as_sentence("Read the full \"story\""));  // a quote ends no sentence alone
  EXPECT_FALSE(ends_as_sentence("Council approves budget"));
  EXPECT_FALSE(ends_as_sentence(" \n"));
  EXPECT_FALSE(ends_as_sentence(""));
}

// Each text and what undecorated() leaves of it ("" for no decoration).
TEST(Undecorated, StripsMarksBracketsAndHeadingMarksButNotQuotesCodeOrLists) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"\u00bb More news", "More news"},
      {"Read more \u203a", "Read more"},
      {"\u25ba \u25ba Video", "Video"},
      {"Next \u2192", "Next"},
      {"[ Print ]", "Print"},
      {"[\u00bb Print]", "Print"},
      {">> Read more", ""},                    // ASCII arrows stay
      {"More news", ""},                       // nothing to strip
      {"\u00ab Nous partons \u00bb", ""},      // a French quote
      {"\u00bbWir gehen\u00ab", ""},           // a German one
      {"[ LIMIT { count | ALL } ]", ""},       // code's brackets
      {"[1] [2]", ""},
      {"- Item", ""},                          // a list's dash
      {"> quoted", ""},
      {"\u00bb", ""},                          // nothing else
      {"## Most read", "Most read"},           // a Markdown heading
      {"### \u00bb Lo m\u00e1s visto", "Lo m\u00e1s visto"},
      {"# 1", ""},                             // a number, no heading
      {"#hashtag", ""},
      {"####### Seven", ""},
      {"## \u00ab Nous partons \u00bb", "\u00ab Nous partons \u00bb"},  // a quote under it
  };
  // Marks before no words are no heading, however many.
  std::string hashes;
  for (int i = 0; i < 200000; ++i) hashes += "# ";
  EXPECT_EQ(undecorated(hashes + "x"), "");
  for (const auto& [in, out] : cases) EXPECT_EQ(undecorated(in), out) << in;
}

TEST(ListItem, IsTheTextAfterAnAsciiListMarker) {
  EXPECT_EQ(list_item("- 5 min read"), "5 min read");
  EXPECT_EQ(list_item("* Jun 9 "), "Jun 9");
  EXPECT_EQ(list_item("-5 degrees overnight"), "");  // a minus sign, no marker
  EXPECT_EQ(list_item("- "), "");
  EXPECT_EQ(list_item("5 min read"), "");
}

}  // namespace
}  // namespace newsclean
