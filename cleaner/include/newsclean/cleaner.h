// newsclean: strips the site around a news story (breadcrumbs, the repeated
// headline, photo captions, footers) and keeps every sentence of the story.
//
// Usage:
//
//   #include <newsclean/cleaner.h>
//
//   newsclean::Cleaner cleaner;                      // built-in rules
//   newsclean::Result r = cleaner.clean(text, "https://www.example.com/a/1");
//   std::cout << r.text << "\n";                     // the story, one paragraph a line
//   for (const auto& c : r.captions)                 // captions left the text,
//     std::cout << c.related << " " << c.text;       // judged against the story
//   for (const auto& x : r.removed)                  // and every removal says why
//     std::cout << x.index << " " << x.rule << " " << x.category;
//
// With rules of your own (they extend the built-in set; a rule with the id of an
// earlier one replaces it, and `disable: [id, ...]` turns rules off):
//
//   newsclean::Cleaner cleaner;
//   newsclean::Status s = newsclean::Cleaner::create(
//       {newsclean::RuleSource::from_file("site-rules.yaml")}, {}, &cleaner);
//   if (!s.ok()) { std::cerr << s.message() << "\n"; }   // "file:line:col: rule 'x': ..."
//
// Data flow: text -> blocks (one per non-empty line, spaces normalised), or
// HTML -> libxml2 tree -> pruned by the HTML rules -> main content -> blocks;
// then for both: rules (one RE2::Set pass per block, then the few rules that
// hit) -> Result.
//
// Threads: a Cleaner is immutable once built. Share one across threads and
// call clean() concurrently; copies are cheap (they share the compiled rules).
//
// Failure: building a Cleaner from rules can fail and returns a Status.
// clean() never throws, never aborts and never exits, whatever the input; odd
// input (invalid UTF-8, NUL bytes) is repaired and noted in Result::warnings.
//
// Naming: namespace newsclean, CamelCase types, snake_case functions and
// members, kConstants.

#ifndef NEWSCLEAN_CLEANER_H_
#define NEWSCLEAN_CLEANER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsclean/options.h"
#include "newsclean/result.h"
#include "newsclean/status.h"

namespace newsclean {

// Offset of the first ill-formed UTF-8 sequence in `s` (an overlong form, a
// surrogate, a code point over U+10FFFF, a truncated sequence or a stray
// continuation byte), or std::string_view::npos when `s` is well-formed.
std::size_t find_invalid_utf8(std::string_view s);

// A rule as loaded, for listing and explanation.
struct RuleInfo {
  std::string id;
  std::string category;
  std::string action;  // drop, drop_rest, drop_before, keep, metadata
  std::string where;   // head, tail, anywhere
  std::string origin;  // "file:line" where the rule was defined
};

// The YAML text of the built-in rules (rules.yaml, embedded at build time).
std::string_view default_rules_yaml();

class Cleaner {
 public:
  // The built-in rules with default options. Cannot fail: the embedded rules
  // are checked when the library is built and tested. They are compiled on
  // first use (once per process), so this constructor itself is cheap.
  Cleaner();

  // Builds a cleaner from the built-in rules (unless options.no_default_rules)
  // followed by `sources` in order. On failure `*out` is left unchanged.
  static Status create(const std::vector<RuleSource>& sources,
                       const Options& options, Cleaner* out);

  // Cleans one document: plain text or an HTML page (see Format). `url`
  // (optional) selects site-scoped rules. Never throws.
  Result clean(std::string_view input, std::string_view url = {},
               Format format = Format::kAuto) const noexcept;

  // Cleans many documents on `workers` threads (0: all cores). urls may be
  // empty or as long as texts. Results are in input order.
  std::vector<Result> clean_many(const std::vector<std::string_view>& texts,
                                 const std::vector<std::string_view>& urls = {},
                                 unsigned workers = 0,
                                 Format format = Format::kAuto) const;

  const Options& options() const;
  std::vector<RuleInfo> rules() const;  // the active rules, in order

 private:
  struct Impl;
  explicit Cleaner(std::shared_ptr<const Impl> impl);
  const Impl& impl() const;            // impl_, or the built-in rules when null
  std::shared_ptr<const Impl> impl_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_CLEANER_H_
