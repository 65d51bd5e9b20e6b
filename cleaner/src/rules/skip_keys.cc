// The built-in rules without the keys a Cleaner has no use for: `examples:`
// (the test suite and `newsclean rules --test` run them) and `description:`
// (Cleaner::rules() reads them when asked) are half of rules.yaml's bytes,
// which yaml-cpp would parse at every start, at about 1,000 instructions a
// byte; what is left is parsed in two halves at once.
#include <algorithm>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "rules/load.h"

namespace newsclean {
namespace {

// Spaces before the first other character of `line`.
std::size_t indent_of(std::string_view line) {
  const std::size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? line.size() : n;
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string without_rule_keys(std::string_view yaml,
                              std::initializer_list<std::string_view> keys) {
  std::string out;
  out.reserve(yaml.size());
  // The column of the keys of the rule being read ("id" after "- "), or
  // npos before the first rule; `dropping`: inside a dropped key's value.
  std::size_t key_column = std::string_view::npos;
  bool dropping = false;
  for (std::size_t at = 0; at < yaml.size();) {
    std::size_t end = yaml.find('\n', at);
    end = end == std::string_view::npos ? yaml.size() : end + 1;
    const std::string_view line = yaml.substr(at, end - at);
    at = end;
    const std::size_t indent = indent_of(line);
    // A block scalar's or a multi-line flow value's lines are indented more
    // than its key: the first line at the key's column or less ends it.
    if (dropping && (blank(line) || indent > key_column)) {
      out.push_back('\n');
      continue;
    }
    dropping = false;
    const std::string_view rest = line.substr(indent);
    if (rest.substr(0, 6) == "- id: ") key_column = indent + 2;
    const auto dropped = [&](std::string_view key) {
      return rest.size() > key.size() && rest.substr(0, key.size()) == key &&
             rest[key.size()] == ':';
    };
    if (indent == key_column && std::any_of(keys.begin(), keys.end(), dropped)) {
      dropping = true;
      out.push_back('\n');  // line numbers stay those of the file
      continue;
    }
    out.append(line);
  }
  return out;
}

Status parse_rules_in_halves(const RuleSource& source, std::vector<Rule>* rules,
                             std::vector<Disable>* disable) {
  const std::string& yaml = source.yaml;
  const std::size_t cut = yaml.find("\n  - id: ", yaml.size() / 2);
  if (!source.error.empty() || cut == std::string::npos) {
    return parse_rules(source, rules, disable);
  }
  // The second half: its rules' lines where they were, under a "rules:" of
  // its own on the line before the first.
  const auto lines_before = std::count(yaml.begin(), yaml.begin() + cut + 1, '\n');
  std::string second(static_cast<std::size_t>(lines_before - 1), '\n');
  second += "rules:\n";
  second.append(yaml, cut + 1, std::string::npos);
  const RuleSource first_half = RuleSource::from_string(yaml.substr(0, cut + 1), source.name);
  const RuleSource second_half = RuleSource::from_string(std::move(second), source.name);
  std::vector<Rule> later;
  std::vector<Disable> later_disable;
  Status later_status;
  const auto parse_second = [&] { later_status = parse_rules(second_half, &later, &later_disable); };
  std::thread helper;
  try {
    helper = std::thread(parse_second);
  } catch (const std::system_error&) {  // no thread to spare: one after the other
    parse_second();
  }
  Status s = parse_rules(first_half, rules, disable);
  if (helper.joinable()) helper.join();
  if (!s.ok()) return s;
  if (!later_status.ok()) return later_status;
  std::unordered_set<std::string> ids;
  for (const Rule& r : *rules) ids.insert(r.id);
  for (Rule& r : later) {
    if (!ids.insert(r.id).second) {
      return Status(ErrorCode::kSchema, r.origin + ": rule '" + r.id + "': duplicate id in this file");
    }
    rules->push_back(std::move(r));
  }
  disable->insert(disable->end(), later_disable.begin(), later_disable.end());
  return {};
}

}  // namespace newsclean
