// Compiling and matching rules with RE2: one RE2::Set pass per string.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <system_error>
#include <thread>
#include <iterator>
#include <mutex>

#include <re2/re2.h>
#include <re2/set.h>

#include "rules/match.h"
#include "rules/xpath_regex.h"

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

// A rule's `unless` pattern compiled, or null when it has none; *error
// says why it does not compile.
std::unique_ptr<const RE2> compile_unless(const Rule& r, Status* error) {
  if (r.unless.empty()) return nullptr;
  auto unless = std::make_unique<const RE2>(r.unless, re2_options());
  if (!unless->ok()) {
    *error = pattern_error(r, "invalid unless pattern: " + unless->error(), r.unless_at);
  }
  return unless;
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

// ---- anchoring: which patterns can only match at the start of a block

// Index after the atom at p[i]: an escape, a character class, a group
// (balanced) or one byte. npos where the pattern is beyond this reading
// (\Q...\E, an unclosed class or group): the caller then assumes nothing.
std::size_t skip_atom(std::string_view p, std::size_t i) {
  if (p[i] == '\\') {
    if (i + 1 >= p.size() || p[i + 1] == 'Q') return std::string_view::npos;
    if ((p[i + 1] == 'p' || p[i + 1] == 'P' || p[i + 1] == 'x') && i + 2 < p.size() &&
        p[i + 2] == '{') {
      const std::size_t close = p.find('}', i + 3);
      return close == std::string_view::npos ? close : close + 1;
    }
    return i + 2;
  }
  if (p[i] == '[') {
    std::size_t k = i + 1;
    if (k < p.size() && p[k] == '^') ++k;
    if (k < p.size() && p[k] == ']') ++k;  // a leading ']' is literal
    while (k < p.size() && p[k] != ']') {
      if (p[k] == '\\') {
        k += 2;
      } else if (p.compare(k, 2, "[:") == 0) {
        const std::size_t close = p.find(":]", k + 2);
        if (close == std::string_view::npos) return close;
        k = close + 2;
      } else {
        ++k;
      }
    }
    return k < p.size() ? k + 1 : std::string_view::npos;
  }
  if (p[i] == '(') {
    std::size_t k = i + 1;
    while (k < p.size() && p[k] != ')') {
      k = skip_atom(p, k);
      if (k == std::string_view::npos) return k;
    }
    return k < p.size() ? k + 1 : std::string_view::npos;
  }
  return i + 1;
}

bool branches_anchored(std::string_view p, std::size_t* i);

// True if the branch starting at p[*i] begins with ^ (or \A), after
// zero-width flag groups, or with a group all of whose branches do.
bool branch_anchored(std::string_view p, std::size_t i) {
  while (i < p.size()) {
    if (p[i] == '^' || p.compare(i, 2, "\\A") == 0) return true;
    if (p[i] != '(') return false;
    std::size_t k = i + 1;
    if (k < p.size() && p[k] == '?') {  // (?flags) or (?flags:...) or (?P<name>...)
      ++k;
      if (k < p.size() && p[k] == 'P') {
        k = p.find('>', k);
        if (k == std::string_view::npos) return false;
        ++k;
      } else {
        while (k < p.size() && (std::isalpha(static_cast<unsigned char>(p[k])) || p[k] == '-')) ++k;
        if (k >= p.size()) return false;
        if (p[k] == ')') {  // flags for what follows: read on
          i = k + 1;
          continue;
        }
        if (p[k] != ':') return false;
        ++k;
      }
    }
    std::size_t inner = k;
    if (!branches_anchored(p, &inner)) return false;
    // A group that may match nothing (?, *, {0,...}) does not anchor.
    return inner >= p.size() || (p[inner] != '?' && p[inner] != '*' && p[inner] != '{');
  }
  return false;
}

// True if every branch from p[*i] up to the ')' that closes them (or the
// end) is anchored; *i is then the index after that ')'.
bool branches_anchored(std::string_view p, std::size_t* i) {
  bool all = branch_anchored(p, *i);
  std::size_t k = *i;
  while (k < p.size() && p[k] != ')') {
    if (p[k] == '|') {
      all = all && branch_anchored(p, k + 1);
      ++k;
      continue;
    }
    k = skip_atom(p, k);
    if (k == std::string_view::npos) return false;
  }
  *i = k < p.size() ? k + 1 : k;
  return all;
}

}  // namespace

