// Loading rules from YAML (yaml-cpp), with errors that name file:line:col.
// Kept whole although longer than 400 lines: one job, each key of a rule read
// next to the check that names its place; merging rule sets and `disable:` are already
// apart (merge.cc), and the key table is schema.cc.
#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_set>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "core/utf8.h"
#include "rules/load.h"
#include "rules/schema.h"

namespace newsclean {
namespace {

// An error at a YAML node: "file:line:col: rule 'id': what".
class Located {
 public:
  Located(const std::string& file, const std::string& rule)
      : file_(file), rule_(rule) {}

  Status error(const YAML::Mark& mark, const std::string& what,
               ErrorCode code = ErrorCode::kSchema) const {
    std::ostringstream msg;
    msg << file_;
    if (!mark.is_null()) msg << ':' << mark.line + 1 << ':' << mark.column + 1;
    msg << ": ";
    if (!rule_.empty()) msg << "rule '" << rule_ << "': ";
    msg << what;
    return Status(code, msg.str());
  }

 private:
  const std::string& file_;
  const std::string& rule_;
};

template <typename Enum>
struct Name {
  const char* name;
  Enum value;
};

constexpr Name<Where> kWheres[] = {
    {"head", Where::kHead}, {"tail", Where::kTail}, {"anywhere", Where::kAnywhere}};
constexpr Name<InputFormat> kFormats[] = {
    {"any", InputFormat::kAny}, {"text", InputFormat::kText}, {"html", InputFormat::kHtml}};
constexpr Name<Pass> kPasses[] = {{"content", Pass::kContent}, {"early", Pass::kEarly}};
constexpr Name<Suspend> kSuspends[] = {{"never", Suspend::kNever},
                                       {"discussion", Suspend::kDiscussion}};
constexpr Name<PageKind> kKinds[] = {{"article", PageKind::kArticle},
                                     {"forum", PageKind::kForum},
                                     {"product", PageKind::kProduct},
                                     {"listing", PageKind::kListing},
                                     {"unknown", PageKind::kUnknown}};
constexpr Name<Unit> kUnits[] = {{"block", Unit::kBlock}, {"line", Unit::kLine}};
constexpr Name<Action> kActions[] = {{"drop", Action::kDrop},
                                     {"drop_rest", Action::kDropRest},
                                     {"drop_tail", Action::kDropTail},
                                     {"drop_before", Action::kDropBefore},
                                     {"keep", Action::kKeep},
                                     {"metadata", Action::kMetadata}};
constexpr Name<Field> kFields[] = {{"title", Field::kTitle},
                                   {"section", Field::kSection},
                                   {"author", Field::kAuthor},
                                   {"published", Field::kPublished}};
constexpr Name<Feature> kFeatures[] = {
    {"duplicate", Feature::kDuplicate},     {"teaser_run", Feature::kTeaserRun},
    {"page_url", Feature::kPageUrl},        {"link_heavy", Feature::kLinkHeavy},
    {"teaser_list", Feature::kTeaserList},  {"menu_row", Feature::kMenuRow},
    {"page_chrome", Feature::kPageChrome},  {"page_text", Feature::kPageText},
    {"url_title", Feature::kUrlTitle},      {"among_dropped", Feature::kAmongDropped},
    {"head_among_dropped", Feature::kHeadAmongDropped},
    {"tail_among_dropped", Feature::kTailAmongDropped},
    {"closing_among_dropped", Feature::kClosingAmongDropped},
    {"chrome_words", Feature::kChromeWords}, {"echo", Feature::kEcho},
    {"glued_teasers", Feature::kGluedTeasers}, {"glued_copy", Feature::kGluedCopy}};

template <typename Enum, std::size_t N>
Status parse_enum(const Located& at, const YAML::Node& node, const char* key,
                  const Name<Enum> (&names)[N], Enum* out) {
  if (!node.IsScalar()) return at.error(node.Mark(), std::string(key) + " must be a string");
  const std::string& s = node.Scalar();
  for (const auto& n : names) {
    if (s == n.name) {
      *out = n.value;
      return {};
    }
  }
  std::string allowed;
  for (const auto& n : names) allowed += std::string(allowed.empty() ? "" : ", ") + n.name;
  return at.error(node.Mark(), std::string(key) + " '" + s + "' is not one of: " + allowed);
}

Status parse_string(const Located& at, const YAML::Node& node, const char* key,
                    std::string* out) {
  if (!node.IsScalar()) return at.error(node.Mark(), std::string(key) + " must be a string");
  *out = node.Scalar();
  return {};
}

Status parse_count(const Located& at, const YAML::Node& node, const char* key,
                   std::size_t* out) {
  long long v = -1;
  if (node.IsScalar()) {
    try {
      v = node.as<long long>();
    } catch (const YAML::Exception&) {
      v = -1;
    }
  }
  if (v < 0 || v > 100000) {
    return at.error(node.Mark(), std::string(key) + " must be a whole number from 0 to 100000");
  }
  *out = static_cast<std::size_t>(v);
  return {};
}

Status parse_bool(const Located& at, const YAML::Node& node, const char* key,
                  bool* out) {
  try {
    if (node.IsScalar()) {
      *out = node.as<bool>();
      return {};
    }
  } catch (const YAML::Exception&) {
  }
  return at.error(node.Mark(), std::string(key) + " must be true or false");
}

Status parse_string_list(const Located& at, const YAML::Node& node,
                         const char* key, std::vector<std::string>* out) {
  if (!node.IsSequence()) return at.error(node.Mark(), std::string(key) + " must be a list");
  for (const auto& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      return at.error(item.Mark(), std::string(key) + " entries must be non-empty strings");
    }
    out->push_back(item.Scalar());
  }
  return {};
}

// "file:line:col" of a node.
std::string place(const std::string& file, const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  return file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

// `examples: {hit: [...], miss: [...], url: ...}`.
Status parse_examples(const Located& at, const std::string& file, const YAML::Node& node,
                      Rule* rule) {
  if (!node.IsMap()) return at.error(node.Mark(), "examples must be a mapping: hit, miss, url");
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    std::vector<std::string> texts;
    Status s = key == "url" ? parse_string(at, kv.second, "examples url", &rule->example_url)
                            : parse_string_list(at, kv.second, ("examples " + key).c_str(), &texts);
    if (key == "hit" || key == "miss") {
      auto* list = key == "hit" ? &rule->hit_examples : &rule->miss_examples;
      for (std::size_t i = 0; s.ok() && i < texts.size(); ++i) {
        list->push_back({texts[i], place(file, kv.second[i])});
      }
    } else if (key != "url") {
      s = at.error(kv.first.Mark(), "examples: '" + key + "' is not one of: hit, miss, url");
    }
    if (!s.ok()) return s;
  }
  if (rule->hit_examples.empty() && rule->miss_examples.empty()) {
    return at.error(node.Mark(), "examples has no hit and no miss");
  }
  return {};
}

bool valid_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

Status parse_rule(const std::string& file, const YAML::Node& node,
                  std::size_t position, bool require_examples, Rule* rule) {
  std::string id;
  const Located at_file(file, id);
  if (!node.IsMap()) return at_file.error(node.Mark(), "each rule must be a mapping");
  if (const YAML::Node n = node["id"]) {
    if (n.IsScalar()) id = n.Scalar();
  }
  const std::string label = id.empty() ? "#" + std::to_string(position + 1) : id;
  const Located at(file, label);
  if (!valid_id(id)) {
    const YAML::Mark mark = node["id"] ? node["id"].Mark() : node.Mark();
    return at.error(mark, "id is required: lower-case letters, digits, '-', '_' or '.'");
  }
  rule->id = id;
  rule->origin = file + ":" + std::to_string(node.Mark().line + 1);
  bool has_pattern = false;
  bool has_category = false;
  Status s;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "id") {
      continue;
    } else if (key == "category") {
      s = parse_string(at, v, "category", &rule->category);
      has_category = true;
    } else if (key == "description") {
      s = parse_string(at, v, "description", &rule->description);
    } else if (key == "pattern") {
      s = parse_string(at, v, "pattern", &rule->pattern);
      rule->pattern_at = place(file, v);
      has_pattern = true;
    } else if (key == "unless") {
      s = parse_string(at, v, "unless", &rule->unless);
      rule->unless_at = place(file, v);
    } else if (key == "where") {
      s = parse_enum(at, v, "where", kWheres, &rule->where);
    } else if (key == "format") {
      s = parse_enum(at, v, "format", kFormats, &rule->format);
    } else if (key == "unit") {
      s = parse_enum(at, v, "unit", kUnits, &rule->unit);
    } else if (key == "action") {
      s = parse_enum(at, v, "action", kActions, &rule->action);
    } else if (key == "field") {
      s = parse_enum(at, v, "field", kFields, &rule->field);
    } else if (key == "feature") {
      s = parse_enum(at, v, "feature", kFeatures, &rule->feature);
    } else if (key == "tags" || key == "strip_id_or_class" || key == "roles") {
      auto* list = key == "tags" ? &rule->tags
                   : key == "roles" ? &rule->roles : &rule->strip_id_or_class;
      s = parse_string_list(at, v, key.c_str(), list);
      for (auto& t : *list) {
        std::transform(t.begin(), t.end(), t.begin(),
                       [](unsigned char c) { return std::tolower(c); });
      }
    } else if (key == "hidden" || key == "prune" || key == "guarded" ||
               key == "spare_linkless_prose") {
      s = parse_bool(at, v, key.c_str(), key == "hidden"    ? &rule->hidden
                                         : key == "prune"   ? &rule->prune
                                         : key == "guarded" ? &rule->guarded
                                                            : &rule->spare_linkless_prose);
    } else if (key == "xpath" || key == "body") {
      s = parse_string(at, v, key.c_str(), key == "xpath" ? &rule->xpath : &rule->body);
      rule->xpath_at = place(file, v);
    } else if (key == "min_words") {
      s = parse_count(at, v, "min_words", &rule->min_words);
    } else if (key == "max_words") {
      s = parse_count(at, v, "max_words", &rule->max_words);
    } else if (key == "once") {
      s = parse_bool(at, v, "once", &rule->once);
    } else if (key == "needs_story") {
      s = parse_bool(at, v, "needs_story", &rule->needs_story);
    } else if (key == "list_items") {
      s = parse_bool(at, v, "list_items", &rule->list_items);
    } else if (key == "caption") {
      s = parse_bool(at, v, "caption", &rule->caption);
    } else if (key == "pass") {
      s = parse_enum(at, v, "pass", kPasses, &rule->pass);
    } else if (key == "suspend_on") {
      s = parse_enum(at, v, "suspend_on", kSuspends, &rule->suspend_on);
    } else if (key == "page_kinds") {
      s = v.IsSequence() ? Status() : at.error(v.Mark(), "page_kinds must be a list");
      for (std::size_t i = 0; s.ok() && i < v.size(); ++i) {
        PageKind kind;
        s = parse_enum(at, v[i], "page_kinds entry", kKinds, &kind);
        if (s.ok()) rule->page_kinds.push_back(kind);
      }
    } else if (key == "sites") {
      s = parse_string_list(at, v, "sites", &rule->sites);
      for (auto& site : rule->sites) {
        std::transform(site.begin(), site.end(), site.begin(),
                       [](unsigned char c) { return std::tolower(c); });
      }
    } else if (key == "examples") {
      s = parse_examples(at, file, v, rule);
    } else {
      return at.error(kv.first.Mark(),
                      "unknown key '" + key + "' (known: " + rule_key_names() + ")");
    }
    if (!s.ok()) return s;
  }
  if (rule->is_html()) {
    if (has_pattern || rule->feature != Feature::kNone || node["unless"]) {
      return at.error(node.Mark(),
                      "an HTML rule (tags, strip_id_or_class, roles, hidden, xpath, "
                      "body) takes no pattern, unless or feature");
    }
    if (rule->caption && !rule->body.empty()) {
      return at.error(node["caption"].Mark(),
                      "body names the story's container: it cannot be a caption");
    }
    if (rule->action == Action::kMetadata) {
      if (rule->xpath.empty() || !rule->body.empty() || !rule->tags.empty() ||
          !rule->strip_id_or_class.empty() || !rule->roles.empty() || rule->hidden) {
        return at.error(node["action"].Mark(), "an HTML metadata rule names its element by xpath alone");
      }
      if (rule->field != Field::kTitle && rule->field != Field::kAuthor &&
          rule->field != Field::kPublished) {
        return at.error(node["field"] ? node["field"].Mark() : node.Mark(),
                        "an HTML metadata rule's field is title, author or published");
      }
    } else if (rule->action != Action::kDrop && rule->action != Action::kKeep) {
      return at.error(node["action"].Mark(), "an HTML rule's action is drop, keep or metadata");
    }
    if (node["spare_linkless_prose"] && rule->action != Action::kDrop) {
      return at.error(node["spare_linkless_prose"].Mark(), "spare_linkless_prose is for drop rules");
    }
    const char* body_key = node["prune"] ? "prune" : node["guarded"] ? "guarded" : nullptr;
    if (body_key != nullptr && rule->body.empty()) {
      return at.error(node[body_key].Mark(), std::string(body_key) + " is for body rules");
    }
    if (rule->format != InputFormat::kAny) {
      return at.error(node["format"].Mark(), "format is for text rules (HTML rules act on HTML only)");
    }
    if (node["pass"] && rule->strip_id_or_class.empty()) {  // xpath: early unless `content`
      rule->xpath_in_content = !rule->xpath.empty() && rule->pass == Pass::kContent &&
                               rule->action == Action::kDrop;
      if (!rule->xpath_in_content) {
        return at.error(node["pass"].Mark(), "pass is for strip_id_or_class, or content for an "
                        "xpath drop rule (tags, roles and hidden act in both passes)");
      }
    }
  } else if (node["pass"] || node["prune"] || node["guarded"]) {
    const char* k = node["pass"] ? "pass" : node["prune"] ? "prune" : "guarded";
    return at.error(node[k].Mark(), node["pass"] ? "pass is for HTML rules (strip_id_or_class)"
                                                 : std::string(k) + " is for body rules");
  } else if (node["spare_linkless_prose"]) {
    return at.error(node["spare_linkless_prose"].Mark(), "spare_linkless_prose is for HTML rules");
  } else if (rule->field == Field::kAuthor || rule->field == Field::kPublished) {
    return at.error(node["field"].Mark(), "a text rule's field is title or section");
  } else if (!has_pattern && rule->feature == Feature::kNone) {
    return at.error(node.Mark(), "pattern is required (or a feature, or an HTML selector)");
  }
  if (!has_category || rule->category.empty()) {
    return at.error(node.Mark(), "category is required");
  }
  if (rule->caption && (rule->action == Action::kKeep || rule->action == Action::kMetadata)) {
    return at.error(node["caption"].Mark(), "caption is for rules that remove what they match");
  }
  if (rule->action == Action::kMetadata && rule->field == Field::kNone) {
    return at.error(node.Mark(), "action metadata needs field: title or section");
  }
  if (rule->action != Action::kMetadata && rule->field != Field::kNone) {
    return at.error(node["field"].Mark(), "field is only for action metadata");
  }
  if (rule->max_words != 0 && rule->min_words > rule->max_words) {
    return at.error(node["min_words"].Mark(), "min_words is larger than max_words");
  }
  if (require_examples && (rule->hit_examples.empty() || rule->miss_examples.empty())) {
    return at.error(node["examples"] ? node["examples"].Mark() : node.Mark(),
                    "a built-in rule needs examples with at least one hit and one miss");
  }
  return {};
}

}  // namespace

