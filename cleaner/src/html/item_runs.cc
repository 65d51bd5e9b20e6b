#include "html/item_runs.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/tuning.h"

namespace newsclean {

using namespace tuning;

namespace {

// The shape of an element: its tag and first class token without digits
// (a card's number), or, without a class, its tag and its children's tags.
std::string shape(const xmlNode* n) {
  std::string s = name_of(n);
  const std::string_view cls = attr_view(n, Attr::kClass);
  std::size_t i = 0;
  while (i < cls.size() && std::isspace(static_cast<unsigned char>(cls[i]))) ++i;
  if (i < cls.size()) {
    s += '.';
    for (; i < cls.size() && !std::isspace(static_cast<unsigned char>(cls[i])); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(cls[i]))) s += cls[i];
    }
    return s;
  }
  s += ':';
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (is_element(c)) s.append(name_of(c)).push_back(' ');
  }
  return s;
}

// A line of an element's text: its characters other than white space, how
// many of them are inside links to other pages, and whether it is in a
// heading.
struct Line {
  std::size_t chars = 0;
  std::size_t linked = 0;
  bool heading = false;
};

// True if `e` links to another page: not to a place on this one (an
// accordion's title, a table of contents) nor to a script.
bool links_away(const xmlNode* e) {
  if (!is_link(e)) return false;
  const std::string_view href = attr_view(e, Attr::kHref);
  return !href.empty() && href[0] != '#' && href.substr(0, 11) != "javascript:";
}

// The lines of `n`: block elements and <br> end a line. `dated`: it holds a
// <time>. `too_big`: it has more than kItemMaxNodes nodes (not read on).
std::vector<Line> lines_of(xmlNode* n, bool* dated, bool* too_big) {
  std::vector<Line> lines;
  Line cur;
  int in_link = 0;
  std::size_t nodes = 0;
  const auto end = [&] {
    if (cur.chars > 0) lines.push_back(cur);
    cur = Line{};
  };
  walk(
      n,
      [&](xmlNode* e) {
        if (++nodes > kItemMaxNodes) *too_big = true;
        if (*too_big) return false;
        if (e->type == XML_TEXT_NODE && e->content != nullptr) {
          std::size_t k = 0;
          for (const xmlChar* c = e->content; *c != 0; ++c) k += std::isspace(*c) ? 0 : 1;
          cur.chars += k;
          cur.linked += in_link > 0 ? k : 0;
          return false;
        }
        if (!is_element(e)) return false;
        const char* tag = name_of(e);
        if (is_ignored_tag(tag)) return false;
        if (tag_is(tag, "time")) *dated = true;
        if (is_block_tag(tag) || tag_is(tag, "br")) end();
        if (one_of(tag, {"h1", "h2", "h3", "h4", "h5", "h6"})) cur.heading = true;
        if (links_away(e)) ++in_link;
        return true;
      },
      [&](xmlNode* e) {
        // (past the cap nothing is counted: a link not entered is not left)
        if (*too_big || !is_element(e)) return;
        if (links_away(e)) --in_link;
        if (is_block_tag(name_of(e))) end();
      });
  end();
  return lines;
}

// True if `n` reads as an item: not a paragraph or a heading, at most
// kItemMaxChars of text in two lines or more, the first a label of at most
// kItemLabelChars that links to another page or is a heading (its title),
// or beside a date (<time>: a comment's).
bool is_item(PageState& st, xmlNode* n) {
  if (!PageState::measured(n) || st.is_caption(n)) return false;
  if (one_of(name_of(n), {"p", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})) {
    return false;
  }
  const NodeStats& s = st.stats(n);
  if (s.text == 0 || s.text > kItemMaxChars) return false;
  bool dated = false, too_big = false;
  const std::vector<Line> lines = lines_of(n, &dated, &too_big);
  if (too_big || lines.size() < 2 || lines.front().chars > kItemLabelChars) return false;
  return dated || lines.front().heading || lines.front().linked * 2 > lines.front().chars;
}

bool has_text(PageState& st, xmlNode* n) {
  return is_element(n) && PageState::measured(n) && st.stats(n).text > 0;
}

}  // namespace

std::vector<xmlNode*> trailing_items(PageState& st, xmlNode* parent) {
  std::vector<xmlNode*> run;
  std::string first;
  for (xmlNode* c = parent->last; c != nullptr; c = c->prev) {
    if (!is_element(c)) continue;
    if (!has_text(st, c)) continue;
    std::string s = shape(c);
    if (run.empty()) first = std::move(s);
    else if (s != first) break;
    if (!is_item(st, c)) break;
    run.insert(run.begin(), c);
  }
  if (run.size() < kItemRunMin) run.clear();
  return run;
}

namespace {

// Text of `n` in runs of items: its own trailing run and, outside it, the
// runs below its children, at most `depth` levels down.
std::size_t text_in_items(PageState& st, xmlNode* n, std::size_t depth) {
  const std::vector<xmlNode*> run = trailing_items(st, n);
  std::size_t held = 0;
  for (xmlNode* i : run) held += st.stats(i).text;
  if (depth == 0) return held;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (has_text(st, c) && std::find(run.begin(), run.end(), c) == run.end()) {
      held += text_in_items(st, c, depth - 1);
    }
  }
  return held;
}

}  // namespace

bool holds_items(PageState& st, xmlNode* box) {
  if (!PageState::measured(box)) return false;
  const std::size_t text = st.stats(box).text;
  return text > 0 && text_in_items(st, box, kItemBoxMaxDepth) * kItemBoxDen >= text * kItemBoxNum;
}

}  // namespace newsclean
