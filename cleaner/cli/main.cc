// newsclean: the command line. Flags and I/O only; the cleaning is the
// library's (newsclean/cleaner.h).
//
//   newsclean clean [PATH|-]... [-o FILE|FOLDER] [--rules FILE]... [--json] ...
//   newsclean rules [--rules FILE]... [--json]
//   newsclean rules --test FILE
//   newsclean explain PAGE [-o report.html] [--url URL] [--rules FILE]...
//   newsclean import-ftr DIR [-o OUT.yaml]
//   newsclean --version
//
// Exit codes: 0 all good, 1 some documents failed, 2 usage or rules error.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "clean_command.h"
#include "explain_command.h"
#include "rules_command.h"
#include "newsclean/cleaner.h"

#ifndef NEWSCLEAN_VERSION
#define NEWSCLEAN_VERSION "unknown"
#endif

namespace {

using newsclean::cli::kExitOk;
using newsclean::cli::kExitUsage;

// Flags that choose the rules and options, shared by `clean` and `rules`.
struct RuleFlags {
  std::vector<std::string> rules_files;
  std::vector<std::string> disable;
  bool no_default_rules = false;
  std::string site_pack;
  bool keep_related_captions = false;
  double caption_threshold = newsclean::Options().caption_threshold;
  newsclean::TextFormat text_format = newsclean::TextFormat::kPlain;
  newsclean::InputKind input_kind = newsclean::InputKind::kAuto;
  // `explain` shows the removals' whole text (0: no cut).
  std::size_t removed_text_chars = newsclean::Options().removed_text_chars;

