#include "json_io.h"

#include <utility>

namespace newsclean::cli {

Json result_to_json(const Result& result, Json prefix) {
  Json j = std::move(prefix);
  j["text"] = result.text;
  j["title"] = result.title;
  j["section"] = result.section;
  j["format"] = result.format;
  for (const auto& [key, value] :
       {std::pair<const char*, const std::string*>{"author", &result.author},
        {"published", &result.published},
        {"site_name", &result.site_name},
        {"language", &result.language},
        {"canonical_url", &result.canonical_url}}) {
    if (!value->empty()) j[key] = *value;
  }
  Json captions = Json::array();
  for (const Caption& c : result.captions) {
    captions.push_back(Json{{"text", c.text},
                            {"score", c.score},
                            {"related", c.related},
                            {"index", c.index},
                            {"rule", c.rule}});
  }
  j["captions"] = std::move(captions);
  Json removed = Json::array();
  for (const Removal& r : result.removed) {
    removed.push_back(Json{{"index", r.index},
                           {"text", r.text},
                           {"rule", r.rule},
                           {"category", r.category}});
  }
  j["removed"] = std::move(removed);
  j["stats"] = Json{{"blocks", result.stats.blocks},
                    {"kept", result.stats.kept},
                    {"removed", result.stats.removed},
                    {"bytes_in", result.stats.bytes_in},
                    {"bytes_out", result.stats.bytes_out}};
  j["warnings"] = result.warnings;
  return j;
}

std::string dump_line(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace newsclean::cli
