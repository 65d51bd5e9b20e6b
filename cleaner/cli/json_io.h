// Result <-> JSON, for --json and JSONL output.
//
// A Result becomes the object of newsclean::to_json (every key, always).
// ordered_json keeps keys in the order written, so JSONL records keep the
// order of their fields.

#ifndef NEWSCLEAN_CLI_JSON_IO_H_
#define NEWSCLEAN_CLI_JSON_IO_H_

#include <string>

#include <nlohmann/json.hpp>

#include "newsclean/cleaner.h"

namespace newsclean::cli {

using Json = nlohmann::ordered_json;

// The Result as newsclean::to_json gives it, after `prefix`'s members (e.g. "source").
Json result_to_json(const Result& result, Json prefix = Json::object());

// The same object as one line of JSON (no newline), without parsing the
// Result's JSON again: `prefix` must be an object.
std::string result_line(const Result& result, const Json& prefix);

// One line of JSON (no newline). Invalid UTF-8 cannot reach here from the
// library, but is replaced rather than thrown on, to be safe.
std::string dump_line(const Json& json);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_JSON_IO_H_
