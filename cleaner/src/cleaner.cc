// The facade behind include/newsclean/cleaner.h: building a Cleaner from
// rule sources, and cleaning one document (front end -> engine -> Result).
#include "newsclean/cleaner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/page_url.h"
#include "core/text.h"
#include "core/utf8.h"
#include "engine/assemble.h"
#include "html/charset.h"
#include "html/extract.h"
#include "html/selectors.h"
#include "html/visible_text.h"
#include "rules/load.h"
#include "rules/match.h"
#include "rules/site_pack.h"

namespace newsclean {

namespace {

// A Cleaner's rules, compiled: all that depends on its rule sources, the
// ids it disables and its site pack, and on none of its other options.
// Cleaners built from the same share one (compiled_for).
struct Compiled {
  std::unique_ptr<const RuleMatcher> matcher;
  std::unique_ptr<const HtmlRules> html;  // the HTML rules of matcher->rules()
  const SitePack* pack = nullptr;         // Options::site_pack, or null

  // The HTML rules for a page of `host`: `html`, or with the pack's rules
  // for the host's sites (built on first use, then shared by every thread).
  // A site whose rules could not all be used adds a warning.
  const HtmlRules& html_for(std::string_view host, std::vector<std::string>* warnings) const;

 private:
  // The HTML rules of each combination of the pack's sites met so far
  // ("example.com .example.com "); an entry is never removed or changed.
  mutable std::mutex site_mutex;
  mutable std::unordered_map<std::string, std::unique_ptr<const HtmlRules>> site_rules;
};

const HtmlRules& Compiled::html_for(std::string_view host,
                                    std::vector<std::string>* warnings) const {
  if (pack == nullptr) return *html;
  const std::vector<const SitePack::Site*> sites = pack->sites_for(host);
  if (sites.empty()) return *html;
  std::string key;
  for (const SitePack::Site* site : sites) {
    key.append(site->key).push_back(' ');
    site->rules(pack->name());  // parsed on the first page of the site
    if (!site->error().empty()) warnings->push_back("site pack: " + site->error());
  }
  const std::lock_guard<std::mutex> lock(site_mutex);
  std::unique_ptr<const HtmlRules>& rules = site_rules[key];
  if (rules == nullptr) {
    std::vector<const Rule*> added;
    for (const SitePack::Site* site : sites) {
      for (const Rule& r : site->rules(pack->name())) added.push_back(&r);
    }
    rules = std::make_unique<const HtmlRules>(matcher->rules(), added);
  }
  return *rules;
}

constexpr const char* kBuiltInName = "<built-in rules.yaml>";

// The built-in rules' descriptions by id, read from the file the first time
// rules() is asked: compile() leaves them out.
const std::unordered_map<std::string, std::string>& built_in_descriptions() {
  static const auto* const by_id = [] {
    auto* descriptions = new std::unordered_map<std::string, std::string>();
    std::vector<Rule> rules;
    std::vector<Disable> disable;
    const RuleSource source =
        RuleSource::from_string(without_rule_keys(default_rules_yaml(), {"examples"}), kBuiltInName);
    if (parse_rules(source, &rules, &disable).ok()) {
      for (Rule& r : rules) descriptions->emplace(r.id, std::move(r.description));
    }
    return descriptions;
  }();
  return *by_id;
}

// Compiles the built-in rules (unless options.no_default_rules), then
// `sources`, less the disabled ids, with the site pack; null on error.
std::shared_ptr<const Compiled> compile(const std::vector<RuleSource>& sources,
                                        const Options& options, Status* status) {
  std::vector<Rule> rules;
  std::vector<Disable> disable;
  if (!options.no_default_rules) {
    // Their examples are the test suite's (which requires them), their
    // descriptions rules()'s: neither is parsed here.
    *status = parse_rules_in_halves(
        RuleSource::from_string(without_rule_keys(default_rules_yaml(), {"examples", "description"}),
                                kBuiltInName),
        &rules, &disable);
    if (!status->ok()) return nullptr;
    for (Rule& r : rules) r.built_in = true;
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
  auto compiled = std::make_shared<Compiled>();
  if (!options.site_pack.empty()) {
    compiled->pack = SitePack::get(options.site_pack, status);
    if (compiled->pack == nullptr) return nullptr;
  }
  *status = RuleMatcher::build(std::move(rules), &compiled->matcher);
  if (!status->ok()) return nullptr;
  compiled->html = std::make_unique<HtmlRules>(compiled->matcher->rules());
  return compiled;
}

// At most this many compiled rule sets are kept for reuse.
constexpr std::size_t kCompiledKept = 8;

// compile(), once per process for the same sources (by name and text),
// disabled ids, built-in rules or not, and site pack: a second Cleaner, an
// unpickled one, a worker's, takes the rules already compiled. The most
// recently built kCompiledKept are kept; errors are not.
std::shared_ptr<const Compiled> compiled_for(const std::vector<RuleSource>& sources,
                                             const Options& options, Status* status) {
  std::string key;
  const auto add = [&key](std::string_view part) {
    key.append(std::to_string(part.size())).push_back(':');
    key.append(part);
  };
  add(options.no_default_rules ? "own" : "built-in");
  add(options.site_pack);
  for (const std::string& id : options.disable) add(id);
  key.push_back('|');
  for (const RuleSource& source : sources) {
    add(source.name);
    add(source.yaml);
    add(source.error);
  }
  static std::mutex mu;
  static std::vector<std::pair<std::string, std::shared_ptr<const Compiled>>> kept;
  {
    const std::lock_guard<std::mutex> lock(mu);
    for (const auto& [k, compiled] : kept) {
      if (k == key) return compiled;
    }
  }
  // Compiled outside the lock: two threads may both compile the same; the
  // first to finish is kept.
  std::shared_ptr<const Compiled> compiled = compile(sources, options, status);
  if (compiled == nullptr) return nullptr;
  const std::lock_guard<std::mutex> lock(mu);
  for (const auto& [k, other] : kept) {
    if (k == key) return other;
  }
  if (kept.size() >= kCompiledKept) kept.erase(kept.begin());
  kept.emplace_back(std::move(key), compiled);
  return compiled;
}

}  // namespace

struct Cleaner::Impl {
  Options options;
  std::shared_ptr<const Compiled> compiled;

