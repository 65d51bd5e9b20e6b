#include "engine/assemble.h"

#include <algorithm>
#include <map>
#include <memory>

#include "core/text.h"
#include "engine/captions.h"
#include "engine/features.h"
#include "engine/hits.h"
#include "engine/markdown.h"

namespace newsclean {

std::string strip_quotes(std::string_view s) {
  static constexpr std::string_view kPairs[][2] = {
      {"\"", "\""},         {"'", "'"},
      {"\u2018", "\u2019"}, {"\u201C", "\u201D"},
      {"\u00AB", "\u00BB"}, {"\u201E", "\u201C"},
      {"\u201A", "\u2018"}, {"\u300C", "\u300D"}};
  for (const auto& p : kPairs) {
    if (s.size() > p[0].size() + p[1].size() && s.substr(0, p[0].size()) == p[0] &&
        s.substr(s.size() - p[1].size()) == p[1]) {
      s = s.substr(p[0].size(), s.size() - p[0].size() - p[1].size());
      break;
    }
  }
  const std::size_t first = s.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(' ') - first + 1));
}

// "Home > News / Politics" -> {"Home", "News", "Politics"}.
std::vector<std::string> split_breadcrumb(std::string_view s) {
  static constexpr std::string_view kSeparators[] = {
      "/", ">", "|", "\\", "\u00BB", "\u203A", "\u2022", "\u00B7", "\u2192", "\u25B8"};
  std::vector<std::string> segments;
  std::string current;
  const auto flush = [&] {
    std::string seg = strip_quotes(current);
    if (!seg.empty()) segments.push_back(std::move(seg));
    current.clear();
  };
  std::size_t i = 0;
  while (i < s.size()) {
    bool separator = false;
    for (const auto sep : kSeparators) {
      if (s.substr(i, sep.size()) == sep) {
        flush();
        i += sep.size();
        separator = true;
        break;
      }
    }
    if (!separator) current.push_back(s[i++]);
  }
  flush();
  return segments;
}

void assemble(const std::vector<Rule>& rules, const Options& options, Document doc,
              const std::vector<Decision>& d, Result* r) {
  const std::vector<Block>& blocks = doc.blocks;
  r->format = doc.html ? "html" : "text";
  r->kind = to_string(doc.kind);
  r->input_kind = doc.html ? "html" : doc.page_text != PageText::kNo ? "page" : "extract";
  PageMeta& m = doc.meta;
  r->author = std::move(m.author);
  r->published = std::move(m.published);
  r->site_name = std::move(m.site_name);
  r->language = std::move(m.language);
  r->canonical_url = std::move(m.canonical_url);
  r->warnings = std::move(doc.warnings);
  // The page's own metadata is better than what the blocks suggest; it is
  // part of what captions are judged against, so it comes first.
  r->title = std::move(m.title);
  r->section = std::move(m.section);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (d[i].kind != Decision::kMetadata) continue;
    const Rule& rule = rules[d[i].rule];
    if (rule.field == Field::kTitle && r->title.empty()) {
      r->title = strip_quotes(blocks[i].text);
    } else if (rule.field == Field::kSection && r->section.empty()) {
      r->section = split_breadcrumb(blocks[i].text);
    }
  }
  // The story's vocabulary, built only when a caption needs judging.
  std::unique_ptr<StoryTerms> terms;
  const auto story_terms = [&]() -> const StoryTerms& {
    if (!terms) {
      std::vector<std::string_view> story;
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (d[i].kept()) story.push_back(blocks[i].text);
      }
      terms = std::make_unique<StoryTerms>(story, r->title);
    }
    return *terms;
  };

  // Element-level removals (HTML) interleave with the blocks: one with
  // index i stood before block i.
  std::size_t next = 0;
  const auto removals_before = [&](std::size_t i) {
    for (; next < doc.removed.size() && doc.removed[next].index <= i; ++next) {
      ElementRemoval& e = doc.removed[next];
      Removal x;
      x.index = std::min(e.index, blocks.size());
      x.text = cut_chars(std::move(e.text), options.removed_text_chars, e.cut);
      if (e.rule >= 0 || e.site_rule != nullptr) {
        const Rule& rule = e.rule >= 0 ? rules[e.rule] : *e.site_rule;
        x.rule = rule.id;
        x.category = rule.category;
      } else {
        x.rule = e.reason;
        x.category = "extractor";
      }
      x.stage = "html";
      x.path = std::move(e.path);
      x.words = e.words;
      r->removed.push_back(std::move(x));
    }
  };
  std::vector<bool> kept(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    removals_before(i);
    kept[i] = d[i].kept();
    if (kept[i]) continue;
    const Rule& rule = rules[d[i].rule];
    if (rule.caption) {
      Caption c;
      c.text = blocks[i].text;
      c.score = story_terms().relevance(c.text);
      c.related = c.score >= options.caption_threshold;
      c.index = i;
      c.rule = rule.id;
      kept[i] = c.related && options.keep_related_captions;
      r->captions.push_back(std::move(c));
    }
    if (kept[i]) continue;
    Removal x;
    x.index = i;
    x.text = cut_chars(blocks[i].text, options.removed_text_chars);
    x.rule = rule.id;
    x.category = rule.category;
    x.stage = "text";  // a block (a caption element found on the page is one too)
    x.words = blocks[i].words;
    r->removed.push_back(std::move(x));
  }
  removals_before(static_cast<std::size_t>(-1));
  std::vector<const Block*> story;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!kept[i]) continue;
    ++r->stats.kept;
    if (options.text_format == TextFormat::kMarkdown) {
      story.push_back(&blocks[i]);
      continue;
    }
    if (!r->text.empty()) r->text.push_back('\n');
    r->text += blocks[i].text;
  }
  if (options.text_format == TextFormat::kMarkdown) r->text = markdown_of(story);
  r->stats.blocks = blocks.size();
  r->stats.removed = r->removed.size();
  std::map<std::string, std::size_t> by_category;
  for (const Removal& x : r->removed) ++by_category[x.category];
  r->stats.removed_by_category.assign(by_category.begin(), by_category.end());
  r->stats.bytes_out = r->text.size();
}

void run_engine(const RuleMatcher& matcher, const Options& options, Document doc,
                const PageUrl& url, Result* r) {
  const auto& rules = matcher.rules();
  if (!doc.html) {
    if (options.input_kind == InputKind::kPage) {
      doc.page_text = PageText::kStated;
    } else if (options.input_kind == InputKind::kAuto && looks_like_page_text(doc.blocks)) {
      doc.page_text = PageText::kGuessed;
    }
  }
  const auto hits = find_hits(matcher, doc, url);
  const Regions regions =
      find_regions(rules, doc.blocks, hits, options.head_blocks, options.tail_blocks);
  const std::vector<Decision> decisions = decide(rules, doc.blocks, hits, regions);
  assemble(rules, options, std::move(doc), decisions, r);
}

}  // namespace newsclean
