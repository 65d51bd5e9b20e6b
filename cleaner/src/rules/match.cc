// Compiling and matching rules with RE2: a few RE2::Set passes per string.
// Kept whole although longer than 400 lines: building, checking and reading
// the sets all use RuleMatcher::Sets, which stays out of the header.
#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <iterator>
#include <map>
#include <tuple>

#include <re2/re2.h>
#include <re2/set.h>

#include "rules/bounded_pattern.h"
#include "rules/match.h"
#include "rules/set_memo.h"
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

// Rules are kept in sets by whether they are anchored at the start of the
// block: a set of those is matched anchored, and its DFA stops as soon as no
// rule can match any more (after a word or two of most blocks) instead of
// reading to the end; the unanchored ones read each block once, together.
// Sets are split by `where` too: a head or tail rule acts only on a few
// blocks at either end, and the blocks between (most of a document) are not
// scanned for it. A rule with a feature and a pattern has a set of its own,
// scanned only on the blocks with its feature (few: duplicates, the URL's
// title), not on every block.
// A user's rule whose pattern begins with a broad class (a capitalised
// word, "no full stop", any text up to " via ") gets a set of its own too:
// it reads on across most blocks, and in a set with others its DFA states
// multiply with theirs, so that nearly every block met states not built yet.
// Built-in rules share their sets: the sets hold their relaxed patterns
// (open repeats instead of counted ones), whose DFA states stay few. The 15
// anchored built-in rules that begin with a broad class, in a set of their
// own per `where`, built fewer states on text the DFAs had not met (193
// documents after 100 others: -12% instructions; after 1,346 others: -1%;
// a first pass: -11%) but cost +7% once the states were built, the extra
// set scanned on every short block; all 18 broad ones apart cost more still.
// Each block pays a fixed cost per set it is scanned by, and most blocks
// are short (a menu entry, a label), so fewer sets is faster: sets split by
// max_words as well (at 12, 30 and 80 words), so that a long paragraph met
// only the rules that fit it, took 1.5 times the instructions of one set per
// anchoring and `where` once the DFAs were warm (text mode, html-text's
// output of every 8th page of ScrapingHub and WCXB-dev); a first pass builds
// more DFA states with the larger sets (+20% instructions on that pass).
struct RuleMatcher::Sets {
  // Adds an empty set for `unit` texts, of rules that look `where` and
  // need `feature`.
  int add_set(int unit, bool anchored, Where at, Feature needs) {
    set.push_back(std::make_unique<RE2::Set>(set_options(), anchored ? RE2::ANCHOR_START
                                                                     : RE2::UNANCHORED));
    const int k = static_cast<int>(set.size()) - 1;
    shape.push_back({k, unit, 0, at, needs});
    rule.emplace_back();
    return k;
  }
  // What match() asks of a set before it reads a string: the longest text
  // (in words) any of its rules fits, where they look, the feature they need.
  struct Scan {
    int k, unit;
    std::size_t limit;
    Where where;
    Feature feature;
    bool fits(std::size_t words, const MatchScope& scope) const {
      return words <= limit && (where != Where::kHead || scope.head) &&
             (where != Where::kTail || scope.tail) &&
             (where != Where::kAnywhere || scope.anywhere) && scope.has(feature);
    }
  };
  // Per set:
  std::vector<std::unique_ptr<RE2::Set>> set;
  std::vector<Scan> shape;
  std::vector<std::vector<int>> rule;  // set entry -> index into rules_
  std::vector<Scan> scan[2];           // the sets of each Unit that have rules
  // Names these sets' answers in the memo of short strings (rules/set_memo.h).
  const std::uint64_t memo_id = SetMemo::new_id();
  // Per rule: its `unless` pattern, or null; a built-in rule's (checked by
  // the test suite) is in lazy_unless, compiled on its first candidate hit.
  std::vector<std::unique_ptr<const RE2>> unless;
  std::vector<std::unique_ptr<const BoundedPattern>> lazy_unless;
  // Feature rules without a pattern, per Unit: what match() asks of them.
  struct Always {
    int rule;
    std::size_t min_words, max_words;  // max_words: SIZE_MAX for no limit
    Feature feature;
  };
  std::vector<Always> always[2];
  // Per rule: 1 if its set holds its relaxed_pattern(), whose hits its own
  // pattern must confirm.
  std::vector<char> confirm;
  // Per rule: its pattern alone, compiled on the first hit to confirm (or
  // if a set's DFA runs out of memory, never so far).
  std::vector<std::unique_ptr<const BoundedPattern>> alone;

