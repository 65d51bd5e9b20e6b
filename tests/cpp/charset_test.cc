// Input decoding (charsets) and the parser's limits: nothing garbled,
// truncated or lost, and every guess named in Result::warnings.
#include <gtest/gtest.h>

#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/decode.h"
#include "core/tuning.h"
#include "html/charset.h"
#include "html/fast_parse.h"
#include "html/flat_text.h"
#include "newsclean/cleaner.h"

namespace newsclean {
namespace {

namespace fs = std::filesystem;
const fs::path kPages = fs::path(NEWSCLEAN_SOURCE_DIR) / "tests/data/charsets";

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// A made-up story (tests/data/charsets/README.md): its headline, and its
// paragraphs one per line.
struct Story {
  std::string title;
  std::string paragraphs;
};

Story story(const std::string& charset) {
  std::istringstream in(read(kPages / (charset + ".txt")));
  Story s;
  std::getline(in, s.title);
  for (std::string line; std::getline(in, line);) s.paragraphs += line + "\n";
  return s;
}

// The story as an HTML page (UTF-8) with `meta` in its head.
std::string page_utf8(const std::string& charset, const std::string& meta) {
  const Story s = story(charset);
  std::string body;
  std::istringstream lines(s.paragraphs);
  for (std::string line; std::getline(lines, line);) body += "<p>" + line + "</p>\n";
  return "<!DOCTYPE html>\n<html><head>" + meta + "<title>" + s.title +
         "</title></head>\n<body><div class=\"article\"><h1>" + s.title + "</h1>\n" + body +
         "</div></body></html>\n";
}

// UTF-8 `utf8` encoded in `charset` (iconv's name).
std::string encode(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(utf8.data());
  std::size_t src_left = utf8.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  const std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<std::size_t>(-1)) << charset;
  out.resize(out.size() - dst_left);
  return out;
}

// Every paragraph of the story is in `text`, whole. (The headline may stay
// or go: that is the cleaner's choice, not the decoder's.)
::testing::AssertionResult has_story(const std::string& text, const std::string& charset) {
  std::istringstream lines(story(charset).paragraphs);
  for (std::string line; std::getline(lines, line);) {
    if (text.find(line) == std::string::npos) {
      return ::testing::AssertionFailure() << charset << ": missing \"" << line << "\" in \""
                                           << text << "\"";
    }
  }
  return ::testing::AssertionSuccess();
}

std::vector<std::string> charset_warnings(const Result& r) {
  std::vector<std::string> out;
  for (const auto& w : r.warnings) {
    if (w.rfind("charset:", 0) == 0 || w.rfind("invalid UTF-8", 0) == 0) out.push_back(w);
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "[" + x + "] ";
  return s;
}

struct Charset {
  const char* name;   // as a page declares it, and the story's file
  const char* iconv;  // to encode the page
  bool latin;         // a Latin script: a wrong Latin-1 declaration cannot be caught
};
constexpr Charset kCharsets[] = {
    {"windows-1251", "WINDOWS-1251", false}, {"gbk", "GBK", false},
    {"shift_jis", "SHIFT_JIS", false},       {"euc-kr", "EUC-KR", false},
    {"iso-8859-2", "ISO-8859-2", true},      {"windows-1256", "WINDOWS-1256", false},
};

Result clean_bytes(const std::string& bytes, std::string_view charset = {}) {
  static const Cleaner cleaner;
  return cleaner.clean(bytes, "https://news.example.com/2024/budget", Format::kHtml, charset);
}

// Each story's page with `meta` (a format with %s for the charset, or none),
// encoded in the charset: every paragraph comes out whole, with one charset
// warning starting with `warning` ("" for none) and holding `detail`.
void check_pages(const std::string& meta, const std::string& warning, const char* detail = "",
                 bool latin_too = true) {
  for (const Charset& cs : kCharsets) {
    if (cs.latin && !latin_too) continue;
    std::string tag = meta;
    if (const std::size_t at = tag.find("%s"); at != std::string::npos) {
      tag.replace(at, 2, cs.name);
    }
    const Result r = clean_bytes(encode(page_utf8(cs.name, tag), cs.iconv));
    EXPECT_TRUE(has_story(r.text, cs.name));
    const auto w = charset_warnings(r);
    if (warning.empty()) {
      EXPECT_TRUE(w.empty()) << cs.name << ": " << joined(r.warnings);
      continue;
    }
    ASSERT_EQ(w.size(), 1u) << cs.name << ": " << joined(r.warnings);
    EXPECT_EQ(w[0].rfind(warning, 0), 0u) << w[0];
    EXPECT_NE(w[0].find(detail), std::string::npos) << w[0];
  }
}

TEST(Charset, DeclaredPagesAreReadInTheirCharsetWithoutWarnings) {
  check_pages("<meta charset=\"%s\">", "");
  check_pages("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">", "");
}

TEST(Charset, UndeclaredPagesAreDetectedAndTheGuessIsNamed) {
  check_pages("", "charset: not declared; detected ");
}

TEST(Charset, PagesWronglyDeclaredUtf8AreDetected) {
  check_pages("<meta charset=\"utf-8\">",
              "charset: declared utf-8 does not fit the bytes; detected ");
}

TEST(Charset, PagesInAnotherScriptThanTheirLatin1DeclarationAreDetected) {
  // "..., but the bytes are X (detected)", or "... does not fit the bytes;
  // detected X" where a byte is undefined in windows-1252.
  check_pages("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
              "charset: declared iso-8859-1", "detected", /*latin_too=*/false);
}

TEST(Charset, DecodedTextIsNeverDecodedAgainFromItsMeta) {
  for (const Charset& cs : kCharsets) {
    // Scrapy's response.text: UTF-8 now, while its <meta> still names cs.
    const std::string page = page_utf8(cs.name, std::string("<meta charset=\"") + cs.name + "\">");
    const Result text = clean_bytes(page, kDecodedText);
    EXPECT_TRUE(has_story(text.text, cs.name));
    EXPECT_TRUE(charset_warnings(text).empty()) << cs.name << ": " << joined(text.warnings);
    // The same bytes as fetched: UTF-8 bytes outvote the declaration, which is named.
    const Result bytes = clean_bytes(page);
    EXPECT_TRUE(has_story(bytes.text, cs.name));
    const auto w = charset_warnings(bytes);
    ASSERT_EQ(w.size(), 1u) << cs.name << ": " << joined(bytes.warnings);
    EXPECT_NE(w[0].find("but the bytes are UTF-8; read as UTF-8"), std::string::npos) << w[0];
  }
}

TEST(Charset, AGivenCharsetIsUsedWhenTheBytesFitIt) {
  const Result given = clean_bytes(encode(page_utf8("windows-1251", ""), "WINDOWS-1251"),
                                   "windows-1251");
  EXPECT_TRUE(has_story(given.text, "windows-1251"));
  EXPECT_TRUE(charset_warnings(given).empty()) << joined(given.warnings);
  // GBK bytes do not fit Shift_JIS everywhere: the given charset is
  // overridden, and that is said.
  const Result wrong = clean_bytes(encode(page_utf8("gbk", ""), "GBK"), "shift_jis");
  EXPECT_TRUE(has_story(wrong.text, "gbk"));
  const auto w = charset_warnings(wrong);
  ASSERT_EQ(w.size(), 1u) << joined(wrong.warnings);
  EXPECT_EQ(w[0].rfind("charset: given shift_jis does not fit the bytes; detected ", 0), 0u)
      << w[0];
}

TEST(Charset, Utf8DeclaringAnotherCharsetKeepsEveryCharacter) {
  const std::string page = "<html><head><meta charset=\"shift_jis\"></head><body><p>" +
                           std::string("日本語のニュース記事です。") + "</p></body></html>";
  const DecodedPage d = decode_page(page, "");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.text(), page);
  ASSERT_EQ(d.warnings.size(), 1u);
}

TEST(Charset, Utf16WithAndWithoutBom) {
  const std::string ascii = "<html><body><p>The council met on Tuesday.</p></body></html>";
  std::string le;
  for (char c : ascii) le += std::string(1, c) + '\0';
  const DecodedPage bom = decode_page("\xFF\xFE" + le, "");
  EXPECT_EQ(bom.text(), ascii);
  EXPECT_TRUE(bom.warnings.empty());
  const DecodedPage bare = decode_page(le, "");
  EXPECT_EQ(bare.text(), ascii);
  ASSERT_EQ(bare.warnings.size(), 1u);
  EXPECT_EQ(bare.warnings[0], "charset: no BOM, detected utf-16le");
}

TEST(Charset, DecodedTextWithInvalidBytesIsRepairedNotReinterpreted) {
  const DecodedPage d = decode_page("<p>caf\xC3\xA9 \xFF</p>", kDecodedText);
  EXPECT_EQ(d.text(), "<p>caf\xC3\xA9 \xEF\xBF\xBD</p>");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0], "invalid UTF-8: 1 ill-formed sequence(s) replaced by U+FFFD");
}

