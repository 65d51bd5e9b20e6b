// Status and errors of building a Cleaner, and the rule sources it is built from.
// Part of the public API; include <newsclean/cleaner.h>.
#ifndef NEWSCLEAN_STATUS_H_
#define NEWSCLEAN_STATUS_H_

#include <string>
#include <utility>

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

}  // namespace newsclean

#endif  // NEWSCLEAN_STATUS_H_
