// Every removal recorded: nothing of a page's visible text is lost between
// Result::text, Result::removed and the title, section and captions.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "html/blocks.h"
#include "html/charset.h"
#include "html/fast_parse.h"
#include "core/text.h"
#include "html/selectors.h"
#include "newsclean/cleaner.h"

namespace fs = std::filesystem;
using namespace newsclean;

namespace {

const fs::path kSource = NEWSCLEAN_SOURCE_DIR;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

using Bag = std::map<std::string, int>;  // words (or characters) and how often

void add_words(const std::string& s, Bag* bag) {
  std::istringstream in(s);
  std::string w;
  while (in >> w) ++(*bag)[w];
}

void add_chars(const std::string& s, Bag* bag) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    if (s[i] != ' ' && s[i] != '\n') ++(*bag)[s.substr(i, n)];
    i += n;
  }
}

// The page's visible text as the extractor sees it: the blocks of all of
// <body>, nothing pruned and no content chosen.
std::string visible_text(const std::string& html) {
  prepare_libxml();
  const std::vector<Rule> no_rules;
  const HtmlRules rules(no_rules);
  const PageUrl url;
  const DecodedPage page = decode_page(html, kDecodedText);
  DocPtr doc = parse_html(page.text(), rules.attributes);
  if (!doc) return {};
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return {};
  xmlNode* body = root;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (is_element(c) && is_tag(c, "body")) body = c;
  }
  PageState st(doc.get(), rules, url, false);
  clear_private(body);
  std::vector<Block> blocks;
  emit_blocks(st, body, &blocks);
  std::string out;
  for (const Block& b : blocks) out += b.text + "\n";
  return out;
}

// Everything the Result accounts for.
std::string accounted_text(const Result& r) {
  std::string out = r.text + "\n" + r.title + "\n";
  for (const auto& s : r.section) out += s + "\n";
  for (const auto& c : r.captions) out += c.text + "\n";
  for (const auto& x : r.removed) out += x.text + "\n";
  return out;
}

// How many of `want`'s items `have` lacks.
int missing(const Bag& want, const Bag& have) {
  int n = 0;
  for (const auto& [item, count] : want) {
    const auto it = have.find(item);
    n += std::max(0, count - (it == have.end() ? 0 : it->second));
  }
  return n;
}

int total(const Bag& b) {
  int n = 0;
  for (const auto& [item, count] : b) n += count;
  return n;
}

Cleaner uncut_cleaner() {
  Options o;
  o.removed_text_chars = 0;
  Cleaner c;
  EXPECT_TRUE(Cleaner::create({}, o, &c).ok());
  return c;
}

// The checks on one page; `exact`: every visible word whole (a page whose
// elements never split a word), else words an element boundary splits in
// two ("4<sup>th</sup>") may be missing, up to 1 in 100.
void check_page(const std::string& html, const std::string& name, bool exact) {
  SCOPED_TRACE(name);
  const Result uncut = uncut_cleaner().clean(html, "", Format::kHtml, kDecodedText);
  const std::string visible = visible_text(html);
  Bag want_chars, have_chars, want_words, have_words;
  add_chars(visible, &want_chars);
  add_chars(accounted_text(uncut), &have_chars);
  // Not a character of the visible text is lost.
  EXPECT_EQ(missing(want_chars, have_chars), 0);
  add_words(visible, &want_words);
  add_words(accounted_text(uncut), &have_words);
  const int lost = missing(want_words, have_words);
  if (exact) {
    EXPECT_EQ(lost, 0);
  } else {
    EXPECT_LE(lost * 100, total(want_words)) << lost << " of " << total(want_words);
  }
  // Each removal's words count its text; the kept text and the removals
  // together hold at least the page's words.
  std::size_t words = 0;
  for (const Removal& x : uncut.removed) {
    Bag w;
    add_words(x.text, &w);
    EXPECT_EQ(static_cast<int>(x.words), total(w)) << x.text;
    EXPECT_GT(x.words, 0u);
    words += x.words;
  }
  Bag kept;
  add_words(uncut.text, &kept);
  // (the title and captions may be counted again in removals: >= only)
  Bag meta;
  add_words(uncut.title, &meta);
  for (const auto& s : uncut.section) add_words(s, &meta);
  for (const auto& c : uncut.captions) add_words(c.text, &meta);
  EXPECT_GE(static_cast<int>(words) + total(kept) + total(meta) + lost, total(want_words));
  // With the default cut, the same removals and words; the texts shorter.
  const Result cut = Cleaner().clean(html, "", Format::kHtml, kDecodedText);
  ASSERT_EQ(cut.removed.size(), uncut.removed.size());
  EXPECT_EQ(cut.text, uncut.text);
  for (std::size_t k = 0; k < cut.removed.size(); ++k) {
    const Removal& a = cut.removed[k];
    const Removal& b = uncut.removed[k];
    EXPECT_EQ(a.words, b.words);
    EXPECT_EQ(a.rule, b.rule);
    EXPECT_EQ(a.path, b.path);
    EXPECT_LE(a.text.size(), Options().removed_text_chars * 4 + 3);
    if (a.text != b.text) {
      EXPECT_EQ(a.text.substr(0, a.text.size() - 3), b.text.substr(0, a.text.size() - 3));
      EXPECT_EQ(a.text.substr(a.text.size() - 3), "\u2026");
    }
  }
  EXPECT_EQ(cut.stats.removed, cut.removed.size());
  std::size_t by_category = 0;
  for (const auto& [category, count] : cut.stats.removed_by_category) by_category += count;
  EXPECT_EQ(by_category, cut.removed.size());
}

