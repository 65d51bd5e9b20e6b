#include "html/blocks.h"

#include <algorithm>
#include <cstring>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.h"
#include "core/tuning.h"

namespace newsclean {

namespace {

// The host without a leading "www." (or "m.").
std::string_view site_of(std::string_view host) {
  for (std::string_view p : {"www.", "m."}) {
    if (host.substr(0, p.size()) == p) return host.substr(p.size());
  }
  return host;
}

// True if `href` is an absolute link to another host than the page's.
bool to_other_site(std::string_view href, const PageUrl& url) {
  href = trim_spaces(href);
  // (a page "URL" that is not one, without a scheme, has no host to compare)
  if (url.host.empty() || url.url.find("://") == std::string::npos ||
      (href.find("://") == std::string_view::npos && href.substr(0, 2) != "//")) {
    return false;
  }
  const std::string host =
      href.substr(0, 2) == "//" ? host_of("http:" + std::string(href)) : host_of(href);
  return !host.empty() && site_of(host) != site_of(url.host);
}

}  // namespace

void emit_blocks(PageState& st, xmlNode* root, std::vector<Block>* blocks) {
  std::string buf;
  std::size_t link_chars = 0;
  std::size_t away_chars = 0;  // of link_chars, in links to other sites
  int in_link = 0;
  int in_away = 0;
  int in_bold = 0;                   // open <b> and <strong>
  std::size_t bold_chars = 0;        // of buf, inside them
  bool lead_link = false;            // buf's first text is inside a link
  std::vector<bool> away;            // each open <a>: to another site or a heading's anchor?
  BlockKind kind = BlockKind::kParagraph;
  std::uint8_t level = 0;            // of the heading being read
  std::vector<std::pair<BlockKind, std::uint8_t>> kinds;
  std::vector<bool> ordered_lists;   // the lists the walk is inside: <ol>?
  bool row_start = false;            // a <tr> began and has no cell yet
  std::uint32_t boxes = 0;           // cards numbered so far
  std::uint32_t box = 0;             // the card being read, or 0
  xmlNode* box_node = nullptr;       // its element
  const auto flush = [&] {
    const Normalised norm = normalise(buf);
    const std::string_view t = trim_spaces(norm.text);
    if (!t.empty()) {
      Block block = make_block(std::string(t));
      block.kind = kind;
      block.level = level;
      block.ordered = kind == BlockKind::kListItem && !ordered_lists.empty() &&
                      ordered_lists.back();
      block.bold = bold_chars >= t.size();
      block.lead_link = lead_link;
      block.box = box;
      if (kind == BlockKind::kCell) {
        block.row_start = row_start;
        row_start = false;
      }
      block.link_ratio = buf.empty() ? 0.f
                                     : std::min(1.f, static_cast<float>(link_chars) /
                                                         static_cast<float>(buf.size()));
      const std::size_t site_chars = link_chars - std::min(away_chars, link_chars);
      block.site_link_ratio = buf.empty() ? 0.f
                                          : std::min(1.f, static_cast<float>(site_chars) /
                                                              static_cast<float>(buf.size()));
      blocks->push_back(std::move(block));
    }
    buf.clear();
    link_chars = 0;
    away_chars = 0;
    bold_chars = 0;
    lead_link = false;
  };
  walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          const std::size_t before = buf.size();
          const bool empty = trim_spaces(buf).empty();
          // (after a space or at the start a text's own leading space goes)
          append_collapsed(n->content, &buf);
          if (empty && !trim_spaces(buf).empty()) lead_link = in_link > 0;
          if (in_link > 0) link_chars += buf.size() - before;
          if (in_away > 0) away_chars += buf.size() - before;
          if (in_bold > 0) bold_chars += buf.size() - before;
          return false;
        }
        if (!is_element(n)) {
          // A removal inside the content stood before the block under way.
          const std::size_t k = st.removal_index(n);
          if (k < st.removals.size()) {
            Removed& removed = st.removals[k];
            if (removed.index == Removed::kUnplaced) removed.index = blocks->size();
            st.placed.push_back(k);
          }
          return false;
        }
        const char* tag = name_of(n);
        if (tag_is(tag, "br")) {
          flush();
          return false;
        }
        if (is_ignored_tag(tag)) return false;
        if (tag_is(tag, "img")) st.image_blocks.emplace(n, blocks->size());
        const auto caption = st.captions.empty() ? st.captions.end() : st.captions.find(n);
        if (caption != st.captions.end()) {
          flush();
          const Normalised norm = normalise(text_of(n));
          const std::string_view t = trim_spaces(norm.text);
          if (!t.empty()) {
            Block block = make_block(std::string(t));
            block.decided_by = caption->second;
            blocks->push_back(std::move(block));
          }
          return false;
        }
        if (one_of(tag, {"b", "strong"})) ++in_bold;
        if (box_node == nullptr && is_block_tag(tag) && PageState::measured(n) &&
            st.stats(n).text <= tuning::kItemMaxChars) {
          flush();
          box_node = n;
          box = ++boxes;
        }
        if (tag_is(tag, "a")) {
          ++in_link;
          // A heading's link to a place on its own page (href="#...", the
          // anchor documentation pages put on each heading) leads to no
          // other page: it counts as a link away, not to the site.
          const std::string_view href = trim_spaces(attr_view(n, Attr::kHref));
          const bool own_anchor = kind == BlockKind::kHeading && href.substr(0, 1) == "#";
          away.push_back(own_anchor || to_other_site(href, st.url));
          if (away.back()) ++in_away;
        }
        if (is_block_tag(tag)) {
          flush();
          kinds.emplace_back(kind, level);
          kind = kind_of(tag);
          level = kind == BlockKind::kHeading ? static_cast<std::uint8_t>(tag[1] - '0') : 0;
          if (one_of(tag, {"ol", "ul"})) ordered_lists.push_back(tag[0] == 'o');
          if (tag_is(tag, "tr")) row_start = true;
        }
        return true;
      },
      [&](xmlNode* n) {
        if (!is_element(n) || st.is_caption(n)) return;
        const char* tag = name_of(n);
        if (one_of(tag, {"b", "strong"}) && in_bold > 0) --in_bold;
        if (tag_is(tag, "a") && !away.empty()) {
          --in_link;
          if (away.back()) --in_away;
          away.pop_back();
        }
        if (is_block_tag(tag)) {
          flush();
          if (!kinds.empty()) {
            std::tie(kind, level) = kinds.back();
            kinds.pop_back();
          }
          if (one_of(tag, {"ol", "ul"}) && !ordered_lists.empty()) ordered_lists.pop_back();
        } else if (one_of(tag, {"td", "th"})) {
          buf.push_back(' ');
        }
        if (n == box_node) {
          flush();
          box_node = nullptr;
          box = 0;
        }
      });
  flush();
}

}  // namespace newsclean