  void run(std::string_view input, std::string_view url, Format format,
           std::string_view charset, Result* r) const;

  // The last resort for an HTML page whose result came out empty: its
  // visible text, when that holds a sentence, read as whole-page text.
  void read_visible_text(std::string_view input, const HtmlRules& html, const PageUrl& url,
                         std::string_view charset, Result* r) const;

  // The built-in rules (unless disabled) and `sources`; null on error.
  static std::shared_ptr<const Impl> build(const std::vector<RuleSource>& sources,
                                           const Options& options, Status* status);

  // The built-in rules, compiled on first use and shared by every Cleaner
  // that was default-constructed.
  static std::shared_ptr<const Impl> built_in();
};

void Cleaner::Impl::run(std::string_view input, std::string_view url, Format format,
                        std::string_view charset, Result* r) const {
  r->stats.bytes_in = input.size();
  const PageUrl page_url(url);
  Document doc;
  if (format == Format::kHtml || (format == Format::kAuto && looks_like_html(input))) {
    std::vector<std::string> warnings;
    const HtmlRules& html = compiled->html_for(page_url.host, &warnings);
    doc = extract_html(input, page_url, html, charset, options.removed_text_chars);
    doc.warnings.insert(doc.warnings.end(), warnings.begin(), warnings.end());
    run_engine(*compiled->matcher, options, std::move(doc), page_url, r);
    if (r->text.empty()) read_visible_text(input, html, page_url, charset, r);
    return;
  }
  Document text = text_document(input, charset);
  if (is_forum_url(url)) text.kind = PageKind::kForum;  // its replies are its content
  run_engine(*compiled->matcher, options, std::move(text), page_url, r);
}

// Whatever emptied the result (an HTML rule stripping the element that
// wraps the content, a chooser that found no paragraph, text rules dropping
// every block), a page a reader sees sentences on is not empty: its text,
// as whole-page text, loses its menus and keeps its prose. The page's own
// metadata stays; the rest of the result is that of the text.
void Cleaner::Impl::read_visible_text(std::string_view input, const HtmlRules& html,
                                      const PageUrl& url, std::string_view charset,
                                      Result* r) const {
  Document doc = text_document(visible_text(input, html, charset));
  if (std::none_of(doc.blocks.begin(), doc.blocks.end(), [](const Block& b) { return b.prose; })) {
    return;
  }
  Options as_page = options;
  as_page.input_kind = InputKind::kPage;
  Result page;
  run_engine(*compiled->matcher, as_page, std::move(doc), url, &page);
  if (page.text.empty()) return;
  r->text = std::move(page.text);
  if (r->title.empty()) r->title = std::move(page.title);
  r->input_kind = "page";
  r->captions = std::move(page.captions);
  r->removed = std::move(page.removed);
  r->stats = page.stats;
  r->stats.bytes_in = input.size();
  r->warnings.push_back(
      "no content found in the page's structure: its visible text was read as whole-page text");
}

std::shared_ptr<const Cleaner::Impl> Cleaner::Impl::built_in() {
  static const std::shared_ptr<const Cleaner::Impl> kDefault = [] {
    Status s;
    auto impl = build({}, Options(), &s);
    if (!impl) {
      // Unreachable when the embedded rules pass the test suite; cleaning
      // with no rules still works (it only normalises and splits).
      auto empty = std::make_shared<Compiled>();
      RuleMatcher::build({}, &empty->matcher);
      empty->html = std::make_unique<HtmlRules>(empty->matcher->rules());
      auto fallback = std::make_shared<Impl>();
      fallback->compiled = std::move(empty);
      impl = std::move(fallback);
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
  auto impl = std::make_shared<Cleaner::Impl>();
  impl->options = options;
  impl->compiled = compiled_for(sources, options, status);
  if (impl->compiled == nullptr) return nullptr;
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

Result Cleaner::clean(std::string_view input, std::string_view url, Format format,
                      std::string_view charset) const noexcept {
  Result r;
  try {
    impl().run(input, url, format, charset, &r);
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
                                        unsigned workers, Format format,
                                        const std::vector<std::string_view>& charsets) const {
  std::vector<Result> results(texts.size());
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<std::size_t>(workers, texts.size()));
  // The longest documents first: a long one taken last would leave the other
  // threads idle while it is cleaned (one page can be a twentieth of a batch).
  std::vector<std::size_t> order(texts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (workers > 1) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return texts[a].size() > texts[b].size();
    });
  }
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t k = next++; k < order.size(); k = next++) {
      const std::size_t i = order[k];
      results[i] = clean(texts[i], i < urls.size() ? urls[i] : std::string_view(), format,
                         i < charsets.size() ? charsets[i] : std::string_view());
    }
  };
  std::vector<std::thread> pool;
  try {
    pool.reserve(workers);  // no allocation once threads run
  } catch (const std::exception&) {
    workers = 1;
  }
  for (unsigned w = 1; w < workers; ++w) {
    try {
      pool.emplace_back(work);
    } catch (const std::exception&) {
      break;  // no more threads: the ones running (and this one) take the rest
    }
  }
  work();
  for (auto& t : pool) t.join();
  return results;
}

const Options& Cleaner::options() const { return impl().options; }

std::vector<RuleInfo> Cleaner::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : impl().compiled->matcher->rules()) {
    std::string description = r.description;
    if (r.built_in) {
      const auto& descriptions = built_in_descriptions();
      const auto it = descriptions.find(r.id);
      if (it != descriptions.end()) description = it->second;
    }
    out.push_back(
        {r.id, r.category, to_string(r.action), to_string(r.where), r.origin, description});
  }
  return out;
}

std::size_t find_invalid_utf8(std::string_view s) { return find_invalid_utf8_in(s); }

}  // namespace newsclean
