// The stages on their own: each on a small tree or a short block list,
// without the rest of the pipeline.
#include <gtest/gtest.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/valid.h>

#include <string>
#include <vector>

#include "core/page_url.h"
#include "core/text.h"
#include "engine/decide.h"
#include "html/blocks.h"
#include "html/charset.h"
#include "html/content.h"
#include "html/fast_parse.h"
#include "html/page_meta.h"
#include "html/scoring.h"
#include "html/selectors.h"
#include "rules/load.h"

namespace newsclean {
namespace {

std::vector<Rule> rules_from(const std::string& yaml) {
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  const Status s = parse_rules(RuleSource::from_string(yaml), &rules, &disable);
  EXPECT_TRUE(s.ok()) << s.message();
  return rules;
}

const char kParagraph[] =
    "The council voted on Tuesday to close the bridge, after engineers found deep cracks in "
    "two of its supports, and said repairs would take most of the winter.";

// A page: a menu of links, the story in a div, a related-links box.
std::string small_page() {
  std::string html =
      "<html><body><ul class=\"menu\"><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">"
      "News</a></li><li><a href=\"/c\">Sport</a></li></ul><div id=\"story\">";
  for (int i = 0; i < 3; ++i) html += std::string("<p>") + kParagraph + "</p>";
  html += "<div class=\"related\"><a href=\"/d\">Another story entirely</a></div></div>"
          "</body></html>";
  return html;
}

xmlNode* body_of(xmlDoc* doc) {
  for (xmlNode* c = xmlDocGetRootElement(doc)->children; c != nullptr; c = c->next) {
    if (is_element(c) && is_tag(c, "body")) return c;
  }
  return nullptr;
}

TEST(Stages, TagIsTheWholeName) {
  EXPECT_TRUE(tag_is("div", "div"));
  EXPECT_FALSE(tag_is("di", "div"));    // a prefix of the name
  EXPECT_FALSE(tag_is("divs", "div"));  // the name a prefix of the tag
  EXPECT_FALSE(tag_is("dvi", "div"));
  EXPECT_FALSE(tag_is("", "a"));
}

TEST(Stages, BlockAndIgnoredTagsByWholeName) {
  for (const char* t : {"div", "h1", "h6", "hr", "figcaption", "thead", "p", "html"}) {
    EXPECT_TRUE(is_block_tag(t)) << t;
  }
  for (const char* t : {"h7", "h1x", "h", "span", "divx", "d", "tablex", "", "script"}) {
    EXPECT_FALSE(is_block_tag(t)) << t;
  }
  for (const char* t : {"script", "style", "noscript", "template", "textarea"}) {
    EXPECT_TRUE(is_ignored_tag(t)) << t;
  }
  for (const char* t : {"scripts", "s", "tbody", "nav"}) EXPECT_FALSE(is_ignored_tag(t)) << t;
}

TEST(Stages, CharsetFromBomDeclarationOrBytes) {
  const DecodedPage bom = decode_page("\xEF\xBB\xBF<p>x</p>", "");
  EXPECT_EQ(bom.charset, "UTF-8");
  EXPECT_EQ(bom.text(), "<p>x</p>");
  const DecodedPage declared =
      decode_page("<meta charset=\"windows-1251\"><p>\xC2\xEE \xE2\xF2\xEE\xF0\xED\xE8\xEA</p>", "");
  EXPECT_EQ(declared.charset, "WINDOWS-1251");
  EXPECT_EQ(declared.text(), "<meta charset=\"windows-1251\"><p>Во вторник</p>");
  EXPECT_TRUE(declared.warnings.empty());
  const DecodedPage latin = decode_page("<p>caf\xE9 cr\xE8me br\xFBl\xE9" "e</p>", "");  // undeclared
  EXPECT_EQ(latin.text(), "<p>café crème brûlée</p>");
  ASSERT_EQ(latin.warnings.size(), 1u);
  EXPECT_EQ(latin.warnings[0].rfind("charset: not declared", 0), 0u) << latin.warnings[0];
}

TEST(Stages, FastParseGivesTheTreeOfThePlainParse) {
  // Long script bodies and attribute values go in as placeholders and come
  // back; attributes nobody reads never reach the tree.
  const std::string script(200, 'x');
  const std::string html = "<html><head><script>var a = '" + script +
                           "';</script></head><body><p class=\"lead paragraph of the story\" "
                           "data-track=\"" + std::string(100, 'y') + "\">" + kParagraph +
                           "</p></body></html>";
  prepare_libxml();
  const AttributeFilter filter;
  DocPtr doc = parse_html(html, filter);
  ASSERT_TRUE(doc);
  xmlNode* body = body_of(doc.get());
  ASSERT_NE(body, nullptr);
  xmlNode* p = body->children;
  ASSERT_TRUE(p != nullptr && is_tag(p, "p"));
  EXPECT_EQ(attr_view(p, Attr::kClass), "lead paragraph of the story");
  EXPECT_EQ(p->properties->next, nullptr);  // data-track was never built
  EXPECT_EQ(text_of(p), kParagraph);
  xmlNode* head_script = xmlDocGetRootElement(doc.get())->children->children;
  EXPECT_EQ(text_of(head_script), "var a = '" + script + "';");
}

// The page as libxml2 serialises its own parse of it.
std::string plain_parse_dump(const std::string& html, xmlDoc* fast) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD |
                      XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC;
  DocPtr plain(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                              options));
  xmlDoc* doc = fast != nullptr ? fast : plain.get();
  xmlChar* out = nullptr;
  int size = 0;
  htmlDocDumpMemory(doc, &out, &size);
  std::string dump(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
  xmlFree(out);
  return dump;
}

TEST(Stages, FastParseGivesTheTextOfThePlainParse) {
  // Long runs of text go in as placeholders too; whatever surrounds them
  // (entities, a stray end tag, a '<' that opens no tag, white space that
  // libxml2 drops, characters it drops), the tree is the plain parse's.
  const std::string run = "the ferry left the harbour at dawn";
  const std::string pages[] = {
      "<p>" + run + "</p><p>" + run + " &amp; " + run + "</p>",
      "<div><p>" + run + "</span> " + run + "</p></div>",
      "<p>" + run + " < " + run + " <3 " + run + "</p>",
      "<html><head><title>" + run + "</title></head>" + run + "<body><p>x</p></body></html>",
      "<ul>\n                    <li>" + run + "</li>\n                </ul><pre>  " + run +
          "\n  </pre>",
      run + "<p>" + run + "</p></html>" + run,
      "<p>" + run + "\xEF\xBF\xBF" + run + "</p><!-- " + run + " -->" + run + "<b>x</b>",
      "<p>" + run + "\x7F" "0\x7F" + run + "</p>",  // the placeholder itself
      "<p>\r\n" + run + "\r\n" + run + "\t</p>",
      // A control character in a run of multi-byte characters.
      "<p>" + run + "\xE2\x80\x94\xC2\x80" + run + "\x01\xC3\xA9" + run + "</p>",
      "<p title=\"" + run + "\xE2\x80\x94\x02\xC3\xA9" + run + "\">x</p>",
      "<script>" + run + "\x02" + run + run + run + "</script><p>" + run + "</p>",
      // Values of every length, repeated and boolean attributes, ids.
      "<div id=\"story-body-main\" class=\"lead-para\" class=\"" + run + "\" role=\"main\">"
          "<a name=\"section-anchor\" href=\"/x\" title=\"" + run + "\">x</a>"
          "<input type=\"checkbox\" checked hidden><select><option selected>x</option></select>"
          "</div>",
      // White space alone between tags: in <body> it goes in as a placeholder; in <head>,
      // after </body> or where the <body> was closed early (here by </head>), where a
      // placeholder would open a <p>, it stays or the page is parsed again.
      "<html>\n<head>\n  <title>x</title>\n</head>\n<body>\n<div>\n  <p>" + run +
          "</p>\n  <span>a</span> <b>b</b>\n  <ul>\n    <li>y</li>\n  </ul>\n</div>\n"
          "<section>\n  <nav> </nav>\n</section>  < 3 \n</body>\n<!-- x -->\n</html>\n ",
      "<html><head><noscript><body></noscript></head>\n<div>\n<p>" + run + "</p>\n</div>",
      "<body><div>" + std::string(1500, ' ') + "<p>" + run + "</p>\t</div></BODY> \n<p>x",
  };
  prepare_libxml();
  AttributeFilter filter;  // (kept on every element, as the plain parse keeps them)
  filter.add_xpath("//*[@title or @type]");
  for (const std::string& html : pages) {
    DocPtr doc = parse_html(html, filter);
    ASSERT_TRUE(doc) << html;
    EXPECT_EQ(plain_parse_dump(html, doc.get()), plain_parse_dump(html, nullptr)) << html;
  }
  // Ids are indexed as the plain parse indexes them (XPath's id()).
  DocPtr doc = parse_html("<div id=\"story-body-main\"><a name=\"section-anchor\">x</a></div>",
                          filter);
  ASSERT_TRUE(doc);
  for (const char* id : {"story-body-main", "section-anchor"}) {
    const xmlAttr* a = xmlGetID(doc.get(), reinterpret_cast<const xmlChar*>(id));
    ASSERT_NE(a, nullptr) << id;
    EXPECT_EQ(a->atype, XML_ATTRIBUTE_ID) << id;
  }
}

TEST(Stages, AttributeFilterKeepsWhatTheStagesAndRulesName) {
  AttributeFilter filter;
  filter.add_xpath("//div[@data-role='x'] | //p[@data-a-name-longer-than-thirty-one-bytes]");
  EXPECT_TRUE(filter.keeps("class"));
  EXPECT_TRUE(filter.keeps("CLASS"));
  EXPECT_FALSE(filter.keeps("clasp"));    // a kept name's length and first letter
  EXPECT_TRUE(filter.keeps("Data-Role"));
  EXPECT_FALSE(filter.keeps("data-rolf"));
  EXPECT_FALSE(filter.keeps("onclick"));
  EXPECT_TRUE(filter.keeps("data-a-name-longer-than-thirty-one-bytes"));
  EXPECT_FALSE(filter.keeps("data-a-name-longer-than-thirty-one-bytez"));
  EXPECT_FALSE(filter.keeps("data-another-name-longer-than-thirty-one"));
  filter.add_xpath("//div[@*]");
  EXPECT_TRUE(filter.keeps("onclick"));
}

TEST(Stages, AttributeFilterKeepsSomeOnlyOnTheElementsThatReadThem) {
  AttributeFilter filter;
  EXPECT_TRUE(filter.keeps("content", "meta"));
  EXPECT_TRUE(filter.keeps("Content", "META"));
  EXPECT_FALSE(filter.keeps("content", "div"));
  EXPECT_TRUE(filter.keeps("alt", "img"));
  EXPECT_FALSE(filter.keeps("title", "a"));
  EXPECT_TRUE(filter.keeps("name", "a"));  // an id to XPath
  EXPECT_TRUE(filter.keeps("class", "span"));
  EXPECT_TRUE(filter.keeps("title"));  // on some element
  filter.add_xpath("//a[@title]");
  EXPECT_TRUE(filter.keeps("title", "a"));
  EXPECT_TRUE(filter.keeps("title", "div"));
  // The parse leaves them out of the tree where they are not kept.
  prepare_libxml();
  const AttributeFilter built_in;
  DocPtr doc = parse_html(
      "<p><a href=\"/next\" title=\"The next story\" rel=\"nofollow\">next</a>"
      "<img alt=\"A ferry at dawn\" title=\"Ferry\" src=\"f.jpg\"></p>",
      built_in);
  ASSERT_TRUE(doc);
  xmlNode* p = body_of(doc.get())->children;
  ASSERT_TRUE(p != nullptr && is_tag(p->children, "a"));
  EXPECT_EQ(attr_view(p->children, Attr::kHref), "/next");
  EXPECT_FALSE(has_attr(p->children, Attr::kTitle));
  EXPECT_FALSE(has_attr(p->children, Attr::kRel));
  EXPECT_EQ(attr_view(p->children->next, Attr::kAlt), "A ferry at dawn");
  EXPECT_EQ(attr_view(p->children->next, Attr::kTitle), "Ferry");
}

TEST(Stages, ScoringAndContentChooseTheStorysContainer) {
  prepare_libxml();
  const std::vector<Rule> rules;
  const HtmlRules html_rules(rules);
  const PageUrl url("https://valley.example/bridge");
  DocPtr doc = parse_html(small_page(), html_rules.attributes);
  PageState st(doc.get(), html_rules, url, false);
  xmlNode* body = body_of(doc.get());
  clear_private(body);
  measure(st, body, Measure::kScores);
  const std::vector<xmlNode*> content = choose_content(st, body);
  ASSERT_EQ(content.size(), 1u);
  EXPECT_EQ(attr_view(content[0], Attr::kId), "story");
  EXPECT_EQ(st.stats(content[0]).para, 3 * std::string(kParagraph).size());
}

TEST(Stages, TextFiguresCountWhiteSpaceRunsAsOneAndCommas) {
  // A text's length counts a run of white space as one byte, and none at
  // its start; runs and commas may cross any byte boundary.
  prepare_libxml();
  const std::vector<Rule> rules;
  const HtmlRules html_rules(rules);
  const PageUrl url;
  const struct {
    std::string text;
    std::size_t length;
    std::size_t commas;
  } cases[] = {
      {"  a,  b\n\n c ", 7, 1},
      {std::string(15, 'x') + "  " + std::string(15, 'y') + ",\t\t\t" + std::string(14, 'z'),
       47, 1},
      {std::string(20, ' ') + "a", 1, 0},
      {std::string(33, ','), 33, 33},
      {std::string(31, 'x') + std::string(18, '\n') + "y\r\n", 34, 0},
  };
  for (const auto& c : cases) {
    DocPtr doc = parse_html("<html><body><p>" + c.text + "</p></body></html>",
                            html_rules.attributes);
    ASSERT_TRUE(doc);
    PageState st(doc.get(), html_rules, url, false);
    xmlNode* body = body_of(doc.get());
    clear_private(body);
    xmlNode* text = body->children->children;
    ASSERT_TRUE(text != nullptr && text->type == XML_TEXT_NODE) << c.text;
    const TextFigures& f = st.text_figures(text);
    EXPECT_EQ(f.length, c.length) << c.text;
    EXPECT_EQ(f.commas, c.commas) << c.text;
  }
}

TEST(Stages, ClassWeightReadsWholeWordsOnceAnElementIsMeasured) {
  prepare_libxml();
  const std::vector<Rule> rules;
  const HtmlRules html_rules(rules);
  const PageUrl url;
  DocPtr doc = parse_html(
      "<html><body><div class='Main-Content x'><p id='share_bar'>A line of text.</p>"
      "<p class='contentment sharer'>More.</p><p class='a-very-long-articlebody-name'>x</p>"
      "</div></body></html>",
      html_rules.attributes);
  PageState st(doc.get(), html_rules, url, false);
  xmlNode* body = body_of(doc.get());
  clear_private(body);
  xmlNode* div = body->children;
  xmlNode* share = div->children;
  xmlNode* near_words = share->next;  // words that only start like story or chrome words
  xmlNode* long_value = near_words->next;
  const ByteClasses bytes;
  EXPECT_GT(class_weight(div, bytes), 0);
  EXPECT_LT(class_weight(share, bytes), 0);
  EXPECT_EQ(class_weight(near_words, bytes), 0);
  EXPECT_GT(class_weight(long_value, bytes), 0);
  EXPECT_EQ(class_weight(st, share), class_weight(share, bytes));  // (not measured yet)
  EXPECT_FALSE(PageState::measured(share));  // and reading it measured nothing
  measure(st, body, Measure::kLengths);
  EXPECT_EQ(class_weight(st, div), class_weight(div, bytes));
  EXPECT_EQ(class_weight(st, share), class_weight(share, bytes));
  st.reset_stats();
  EXPECT_EQ(class_weight(st, div), class_weight(div, bytes));
}

TEST(Stages, TokenShapesLetThroughEveryTokenOfTheRules) {
  const std::vector<Rule> rules = rules_from(
      "rules:\n"
      "  - id: boxes\n    category: related\n    strip_id_or_class: [sidebar, promo]\n");
  const HtmlRules html_rules(rules);
  EXPECT_TRUE(html_rules.may_be_token(7, 's'));   // sidebar
  EXPECT_TRUE(html_rules.may_be_token(5, 'p'));   // promo
  EXPECT_FALSE(html_rules.may_be_token(8, 's'));  // another length
  EXPECT_FALSE(html_rules.may_be_token(5, 'a'));  // another first letter
  EXPECT_FALSE(html_rules.may_be_token(0, 's'));
}

TEST(Stages, HiddenByAnyOfItsAttributesInAnyOrder) {
  prepare_libxml();
  const std::vector<Rule> rules;
  const HtmlRules html_rules(rules);
  DocPtr doc = parse_html(
      "<html><body><p class='a' hidden>1</p><p style='Display: None' id='b'>2</p>"
      "<p role='x' aria-hidden='TRUE'>3</p><p aria-hidden='false' style='color:red'>4</p>"
      "<p title='hidden' class='style'>5</p></body></html>",
      html_rules.attributes);
  std::vector<bool> hidden;
  for (xmlNode* p = body_of(doc.get())->children; p != nullptr; p = p->next) {
    hidden.push_back(is_hidden(p));
  }
  EXPECT_EQ(hidden, std::vector<bool>({true, true, true, false, false}));
}

TEST(Stages, TokensOfAWantedShapeOnly) {
  const ByteClasses bytes;
  std::vector<std::string> all, long_ones;
  for_each_token("Post-share_bar  main", bytes, [&](const std::string& t) { all.push_back(t); });
  for_each_token_if(
      "Post-share_bar  main", bytes,
      [](std::size_t length, char first) { return length >= 4 && first != 'm'; },
      [&](const std::string& t) { long_ones.push_back(t); });
  EXPECT_EQ(all, std::vector<std::string>({"post", "share", "bar", "main"}));
  EXPECT_EQ(long_ones, std::vector<std::string>({"post", "share"}));
}

TEST(Stages, AppendCollapsedMakesEachRunOfWhiteSpaceOneSpace) {
  std::string out;
  append_collapsed(reinterpret_cast<const xmlChar*>(" \t a\f\fb \r\nc\n"), &out);
  EXPECT_EQ(out, "a b c ");
  append_collapsed(reinterpret_cast<const xmlChar*>("  d"), &out);
  EXPECT_EQ(out, "a b c d");  // (no second space after one already there)
  // Long texts, where runs of words and single spaces go in sixteen bytes at
  // a time: runs of white space across and at those bytes' edges.
  const std::string words = "the ferry left the harbour at dawn and came back at dusk";
  const struct {
    std::string text;
    std::string before;  // what `out` held
    std::string collapsed;
  } cases[] = {
      {words + " " + words, "", words + " " + words},
      {words + "\n" + words, "", words + " " + words},
      {std::string(40, ' ') + words, "", words},
      {std::string(40, ' ') + words, "x", "x " + words},
      {" " + words, "x ", "x " + words},
      {std::string(15, 'a') + "  " + std::string(15, 'b') + " \t" + std::string(20, 'c') + " ",
       "", std::string(15, 'a') + " " + std::string(15, 'b') + " " + std::string(20, 'c') + " "},
      {std::string(31, 'a') + " " + std::string(15, 'b') + "\f\f" + std::string(17, ' '), "",
       std::string(31, 'a') + " " + std::string(15, 'b') + " "},
  };
  for (const auto& c : cases) {
    std::string collapsed = c.before;
    append_collapsed(reinterpret_cast<const xmlChar*>(c.text.c_str()), &collapsed);
    EXPECT_EQ(collapsed, c.collapsed) << c.text;
  }
}

TEST(Stages, PruneByPassAndEmitBlocks) {
  prepare_libxml();
  const std::vector<Rule> rules = rules_from(
      "rules:\n"
      "  - id: related\n    category: related\n    strip_id_or_class: [related]\n"
      "  - id: menu\n    category: navigation\n    strip_id_or_class: [menu]\n"
      "    pass: early\n");
  const HtmlRules html_rules(rules);
  const PageUrl url;
  DocPtr doc = parse_html(small_page(), html_rules.attributes);
  PageState st(doc.get(), html_rules, url, false);
  xmlNode* body = body_of(doc.get());
  clear_private(body);
  measure(st, body, Measure::kLengths);
  prune(st, body, Pass::kEarly);  // the menu goes; the related box waits for the content
  std::vector<Block> blocks;
  emit_blocks(st, body, &blocks);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].text, kParagraph);
  EXPECT_EQ(blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(blocks[3].text, "Another story entirely");
  EXPECT_FLOAT_EQ(blocks[3].link_ratio, 1.f);
  prune(st, body, Pass::kContent);
  blocks.clear();
  emit_blocks(st, body, &blocks);
  EXPECT_EQ(blocks.size(), 3u);
}