  // The entries of set `k` that match `text` in *entries (empty: none); false if
  // its DFA ran out of memory. Asked of the memo first and kept there, unless `key` is null.
  bool matches(int k, const re2::StringPiece& text, const SetMemo::Key* key,
               std::vector<int>* entries) const;
  // Appends the rules of set `k` whose pattern matches `text` and, unless
  // `words` is null, whose word limits fit *words (asked first: a relaxed
  // pattern's hit is confirmed only for a rule that fits); `key` as for matches().
  void find(int k, const re2::StringPiece& text, const std::vector<Rule>& rules,
            const std::size_t* words, std::vector<int>* rules_hit,
            const SetMemo::Key* key = nullptr) const;
  // Rule r's pattern compiled alone.
  const RE2& pattern(int r) const { return alone[r]->exact(); }
  // True if rule r's `unless` pattern matches `text`.
  bool vetoed(const std::vector<Rule>& rules, int r, const re2::StringPiece& text) const {
    if (rules[r].unless.empty()) return false;
    if (unless[r] != nullptr) return RE2::PartialMatch(text, *unless[r]);
    return lazy_unless[r]->partial_match(std::string_view(text.data(), text.size()));
  }
  // True unless rule r's set hit is a relaxed pattern's that r's own
  // pattern does not confirm.
  bool confirmed(const std::vector<Rule>& /*rules*/, int r, const re2::StringPiece& text) const {
    return confirm[r] == 0 || alone[r]->partial_match(std::string_view(text.data(), text.size()));
  }
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

// What a built-in rule's set holds: its relaxed pattern with wide classes,
// which matches wherever the pattern does; "" for the pattern itself.
std::string loose_pattern(const std::string& pattern) {
  const std::string relaxed = relaxed_pattern(pattern);
  std::string wide =
      with_bounded_classes(relaxed.empty() ? pattern : relaxed, ClassBound::kWide);
  return wide.empty() ? relaxed : wide;
}

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
  sets->lazy_unless.resize(rules.size());
  sets->alone.resize(rules.size());
  sets->confirm.resize(rules.size());
  std::vector<std::vector<int>> members;  // the rules with a pattern, by set
  // (unit, anchored, where) -> set
  std::map<std::tuple<int, bool, int>, int> shared;
  for (int i = 0; i < static_cast<int>(rules.size()); ++i) {
    const Rule& r = rules[i];
    const int u = static_cast<int>(r.unit);
    if (r.built_in && !r.unless.empty()) {
      sets->lazy_unless[i] = std::make_unique<const BoundedPattern>(r.unless, re2_options());
    }
    if (r.is_html()) {  // acts on elements, not on blocks
      faults.pattern[i] = check_xpath(r);
      continue;
    }
    if (r.pattern.empty() && r.feature != Feature::kNone) {
      if (!r.built_in) sets->unless[i] = compile_unless(r, &faults.unless[i]);
      sets->always[u].push_back(
          {i, r.min_words, r.max_words == 0 ? SIZE_MAX : r.max_words, r.feature});
      continue;
    }
    if (r.pattern.empty()) {
      faults.pattern[i] = pattern_error(r, "pattern is empty");
      continue;
    }
    const bool anchored = anchored_at_start(r.pattern);
    const std::size_t max_words = r.max_words == 0 ? SIZE_MAX : r.max_words;
    int k = -1;
    if (r.feature != Feature::kNone || (!r.built_in && !starts_with_literal(r.pattern))) {
      k = sets->add_set(u, anchored, r.where, r.feature);
    } else {
      const auto [at, added] =
          shared.emplace(std::make_tuple(u, anchored, static_cast<int>(r.where)), 0);
      if (added) at->second = sets->add_set(u, anchored, r.where, Feature::kNone);
      k = at->second;
    }
    sets->shape[k].limit = std::max(sets->shape[k].limit, max_words);
    members.resize(sets->set.size());
    members[k].push_back(i);
    sets->alone[i] = std::make_unique<const BoundedPattern>(r.pattern, set_options());
    if (!r.built_in) sets->unless[i] = compile_unless(r, &faults.unless[i]);
  }
  // Parsing and compiling the patterns is most of the time a Cleaner (or the
  // CLI) takes to start; the sets are independent, so each core takes some.
  std::atomic<bool> compiled{true};
  run_on_cores(members.size(), [&](std::size_t k) {
    for (const int i : members[k]) {
      // A built-in rule's pattern is checked by the test suite: its set may
      // hold the relaxed form with wide classes (bounded_pattern.h), far
      // quicker to parse and compile, and its own pattern is matched on its
      // first hit.
      const std::string loose = rules[i].built_in ? loose_pattern(rules[i].pattern) : "";
      if (!loose.empty() && sets->set[k]->Add(loose, nullptr) >= 0) {
        sets->confirm[i] = 1;
        sets->rule[k].push_back(i);
        continue;
      }
      std::string error;
      if (sets->set[k]->Add(rules[i].pattern, &error) < 0) {
        faults.pattern[i] = pattern_error(rules[i], "invalid pattern: " + error);
      } else {
        sets->rule[k].push_back(i);
      }
    }
    if (!sets->rule[k].empty() && !sets->set[k]->Compile()) compiled = false;
  });
  if (!compiled) {
    const Status s = faults.first(rules);
    return s.ok() ? Status(ErrorCode::kRegex, "the rule patterns together are too large to compile")
                  : s;
  }
  // A pattern that matches the empty string, or every probe, is refused.
  // Not asked of a set of built-in rules only: the test suite builds each
  // built-in rule alone, as a rule file's (rule_examples.cc), which asks it.
  std::vector<int> hit;
  for (int k = 0; k < static_cast<int>(sets->set.size()); ++k) {
    if (std::all_of(sets->rule[k].begin(), sets->rule[k].end(),
                    [&](int i) { return rules[i].built_in; })) {
      continue;  // also a set without rules
    }
    hit.clear();
    sets->find(k, re2::StringPiece(), rules, nullptr, &hit);
    for (int i : hit) faults.matches_empty[i] = 1;
    std::vector<int> all = sets->rule[k];  // ascending: rules are added in order
    for (const char* probe : kProbes) {
      hit.clear();
      sets->find(k, probe, rules, nullptr, &hit);
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
  for (const Sets::Scan& x : sets->shape) {
    if (!sets->rule[x.k].empty()) sets->scan[x.unit].push_back(x);
  }
  m->list_item_rules_ =
      std::any_of(rules.begin(), rules.end(), [](const Rule& r) { return r.list_items; });
  m->rules_ = std::move(rules);
  m->sets_ = std::move(sets);
  *out = std::move(m);
  return {};
}

bool RuleMatcher::has_rules(Unit unit) const {
  const int u = static_cast<int>(unit);
  return !sets_->always[u].empty() || !sets_->scan[u].empty();
}

void RuleMatcher::match(Unit unit, std::string_view s, std::size_t words,
                        std::vector<int>* hits, const MatchScope& scope) const {
  hits->clear();
  const int u = static_cast<int>(unit);
  const re2::StringPiece text(s.data(), s.size());
  // A rule with a feature and no pattern is a candidate wherever its
  // feature holds and its word limits fit: most blocks have none of the
  // features, and the rule is not even vetoed there. Their `where` is
  // decide's to apply, so a scope without `anywhere` (a second look at a
  // block for the tail's patterns) has them already.
  for (const Sets::Always& a : sets_->always[u]) {
    if (!scope.anywhere || words < a.min_words || words > a.max_words) continue;
    // A model's feature is scored when asked, dearer than the rule's
    // `unless`: the veto first.
    if (a.feature == Feature::kChromeWords && sets_->vetoed(rules_, a.rule, text)) continue;
    if (scope.has(a.feature)) hits->push_back(a.rule);
  }
  SetMemo::Key key;
  const SetMemo::Key* memo = SetMemo::make_key(s, &key) ? &key : nullptr;
  for (const Sets::Scan& set : sets_->scan[u]) {
    if (set.fits(words, scope)) sets_->find(set.k, text, rules_, &words, hits, memo);
  }
  // Drop the candidates that their `unless` pattern vetoes.
  hits->erase(std::remove_if(hits->begin(), hits->end(),
                             [&](int k) { return sets_->vetoed(rules_, k, text); }),
              hits->end());
  if (!std::is_sorted(hits->begin(), hits->end())) std::sort(hits->begin(), hits->end());
}

bool RuleMatcher::Sets::matches(int k, const re2::StringPiece& text, const SetMemo::Key* key,
                                std::vector<int>* entries) const {
  if (key != nullptr && SetMemo::find(*key, memo_id, k, entries)) return true;
  RE2::Set::ErrorInfo error{};
  // Most strings hit no rule: first ask only whether any does (no match list
  // to fill, and the DFA stops at the first hit). A set of one rule is done.
  bool any = set[k]->Match(text, nullptr, &error);
  if (any && rule[k].size() == 1) {
    entries->push_back(0);
  } else if (any) {
    any = set[k]->Match(text, entries, &error);
  }
  if (!any && error.kind == RE2::Set::kOutOfMemory) return false;
  if (key != nullptr) SetMemo::keep(*key, memo_id, k, *entries);
  return true;
}

void RuleMatcher::Sets::find(int k, const re2::StringPiece& text, const std::vector<Rule>& rules,
                             const std::size_t* words, std::vector<int>* rules_hit,
                             const SetMemo::Key* key) const {
  const auto fits = [&](int r) {
    return words == nullptr || (*words >= rules[r].min_words &&
                                (rules[r].max_words == 0 || *words <= rules[r].max_words));
  };
  std::vector<int> entries;
  if (matches(k, text, key, &entries)) {
    for (int e : entries) {
      if (fits(rule[k][e]) && confirmed(rules, rule[k][e], text)) rules_hit->push_back(rule[k][e]);
    }
    return;
  }
  // The set's DFA ran out of memory on this text: ask each rule instead.
  for (const int r : rule[k]) {
    if (fits(r) && RE2::PartialMatch(text, pattern(r))) rules_hit->push_back(r);
  }
}

}  // namespace newsclean