bool anchored_at_start(std::string_view pattern) {
  // (?m) makes ^ match after every newline.
  for (std::size_t f = pattern.find("(?"); f != std::string_view::npos;
       f = pattern.find("(?", f + 2)) {
    for (std::size_t k = f + 2; k < pattern.size() && pattern[k] != ':' && pattern[k] != ')';
         ++k) {
      if (pattern[k] == 'm') return false;
    }
  }
  std::size_t i = 0;
  return branches_anchored(pattern, &i) && i >= pattern.size();
}

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
// of the bytes) is scanned only by the few rules that can fit it; and by
// whether they are anchored at the start of the block: a set of those is
// matched anchored, and its DFA stops as soon as no rule can match any more
// (after a word or two of most blocks) instead of reading to the end.
// (Fewer, larger sets were tried: the DFA of a set holding several buckets,
// or anchored and unanchored rules together, has many more states, and
// building them made cleaning 2 to 6 times slower.)
constexpr std::size_t kBucketMax[] = {12, 30, 80, SIZE_MAX};
constexpr int kBuckets = 4;
constexpr int kSets = 2 * kBuckets * 2;  // unit x bucket x anchored

int set_index(int unit, int bucket, bool anchored) {
  return (unit * kBuckets + bucket) * 2 + (anchored ? 1 : 0);
}

int bucket_of(std::size_t max_words) {
  if (max_words == 0) return kBuckets - 1;
  int b = 0;
  while (kBucketMax[b] < max_words) ++b;
  return b;
}

struct RuleMatcher::Sets {
  Sets() {
    for (int i = 0; i < kSets; ++i) {
      set.emplace_back(set_options(), i % 2 == 1 ? RE2::ANCHOR_START : RE2::UNANCHORED);
    }
  }
  // Per Unit, bucket and anchoring (index set_index(...)):
  std::vector<RE2::Set> set;
  std::vector<int> rule[kSets];  // set entry -> index into rules_
  bool any[kSets] = {};  // the set has rules
  // Per rule: its `unless` pattern, or null.
  std::vector<std::unique_ptr<const RE2>> unless;
  std::vector<int> always[2];  // feature rules without a pattern, per Unit
  // Per rule: its pattern compiled alone, made only if a set's DFA runs out
  // of memory (never so far), so that each pattern is compiled once at start.
  mutable std::mutex alone_mutex;
  mutable std::vector<std::unique_ptr<const RE2>> alone;

  // Appends the rules of set `k` whose pattern matches `text`.
  void find(int k, const re2::StringPiece& text, const std::vector<Rule>& rules,
            std::vector<int>* rules_hit) const;
  // Rule r's pattern compiled alone.
  const RE2& pattern(const std::vector<Rule>& rules, int r) const;
};

RuleMatcher::~RuleMatcher() = default;

namespace {

// What is wrong with each rule, found in two passes (before and after the
// sets are compiled). The first faulty rule is told, with its first fault in
// this order: pattern (empty, invalid; XPath), matches the empty string,
// `unless`, matches any text.
struct Faults {
  explicit Faults(std::size_t n) : pattern(n), unless(n), matches_empty(n), matches_all(n) {}
  std::vector<Status> pattern;   // empty, invalid, or an HTML rule's XPath
  std::vector<Status> unless;    // the `unless` pattern does not compile
  std::vector<char> matches_empty, matches_all;

  Status first(const std::vector<Rule>& rules) const {
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (!pattern[i].ok()) return pattern[i];
      if (matches_empty[i]) {
        return pattern_error(rules[i],
                             "pattern matches the empty string, so it would match every block");
      }
      if (!unless[i].ok()) return unless[i];
      if (matches_all[i]) return pattern_error(rules[i], "pattern matches any text (a catch-all)");
    }
    return {};
  }
};

// Runs work(0) ... work(n - 1) on as many threads as there are cores.
template <typename Work>
void run_on_cores(std::size_t n, const Work& work) {
  std::atomic<std::size_t> next{0};
  const auto loop = [&] {
    for (std::size_t i = next++; i < n; i = next++) work(i);
  };
  std::vector<std::thread> helpers;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  try {
    for (unsigned t = 1; t < cores && t < n; ++t) helpers.emplace_back(loop);
  } catch (const std::system_error&) {  // no thread to spare: this one does the rest
  }
  loop();
  for (std::thread& t : helpers) t.join();
}

}  // namespace

