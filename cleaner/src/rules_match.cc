// Compiling and matching rules with RE2: one RE2::Set pass per string.
#include <algorithm>
#include <cctype>

#include <re2/re2.h>
#include <re2/set.h>

#include "rules.h"
#include "xpath_regex.h"

namespace newsclean {
namespace {

// Strings of very different shapes: a pattern that matches all of them is a
// catch-all and would remove whole articles.
constexpr const char* kProbes[] = {
    "x", "The quick brown fox jumps over the lazy dog.", "12345", "—", "Ж",
    "(", "\xe4\xb8\xad\xe6\x96\x87"};

RE2::Options re2_options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_never_capture(true);  // the Set only says which rules hit
  return o;
}

Status pattern_error(const Rule& r, const std::string& what,
                     const std::string& at = {}) {
  return Status(ErrorCode::kRegex,
                (at.empty() ? r.pattern_at : at) + ": rule '" + r.id + "': " + what);
}

Status check_pattern(const Rule& r) {
  if (r.pattern.empty()) return pattern_error(r, "pattern is empty");
  RE2 re(r.pattern, re2_options());
  if (!re.ok()) return pattern_error(r, "invalid pattern: " + re.error());
  if (RE2::PartialMatch("", re)) {
    return pattern_error(r, "pattern matches the empty string, so it would match every block");
  }
  if (!r.unless.empty()) {
    RE2 unless(r.unless, re2_options());
    if (!unless.ok()) {
      return pattern_error(r, "invalid unless pattern: " + unless.error(), r.unless_at);
    }
  }
  const bool all = std::all_of(std::begin(kProbes), std::end(kProbes),
                               [&](const char* p) { return RE2::PartialMatch(p, re); });
  if (all) return pattern_error(r, "pattern matches any text (a catch-all)");
  return {};
}

// An HTML rule's XPath expressions must compile.
Status check_xpath(const Rule& r) {
  for (const std::string* expr : {&r.xpath, &r.body}) {
    if (expr->empty()) continue;
    const std::string why = check_rule_xpath(*expr);
    if (!why.empty()) {
      return Status(ErrorCode::kRegex, r.xpath_at + ": rule '" + r.id + "': " + why + ": " + *expr);
    }
  }
  return {};
}

}  // namespace

// The sets hold every rule's pattern, many with Unicode classes: give their
// program and DFA cache room (memory is taken as needed, not up front). A DFA
// that ran out of room would make Match() miss hits.
constexpr int64_t kSetMaxMem = int64_t{256} << 20;

RE2::Options set_options() {
  RE2::Options o = re2_options();
  o.set_max_mem(kSetMaxMem);
  return o;
}

// Rules are kept in sets by their max_words, so that a long paragraph (most
// of the bytes) is scanned only by the few rules that can fit it.
constexpr std::size_t kBucketMax[] = {12, 30, 80, SIZE_MAX};
constexpr int kBuckets = 4;

int bucket_of(std::size_t max_words) {
  if (max_words == 0) return kBuckets - 1;
  int b = 0;
  while (kBucketMax[b] < max_words) ++b;
  return b;
}

struct RuleMatcher::Sets {
  Sets() {
    for (int i = 0; i < 2 * kBuckets; ++i) set.emplace_back(set_options(), RE2::UNANCHORED);
  }
  // Per Unit and bucket (index unit * kBuckets + bucket):
  std::vector<RE2::Set> set;
  std::vector<int> rule[2 * kBuckets];  // set entry -> index into rules_
  bool empty[2 * kBuckets] = {true, true, true, true, true, true, true, true};
  // Per rule: its compiled pattern (used one by one only if a set's DFA runs
  // out of memory) and its `unless` pattern, or null.
  std::vector<std::unique_ptr<const RE2>> pattern;
  std::vector<std::unique_ptr<const RE2>> unless;
  std::vector<int> always[2];  // feature rules without a pattern, per Unit

  // Appends the rules of set `k` whose pattern matches `text`.
  void find(int k, const re2::StringPiece& text, std::vector<int>* rules_hit) const;
};