// A few lines of a gzipped JSONL file of pages.
std::vector<std::string> pages_from(const fs::path& path, std::size_t every, std::size_t most) {
  std::vector<std::string> out;
  gzFile f = gzopen(path.string().c_str(), "rb");
  if (f == nullptr) return out;
  std::string line;
  char buf[1 << 16];
  std::size_t n = 0;
  while (out.size() < most && gzgets(f, buf, sizeof buf) != nullptr) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    if (n++ % every == 0) {
      const auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("html")) out.push_back(j["html"].get<std::string>());
    }
    line.clear();
  }
  gzclose(f);
  return out;
}

}  // namespace

TEST(Removals, EveryWordOfTheTestPagesIsAccountedFor) {
  for (const auto& e : fs::directory_iterator(kSource / "tests/data/pages")) {
    if (e.path().extension() == ".html") {
      check_page(read_file(e.path()), e.path().filename().string(), /*exact=*/true);
    }
  }
}

// Real pages, as input to the invariant only (skipped without ../shared).
TEST(Removals, EveryWordOfSomeEvaluationPagesIsAccountedFor) {
  const fs::path eval = kSource.parent_path() / "shared" / "eval";
  std::vector<std::string> pages = pages_from(eval / "scrapinghub.jsonl.gz", 30, 6);
  for (std::string& p : pages_from(eval / "wcxb-dev.jsonl.gz", 50, 6)) pages.push_back(p);
  if (pages.empty()) GTEST_SKIP() << "no evaluation pages at " << eval;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    check_page(pages[k], "evaluation page " + std::to_string(k), /*exact=*/false);
  }
}

TEST(Removals, AnElementStrippedByARuleSaysWhichRuleWhereAndHowManyWords) {
  const Result r = Cleaner().clean(read_file(kSource / "tests/data/pages/harbour_story.html"),
                                   "", Format::kHtml);
  const Removal* advert = nullptr;
  const Removal* outside = nullptr;
  for (const Removal& x : r.removed) {
    if (x.category == "advert") advert = &x;
    if (x.rule == "outside-content") outside = &x;
    // Script, style and the like are never listed.
    EXPECT_EQ(x.text.find("dataLayer"), std::string::npos);
    EXPECT_EQ(x.text.find("font-family"), std::string::npos);
  }
  ASSERT_NE(advert, nullptr);
  EXPECT_EQ(advert->stage, "html");
  EXPECT_EQ(advert->path.substr(advert->path.rfind('/') + 1), "div[1].ad-slot");
  EXPECT_EQ(advert->path.substr(0, 5), "body/");
  EXPECT_EQ(advert->words, 16u);  // "Advertisement" and the offer's 15 words
  ASSERT_NE(outside, nullptr);
  EXPECT_EQ(outside->category, "extractor");
  // In reading order: the advert stood between the second and third
  // paragraphs of the story (blocks are the kept ones and the stage "text"
  // removals).
  std::size_t removed_blocks = 0;
  for (const Removal& x : r.removed) removed_blocks += x.stage == "text" && x.index < advert->index;
  const std::size_t kept_before = advert->index - removed_blocks;
  ASSERT_GE(r.stats.kept, 3u);
  std::istringstream lines(r.text);
  std::string line;
  for (std::size_t k = 0; k <= kept_before; ++k) std::getline(lines, line);
  EXPECT_EQ(line.substr(0, 28), "\"We have repaired this wall ");
  // Removals are listed in reading order: by the block they stood before.
  for (std::size_t k = 1; k < r.removed.size(); ++k) {
    EXPECT_LE(r.removed[k - 1].index, r.removed[k].index);
  }
}

// What the HTML stages make of a text node: ASCII white space made spaces,
// then normalised.
std::size_t words_of(const std::string& s) {
  std::string collapsed = s;
  for (char& c : collapsed) {
    if (c == '\n' || c == '\t' || c == '\r' || c == '\f') c = ' ';
  }
  return count_words(normalise(collapsed).text);
}

TEST(Removals, WordsCountedPieceByPieceAreTheWordsOfTheNormalisedText) {
  const std::vector<std::string> pieces = {
      "plain words here", "  lead and trail  ", "no\u00A0break\u2003em space",
      "zero\u200Bwidth soft\u00ADhyphen", "ctrl\x01joined \x01 alone", "cr\r\nlf\x0b!",
      "bad \xff bytes\xc3", "line\u2028sep next\u0085el", "\u200B", "", "\tx\fy"};
  WordCounter pieces_apart;
  std::string whole;
  for (const std::string& p : pieces) {
    WordCounter one;
    one.add(p);
    EXPECT_EQ(one.words(), words_of(p)) << p;
    pieces_apart.add(p);
    whole += p;
  }
  // Pieces that follow each other count as the text they make.
  EXPECT_EQ(pieces_apart.words(), words_of(whole));
}
