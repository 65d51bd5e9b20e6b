#include "rules_command.h"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "clean_command.h"

namespace newsclean::cli {
namespace {

// A description on one line of a tab-separated table.
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

int print_rules(const Cleaner& cleaner, bool json) {
  std::string out;
  if (json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RuleInfo& rule : cleaner.rules()) {
      list.push_back({{"id", rule.id},
                      {"category", rule.category},
                      {"action", rule.action},
                      {"where", rule.where},
                      {"description", rule.description},
                      {"origin", rule.origin}});
    }
    out = list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
  } else {
    for (const RuleInfo& rule : cleaner.rules()) {
      out += rule.id + '\t' + rule.category + '\t' + rule.action + '\t' + rule.where +
             '\t' + rule.origin + '\t' + one_line(rule.description) + '\n';
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitSomeFailed;
}

int test_rules(const std::string& path) {
  ExampleReport report;
  const Status status =
      test_rule_examples(RuleSource::from_file(path), &report);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return kExitUsage;
  }
  std::string out;
  for (const ExampleFailure& f : report.failures) {
    out += f.at + ": " + f.rule + ": " + (f.hit ? "hit" : "miss") + " example " +
           std::to_string(f.number) + ": " + nlohmann::json(f.text).dump() +
           (f.hit ? " is not matched by the rule\n" : " is matched by the rule\n");
  }
  const std::size_t failed = report.failures.size();
  out += path + ": " + std::to_string(report.examples - failed) + " of " +
         std::to_string(report.examples) + " examples pass (" + std::to_string(report.rules) +
         " rules, " + std::to_string(report.untested) + " without examples)\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0) return kExitSomeFailed;
  return failed == 0 ? kExitOk : kExitSomeFailed;
}

int import_ftr(const std::string& dir, const std::string& output) {
  FtrImport result;
  const Status status = newsclean::import_ftr(dir, &result);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return kExitUsage;
  }
  std::string report = dir + ": " + std::to_string(result.files) + " site files, " +
                       std::to_string(result.sites) + " with rules, " +
                       std::to_string(result.rules) + " rules\n";
  for (const ImportCount& c : result.counts) {
    report += "  " + c.directive + ": " + c.outcome + ": " + std::to_string(c.count) + "\n";
  }
  std::fputs(report.c_str(), stderr);
  if (output.empty() || output == "-") {
    std::fwrite(result.yaml.data(), 1, result.yaml.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitSomeFailed;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out.write(result.yaml.data(), static_cast<std::streamsize>(result.yaml.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "%s: cannot write\n", output.c_str());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace newsclean::cli