TEST(Stages, PageMetaTakesTheStoryPartOfTheTitle) {
  EXPECT_EQ(title_without_site("Bridge closes for the winter | Valley News", "Valley News"),
            "Bridge closes for the winter");
  EXPECT_EQ(title_without_site("Valley News - Bridge closes for the winter", "Valley News"),
            "Bridge closes for the winter");
  prepare_libxml();
  DocPtr doc = parse_html(
      "<html lang=\"de\"><head><title>Brücke gesperrt | Talbote</title>"
      "<meta property=\"og:site_name\" content=\"Talbote\"></head><body></body></html>",
      AttributeFilter());
  const PageInfo info = read_page_info(doc.get());
  EXPECT_EQ(info.meta.title, "Brücke gesperrt");
  EXPECT_EQ(info.meta.language, "de");
  EXPECT_FALSE(info.discussion);
}

TEST(Stages, DecideFillsARangeUpToTheStory) {
  const std::vector<Rule> rules = rules_from(
      "rules:\n  - id: more\n    category: related\n    pattern: '^More stories$'\n"
      "    action: drop_rest\n");
  std::vector<Block> blocks;
  for (const char* t : {kParagraph, "More stories", "Bridge closes", "Mayor speaks",
                        "The council will meet again next week to decide how the repairs "
                        "will be paid for and when work can start."}) {
    blocks.push_back(make_block(t));
  }
  const Hits hits({{}, {0}, {}, {}, {}});
  const Regions regions = find_regions(rules, blocks, hits, 6, 12);
  const std::vector<Decision> d = decide(rules, blocks, hits, regions);
  std::vector<bool> kept;
  for (const Decision& x : d) kept.push_back(x.kept());
  EXPECT_EQ(kept, (std::vector<bool>{true, false, false, false, true}));
}

