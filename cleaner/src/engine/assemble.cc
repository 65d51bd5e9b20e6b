#include "engine/assemble.h"

#include <algorithm>
#include <deque>
#include <map>

#include "core/text.h"
#include "core/tuning.h"
#include "engine/captions.h"
#include "engine/features.h"
#include "engine/page_text.h"
#include "engine/hits.h"
#include "engine/markdown.h"

namespace newsclean {
namespace {
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The block's text as the input wrote it.
std::string& as_written(Block& b) { return b.written.empty() ? b.text : b.written; }
}  // namespace

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
  std::vector<Block>& blocks = doc.blocks;  // a removed block's text moves to its Removal
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
  // Captions: the caption blocks and the texts bound to images, in reading
  // order; a teaser card's text among the story's blocks leaves the text
  // with its caption's verdict.
  std::vector<Caption>& caps = r->captions;
  std::vector<std::size_t> caption_of(blocks.size(), kNone);  // block -> caption
  std::vector<std::size_t> card_of(blocks.size(), kNone);     // block of a card -> caption
  {
    std::vector<std::pair<Caption, const ImageText*>> found;
    // Text has no page structure: a caption line's neighbours say where it
    // stands (after the story, among other stories' headlines).
    std::vector<bool> paragraph(blocks.size()), teaser(blocks.size());
    for (std::size_t i = 0; i < blocks.size() && !doc.html; ++i) {
      paragraph[i] = d[i].kept() && blocks[i].prose;
      teaser[i] = !d[i].kept() && std::string_view(rules[d[i].rule].category) == "related";
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (d[i].kept() || !rules[d[i].rule].caption) continue;
      Caption c;
      c.text = blocks[i].text;
      c.index = i;
      c.rule = rules[d[i].rule].id;
      c.position = doc.html ? "story" : text_position(paragraph, teaser, i);
      found.emplace_back(std::move(c), nullptr);
    }
    // Cards among the story's blocks are teasers beside a story only when
    // the story's prose outweighs them; else they are the page's content (a
    // listing, a shop's products) and stay in the text, not captions.
    std::size_t prose = 0, cards = 0;
    for (const ImageText& t : doc.image_texts) {
      for (std::size_t i = t.first_block; i < t.end_block; ++i) cards += blocks[i].text.size();
    }
    for (std::size_t i = 0; cards > 0 && i < blocks.size(); ++i) {
      if (d[i].kept()) prose += blocks[i].text.size() * (1 - blocks[i].link_ratio);
    }
    const bool cards_leave = prose >= cards * tuning::kCardsStoryRatio;
    for (const ImageText& t : doc.image_texts) {
      if (t.end_block > t.first_block && !cards_leave) continue;
      Caption c;
      c.text = t.text;
      c.index = t.end_block > t.first_block ? t.first_block : t.index;
      c.rule = std::string("image-") + t.kind;
      c.position = t.position;
      c.links_elsewhere = t.links_elsewhere;
      found.emplace_back(std::move(c), &t);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.first.index < b.first.index;
    });
    std::vector<std::string_view> story;
    for (std::size_t k = 0; k < found.size(); ++k) {
      const ImageText* t = found[k].second;
      if (t == nullptr) {
        caption_of[found[k].first.index] = k;
      } else {
        for (std::size_t i = t->first_block; i < t->end_block; ++i) card_of[i] = k;
      }
      caps.push_back(std::move(found[k].first));
    }
    if (!caps.empty()) {
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (d[i].kept() && card_of[i] == kNone) story.push_back(blocks[i].text);
      }
      // judge_captions asks about each caption without its credit.
      std::vector<std::string_view> asked;
      for (const Caption& c : caps) asked.push_back(without_credit(c.text));
      const StoryTerms terms(story, r->title, tuning::kCaptionTitleWeight, &asked);
      const double t = options.caption_threshold;
      judge_captions(terms, doc.html ? t * tuning::kCaptionInStoryShare : t,
                     std::min(1.0, t * (doc.html ? tuning::kCaptionOutsideFactor
                                                 : tuning::kCaptionAfterStoryFactor)),
                     &caps, &asked);
    }
  }
  const auto keep_caption = [&](std::size_t k) {
    return k != kNone && caps[k].related && options.keep_related_captions;
  };

  // Element-level removals (HTML) interleave with the blocks: one with
  // index i stood before block i.
  std::size_t next = 0;
  const auto removals_before = [&](std::size_t i) {
    for (; next < doc.removed.size() && doc.removed[next].index <= i; ++next) {
      ElementRemoval& e = doc.removed[next];
      Removal& x = r->removed.emplace_back();
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
    }
  };
  std::vector<bool> kept(blocks.size());
  r->removed.reserve(doc.removed.size() +
                     static_cast<std::size_t>(std::count_if(d.begin(), d.end(), [](const Decision& x) {
                       return !x.kept();
                     })));
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    removals_before(i);
    kept[i] = d[i].kept();
    if (kept[i] && card_of[i] != kNone) kept[i] = keep_caption(card_of[i]);
    if (!kept[i] && d[i].kept()) {  // a teaser card's text
      Removal& x = r->removed.emplace_back();
      x.index = i;
      x.text = cut_chars(std::move(as_written(blocks[i])), options.removed_text_chars);
      x.rule = caps[card_of[i]].rule;
      x.category = "caption";
      x.stage = "text";
      x.words = blocks[i].words;
      continue;
    }
    if (kept[i]) continue;
    const Rule& rule = rules[d[i].rule];
    kept[i] = keep_caption(caption_of[i]);
    if (kept[i]) continue;
    Removal& x = r->removed.emplace_back();  // in place: no Removal moved
    x.index = i;
    x.text = cut_chars(std::move(as_written(blocks[i])), options.removed_text_chars);
    x.rule = rule.id;
    x.category = rule.category;
    x.stage = "text";  // a block (a caption element found on the page is one too)
    x.words = blocks[i].words;
  }
  removals_before(static_cast<std::size_t>(-1));
  // keep_related_captions: a related image text that is not a block (an
  // alt text, a caption beside the story) goes in its place too.
  std::vector<std::vector<std::size_t>> texts_before(blocks.size() + 1);
  if (options.keep_related_captions) {
    for (std::size_t k = 0; k < caps.size(); ++k) {
      const bool block = caps[k].index < blocks.size() &&
                         (caption_of[caps[k].index] == k || card_of[caps[k].index] == k);
      if (caps[k].related && !block) {
        texts_before[std::min(caps[k].index, blocks.size())].push_back(k);
      }
    }
  }
  std::deque<Block> extra;  // those texts as blocks
  std::vector<const Block*> story;
  story.reserve(blocks.size());
  for (std::size_t i = 0; i <= blocks.size(); ++i) {
    for (const std::size_t k : texts_before[i]) {
      extra.push_back(make_block(caps[k].text));
      story.push_back(&extra.back());
    }
    if (i < blocks.size() && kept[i]) {
      ++r->stats.kept;
      story.push_back(&blocks[i]);
    }
  }
  if (options.text_format != TextFormat::kMarkdown) {
    std::size_t bytes = 0;
    for (const Block* b : story) bytes += b->text.size() + b->written.size() + 1;
    r->text.reserve(bytes);
    for (const Block* b : story) {
      if (!r->text.empty()) r->text.push_back('\n');
      r->text += b->written.empty() ? b->text : b->written;
    }
  }
  if (options.text_format == TextFormat::kMarkdown) r->text = markdown_of(story);
  r->stats.blocks = blocks.size();
  r->stats.removed = r->removed.size();
  std::map<std::string, std::size_t> by_category;
  auto last = by_category.end();  // removals of one category come in runs
  for (const Removal& x : r->removed) {
    if (last == by_category.end() || std::string_view(last->first) != x.category) {
      last = by_category.emplace(x.category, 0).first;
    }
    ++last->second;
  }
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
    // In an extractor's output, items set apart by bars ("Kontakt |
    // Impressum | © 2011 Example GmbH. Alle Rechte vorbehalten.") are the
    // page's row, not a paragraph, even when the last ends like a sentence:
    // such a row does not stretch the story's shape to the page's end.
    if (doc.page_text == PageText::kNo) {
      for (Block& b : doc.blocks) b.prose = b.prose && b.text.find(" | ") == std::string::npos;
    }
  }
  const auto hits = find_hits(matcher, doc, url, options.head_blocks, options.tail_blocks);
  const Regions regions =
      find_regions(rules, doc.blocks, hits, options.head_blocks, options.tail_blocks);
  std::vector<Decision> decisions = decide(rules, doc.blocks, hits, regions);
  // A page that says it is an article keeps its figure captions as captions,
  // however little prose it has (a photo story); so does whole-page text,
  // where the pictures of other stories' teasers outweigh a short story.
  if (doc.html ? doc.kind != PageKind::kArticle : doc.page_text == PageText::kNo) {
    keep_captions_that_are_the_content(rules, doc.blocks, &decisions);
  }
  if (doc.html && doc.kind != PageKind::kListing && doc.kind != PageKind::kProduct) {
    drop_headings_of_dropped_boxes(doc.blocks, &decisions);
  }
  drop_comment_runs(rules, doc.blocks, hits, &decisions);
  const bool page_text = doc.page_text != PageText::kNo;
  const bool headline = !page_text && drop_headline_after_menu(rules, doc.blocks, url, &decisions);
  drop_among_dropped(rules, doc.blocks, url, hits, regions, page_text, &decisions);
  // A menu's items that only the neighbours took ("- Local", "- Canada")
  // may have stood between the title and the headline: once they have
  // gone, the headline gets its second chance, and then the neighbours.
  if (!page_text && !headline && drop_headline_after_menu(rules, doc.blocks, url, &decisions)) {
    drop_among_dropped(rules, doc.blocks, url, hits, regions, page_text, &decisions);
  }
  assemble(rules, options, std::move(doc), decisions, r);
}

}  // namespace newsclean
