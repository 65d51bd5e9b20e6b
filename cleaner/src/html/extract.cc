#include "html/extract.h"

#include <algorithm>

#include "core/text.h"
#include "core/tuning.h"
#include "html/blocks.h"
#include "html/charset.h"
#include "html/content.h"
#include "html/content_climb.h"
#include "html/flat_text.h"
#include "html/image_texts.h"
#include "html/native_parse.h"
#include "html/page_kind.h"
#include "html/page_meta.h"
#include "html/page_state.h"
#include "html/removals.h"
#include "html/scoring.h"
#include "html/selectors.h"
#include "html/tail_boxes.h"
#include "html/tail_links.h"

namespace newsclean {
namespace {

xmlNode* find_body(xmlNode* root) {
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (is_element(c) && is_tag(c, "body")) return c;
  }
  return root;
}

// Prunes inside each content element and emits its blocks.
void emit_content(PageState& st, const std::vector<xmlNode*>& content, std::vector<Block>* out,
                  std::vector<ContentSpan>* spans) {
  for (xmlNode* n : content) {
    if (PageState::measured(n)) st.content_prose += st.stats(n).prose;
    prune(st, n, Pass::kContent);
    trim_tail(st, n);
    const std::size_t begin = out->size();
    const std::size_t placed = st.placed.size();
    emit_blocks(st, n, out);
    spans->push_back({n, begin, out->size(), placed, st.placed.size()});
  }
}

// The smallest element holding all of `content` and kWidenHoldNum/
// kWidenHoldDen of the page's text outside links (<body> at most).
xmlNode* widened(PageState& st, const std::vector<xmlNode*>& content, xmlNode* body) {
  const auto shown = [&](xmlNode* n) {
    const NodeStats& ns = st.stats(n);
    return ns.text - std::min(ns.links, ns.text);
  };
  const std::size_t all = shown(body);
  xmlNode* a = content.front();
  const auto holds_all = [&] {
    return std::all_of(content.begin(), content.end(), [&](xmlNode* c) { return contains(a, c); });
  };
  while (a != body && a->parent != nullptr && is_element(a->parent) &&
         (shown(a) * tuning::kWidenHoldDen < all * tuning::kWidenHoldNum || !holds_all())) {
    a = a->parent;
  }
  return a;
}

// True if the content is <body> or holds it: the whole page.
bool whole_page(const std::vector<xmlNode*>& content, xmlNode* body) {
  for (xmlNode* n : content) {
    for (xmlNode* p = body; p != nullptr; p = p->parent) {
      if (p == n) return true;
    }
  }
  return false;
}

// The content's blocks of a parsed page, and what of the page is not in
// them.
void extract_content(PageState& st, std::vector<Block>* out, std::vector<ElementRemoval>* removed,
                     std::vector<ImageText>* image_texts, std::size_t max_bytes) {
  xmlNode* root = xmlDocGetRootElement(st.doc);
  if (root == nullptr) return;
  clear_private(root);
  xmlNode* body = find_body(root);
  // Lengths first: what the early pass may strip depends on them, and a
  // page drawn by scripts shows its text only in <noscript>.
  measure(st, body, Measure::kLengths);
  if (reveal_noscript(st, body)) {
    st.reset_stats();
    measure(st, body, Measure::kLengths);
  }
  prune(st, body, Pass::kEarly);
  st.reset_stats();
  measure(st, body, Measure::kScores);
  std::vector<xmlNode*> content = choose_content(st, body);
  if (st.widen && !content.empty()) content = {widened(st, content, body)};
  // The page's claim, checked against what was chosen (page_kind.h).
  const ContentShape shape = content_shape(st, content);
  st.kind = checked_kind(st.kind, st.url, shape);
  st.content_is_story = story_shaped(shape);
  std::vector<ContentSpan> spans;
  emit_content(st, content, out, &spans);
  // A winner that the class/id rules strip to nothing was site chrome (a
  // menu drawer, a promotion bar): without it, choose once more.
  if (out->empty() && !content.empty() && !whole_page(content, body)) {
    for (xmlNode* n : content) {
      // (a pruned one is out already)
      if (n->parent != nullptr) st.remove(n, -1, kOutsideContent);
    }
    for (Removed& r : st.removals) r.index = Removed::kUnplaced;  // placed again below
    st.placed.clear();
    st.image_blocks.clear();
    st.reset_stats();
    st.candidates.clear();
    st.content_prose = st.token_prose = 0;  // (they are about the content emitted)
    measure(st, body, Measure::kScores);
    spans.clear();
    emit_content(st, choose_content(st, body), out, &spans);
  }
  *removed = collect_removals(st, body, spans, max_bytes);
  *image_texts = find_image_texts(st, body, spans, *out);
}

// Headings at the end of a story (an article's, a thread's) head nothing
// of it: the list or box they opened (other stories, a column's archive,
// contacts) was left out or stripped. They go, as outside the story, unless
// nothing else is left; one that ends a sentence is the story's last line.
// On a product or listing page a trailing heading names a section whose
// cards come later: it stays. A page of unknown kind is a story when
// kStoryMinProse prose blocks hold half its text.
void drop_trailing_headings(Document* out) {
  std::vector<Block>& blocks = out->blocks;
  if (out->kind != PageKind::kArticle && out->kind != PageKind::kForum) {
    if (out->kind != PageKind::kUnknown) return;
    std::size_t prose = 0, prose_chars = 0, chars = 0;
    for (const Block& b : blocks) {
      chars += b.text.size();
      if (b.prose) {
        ++prose;
        prose_chars += b.text.size();
      }
    }
    if (prose < tuning::kStoryMinProse || prose_chars * 2 < chars) return;
  }
  const bool other = std::any_of(blocks.begin(), blocks.end(),
                                 [](const Block& b) { return b.kind != BlockKind::kHeading; });
  if (!other) return;
  std::vector<bool> drop(blocks.size(), false);
  for (std::size_t k = blocks.size();
       k > 0 && blocks[k - 1].kind == BlockKind::kHeading && !blocks[k - 1].ends_sentence; --k) {
    drop[k - 1] = true;
  }
  drop_blocks(out, drop);
}

// Characters of the blocks' text.
std::size_t shown_chars(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const Block& b : blocks) n += b.text.size();
  return n;
}

