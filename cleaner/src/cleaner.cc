// The pipeline: text -> blocks -> rule decisions -> Result.
#include "newsclean/cleaner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "block_features.h"
#include "captions.h"
#include "html.h"
#include "rules.h"
#include "text.h"

namespace newsclean {
namespace {

constexpr std::string_view kCaptionCategory = "caption";

// A prose block this long is story text: a `drop_rest` list (related
// stories, mirror addresses) ends before it. Teaser headlines rarely end with
// a full stop, and are shorter.
constexpr std::size_t kStoryParagraphWords = 12;

// What happens to one block.
struct Decision {
  enum Kind { kNone, kKeep, kDrop, kMetadata } kind = kNone;
  int rule = -1;
};

// Where head and tail rules may look, from the block features and the hits
// of `anywhere` rules.
struct Regions {
  std::size_t head_end = 0;    // blocks [0, head_end) are the head
  std::size_t tail_begin = 0;  // blocks [tail_begin, n) are the tail
  bool in(Where w, std::size_t i) const {
    switch (w) {
      case Where::kHead: return i < head_end;
      case Where::kTail: return i >= tail_begin;
      case Where::kAnywhere: return true;
    }
    return false;
  }
};

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

bool fits_format(InputFormat f, bool html) {
  return f == InputFormat::kAny || f == (html ? InputFormat::kHtml : InputFormat::kText);
}

bool words_fit(const Rule& r, std::size_t words) {
  return words >= r.min_words && (r.max_words == 0 || words <= r.max_words);
}

// drop_tail keeps the tail when it holds more than this many times the
// prose before it: then the "comments" are the page's content.
constexpr std::size_t kDropTailMaxRatio = 3;

}  // namespace

struct Cleaner::Impl {
  Options options;
  std::unique_ptr<const RuleMatcher> matcher;
  std::unique_ptr<const HtmlRules> html;  // the HTML rules of matcher->rules()

  // Rules whose pattern, site scope and word limits fit each block.
  std::vector<std::vector<int>> find_hits(const std::vector<Block>& blocks,
                                          std::string_view url, bool html) const;
  Regions regions(const std::vector<Block>& blocks,
                  const std::vector<std::vector<int>>& hits) const;
  std::vector<Decision> decide(const std::vector<Block>& blocks,
                               const std::vector<std::vector<int>>& hits,
                               const Regions& regions) const;
  void run(std::string_view input, std::string_view url, Format format, Result* r) const;
  // The rules and the Result, from the blocks of either front end.
  void finish(const std::vector<Block>& blocks, std::string_view url, Result* r) const;

  // The built-in rules (unless disabled) and `sources`; null on error.
  static std::shared_ptr<const Impl> build(const std::vector<RuleSource>& sources,
                                           const Options& options, Status* status);

  // The built-in rules, compiled on first use and shared by every Cleaner
  // that was default-constructed.
  static std::shared_ptr<const Impl> built_in();
};

std::vector<std::vector<int>> Cleaner::Impl::find_hits(
    const std::vector<Block>& blocks, std::string_view url, bool html) const {
  const auto& rules = matcher->rules();
  const std::string host = host_of(url);
  const auto in_scope = [&](const Rule& rule) {
    if (rule.sites.empty()) return true;
    return std::any_of(rule.sites.begin(), rule.sites.end(),
                       [&](const std::string& s) { return site_matches(s, host); });
  };
  const Features features(blocks, url);
  const bool story = is_story(blocks);
  std::vector<std::vector<int>> hits(blocks.size());
  std::vector<int> found;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.html_rule >= 0) {  // an HTML rule decided it already (a figure caption)
      hits[i].push_back(b.html_rule);
      continue;
    }
    const auto fits = [&](const Rule& r, std::size_t words) {
      return in_scope(r) && words_fit(r, words) && features.has(r.feature, i) &&
             (story || !r.needs_story) && fits_format(r.format, html);
    };
    matcher->match(Unit::kBlock, b.text, b.words, &found);
    for (int k : found) {
      if (fits(rules[k], b.words)) hits[i].push_back(k);
    }
    // Line rules look at each line of a block (text blocks have one line;
    // HTML blocks may have several).
    std::size_t pos = 0;
    while (pos <= b.text.size()) {
      std::size_t nl = b.text.find('\n', pos);
      if (nl == std::string::npos) nl = b.text.size();
      const std::string_view line(b.text.data() + pos, nl - pos);
      const std::size_t line_words = count_words(line);
      matcher->match(Unit::kLine, line, line_words, &found);
      for (int k : found) {
        if (fits(rules[k], line_words)) hits[i].push_back(k);
      }
      pos = nl + 1;
    }
    std::sort(hits[i].begin(), hits[i].end());
    hits[i].erase(std::unique(hits[i].begin(), hits[i].end()), hits[i].end());
  }
  return hits;
}

