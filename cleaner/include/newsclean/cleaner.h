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

namespace newsclean {

// What went wrong when building a Cleaner. Cleaning itself has no error codes.
enum class ErrorCode {
  kOk = 0,
  kIo,         // a rules file could not be read
  kYaml,       // a rules file is not valid YAML
  kSchema,     // unknown key, missing key, wrong type, duplicate or unknown id
  kRegex,      // a pattern does not compile, is empty or matches everything
  kInvalidArgument,  // an option is out of range
};

// Returns a stable lower-case name for `code`, e.g. "regex".
const char* to_string(ErrorCode code);

// The outcome of an operation that can fail. Messages name the place:
// "rules.yaml:12:14: rule 'caption-credit': invalid pattern: missing )".
class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// One YAML rules document and the name it is reported under in errors.
struct RuleSource {
  std::string name;  // a path, or "<string>" for text given directly
  std::string yaml;  // the document itself

  // Reads `path`. On failure returns a source whose `yaml` is empty and whose
  // `error` says why; Cleaner::create reports it as ErrorCode::kIo.
  static RuleSource from_file(const std::string& path);
  static RuleSource from_string(std::string yaml,
                                std::string name = "<string>");

  std::string error;  // set by from_file when the file cannot be read
};

// Knobs that are not rules. Every field documents its default.
struct Options {
  // Keep captions judged related to the story in the text (they are still
  // listed in Result::captions). Default: false (all captions leave the text).
  bool keep_related_captions = false;

  // A caption whose relevance score is at least this is "related".
  // Scores are in [0, 1]. Default: 0.2.
  double caption_threshold = 0.2;

  // The head is the blocks before the first prose paragraph, but at most this
  // many. Rules with `where: head` look only there. Default: 6.
  std::size_t head_blocks = 6;

  // The tail is at most this many blocks at the end, after the first prose
  // paragraph. Rules with `where: tail` look only there. Default: 12.
  std::size_t tail_blocks = 12;

  // Rule ids to switch off, in addition to `disable:` in rule files.
  // An id that names no rule is an error. Default: none.
  std::vector<std::string> disable;

  // Leave out the built-in rules and use only the given sources.
  // Default: false.
  bool no_default_rules = false;
};

// A photo caption found in the input.
struct Caption {
  std::string text;
  double score = 0;      // relevance to the story, 0 (none) .. 1
  bool related = false;  // score >= Options::caption_threshold
  std::size_t index = 0; // block index in the input
  std::string rule;      // id of the rule that recognised it
};

// One block that is not in Result::text.
struct Removal {
  std::size_t index = 0;  // block index in the input (0-based)
  std::string text;       // the block, normalised
  std::string rule;       // id of the rule that removed it
  std::string category;   // the rule's category, e.g. "footer"
};

struct Stats {
  std::size_t blocks = 0;     // blocks in the input
  std::size_t kept = 0;       // blocks in Result::text
  std::size_t removed = 0;    // blocks in Result::removed
  std::size_t bytes_in = 0;   // size of the input
  std::size_t bytes_out = 0;  // size of Result::text
};

// How to read the input of Cleaner::clean.
enum class Format {
  kAuto,  // HTML if it looks like HTML (a doctype, <html>, markup), else text
  kText,  // plain text, one paragraph per line
  kHtml,  // an HTML page, in any charset
};

struct Result {
  std::string text;                  // kept blocks joined by '\n' (no final newline)
  std::string title;                 // the headline (text: found in the head;
                                     // HTML: og:title, JSON-LD, h1 or <title>)
  std::vector<std::string> section;  // breadcrumb segments, e.g. {"News", "Politics"}
  // HTML only, each "" when the page does not say:
  std::string author;
  std::string published;             // as the page gives it (usually ISO 8601)
  std::string site_name;
  std::string language;              // <html lang>
  std::string canonical_url;
  std::string format;                // "text" or "html": how the input was read
  std::vector<Caption> captions;     // in input order
  std::vector<Removal> removed;      // in input order
  Stats stats;
  std::vector<std::string> warnings;  // odd input that was repaired
};

// The Result as one line of JSON (UTF-8, no newline), with every key always
// present, in this order: text, title, section, author, published,
// site_name, language, canonical_url (each "" when the page does not say),
// format, captions [{text, score, related, index, rule}], removed [{index,
// text, rule, category}], stats {blocks, kept, removed, bytes_in,
// bytes_out}, warnings. The CLI's --json output and Python's
// Result.to_dict() are this object.
std::string to_json(const Result& result);

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