RuleMatcher::~RuleMatcher() = default;

Status RuleMatcher::build(std::vector<Rule> rules,
                          std::unique_ptr<const RuleMatcher>* out) {
  std::unique_ptr<RuleMatcher> m(new RuleMatcher());
  auto sets = std::make_unique<Sets>();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    const int u = static_cast<int>(r.unit);
    if (r.is_html()) {  // acts on elements, not on blocks
      sets->pattern.push_back(nullptr);
      sets->unless.push_back(nullptr);
      Status s = check_xpath(r);
      if (!s.ok()) return s;
      continue;
    }
    if (r.pattern.empty() && r.feature != Feature::kNone) {
      sets->always[u].push_back(static_cast<int>(i));
      sets->pattern.push_back(nullptr);
      sets->unless.push_back(
          r.unless.empty() ? nullptr : std::make_unique<const RE2>(r.unless, re2_options()));
      continue;
    }
    Status s = check_pattern(r);
    if (!s.ok()) return s;
    std::string error;
    const int k = u * kBuckets + bucket_of(r.max_words);
    if (sets->set[k].Add(r.pattern, &error) < 0) {
      return pattern_error(r, "invalid pattern: " + error);
    }
    sets->rule[k].push_back(static_cast<int>(i));
    sets->empty[k] = false;
    sets->pattern.push_back(std::make_unique<const RE2>(r.pattern, re2_options()));
    sets->unless.push_back(
        r.unless.empty() ? nullptr : std::make_unique<const RE2>(r.unless, re2_options()));
  }
  for (int k = 0; k < 2 * kBuckets; ++k) {
    if (!sets->empty[k] && !sets->set[k].Compile()) {
      return Status(ErrorCode::kRegex, "the rule patterns together are too large to compile");
    }
  }
  m->rules_ = std::move(rules);
  m->sets_ = std::move(sets);
  *out = std::move(m);
  return {};
}

void RuleMatcher::match(Unit unit, std::string_view s, std::size_t words,
                        std::vector<int>* hits) const {
  hits->clear();
  const int u = static_cast<int>(unit);
  const re2::StringPiece text(s.data(), s.size());
  std::vector<int> candidates = sets_->always[u];
  for (int b = 0; b < kBuckets; ++b) {
    const int k = u * kBuckets + b;
    if (kBucketMax[b] >= words && !sets_->empty[k]) sets_->find(k, text, &candidates);
  }
  for (int k : candidates) {
    const RE2* unless = sets_->unless[k].get();
    if (unless == nullptr || !RE2::PartialMatch(text, *unless)) hits->push_back(k);
  }
  std::sort(hits->begin(), hits->end());
}

void RuleMatcher::Sets::find(int k, const re2::StringPiece& text,
                             std::vector<int>* rules_hit) const {
  std::vector<int> entries;
  RE2::Set::ErrorInfo error{};
  if (!set[k].Match(text, &entries, &error)) {
    if (error.kind != RE2::Set::kOutOfMemory) return;  // kNoError: no hit
    // The set's DFA ran out of memory on this text: ask each rule instead.
    entries.clear();
    for (std::size_t e = 0; e < rule[k].size(); ++e) {
      if (RE2::PartialMatch(text, *pattern[rule[k][e]])) entries.push_back(static_cast<int>(e));
    }
  }
  for (int e : entries) rules_hit->push_back(rule[k][e]);
}

bool site_matches(std::string_view site, std::string_view host) {
  const auto ends_with = [](std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (!site.empty() && site[0] == '.') {
    return host == site.substr(1) || ends_with(host, site);
  }
  return host == site || (ends_with(host, site) && host.size() == site.size() + 4 &&
                          host.substr(0, 4) == "www.");
}

std::string host_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  const std::size_t at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url[0] == '[') {  // IPv6 literal
    url = url.substr(0, url.find(']') + 1);
  } else {
    url = url.substr(0, url.find(':'));
  }
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

}  // namespace newsclean
