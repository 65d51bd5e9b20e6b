#include "json_io.h"

#include <utility>

namespace newsclean::cli {

Json result_to_json(const Result& result, Json prefix) {
  Json j = std::move(prefix);
  Json fields = Json::parse(to_json(result));
  for (auto it = fields.begin(); it != fields.end(); ++it) j[it.key()] = std::move(it.value());
  return j;
}

std::string result_line(const Result& result, const Json& prefix) {
  std::string line = dump_line(prefix);  // {"source":"..."}
  std::string body = to_json(result);    // {"text":...}
  if (line.size() <= 2) return body;     // {}
  line.back() = ',';
  line.append(body, 1, std::string::npos);
  return line;
}

std::string dump_line(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace newsclean::cli
