// to_json(Result): the one serialiser of a Result (CLI --json, JSONL output
// and Python's Result.to_dict()).
#include <utility>

#include <nlohmann/json.hpp>

#include "newsclean/result.h"

namespace newsclean {

std::string to_json(const Result& r) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["text"] = r.text;
  j["title"] = r.title;
  j["section"] = r.section;
  j["author"] = r.author;
  j["published"] = r.published;
  j["site_name"] = r.site_name;
  j["language"] = r.language;
  j["canonical_url"] = r.canonical_url;
  j["format"] = r.format;
  j["kind"] = r.kind;
  j["input_kind"] = r.input_kind;
  Json captions = Json::array();
  for (const Caption& c : r.captions) {
    captions.push_back(Json{{"text", c.text},
                            {"score", c.score},
                            {"related", c.related},
                            {"index", c.index},
                            {"rule", c.rule},
                            {"position", c.position},
                            {"links_elsewhere", c.links_elsewhere},
                            {"shared", c.shared},
                            {"credit_of", c.credit_of},
                            {"reason", c.reason}});
  }
  j["captions"] = std::move(captions);
  Json removed = Json::array();
  for (const Removal& x : r.removed) {
    removed.push_back(Json{{"index", x.index},
                           {"text", x.text},
                           {"rule", x.rule},
                           {"category", x.category},
                           {"stage", x.stage},
                           {"path", x.path},
                           {"words", x.words}});
  }
  j["removed"] = std::move(removed);
  Json by_category = Json::object();
  for (const auto& [category, count] : r.stats.removed_by_category) by_category[category] = count;
  j["stats"] = Json{{"blocks", r.stats.blocks},
                    {"kept", r.stats.kept},
                    {"removed", r.stats.removed},
                    {"bytes_in", r.stats.bytes_in},
                    {"bytes_out", r.stats.bytes_out},
                    {"removed_by_category", std::move(by_category)}};
  j["warnings"] = r.warnings;
  // Rule ids and categories come from user files: replace, never throw.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace newsclean
