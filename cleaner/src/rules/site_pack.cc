#include "rules/site_pack.h"

#include "rules/load.h"
#include "rules/xpath_regex.h"

namespace newsclean {

std::string_view ftr_pack_yaml();  // packs/ftr.yaml, embedded by cmake/embed.cmake

namespace {

constexpr std::string_view kMarker = "  # site: ";

// "NAME:LINE..." with LINE moved down by `by` lines; anything else as it is.
std::string shifted(const std::string& at, const std::string& name, std::size_t by) {
  if (at.compare(0, name.size() + 1, name + ":") != 0) return at;
  std::size_t end = name.size() + 1;
  std::size_t line = 0;
  for (; end < at.size() && at[end] >= '0' && at[end] <= '9'; ++end) {
    line = line * 10 + static_cast<std::size_t>(at[end] - '0');
  }
  return name + ":" + std::to_string(line + by) + at.substr(end);
}

}  // namespace

std::string_view pack_yaml(std::string_view name) {
  return name == "ftr" ? ftr_pack_yaml() : std::string_view();
}

std::vector<std::string> pack_names() { return {"ftr"}; }

const SitePack* SitePack::get(std::string_view name, Status* status) {
  if (name == "ftr") {
    static const SitePack kFtr("ftr", ftr_pack_yaml());
    return &kFtr;
  }
  std::string known;
  for (const std::string& n : pack_names()) known += (known.empty() ? "" : ", ") + n;
  *status = Status(ErrorCode::kInvalidArgument,
                   "unknown site pack '" + std::string(name) + "' (known: " + known + ")");
  return nullptr;
}

SitePack::SitePack(std::string name, std::string_view yaml) : name_(std::move(name)) {
  std::size_t line = 1;
  std::size_t counted = 0;  // yaml[0, counted) holds line - 1 newlines
  std::vector<std::size_t> begins;
  for (std::size_t at = yaml.find(kMarker); at != std::string_view::npos;
       at = yaml.find(kMarker, at + 1)) {
    if (at != 0 && yaml[at - 1] != '\n') continue;
    for (; counted < at; ++counted) line += yaml[counted] == '\n';
    const std::size_t key_begin = at + kMarker.size();
    auto site = std::make_unique<Site>();
    site->key = yaml.substr(key_begin, yaml.find('\n', key_begin) - key_begin);
    site->line = line;
    begins.push_back(at);
    if (!site->key.empty() && site->key[0] == '.') {
      wildcard_.emplace(site->key.substr(1), site.get());
    } else {
      exact_.emplace(site->key, site.get());
    }
    sites_.push_back(std::move(site));
  }
  begins.push_back(yaml.size());
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    sites_[i]->yaml = yaml.substr(begins[i], begins[i + 1] - begins[i]);
  }
}

std::vector<const SitePack::Site*> SitePack::sites_for(std::string_view host) const {
  std::vector<const Site*> out;
  if (host.empty()) return out;
  const auto exact = [&](std::string_view h) {
    const auto it = exact_.find(h);
    if (it != exact_.end()) out.push_back(it->second);
  };
  exact(host);
  if (host.size() > 4 && host.compare(0, 4, "www.") == 0) exact(host.substr(4));
  // ".example.com" covers example.com and every subdomain: each suffix of
  // the host at a label boundary, the host itself first.
  for (std::size_t start = 0; !wildcard_.empty();) {
    const auto it = wildcard_.find(host.substr(start));
    if (it != wildcard_.end()) out.push_back(it->second);
    const std::size_t dot = host.find('.', start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

const std::vector<Rule>& SitePack::Site::rules(const std::string& pack_name) const {
  std::call_once(once_, [&] {
    // The site's part of the pack alone; places are then moved to its lines
    // in the pack (parsing it at its own line, after thousands of empty
    // lines, would cost a millisecond a site).
    const std::string name = "packs/" + pack_name + ".yaml";
    const std::size_t by = line - 2;  // its first line is the second of the part
    std::string doc = "rules:\n";
    doc.append(yaml.data(), yaml.size());
    std::vector<Rule> rules;
    std::vector<Disable> disable;
    const Status s = parse_rules(RuleSource::from_string(std::move(doc), name), &rules, &disable);
    if (!s.ok()) {
      error_ = shifted(s.message(), name, by);
      return;
    }
    for (Rule& r : rules) {
      for (std::string* at : {&r.origin, &r.xpath_at, &r.pattern_at, &r.unless_at}) {
        *at = shifted(*at, name, by);
      }
      const std::string why = check_rule_xpath(r.body.empty() ? r.xpath : r.body);
      if (why.empty()) {
        rules_.push_back(std::move(r));
      } else if (error_.empty()) {
        error_ = r.xpath_at + ": rule '" + r.id + "': " + why;
      }
    }
  });
  return rules_;
}

}  // namespace newsclean
