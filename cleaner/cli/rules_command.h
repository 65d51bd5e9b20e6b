// The commands about rules: `newsclean rules [--json]` (the rules in use),
// `rules --test FILE` (a rules file's examples) and `import-ftr DIR` (site
// rules from FiveFilters' ftr-site-config). Each returns kExitOk,
// kExitSomeFailed (the output or an example failed) or kExitUsage, and says
// why on stderr.
#ifndef NEWSCLEAN_CLI_RULES_COMMAND_H_
#define NEWSCLEAN_CLI_RULES_COMMAND_H_

#include <string>

#include "newsclean/cleaner.h"

namespace newsclean::cli {

// The cleaner's rules to stdout: a tab-separated table, or JSON.
int print_rules(const Cleaner& cleaner, bool json);

// `rules --test FILE`: one line per failing example, then a summary.
int test_rules(const std::string& path);

// `import-ftr DIR [-o OUT]`: the rules file to OUT (stdout without it, or
// with "-"), the counts per directive and outcome to stderr.
int import_ftr(const std::string& dir, const std::string& output);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_RULES_COMMAND_H_