// The head and the tail count the blocks no `anywhere` rule drops, up to
// twice their size: an old page's menu rows around its headline and byline
// leave room for them.
TEST(Stages, RegionsStretchOverWhatAnywhereRulesDrop) {
  const std::vector<Rule> rules = rules_from(
      "rules:\n  - id: menu\n    category: navigation\n    pattern: '^MENU$'\n");
  std::vector<Block> blocks;
  std::vector<std::vector<int>> hit;
  for (const char* t : {"Site", "MENU", "MENU", "Date", "MENU", "Section", "Headline",
                        "By A. Writer", kParagraph, kParagraph, kParagraph, "Related", "Tail",
                        "MENU", "MENU", "MENU"}) {
    blocks.push_back(make_block(t));
    hit.push_back(std::string_view(t) == "MENU" ? std::vector<int>{0} : std::vector<int>{});
  }
  const Hits hits(hit);
  // Of the eight blocks before the story, five count: the byline is in a
  // head of six. The tail's three counted blocks are "Tail", "Related" and
  // the last paragraph, past the menus.
  const Regions wide = find_regions(rules, blocks, hits, 6, 3);
  EXPECT_EQ(wide.head_end, 8u);
  EXPECT_EQ(wide.tail_begin, 10u);
  // Never more than twice the size: a head of two is four blocks, two of
  // them menus; a tail of one is the last two menus.
  const Regions narrow = find_regions(rules, blocks, hits, 2, 1);
  EXPECT_EQ(narrow.head_end, 4u);
  EXPECT_EQ(narrow.tail_begin, 14u);
}