Regions Cleaner::Impl::regions(const std::vector<Block>& blocks,
                               const std::vector<std::vector<int>>& hits) const {
  const auto& rules = matcher->rules();
  const std::size_t n = blocks.size();
  // The story starts at the first prose block that no `anywhere` rule drops
  // (a long caption is prose-shaped but is not the story).
  std::size_t first_prose = n;
  for (std::size_t i = 0; i < n && first_prose == n; ++i) {
    const bool dropped = std::any_of(hits[i].begin(), hits[i].end(), [&](int k) {
      return rules[k].where == Where::kAnywhere && rules[k].action != Action::kKeep;
    });
    if (blocks[i].prose && !dropped) first_prose = i;
  }
  Regions reg;
  // Without a prose block the last block is the story, never the head.
  const std::size_t head_limit = first_prose < n ? first_prose : (n > 0 ? n - 1 : 0);
  reg.head_end = std::min(head_limit, options.head_blocks);
  const std::size_t after_story = first_prose < n ? first_prose + 1 : 0;
  const std::size_t window = n > options.tail_blocks ? n - options.tail_blocks : 0;
  reg.tail_begin = std::max(after_story, window);
  return reg;
}

std::vector<Decision> Cleaner::Impl::decide(const std::vector<Block>& blocks,
                                            const std::vector<std::vector<int>>& hits,
                                            const Regions& reg) const {
  const auto& rules = matcher->rules();
  const std::size_t n = hits.size();
  std::vector<Decision> d(n);
  std::vector<bool> used(rules.size(), false);  // for `once` rules
  for (std::size_t i = 0; i < n; ++i) {
    int keep = -1;
    int act = -1;
    for (int k : hits[i]) {
      const Rule& r = rules[k];
      if (!reg.in(r.where, i) || (r.once && used[k])) continue;
      if (r.action == Action::kKeep) {
        if (keep < 0) keep = k;
      } else if (act < 0) {
        act = k;
      }
    }
    if (keep >= 0) {
      d[i] = {Decision::kKeep, keep};
    } else if (act >= 0) {
      used[act] = true;
      d[i] = {rules[act].action == Action::kMetadata ? Decision::kMetadata
                                                      : Decision::kDrop,
              act};
    }
  }
  // Prose paragraphs and their bytes before each block, for drop_tail;
  // counted when a drop_tail rule first acts.
  std::vector<std::size_t> paragraphs_before, prose_before;
  const auto count_prose = [&] {
    if (!prose_before.empty()) return;
    paragraphs_before.assign(n + 1, 0);
    prose_before.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
      const bool prose = blocks[j].prose;
      paragraphs_before[j + 1] = paragraphs_before[j] + (prose ? 1 : 0);
      prose_before[j + 1] = prose_before[j] + (prose ? blocks[j].text.size() : 0);
    }
  };
  std::size_t dropped_before = 0;  // blocks [0, dropped_before) filled by drop_before
  // Range actions fill the blocks that no rule of their own decided.
  for (std::size_t i = 0; i < n; ++i) {
    if (d[i].kind != Decision::kDrop) continue;
    const Action a = rules[d[i].rule].action;
    if (a == Action::kDropRest) {
      std::size_t j = i + 1;
      for (; j < n; ++j) {
        const Block& b = blocks[j];
        if (b.prose && b.words >= kStoryParagraphWords) break;  // the story resumes
        // In HTML a list of other stories is links; text that is not ends it.
        if (b.kind != BlockKind::kLine && b.link_ratio <= kLinkHeavyRatio) break;
        if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
      }
      i = j;  // blocks up to j are decided
      continue;
    }
    if (a == Action::kDropTail) {
      // Everything after the block goes, prose included (a comment section),
      // once a story stands before it: enough prose paragraphs, and not far
      // less prose than would go.
      count_prose();
      const std::size_t before = prose_before[i];
      const std::size_t after = prose_before[n] - prose_before[i];
      if (paragraphs_before[i] >= kStoryMinProse && before * kDropTailMaxRatio >= after) {
        for (std::size_t j = i + 1; j < n; ++j) {
          if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
        }
        break;
      }
      continue;
    }
    if (a == Action::kDropBefore) {
      for (std::size_t j = dropped_before; j < i; ++j) {
        if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
      }
      dropped_before = i;
    }
  }
  return d;
}