// The page's JSON-LD articleBody replaces the blocks: those become
// removals, in place among the others.
void take_json_ld_body(const std::string& article_body, Document* out) {
  std::vector<ElementRemoval> removed;
  std::size_t next = 0;
  for (std::size_t i = 0; i < out->blocks.size(); ++i) {
    for (; next < out->removed.size() && out->removed[next].index <= i; ++next) {
      removed.push_back(std::move(out->removed[next]));
    }
    const Block& b = out->blocks[i];
    ElementRemoval e;
    e.text = b.text;
    e.words = b.words;
    e.reason = kJsonLdBody;
    removed.push_back(std::move(e));
  }
  for (; next < out->removed.size(); ++next) removed.push_back(std::move(out->removed[next]));
  for (ElementRemoval& e : removed) e.index = 0;
  out->removed = std::move(removed);
  out->blocks = split_blocks(normalise(article_body).text);
  for (ImageText& t : out->image_texts) t.index = t.first_block = t.end_block = 0;
}

}  // namespace

Document extract_html(std::string_view bytes, const PageUrl& url, const HtmlRules& rules,
                      std::string_view charset, std::size_t removed_text_chars) {
  // Enough bytes for the characters (4 a character at most) and the "…".
  const std::size_t max_bytes = removed_text_chars == 0 ? static_cast<std::size_t>(-1)
                                                        : removed_text_chars * 4 + 8;
  Document out;
  out.html = true;
  prepare_libxml();
  DecodedPage page = decode_page(bytes, charset);
  out.warnings = std::move(page.warnings);
  const std::string_view input = page.text();
  if (const std::size_t tags = count_start_tags(input); tags > tuning::kMaxElements) {
    // Too many elements for a tree: the text, without its markup.
    out.blocks = split_blocks(normalise(flat_text(input)).text);
    out.warnings.push_back("HTML has " + std::to_string(tags) + " elements, over the cap of " +
                           std::to_string(tuning::kMaxElements) +
                           ": read as text, without its structure");
    return out;
  }
  const XmlArena arena;  // the tree and everything libxml2 allocates for it
  DocPtr doc = parse_page(input, rules.attributes);
  if (!doc) {
    out.warnings.push_back("HTML could not be parsed");
    return out;
  }
  PageInfo info = read_page_info(doc.get());
  if (!rules.meta.empty()) read_rule_meta(doc.get(), rules, url, &info.meta);
  // A page that does not say what it is, at a forum's address, is a thread.
  if (info.kind == PageKind::kUnknown && is_forum_url(url.url)) info.kind = PageKind::kForum;
  out.discussion = info.discussion;
  out.kind = info.kind;
  bool tokens_stripped = false;  // class/id rules took something out
  bool story_stripped = false;   // ... and most of the chosen content's prose
  bool may_widen = false;        // neither a site's body rule nor a story chose it
  {
    PageState st(doc.get(), rules, url, info.discussion, info.kind, info.declared_title);
    extract_content(st, &out.blocks, &out.removed, &out.image_texts, max_bytes);
    tokens_stripped = st.tokens_stripped;
    may_widen = st.body_rule == nullptr && !st.content_is_story;
    out.kind = st.kind;
    story_stripped = st.token_prose * tuning::kStrippedProseDen >=
                     st.content_prose * tuning::kStrippedProseNum && st.token_prose > 0;
  }
  const bool reread = (out.blocks.empty() && tokens_stripped) || story_stripped;
  if (reread) {
    // Class and id names stripped all of the content, or most of its prose
    // (a wrapper named like a menu or a teaser box, sections named after the
    // ads between them): the page is read once more, with only its structure
    // (tags, roles, hidden, XPath rules) trusted.
    out.blocks.clear();
    out.removed.clear();
    out.image_texts.clear();
    doc = parse_page(input, rules.attributes);
    if (doc) {
      PageState st(doc.get(), rules, url, info.discussion, info.kind, info.declared_title);
      st.trust_tokens = false;
      extract_content(st, &out.blocks, &out.removed, &out.image_texts, max_bytes);
      out.kind = st.kind;
    }
  }
  const bool story_page = out.kind == PageKind::kArticle || out.kind == PageKind::kForum ||
                          (out.kind == PageKind::kUnknown && story_address(url));
  if (!reread && may_widen && !story_page && shown_chars(out.blocks) < tuning::kWidenChars) {
    // Next to nothing shown of a page that is not a story (see
    // kWidenChars): read it again with its content widened.
    DocPtr again = parse_page(input, rules.attributes);
    if (again) {
      PageState st(again.get(), rules, url, info.discussion, info.kind, info.declared_title);
      st.widen = true;
      Document wide;
      extract_content(st, &wide.blocks, &wide.removed, &wide.image_texts, max_bytes);
      if (shown_chars(wide.blocks) > shown_chars(out.blocks)) {
        out.blocks = std::move(wide.blocks);
        out.removed = std::move(wide.removed);
        out.image_texts = std::move(wide.image_texts);
        out.kind = st.kind;
      }
    }
  }
  // A second look at a story's end, block by block (tail_links.h).
  drop_blocks(&out, tail_links(out.blocks, out.kind));
  drop_blocks(&out, teaser_runs(out.blocks, out.kind));
  drop_trailing_headings(&out);
  out.meta = std::move(info.meta);
  for (std::string& m : take_libxml_messages()) out.warnings.push_back(std::move(m));
  // Cross-check with the page's JSON-LD articleBody: when the page says its
  // story is several times longer than what the markup gave (content drawn
  // by scripts), the page's own words are the better source.
  const std::size_t extracted = shown_chars(out.blocks);
  if (info.article_body.size() >= tuning::kJsonLdMinBody &&
      extracted * tuning::kJsonLdBodyRatio < info.article_body.size()) {
    take_json_ld_body(info.article_body, &out);
    out.warnings.push_back("content taken from the page's JSON-LD articleBody");
  }
  return out;
}

}  // namespace newsclean