// Rule 0 drops a made-up marker; rule 1 is the neighbours' vote.
TEST(Stages, AmongDroppedOnAPageAlsoTakesTheRunsAroundTheStory) {
  const std::vector<Rule> rules = rules_from(
      "rules:\n  - id: marker\n    category: advert\n    pattern: '^MARKER$'\n"
      "  - id: vote\n    category: navigation\n    feature: among_dropped\n");
  std::vector<Block> blocks;
  for (const char* t : {"Lakeside edition", kParagraph, kParagraph, kParagraph, "Weather",
                        "MARKER", "MARKER", "Sport", "Tuesday"}) {
    blocks.push_back(make_block(t));
  }
  const Hits hits({{1}, {}, {}, {}, {1}, {0}, {0}, {1}, {1}});
  const Regions regions = find_regions(rules, blocks, hits, 6, 12);
  const auto rules_by = [&](bool page) {
    std::vector<Decision> d = decide(rules, blocks, hits, regions);
    drop_among_dropped(rules, blocks, PageUrl(), hits, regions, page, &d);
    std::vector<int> out;
    for (const Decision& x : d) out.push_back(x.kept() ? -1 : x.rule);
    return out;
  };
  // An extractor's output: the run between the marker and the end goes, the
  // line between the story and the marker stays (one vote), so does the
  // first line (the title).
  EXPECT_EQ(rules_by(false), (std::vector<int>{-1, -1, -1, -1, -1, 0, 0, 1, 1}));
  // A whole page: after the story's last prose, next to a dropped line, it
  // goes too.
  EXPECT_EQ(rules_by(true), (std::vector<int>{-1, -1, -1, -1, 1, 0, 0, 1, 1}));
}

}  // namespace
}  // namespace newsclean
