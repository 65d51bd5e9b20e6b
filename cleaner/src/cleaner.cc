// The pipeline: text -> blocks -> rule decisions -> Result.
#include "newsclean/cleaner.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <thread>
#include <unordered_map>
#include <unordered_set>

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

bool words_fit(const Rule& r, std::size_t words) {
  return words >= r.min_words && (r.max_words == 0 || words <= r.max_words);
}

// A document is shaped like a story when at least kStoryMinProse prose blocks
// hold at least half of its text; product pages, listings and forums are not.
constexpr std::size_t kStoryMinProse = 3;

bool is_story(const std::vector<Block>& blocks) {
  std::size_t prose = 0, prose_bytes = 0, bytes = 0;
  for (const Block& b : blocks) {
    bytes += b.text.size();
    if (b.prose) {
      ++prose;
      prose_bytes += b.text.size();
    }
  }
  return prose >= kStoryMinProse && prose_bytes * 2 >= bytes;
}

// drop_tail keeps the tail when it holds more than this many times the
// prose before it: then the "comments" are the page's content.
constexpr std::size_t kDropTailMaxRatio = 3;

// A run of at least this many short non-sentence lines is a teaser list.
constexpr std::size_t kTeaserRunLength = 4;
constexpr std::size_t kTeaserMaxWords = 15;
// A document with this many lines printed twice repeats its structure (a
// table of contents, tabs): none of them is a duplicate.
constexpr std::size_t kDuplicateMaxPairs = 4;

// More than this share of a block's text in links makes it a link block.
constexpr float kLinkHeavyRatio = 0.5f;

// A list of other stories at the end of a document: at least this many
// headlines, and the structure of such a list (separators between entries,
// or a one-sentence summary under each headline) at least this often. A
// story's own closing list (tour dates, results) is a plain run of items.
constexpr std::size_t kTeaserListHeadlines = 3;
constexpr std::size_t kTeaserListStructure = 2;
constexpr std::size_t kTeaserSummaryMaxWords = 30;

// A block with no letter or digit: an empty list entry ("-", "•", "***").
bool is_separator(const Block& b) {
  return std::none_of(b.text.begin(), b.text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u);
  });
}

// A headline starts with a capital, a digit or an opening quote: not with a
// lower-case letter, a bullet, a dash or a symbol. Letters without case
// (CJK, Hangul, Arabic...) count as capitals.
bool starts_like_headline(std::string_view text) {
  std::size_t i = 0;
  const char32_t c = next_code_point(text, &i);
  if (c < 0x80) return std::isupper(static_cast<int>(c)) || std::isdigit(static_cast<int>(c)) ||
                       c == '"' || c == '\'';
  if (c >= 0x2018 && c <= 0x201F) return true;  // curly quotes
  if (c == 0xAB) return true;                    // «
  const bool latin1_lower = c >= 0xDF && c <= 0xFF && c != 0xF7;
  const bool cyrillic_lower = c >= 0x430 && c <= 0x45F;
  const bool symbol = c < 0xC0 || (c >= 0x2000 && c <= 0x2BFF);  // punctuation, arrows, shapes
  return !latin1_lower && !cyrillic_lower && !symbol;
}

// A headline: a short line that is not a sentence, not a story's bullet
// item ("- England: 10th appearance"), not a list's lead-in ("Dates:") and
// not starting in lower case.
bool is_headline(const Block& b) {
  if (b.ends_sentence || b.words < 3 || b.words > kTeaserMaxWords) return false;
  return starts_like_headline(b.text) && b.text.back() != ':';
}