void Cleaner::Impl::run(std::string_view input, std::string_view url, Format format,
                        Result* r) const {
  r->stats.bytes_in = input.size();
  if (format == Format::kHtml || (format == Format::kAuto && looks_like_html(input))) {
    r->format = "html";
    HtmlDocument doc = extract_html(input, url, *html);
    PageMeta& m = doc.meta;
    r->author = std::move(m.author);
    r->published = std::move(m.published);
    r->site_name = std::move(m.site_name);
    r->language = std::move(m.language);
    r->canonical_url = std::move(m.canonical_url);
    r->warnings = std::move(doc.warnings);
    finish(doc.blocks, url, r);
    // The page's own metadata is better than what the blocks suggest.
    if (!m.title.empty()) r->title = std::move(m.title);
    if (!m.section.empty()) r->section = std::move(m.section);
    return;
  }
  r->format = "text";
  Normalised norm = normalise(input);
  if (norm.invalid_utf8 > 0) {
    r->warnings.push_back("invalid UTF-8: " + std::to_string(norm.invalid_utf8) +
                          " ill-formed sequence(s) replaced by U+FFFD");
  }
  if (norm.controls > 0) {
    r->warnings.push_back("control characters: " + std::to_string(norm.controls) +
                          " dropped");
  }
  finish(split_blocks(norm.text), url, r);
}

void Cleaner::Impl::finish(const std::vector<Block>& blocks, std::string_view url,
                           Result* r) const {
  const auto hits = find_hits(blocks, url, r->format == "html");
  const std::vector<Decision> d = decide(blocks, hits, regions(blocks, hits));
  const auto& rules = matcher->rules();

  // Metadata first: the title is part of what captions are judged against.
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
        if (d[i].kind == Decision::kNone || d[i].kind == Decision::kKeep) {
          story.push_back(blocks[i].text);
        }
      }
      terms = std::make_unique<StoryTerms>(story, r->title);
    }
    return *terms;
  };

  std::vector<bool> kept(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    kept[i] = d[i].kind == Decision::kNone || d[i].kind == Decision::kKeep;
    if (kept[i]) continue;
    const Rule& rule = rules[d[i].rule];
    if (rule.category == kCaptionCategory) {
      Caption c;
      c.text = blocks[i].text;
      c.score = story_terms().relevance(c.text);
      c.related = c.score >= options.caption_threshold;
      c.index = i;
      c.rule = rule.id;
      kept[i] = c.related && options.keep_related_captions;
      r->captions.push_back(std::move(c));
    }
    if (!kept[i]) r->removed.push_back({i, blocks[i].text, rule.id, rule.category});
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!kept[i]) continue;
    if (!r->text.empty()) r->text.push_back('\n');
    r->text += blocks[i].text;
    ++r->stats.kept;
  }
  r->stats.blocks = blocks.size();
  r->stats.removed = r->removed.size();
  r->stats.bytes_out = r->text.size();
}