  void add_to(CLI::App* app) {
    app->add_option("--rules", rules_files,
                    "YAML rules file extending the built-in rules (repeatable; "
                    "later files override earlier rules with the same id)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app->add_option("--disable", disable, "turn off the rule with this id (repeatable)")
        ->type_name("ID")
        ->allow_extra_args(false);
    app->add_flag("--no-default-rules", no_default_rules,
                  "use only the --rules files, not the built-in rules");
    app->add_option("--site-pack", site_pack,
                    "also use a site pack: ftr (FiveFilters' ftr-site-config, about 2,000 "
                    "sites' rules, looked up by the page's host)")
        ->type_name("NAME");
  }

  // Builds the cleaner; on error prints the library's message and returns false.
  // `*cleaner` starts as the built-in one, which is kept when no flag changes
  // it (building the rules again would double the start-up time).
  bool build(newsclean::Cleaner* cleaner) const { return build(cleaner, input_kind); }

  // The cleaner for WET pages: whole pages as text, so input kind "page"
  // unless --input-kind says otherwise.
  bool build_page(newsclean::Cleaner* cleaner) const {
    return build(cleaner, input_kind == newsclean::InputKind::kAuto
                              ? newsclean::InputKind::kPage
                              : input_kind);
  }

  bool build(newsclean::Cleaner* cleaner, newsclean::InputKind kind) const {
    if (rules_files.empty() && disable.empty() && !no_default_rules && site_pack.empty() &&
        !keep_related_captions && kind == newsclean::InputKind::kAuto &&
        caption_threshold == newsclean::Options().caption_threshold &&
        text_format == newsclean::TextFormat::kPlain &&
        removed_text_chars == newsclean::Options().removed_text_chars) {
      return true;
    }
    std::vector<newsclean::RuleSource> sources;
    sources.reserve(rules_files.size());
    for (const std::string& path : rules_files) {
      sources.push_back(newsclean::RuleSource::from_file(path));
    }
    newsclean::Options options;
    options.disable = disable;
    options.no_default_rules = no_default_rules;
    options.site_pack = site_pack;
    options.keep_related_captions = keep_related_captions;
    options.caption_threshold = caption_threshold;
    options.text_format = text_format;
    options.input_kind = kind;
    options.removed_text_chars = removed_text_chars;
    const newsclean::Status status =
        newsclean::Cleaner::create(sources, options, cleaner);
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      return false;
    }
    return true;
  }
};

// Levenshtein distance, for suggesting a subcommand.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// `newsclean clen ...`: says so, with the nearest subcommand when one is
// close, and returns true; false when argv[1] is a subcommand or a flag.
bool unknown_subcommand(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  const std::string given = argv[1];
  std::string nearest;
  std::size_t best = 3;  // at most two edits away
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == given) return false;
    const std::size_t d = edit_distance(given, sub->get_name());
    if (d < best) {
      best = d;
      nearest = sub->get_name();
    }
  }
  std::string msg = "newsclean: '" + given + "' is not a command";
  if (!nearest.empty()) msg += "; did you mean '" + nearest + "'?";
  msg += "\nRun with --help for the commands.\n";
  std::fputs(msg.c_str(), stderr);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "newsclean: strips boilerplate (breadcrumbs, repeated headline, photo "
      "captions, footers) from scraped news text.",
      "newsclean"};
  app.set_version_flag("--version", std::string("newsclean ") + NEWSCLEAN_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 all good, 1 some documents failed, 2 usage or rules error.");

  RuleFlags flags;
  newsclean::cli::CleanConfig config;
  std::string format = "auto";

  CLI::App* clean = app.add_subcommand(
      "clean",
      "Clean files, folders (recursively; .jsonl/.ndjson files are JSONL, Common Crawl "
      "WET files (.warc/.wet, or any file starting \"WARC/1.\") one JSON line per page, "
      "other non-hidden files text) and stdin (- or no PATH).");
  clean->add_option("paths", config.paths,
                    "files, folders, or - for stdin; gzip-compressed files (and stdin) "
                    "are read as such, whatever their name")
      ->type_name("PATH|-");
  clean->add_option("--files-from", config.files_from,
                    "read the paths to clean from FILE (- for stdin), one a line, "
                    "after those on the command line")
      ->type_name("FILE");
  clean->add_option("-o,--output", config.output,
                    "output file, or folder mirroring the inputs' relative paths "
                    "(a folder is required with several inputs or a folder input); "
                    "default: stdout")
      ->type_name("FILE|FOLDER");
  flags.add_to(clean);
  clean->add_flag("--keep-related-captions", flags.keep_related_captions,
                  "keep captions related to the story in the text");
  clean->add_option("--caption-threshold", flags.caption_threshold,
                    "relevance score (0 to 1) from which a caption counts as related "
                    "to the story (captions[].related; kept in the text with "
                    "--keep-related-captions)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str()
      ->type_name("SCORE");
  clean->add_option("--input-kind", flags.input_kind,
                    "what text input is: extract (a main-content extractor's output), "
                    "page (a whole page as text: lines that are not prose go unless "
                    "they sit in the story's prose) or auto (decided per document; WET "
                    "pages are page)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, newsclean::InputKind>{
              {"auto", newsclean::InputKind::kAuto},
              {"extract", newsclean::InputKind::kExtract},
              {"page", newsclean::InputKind::kPage}},
          CLI::ignore_case))
      ->default_str("auto");
  CLI::Option* text_field =
      clean->add_option("--text-field", config.document.text_field,
                        "JSONL: field holding the text (given, it makes stdin JSONL)")
          ->capture_default_str();
  clean->add_option("--url-field", config.document.url_field,
                    "JSONL: field holding the URL (selects site rules)")
      ->capture_default_str();
  std::string output_field;
  clean->add_option("--output-field", output_field,
                    "JSONL: field to put the result in (default: the text field, "
                    "replaced in place)");
  clean->add_option("--url", config.document.url,
                    "URL of text input (and of JSONL records without one)");
  clean->add_option("--input-format", format,
                    "auto: .jsonl/.ndjson files are JSONL (also with .gz after), "
                    ".html/.htm HTML, .warc/.wet and files starting \"WARC/1.\" (after "
                    "gunzip) WET, whose conversion records (pages) each become one JSON "
                    "line {url, source, record, text, title, ...}; the rest text documents; "
                    "stdin is text, or JSONL with --text-field (give wet for WET on stdin)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html", "wet"}))
      ->capture_default_str();
  std::string content = "auto";
  clean->add_option("--format", content,
                    "how to read each document or JSONL text field, whatever the file's "
                    "name: auto (.html files HTML, others HTML if they look like it), "
                    "text or html")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->capture_default_str();
  clean->add_flag("--json", config.document.json,
                  "output the whole result as JSON, one object per document, every key "
                  "always: text, title, section, author, published, site_name, language, "
                  "canonical_url, format, kind, input_kind, captions, removed, stats, warnings");
  std::string output_format = "text";
  CLI::Option* output_format_option =
      clean->add_option("--output-format", output_format,
                        "text (the kept blocks, one a line), markdown (headings, lists, "
                        "quotes and tables as the HTML had them) or json (as --json)")
          ->check(CLI::IsMember({"text", "markdown", "json"}))
          ->capture_default_str();
  clean->add_flag("--explain", config.document.explain,
                  "list each removal on stderr: removed blocks, and for HTML removed "
                  "elements, with rule id, category, element path and first words");
  clean->add_option("-j,--jobs", config.jobs, "worker threads (default: all cores)")
      ->check(CLI::Range(0u, 4096u))
      ->type_name("N");
  clean->add_flag("-q,--quiet", config.quiet, "no progress line and no summary");
  clean->add_flag("--progress", config.progress,
                  "progress (count, total when known, rate, time left) every 5 s as a "
                  "line of its own when stderr is not a terminal, e.g. a log; on a "
                  "terminal it is always shown, redrawn in place");
  clean->add_option("--errors", config.errors,
                    "write each document that fails to FILE, one JSON object a line: "
                    "source, line, reason, record (the input line as a string); input "
                    "= output + errors")
      ->type_name("FILE");
  clean->add_flag("--resume", config.resume,
                  "continue the run with the same inputs and options that was killed "
                  "(needs -o); the output is the same as an uninterrupted run's");

  CLI::App* rules = app.add_subcommand(
      "rules",
      "Print the active rules, one a line: id, category, action, where, origin, "
      "description (tab-separated); or test a rules file's examples.");
  flags.add_to(rules);
  bool rules_json = false;
  rules->add_flag("--json", rules_json,
                  "print a JSON array of {id, category, action, where, description, origin}");
  std::string test_file;
  rules->add_option("--test", test_file,
                    "run the examples of the rules in FILE (on their own, without the "
                    "built-in rules): one line per failing example, exit 1 if any fails")
      ->type_name("FILE")
      ->excludes("--json")
      ->excludes("--rules")
      ->excludes("--disable")
      ->excludes("--no-default-rules");

  CLI::App* explain = app.add_subcommand(
      "explain",
      "Write a report of what cleaning does to one document (HTML or text): one "
      "self-contained HTML page with its text in reading order, removals struck through "
      "with their rule, the title, section and captions, and counts by category.");
  newsclean::cli::ExplainConfig explain_config;
  explain->add_option("page", explain_config.path, "the document, or - for stdin")
      ->required()
      ->type_name("PAGE|-");
  explain->add_option("-o,--output", explain_config.output,
                      "the report's file (default: stdout)")
      ->type_name("FILE");
  explain->add_option("--url", explain_config.url, "the document's URL (selects site rules)");
  std::string explain_format = "auto";
  explain->add_option("--format", explain_format,
                      "auto (.html/.htm files HTML, others HTML if they look like it), "
                      "text or html")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->capture_default_str();
  flags.add_to(explain);
  CLI::App* import = app.add_subcommand(
      "import-ftr",
      "Turn a folder of FiveFilters' ftr-site-config files (example.com.txt) into a "
      "newsclean rules file; what cannot be translated is counted on stderr and in "
      "the file's header.");
  std::string import_dir, import_out;
  import->add_option("dir", import_dir, "the folder of site files")->required()->type_name("DIR");
  import->add_option("-o,--output", import_out, "the rules file to write (default: stdout)")
      ->type_name("FILE");

  if (unknown_subcommand(app, argc, argv)) return kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;  // --help, --version: 0
  }

  if (import->parsed()) return newsclean::cli::import_ftr(import_dir, import_out);
  if (rules->parsed() && !test_file.empty()) return newsclean::cli::test_rules(test_file);
  if (rules->parsed() || explain->parsed()) {
    if (explain->parsed()) flags.removed_text_chars = 0;
    newsclean::Cleaner cleaner;
    if (!flags.build(&cleaner)) return kExitUsage;
    if (rules->parsed()) return newsclean::cli::print_rules(cleaner, rules_json);
    explain_config.format = explain_format == "text"   ? newsclean::Format::kText
                            : explain_format == "html" ? newsclean::Format::kHtml
                                                       : newsclean::Format::kAuto;
    return newsclean::cli::run_explain(explain_config, cleaner);
  }

  if (output_format_option->count() > 0 && config.document.json && output_format != "json") {
    std::fprintf(stderr, "newsclean: --json and --output-format %s: choose one\n",
                 output_format.c_str());
    return kExitUsage;
  }
  config.document.json = config.document.json || output_format == "json";
  config.markdown = output_format == "markdown";
  flags.text_format =
      config.markdown ? newsclean::TextFormat::kMarkdown : newsclean::TextFormat::kPlain;
  config.document.output_field =
      output_field.empty() ? config.document.text_field : output_field;
  if (text_field->count() > 0) config.stdin_kind = newsclean::cli::FileKind::kJsonl;
  config.rules_key = nlohmann::json({flags.rules_files, flags.disable, flags.no_default_rules,
                                     flags.keep_related_captions, flags.caption_threshold,
                                     output_format, flags.site_pack,
                                     static_cast<int>(flags.input_kind)})
                         .dump();
  config.kind = format == "text"    ? newsclean::cli::FileKind::kText
                : format == "jsonl" ? newsclean::cli::FileKind::kJsonl
                : format == "html"  ? newsclean::cli::FileKind::kHtml
                : format == "wet"   ? newsclean::cli::FileKind::kWet
                                    : newsclean::cli::FileKind::kAuto;
  config.document.content = content == "text"   ? newsclean::Format::kText
                            : content == "html" ? newsclean::Format::kHtml
                                                : newsclean::Format::kAuto;
  newsclean::Cleaner cleaner;
  if (!flags.build(&cleaner)) return kExitUsage;
  config.make_page_cleaner = [&flags](newsclean::Cleaner* page) {
    return flags.build_page(page);
  };
  if (::isatty(STDOUT_FILENO) == 0) {
    static char buffer[1 << 20];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  }
  return newsclean::cli::run_clean(config, cleaner);
}