// Marks the list of other stories' headlines that ends `blocks`, if any:
// walking back from the end over separators, headlines, and headlines with
// a longer line under them (a summary: a sentence, or too long for a
// headline; a shorter line is a table's value, "$150 - $350").
void mark_teaser_list(const std::vector<Block>& blocks, std::vector<bool>* marks) {
  std::size_t i = blocks.size(), headlines = 0, separators = 0, summaries = 0;
  while (i > 0) {
    const Block& b = blocks[i - 1];
    if (is_separator(b)) {
      ++separators;
      --i;
    } else if (is_headline(b)) {
      ++headlines;
      --i;
    } else if (b.words <= kTeaserSummaryMaxWords && i >= 2 && is_headline(blocks[i - 2]) &&
               b.words > blocks[i - 2].words) {
      ++headlines;  // a headline and the line that sums its story up
      ++summaries;
      i -= 2;
    } else {
      break;
    }
  }
  // Separators mark a list on their own; headlines with summaries only when
  // the run does not follow straight on from the story's prose (a story may
  // end in short sections under subheadings).
  const bool listed = separators >= kTeaserListStructure ||
                      (summaries >= kTeaserListStructure && i > 0 && !blocks[i - 1].prose);
  // A page that is mostly such a list is a listing: the list is its content.
  std::size_t before = 0, list = 0;
  for (std::size_t j = 0; j < blocks.size(); ++j) (j < i ? before : list) += blocks[j].text.size();
  if (headlines >= kTeaserListHeadlines && listed && before >= list) {
    std::fill(marks->begin() + i, marks->end(), true);
  }
}

// Words for comparing a line with the page URL's slug: runs of 3 or more
// ASCII letters, lower-cased and cut to their first 4 letters (slugs drop
// accents, and words inflect: "rules" / "ruling").
constexpr std::size_t kSlugWordMin = 3;
constexpr std::size_t kSlugWordPrefix = 4;
// Path segments with at least this many words are slugs.
constexpr std::size_t kSlugMinWords = 3;

template <typename Fn>
void for_each_slug_word(std::string_view s, Fn fn) {
  std::string word;
  const auto flush = [&] {
    if (word.size() >= kSlugWordMin) fn(word.substr(0, kSlugWordPrefix));
    word.clear();
  };
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalpha(u)) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (u < 0x80 || word.empty()) {
      flush();  // a non-ASCII byte inside a word (an accent) does not end it
    }
  }
  flush();
}

// The words of the URL path's slugs ("/2019/11/browns-player-on-fight/"):
// segments joined by '-' or '_' with kSlugMinWords or more words of letters
// ("world-europe-50473792" is a section and a number, not a slug).
std::unordered_set<std::string> url_slug_words(std::string_view url) {
  std::unordered_set<std::string> words;
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::size_t path = url.find('/');
  if (path == std::string_view::npos) return words;
  url = url.substr(path, url.find_first_of("?#", path) - path);
  std::size_t pos = 0;
  while (pos < url.size()) {
    std::size_t end = url.find('/', pos + 1);
    if (end == std::string_view::npos) end = url.size();
    const std::string_view segment = url.substr(pos, end - pos);
    std::vector<std::string> found;
    for_each_slug_word(segment, [&](std::string w) { found.push_back(std::move(w)); });
    const bool joined = segment.find_first_of("-_") != std::string_view::npos;
    if (joined && found.size() >= kSlugMinWords) words.insert(found.begin(), found.end());
    pos = end;
  }
  return words;
}

// Whether a line agrees with the URL's slug: half of its words, or
// kSlugAgreeWords of them, are in the slug, or it has half of the slug's
// words (a slug is often a shorter or earlier wording of the headline).
// Without a slug, or without a Latin word to compare, it agrees.
constexpr std::size_t kSlugAgreeWords = 3;

bool agrees_with_slug(std::string_view text, const std::unordered_set<std::string>& slug) {
  if (slug.empty()) return true;
  std::size_t words = 0, found = 0;
  std::unordered_set<std::string> covered;  // slug words the line has
  for_each_slug_word(text, [&](const std::string& w) {
    ++words;
    if (slug.count(w)) {
      ++found;
      covered.insert(w);
    }
  });
  return words == 0 || found * 2 >= words || found >= kSlugAgreeWords ||
         covered.size() * 2 >= slug.size();
}

