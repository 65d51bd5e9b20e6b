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
//     std::cout << x.stage << " " << x.rule << " " << x.category << " " << x.path;
//                                                    // (HTML: elements too, in
//                                                    // reading order)
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
// Charsets: HTML bytes in any charset are decoded (BOM, then the declared
// charset checked against the bytes, then detection); text already decoded
// is passed with charset kDecodedText so that its <meta> is not obeyed:
//
//   cleaner.clean(page_bytes, url, newsclean::Format::kHtml);       // as fetched
//   cleaner.clean(page_utf8, url, newsclean::Format::kHtml,
//                 newsclean::kDecodedText);                         // already text
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
  std::string action;       // drop, drop_rest, drop_tail, drop_before, keep, metadata
  std::string where;        // head, tail, anywhere
  std::string origin;       // "file:line" where the rule was defined
  std::string description;  // what it removes, one line ("" when the file gives none)
};

// The explain report: one self-contained HTML page (no script, no external
// asset) that shows a person what cleaning did to a document:
//
//   newsclean::Options o;
//   o.removed_text_chars = 0;                 // the removals' whole text
//   newsclean::Cleaner::create({}, o, &cleaner);
//   newsclean::Result r = cleaner.clean(page, url, newsclean::Format::kHtml);
//   std::string html = newsclean::explain_html(r, cleaner.rules(), "page.html");
//
// The page's text in reading order: kept blocks (class "block kept") plain,
// each removal (class "block removed", data-rule, data-category,
// data-stage) struck through and coloured by category, its rule id,
// category, path and words shown, the rule's description (from `rules`) on
// hover; the title, section, author, ... and captions with their scores; a
// table of removals and words by category. Every text is escaped, and
// ill-formed UTF-8 shown as U+FFFD. `source` names the document ("" for
// none).
std::string explain_html(const Result& result, const std::vector<RuleInfo>& rules = {},
                         std::string_view source = {});

// Rules carry their own tests: `examples: {hit: [...], miss: [...]}` in a
// rules file. test_rule_examples() runs them, each rule on its own:
//
//   newsclean::ExampleReport report;
//   newsclean::Status s = newsclean::test_rule_examples(
//       newsclean::RuleSource::from_file("site-rules.yaml"), &report);
//   for (const auto& f : report.failures)   // "site-rules.yaml:9:11: my-rule: hit example 1"
//     std::cerr << f.at << ": " << f.rule << ": " << (f.hit ? "hit" : "miss") << "\n";
//
// docs/rules.md says what fitting an example means for text and HTML rules.

// An example its rule disagrees with: a hit the rule does not fit, or a
// miss it fits.
struct ExampleFailure {
  std::string at;           // "file:line:col" of the example
  std::string rule;         // the rule's id
  bool hit = false;         // true: a `hit` example; false: a `miss`
  std::size_t number = 0;   // 1-based, in the rule's hit (or miss) list
  std::string text;         // the example
};

// What running a rules file's examples found.
struct ExampleReport {
  std::size_t rules = 0;     // rules in the file
  std::size_t untested = 0;  // of which without examples (allowed in a user file)
  std::size_t examples = 0;  // examples run
  std::vector<ExampleFailure> failures;  // in file order; empty when all pass
};

// Loads one rules file on its own (no built-in rules; its `disable` list is
// not applied) and runs every rule's examples. Returns the load error, as
// Cleaner::create would, when the file does not load; failing examples are
// no error (they are in report->failures). On error `*report` is unchanged.
Status test_rule_examples(const RuleSource& source, ExampleReport* report);

// The YAML text of the built-in rules (rules.yaml, embedded at build time).
std::string_view default_rules_yaml();

// Site packs: many site-scoped rules shipped with the library, opt-in with
// Options::site_pack. "ftr" is FiveFilters' ftr-site-config (CC0), imported
// by import_ftr() into packs/ftr.yaml. Returns the pack's YAML text, or an
// empty view for an unknown name.
std::string_view site_pack_yaml(std::string_view name);

// The names of the packs site_pack_yaml() knows, sorted.
std::vector<std::string> site_pack_names();

// How often a directive of the imported files had one outcome ("translated",
// "not translated: XPath does not compile (libxml2)", ...).
struct ImportCount {
  std::string directive;  // body, strip, strip_id_or_class, ..., tidy, ...
  std::string outcome;
  std::size_t count = 0;
};

// What import_ftr() made of a folder of ftr-site-config files.
struct FtrImport {
  std::string yaml;          // the rules file; its comment header has the counts
  std::size_t files = 0;     // site files read
  std::size_t sites = 0;     // of which gave at least one rule
  std::size_t rules = 0;     // rules written
  std::vector<ImportCount> counts;  // sorted by directive, then outcome
};

// Reads every `*.txt` site file of `dir` (FiveFilters' ftr-site-config:
// `example.com.txt`, `.example.com.txt` for subdomains) and writes newsclean
// site rules: body -> `body`, strip / strip_id_or_class / strip_image_src ->
// `xpath` drop rules, prune: no -> `prune: false`, title / author / date ->
// metadata rules, test_url / test_contains -> comments. Directives it does
// not translate, and XPath that libxml2 cannot compile or that calls a
// function newsclean's XPath lacks, are counted in `counts`. The output
// depends only on the files (sorted by name): importing again gives the
// same bytes.
Status import_ftr(const std::string& dir, FtrImport* out);

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
  //
  // `charset` says what `input` is:
  //   ""          (default) bytes as fetched. HTML is decoded from a BOM, its
  //               declared charset when the bytes fit it, or a detector's
  //               guess (uchardet); text is read as UTF-8.
  //   kDecodedText ("utf-8") text that is already decoded, as UTF-8: a
  //               Python str, a JSON string, Scrapy's response.text. Never
  //               re-decoded from its <meta charset>.
  //   a charset   ("windows-1251", an HTTP header's) the bytes are in it; a
  //               BOM still wins, and bytes that do not fit it are decoded
  //               as if it were "".
  // A guessed charset, and a declared or given one that was not used, is
  // named in Result::warnings ("charset: ...").
  Result clean(std::string_view input, std::string_view url = {},
               Format format = Format::kAuto,
               std::string_view charset = {}) const noexcept;

  // Cleans many documents on `workers` threads (0: all cores). urls and
  // charsets may each be empty or as long as texts. Results are in input
  // order.
  std::vector<Result> clean_many(const std::vector<std::string_view>& texts,
                                 const std::vector<std::string_view>& urls = {},
                                 unsigned workers = 0,
                                 Format format = Format::kAuto,
                                 const std::vector<std::string_view>& charsets = {}) const;

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
