// `newsclean clean`: reads the inputs on one thread, cleans them on worker
// threads and writes the results in input order whatever the thread count,
// all three at once (pipeline.h). Every document that goes in comes out, in
// the output or (--errors) in the errors file; a run with -o checkpoints
// every 512 documents (or 64 MB written) and can be resumed.

#ifndef NEWSCLEAN_CLI_CLEAN_COMMAND_H_
#define NEWSCLEAN_CLI_CLEAN_COMMAND_H_

#include <functional>
#include <string>
#include <vector>

#include "document.h"
#include "inputs.h"
#include "newsclean/cleaner.h"

namespace newsclean::cli {

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;  // also: a rules error

struct CleanConfig {
  std::vector<std::string> paths;  // files, folders, "-"; empty: stdin
  std::string files_from;          // --files-from: a list of paths ("-": stdin)
  std::string output;              // -o; empty: stdout
  std::string errors;              // --errors: failed documents as JSONL; empty: none
  bool resume = false;             // --resume: continue a killed run (checkpoint.h)
  FileKind kind = FileKind::kAuto;
  FileKind stdin_kind = FileKind::kAuto;  // what stdin is when `kind` is kAuto
  DocumentOptions document;
  std::string rules_key;           // the rule flags, to tell runs apart on --resume
  unsigned jobs = 0;               // 0: all cores
  bool quiet = false;
  bool markdown = false;           // documents' text is Markdown (the library's
                                   // Options::text_format; for output names)
  bool progress = false;           // --progress: progress lines also when stderr
                                   // is not a terminal (a log)
  // Builds the Cleaner for WET pages (document.h), called once when some
  // input is WET; false when it cannot (it has said why on stderr). Unset:
  // WET pages use the run's Cleaner.
  std::function<bool(Cleaner*)> make_page_cleaner;
};

// Returns kExitOk, kExitSomeFailed or kExitUsage; says why on stderr.
int run_clean(const CleanConfig& config, const Cleaner& cleaner);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_CLEAN_COMMAND_H_