std::shared_ptr<const Cleaner::Impl> Cleaner::Impl::built_in() {
  static const std::shared_ptr<const Cleaner::Impl> kDefault = [] {
    Status s;
    auto impl = build({}, Options(), &s);
    if (!impl) {
      // Unreachable when the embedded rules pass the test suite; cleaning
      // with no rules still works (it only normalises and splits).
      auto empty = std::make_shared<Impl>();
      RuleMatcher::build({}, &empty->matcher);
      empty->html = std::make_unique<HtmlRules>(empty->matcher->rules());
      impl = empty;
    }
    return impl;
  }();
  return kDefault;
}

// Cheap: the built-in rules are compiled when first used, so a Cleaner made
// only to receive Cleaner::create's result costs nothing.
Cleaner::Cleaner() = default;

const Cleaner::Impl& Cleaner::impl() const { return impl_ ? *impl_ : *Impl::built_in(); }

Cleaner::Cleaner(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

std::shared_ptr<const Cleaner::Impl> Cleaner::Impl::build(
    const std::vector<RuleSource>& sources, const Options& options, Status* status) {
  if (!(options.caption_threshold >= 0 && options.caption_threshold <= 1)) {
    *status = Status(ErrorCode::kInvalidArgument, "caption_threshold must be in [0, 1]");
    return nullptr;
  }
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  if (!options.no_default_rules) {
    *status = parse_rules(RuleSource::from_string(std::string(default_rules_yaml()),
                                                  "<built-in rules.yaml>"),
                          &rules, &disable);
    if (!status->ok()) return nullptr;
  }
  for (const auto& source : sources) {
    std::vector<Rule> added;
    *status = parse_rules(source, &added, &disable);
    if (!status->ok()) return nullptr;
    merge_rules(std::move(added), &rules);
  }
  for (const auto& id : options.disable) disable.push_back({id, "options"});
  *status = apply_disable(disable, &rules);
  if (!status->ok()) return nullptr;
  auto impl = std::make_shared<Cleaner::Impl>();
  impl->options = options;
  *status = RuleMatcher::build(std::move(rules), &impl->matcher);
  if (!status->ok()) return nullptr;
  impl->html = std::make_unique<HtmlRules>(impl->matcher->rules());
  return impl;
}

Status Cleaner::create(const std::vector<RuleSource>& sources, const Options& options,
                       Cleaner* out) {
  Status status;
  try {
    auto impl = Impl::build(sources, options, &status);
    if (impl) *out = Cleaner(std::move(impl));
  } catch (const std::exception& e) {
    status = Status(ErrorCode::kInvalidArgument, std::string("cannot build rules: ") + e.what());
  }
  return status;
}

Result Cleaner::clean(std::string_view input, std::string_view url,
                      Format format) const noexcept {
  Result r;
  try {
    impl().run(input, url, format, &r);
  } catch (const std::exception& e) {
    // Only resource exhaustion gets here; give the input back untouched.
    r = Result();
    try {
      r.text.assign(input.data(), input.size());
      r.warnings.push_back(std::string("not cleaned: ") + e.what());
    } catch (...) {
    }
  } catch (...) {
    r = Result();
  }
  return r;
}

std::vector<Result> Cleaner::clean_many(const std::vector<std::string_view>& texts,
                                        const std::vector<std::string_view>& urls,
                                        unsigned workers, Format format) const {
  std::vector<Result> results(texts.size());
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<std::size_t>(workers, texts.size()));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < texts.size(); i = next++) {
      results[i] = clean(texts[i], i < urls.size() ? urls[i] : std::string_view(), format);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return results;
}

const Options& Cleaner::options() const { return impl().options; }

std::vector<RuleInfo> Cleaner::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : impl().matcher->rules()) {
    out.push_back({r.id, r.category, to_string(r.action), to_string(r.where), r.origin});
  }
  return out;
}

}  // namespace newsclean