TEST(Charset, DecodedTextLosesOnlyItsUtf8Bom) {
  EXPECT_EQ(decode_page("\xEF\xBB\xBF<p>x</p>", kDecodedText).text(), "<p>x</p>");
  // Not a UTF-16 BOM in UTF-8 text: two ill-formed bytes, each repaired.
  EXPECT_EQ(decode_page("\xFF\xFE<p>x</p>", kDecodedText).text(),
            "\xEF\xBF\xBD\xEF\xBF\xBD<p>x</p>");
}

TEST(Charset, TextInAGivenCharsetIsConverted) {
  const Cleaner cleaner;
  const Result r = cleaner.clean("\xC2\xEE \xE2\xF2\xEE\xF0\xED\xE8\xEA", {}, Format::kText,
                                 "windows-1251");
  EXPECT_EQ(r.text, "Во вторник");
}

TEST(Charset, Conversions) {
  std::string out;
  EXPECT_EQ(to_utf8("\xC2\xEE", "WINDOWS-1251", true, &out), Conversion::kOk);
  EXPECT_EQ(out, "Во");
  EXPECT_EQ(to_utf8("\x81\x20", "CP932", true, &out), Conversion::kUnfit);
  EXPECT_EQ(to_utf8("x", "NO-SUCH-CHARSET", true, &out), Conversion::kUnknown);
  std::size_t replaced = 0;
  EXPECT_EQ(to_utf8("a\x81", "CP932", false, &out, &replaced), Conversion::kUnfit);
  EXPECT_EQ(out, "a\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 1u);
  EXPECT_EQ(canonical_charset("Shift_JIS"), "CP932");
  EXPECT_EQ(canonical_charset(" latin1"), "WINDOWS-1252");
  EXPECT_EQ(canonical_charset("cp1251"), "WINDOWS-1251");
}

// ------------------------------------------------------------------ parser limits

TEST(ParserLimits, HugeTextNodesAreKeptWhole) {
  const std::string story(12'000'000, 'a');
  const Cleaner cleaner;
  const Result r = cleaner.clean("<html><body><p>" + story + ".</p></body></html>", {},
                                 Format::kHtml);
  EXPECT_EQ(r.text.size(), story.size() + 1);
}

TEST(ParserLimits, DeepNestingLosesNothing) {
  // Unclosed <div> and <font>, far past libxml2's default of 256 levels.
  for (const char* tag : {"<div>", "<font size=2>"}) {
    std::string page = "<html><body><p>The council met on Tuesday to agree the budget for next "
                       "year, after four hours of debate.</p>";
    for (int i = 0; i < 5000; ++i) page += tag;
    page += "<p>The mayor said the new budget would buy forty buses and repair twelve "
            "schools by the end of the year.</p></body></html>";
    const Cleaner cleaner;
    const Result r = cleaner.clean(page, {}, Format::kHtml);
    EXPECT_NE(r.text.find("twelve schools"), std::string::npos) << tag << r.text;
  }
}

TEST(ParserLimits, DoctypeInternalSubsetsAreNeverText) {
  const std::string page =
      "<!DOCTYPE html [\n<!ENTITY lol \"lol]>\">\n<!-- a ] comment -->\n"
      "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n<html><body>"
      "<p>The council met on Tuesday to agree the budget for next year, after four hours of "
      "debate &lol;.</p></body></html>";
  const Cleaner cleaner;
  const Result r = cleaner.clean(page, {}, Format::kHtml);
  EXPECT_EQ(r.text.find("ENTITY"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("passwd"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("The council met on Tuesday"), std::string::npos) << r.text;
  std::size_t begin = 0;
  EXPECT_EQ(internal_subset("<!DOCTYPE html><p>[x]</p>", &begin), 0u);
  EXPECT_EQ(internal_subset("<!doctype html [<!ENTITY a \"]\">]><p/>", &begin), 17u);
  EXPECT_EQ(begin, 15u);
}

TEST(ParserLimits, PagesOverTheElementCapAreReadAsTextWithAWarning) {
  std::string page = "<html><body><p>The council met on Tuesday to agree the budget.</p><div>";
  for (std::size_t i = 0; i < tuning::kMaxElements + 10; ++i) page += "<b>x</b>";
  page += "</div><script>var hidden = 1;</script><p>The mayor spoke after the vote.</p>"
          "</body></html>";
  EXPECT_GT(count_start_tags(page), tuning::kMaxElements + 10);
  const Cleaner cleaner;
  const Result r = cleaner.clean(page, {}, Format::kHtml);
  EXPECT_NE(r.text.find("The council met on Tuesday"), std::string::npos);
  EXPECT_NE(r.text.find("The mayor spoke after the vote."), std::string::npos);
  EXPECT_EQ(r.text.find("hidden"), std::string::npos);
  bool warned = false;
  for (const auto& w : r.warnings) warned |= w.find("over the cap of") != std::string::npos;
  EXPECT_TRUE(warned);
}


TEST(LibxmlMessages, RunTimeXPathErrorsAreWarningsNeverStderr) {
  // Loads (it compiles), fails on every page: a union of numbers.
  Cleaner cleaner;
  ASSERT_TRUE(Cleaner::create({RuleSource::from_string(
                                  "rules:\n  - id: bad-type\n    category: advert\n"
                                  "    xpath: '//div[(1 | 2)]'\n")},
                              {}, &cleaner)
                  .ok());
  testing::internal::CaptureStderr();
  const Result r = cleaner.clean(
      "<html><body><div><p>The council met on Tuesday to agree the budget for the coming "
      "year.</p><p>Unknown <blink>tags</blink> and unclosed <i>ones are recovered "
      "silently.</div></body></html>",
      {}, Format::kHtml);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(r.warnings, std::vector<std::string>{"libxml2: Invalid type in //div[(1 | 2)]"});
  EXPECT_NE(r.text.find("The council met on Tuesday"), std::string::npos);
}


TEST(ParserLimits, PagesOverTheElementCapKeepTheirCharsetToo) {
  std::string page = "<html><head><meta charset=\"windows-1251\"></head><body>"
                     "<p>Во вторник городской совет утвердил бюджет.</p><div>";
  for (std::size_t i = 0; i < tuning::kMaxElements + 10; ++i) page += "<b>x</b>";
  page += "</div></body></html>";
  const Cleaner cleaner;
  const Result r = cleaner.clean(page, {}, Format::kHtml, kDecodedText);
  EXPECT_NE(r.text.find("Во вторник городской совет утвердил бюджет."), std::string::npos);
}

TEST(Charset, DeclaredUtf16OrUtf32OverUtf8BytesIsUtf8) {
  for (const char* label : {"utf-16", "utf-32", "UTF-16LE"}) {
    const std::string page = std::string("<meta charset=\"") + label + "\"><p>Città è più</p>";
    const DecodedPage d = decode_page(page, "");
    EXPECT_EQ(d.text(), page) << label;
  }
}


TEST(Charset, SniffReadsDeclarationsNotTheWordCharset) {
  EXPECT_EQ(sniff_charset("<!-- charset -->\n<meta charset=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(sniff_charset("<meta http-equiv=content-type content='text/html; charset=gbk'>"),
            "gbk");
  EXPECT_EQ(sniff_charset("<p>Which charset - that is the question</p>"), "");
}

}  // namespace
}  // namespace newsclean