const char* to_string(Where w) {
  for (const auto& n : kWheres) {
    if (n.value == w) return n.name;
  }
  return "?";
}

const char* to_string(Action a) {
  for (const auto& n : kActions) {
    if (n.value == a) return n.name;
  }
  return "?";
}

Status parse_rules(const RuleSource& source, std::vector<Rule>* rules,
                   std::vector<Disable>* disable, bool require_examples) {
  if (!source.error.empty()) return Status(ErrorCode::kIo, source.error);
  const std::string no_rule;
  const Located at(source.name, no_rule);
  if (const std::size_t bad = find_invalid_utf8_in(source.yaml); bad != std::string::npos) {
    const std::string_view before = std::string_view(source.yaml).substr(0, bad);
    YAML::Mark mark;
    mark.pos = static_cast<int>(bad);
    mark.line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t nl = before.rfind('\n');
    mark.column = static_cast<int>(nl == std::string_view::npos ? bad : bad - nl - 1);
    return at.error(mark, "not UTF-8 (a rules file is UTF-8 text)", ErrorCode::kYaml);
  }
  YAML::Node doc;
  try {
    doc = YAML::Load(source.yaml);
  } catch (const YAML::Exception& e) {  // yaml-cpp says "bad file" for too deep
    const bool deep = dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr;
    return at.error(e.mark, deep ? "nested too deep" : e.msg, ErrorCode::kYaml);
  }
  if (doc.IsNull()) return {};  // an empty file adds nothing
  if (!doc.IsMap()) return at.error(doc.Mark(), "the document must be a mapping with 'rules' and/or 'disable'");
  try {
    for (const auto& kv : doc) {
      const std::string key = kv.first.Scalar();
      if (key == "version") {
        if (!kv.second.IsScalar() || kv.second.Scalar() != "1") {
          return at.error(kv.second.Mark(), "only version 1 is supported");
        }
      } else if (key == "disable") {
        std::vector<std::string> ids;
        Status s = parse_string_list(at, kv.second, "disable", &ids);
        if (!s.ok()) return s;
        for (std::size_t i = 0; i < ids.size(); ++i) {
          disable->push_back({ids[i], place(source.name, kv.second[i])});
        }
      } else if (key != "rules") {
        return at.error(kv.first.Mark(), "unknown key '" + key + "' (known: version, rules, disable)");
      }
    }
    const YAML::Node list = doc["rules"];
    if (!list) return {};
    if (!list.IsSequence()) return at.error(list.Mark(), "rules must be a list");
    std::unordered_set<std::string> seen;
    std::size_t position = 0;
    for (const auto& node : list) {
      Rule rule;
      Status s = parse_rule(source.name, node, position++, require_examples, &rule);
      if (!s.ok()) return s;
      if (!seen.insert(rule.id).second) {
        return Located(source.name, rule.id)
            .error(node["id"].Mark(), "duplicate id in this file");
      }
      rules->push_back(std::move(rule));
    }
  } catch (const YAML::Exception& e) {
    return at.error(e.mark, e.msg, ErrorCode::kYaml);
  }
  return {};
}

}  // namespace newsclean
