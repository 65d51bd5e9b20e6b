// `newsclean explain PAGE [-o report.html]`: cleans one document and writes
// the library's explain report (newsclean::explain_html) for it.
#ifndef NEWSCLEAN_CLI_EXPLAIN_COMMAND_H_
#define NEWSCLEAN_CLI_EXPLAIN_COMMAND_H_

#include <string>

#include "newsclean/cleaner.h"

namespace newsclean::cli {

struct ExplainConfig {
  std::string path;    // the document; "-" for stdin
  std::string output;  // -o; empty: stdout
  std::string url;     // selects site rules
  Format format = Format::kAuto;
};

// Returns kExitOk, kExitSomeFailed (the input or output failed) or
// kExitUsage; says why on stderr.
int run_explain(const ExplainConfig& config, const Cleaner& cleaner);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_EXPLAIN_COMMAND_H_
