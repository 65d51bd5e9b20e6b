// The public types rules come in (newsclean/status.h): rule sources and
// error codes.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "newsclean/status.h"

namespace newsclean {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kYaml: return "yaml";
    case ErrorCode::kSchema: return "schema";
    case ErrorCode::kRegex: return "regex";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
  }
  return "unknown";
}

RuleSource RuleSource::from_file(const std::string& path) {
  RuleSource source;
  source.name = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    source.error = path + ": cannot read rules file: " + std::strerror(errno);
    return source;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  source.yaml = buf.str();
  return source;
}

RuleSource RuleSource::from_string(std::string yaml, std::string name) {
  RuleSource source;
  source.name = std::move(name);
  source.yaml = std::move(yaml);
  return source;
}

}  // namespace newsclean