Status RuleMatcher::build(std::vector<Rule> rules,
                          std::unique_ptr<const RuleMatcher>* out) {
  std::unique_ptr<RuleMatcher> m(new RuleMatcher());
  auto sets = std::make_unique<Sets>();
  Faults faults(rules.size());
  sets->unless.resize(rules.size());
  sets->alone.resize(rules.size());
  std::vector<int> members[kSets];  // the rules with a pattern, by set
  for (int i = 0; i < static_cast<int>(rules.size()); ++i) {
    const Rule& r = rules[i];
    const int u = static_cast<int>(r.unit);
    if (r.is_html()) {  // acts on elements, not on blocks
      faults.pattern[i] = check_xpath(r);
      continue;
    }
    if (r.pattern.empty() && r.feature != Feature::kNone) {
      sets->unless[i] = compile_unless(r, &faults.unless[i]);
      sets->always[u].push_back(i);
      continue;
    }
    if (r.pattern.empty()) {
      faults.pattern[i] = pattern_error(r, "pattern is empty");
      continue;
    }
    members[set_index(u, bucket_of(r.max_words), anchored_at_start(r.pattern))].push_back(i);
    sets->unless[i] = compile_unless(r, &faults.unless[i]);
  }
  // Parsing and compiling the patterns is most of the time a Cleaner (or the
  // CLI) takes to start; the sets are independent, so each core takes some.
  std::atomic<bool> compiled{true};
  run_on_cores(kSets, [&](std::size_t k) {
    for (const int i : members[k]) {
      std::string error;
      if (sets->set[k].Add(rules[i].pattern, &error) < 0) {
        faults.pattern[i] = pattern_error(rules[i], "invalid pattern: " + error);
      } else {
        sets->rule[k].push_back(i);
      }
    }
    sets->any[k] = !sets->rule[k].empty();
    if (sets->any[k] && !sets->set[k].Compile()) compiled = false;
  });
  if (!compiled) {
    const Status s = faults.first(rules);
    return s.ok() ? Status(ErrorCode::kRegex, "the rule patterns together are too large to compile")
                  : s;
  }
  // A pattern that matches the empty string, or every probe, is refused.
  std::vector<int> hit;
  for (int k = 0; k < kSets; ++k) {
    if (!sets->any[k]) continue;
    hit.clear();
    sets->find(k, re2::StringPiece(), rules, &hit);
    for (int i : hit) faults.matches_empty[i] = 1;
    std::vector<int> all = sets->rule[k];  // ascending: rules are added in order
    for (const char* probe : kProbes) {
      hit.clear();
      sets->find(k, probe, rules, &hit);
      std::sort(hit.begin(), hit.end());
      std::vector<int> still;
      std::set_intersection(all.begin(), all.end(), hit.begin(), hit.end(),
                            std::back_inserter(still));
      all.swap(still);
    }
    for (int i : all) faults.matches_all[i] = 1;
  }
  const Status s = faults.first(rules);
  if (!s.ok()) return s;
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
  hits->insert(hits->end(), sets_->always[u].begin(), sets_->always[u].end());
  for (int b = 0; b < kBuckets; ++b) {
    if (kBucketMax[b] < words) continue;
    for (const bool anchored : {false, true}) {
      const int k = set_index(u, b, anchored);
      if (sets_->any[k]) sets_->find(k, text, rules_, hits);
    }
  }
  // Drop the candidates that their `unless` pattern vetoes.
  hits->erase(std::remove_if(hits->begin(), hits->end(),
                             [&](int k) {
                               const RE2* unless = sets_->unless[k].get();
                               return unless != nullptr && RE2::PartialMatch(text, *unless);
                             }),
              hits->end());
  std::sort(hits->begin(), hits->end());
}

const RE2& RuleMatcher::Sets::pattern(const std::vector<Rule>& rules, int r) const {
  const std::lock_guard<std::mutex> lock(alone_mutex);
  if (alone[r] == nullptr) alone[r] = std::make_unique<const RE2>(rules[r].pattern, re2_options());
  return *alone[r];
}

void RuleMatcher::Sets::find(int k, const re2::StringPiece& text, const std::vector<Rule>& rules,
                             std::vector<int>* rules_hit) const {
  RE2::Set::ErrorInfo error{};
  // Most strings hit no rule: first ask only whether any does (no match list
  // to fill, and the DFA stops at the first hit).
  bool any = set[k].Match(text, nullptr, &error);
  std::vector<int> entries;
  if (any) any = set[k].Match(text, &entries, &error);
  if (any) {
    for (int e : entries) rules_hit->push_back(rule[k][e]);
    return;
  }
  if (error.kind != RE2::Set::kOutOfMemory) return;  // kNoError: no hit
  // The set's DFA ran out of memory on this text: ask each rule instead.
  for (const int r : rule[k]) {
    if (RE2::PartialMatch(text, pattern(rules, r))) rules_hit->push_back(r);
  }
}

}  // namespace newsclean