// Which blocks have each Feature.
struct Features {
  std::vector<bool> duplicate;
  std::vector<bool> teaser_run;
  std::vector<bool> page_url;
  std::vector<bool> link_heavy;
  std::vector<bool> teaser_list;
  std::unordered_set<std::string> slug;  // words of the URL's slug
  const std::vector<Block>& blocks;

  Features(const std::vector<Block>& blocks, std::string_view url)
      : duplicate(blocks.size()),
        teaser_run(blocks.size()),
        page_url(blocks.size()),
        link_heavy(blocks.size()),
        teaser_list(blocks.size()),
        slug(url_slug_words(url)),
        blocks(blocks) {
    mark_teaser_list(blocks, &teaser_list);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      link_heavy[i] = blocks[i].link_ratio > kLinkHeavyRatio;
    }
    for (std::size_t i = 0; i < blocks.size() && !url.empty(); ++i) {
      page_url[i] = blocks[i].text == url;
    }
    // A block printed twice is a widget or a caption shown twice; one that
    // recurs three times or more is the page's own structure (a meal plan,
    // an interview's questions), so it is not a duplicate.
    std::unordered_map<std::string_view, int> count;
    for (const Block& b : blocks) ++count[b.text];
    // Many lines printed twice are a table of contents and its headings.
    const auto pairs = static_cast<std::size_t>(std::count_if(
        count.begin(), count.end(), [](const auto& kv) { return kv.second == 2; }));
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < blocks.size() && pairs < kDuplicateMaxPairs; ++i) {
      duplicate[i] = !seen.insert(blocks[i].text).second && count[blocks[i].text] == 2;
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i <= blocks.size(); ++i) {
      const bool teaser = i < blocks.size() && !blocks[i].ends_sentence &&
                          blocks[i].words <= kTeaserMaxWords;
      if (teaser) continue;
      if (i - start >= kTeaserRunLength) {
        std::fill(teaser_run.begin() + start, teaser_run.begin() + i, true);
      }
      start = i + 1;
    }
  }

  bool has(Feature f, std::size_t i) const {
    switch (f) {
      case Feature::kNone: return true;
      case Feature::kDuplicate: return duplicate[i];
      case Feature::kTeaserRun: return teaser_run[i];
      case Feature::kPageUrl: return page_url[i];
      case Feature::kLinkHeavy: return link_heavy[i];
      case Feature::kTeaserList: return teaser_list[i];
      case Feature::kUrlTitle: return agrees_with_slug(blocks[i].text, slug);
    }
    return false;
  }
};

}  // namespace

struct Cleaner::Impl {
  Options options;
  std::unique_ptr<const RuleMatcher> matcher;
  std::unique_ptr<const HtmlRules> html;  // the HTML rules of matcher->rules()

  // Rules whose pattern, site scope and word limits fit each block.
  std::vector<std::vector<int>> find_hits(const std::vector<Block>& blocks,
                                          std::string_view url) const;
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
    const std::vector<Block>& blocks, std::string_view url) const {
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
             (story || !r.needs_story);
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
      std::size_t paragraphs = 0, before = 0, after = 0;
      for (std::size_t j = 0; j < n; ++j) {
        if (!blocks[j].prose) continue;
        if (j < i) ++paragraphs;
        (j < i ? before : after) += blocks[j].text.size();
      }
      if (paragraphs >= kStoryMinProse && before * kDropTailMaxRatio >= after) {
        for (std::size_t j = i + 1; j < n; ++j) {
          if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
        }
        break;
      }
      continue;
    }
    if (a == Action::kDropBefore) {
      for (std::size_t j = 0; j < i; ++j) {
        if (d[j].kind == Decision::kNone) d[j] = {Decision::kDrop, d[i].rule};
      }
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
  const auto hits = find_hits(blocks, url);
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
