// Result <-> JSON, for --json and JSONL output.
//
// A Result becomes the object of newsclean::to_json (every key, always).
// ordered_json keeps keys in the order written, so JSONL records keep the
// order of their fields.
//
// A JSONL record is written back by splicing: its members other than the
// output field are copied as the bytes they were read as, never parsed into
// values and dumped again. nlohmann's dump() recurses once per level of
// nesting, so a record with a 100,000-deep array in some other field would
// overflow the stack; splicing never descends into a value.

#ifndef NEWSCLEAN_CLI_JSON_IO_H_
#define NEWSCLEAN_CLI_JSON_IO_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "newsclean/cleaner.h"

namespace newsclean::cli {

using Json = nlohmann::ordered_json;

// The Result as newsclean::to_json gives it, after `prefix`'s members (e.g. "source").
Json result_to_json(const Result& result, Json prefix = Json::object());

// The same object as one line of JSON (no newline), without parsing the
// Result's JSON again: `prefix` must be an object of scalars.
std::string result_line(const Result& result, const Json& prefix);

// One line of JSON (no newline). Invalid UTF-8 cannot reach here from the
// library, but is replaced rather than thrown on, to be safe. Recursive: only
// for values the CLI builds itself, never for a record read from input.
std::string dump_line(const Json& json);

// `s` as a JSON string, quotes included: the bytes dump_line(Json(s)) gives,
// written without nlohmann's byte-at-a-time copy (the cleaned text of every
// JSONL record goes out this way). Ill-formed UTF-8 is left to dump_line.
std::string json_string(std::string_view s);

// `record`, a JSON object already known to be valid (Json::parse accepted
// it), with the member `key` set to `value` (JSON text): in place of the
// first member named `key` (later duplicates are dropped), else appended.
// Members are written compactly as `"key":value`, each key and value as the
// bytes it had in `record`. Never recurses into values.
std::string set_member(std::string_view record, std::string_view key,
                       std::string_view value);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_JSON_IO_H_
