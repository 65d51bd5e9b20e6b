// ftr-site-config -> newsclean site rules (see ftr_import.h).
#include "rules/ftr_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/utf8.h"
#include "rules/xpath_regex.h"

namespace newsclean {
namespace {

// A YAML single-quoted scalar: every character stands for itself, ' doubled.
std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// One directive line: `name: value` or `name(argument): value`.
struct Line {
  std::string name;
  std::string value;
};

bool parse_line(std::string_view raw, Line* out) {
  const std::string_view s = trim(raw);
  if (s.empty() || s[0] == '#') return false;
  std::size_t i = 0;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
  if (i == 0) return false;
  out->name = std::string(s.substr(0, i));
  if (i < s.size() && s[i] == '(') {  // http_header(user-agent): ..., replace_string(x): ...
    const std::size_t close = s.find("):", i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
  }
  if (i >= s.size() || s[i] != ':') return false;
  out->value = std::string(trim(s.substr(i + 1)));
  return true;
}

// What a site file says, in file order per directive.
struct SiteFile {
  std::vector<std::string> body, strip, meta_fields, meta_xpaths, tests;
  bool prune_no = false;
  bool prune_seen = false;
};

// "" if `xpath` is fit for a rule, else the outcome to count.
std::string xpath_outcome(const std::string& xpath) {
  const std::string why = check_rule_xpath(xpath);
  if (why.empty()) return {};
  if (why.rfind("unknown XPath function", 0) == 0) {
    return "not translated: XPath calls a function newsclean's XPath does not have";
  }
  return "not translated: XPath does not compile (libxml2)";
}

// A value with its quotes taken out, as Full-Text RSS does for the names it
// puts into an XPath.
std::string unquoted(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c != '\'' && c != '"') out += c;
  }
  return out;
}

// The rule id's site part: lower case, characters an id may not hold as '-'.
std::string id_part(const std::string& site) {
  std::string out;
  for (char c : site) {
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out += (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_' ? l : '-';
  }
  return out;
}

}  // namespace

std::string import_ftr_site(const std::string& site, std::string_view text,
                            std::vector<std::pair<std::string, std::string>>* outcomes) {
  SiteFile f;
  std::set<std::pair<std::string, std::string>> seen;
  std::istringstream in{std::string(text)};
  std::string raw;
  const auto count = [&](const std::string& d, std::string o) { outcomes->emplace_back(d, std::move(o)); };
  while (std::getline(in, raw)) {
    Line l;
    if (!parse_line(raw, &l)) continue;
    const std::string& d = l.name;
    if (d == "test_url" || d == "test_contains") {
      if (!l.value.empty() && find_invalid_utf8_in(l.value) == std::string::npos) {
        f.tests.push_back(d + ": " + l.value);
      }
      count(d, "kept as a comment (a live page; newsclean does not fetch)");
      continue;
    }
    const bool known = d == "body" || d == "strip" || d == "strip_id_or_class" ||
                       d == "strip_image_src" || d == "prune" || d == "title" ||
                       d == "author" || d == "date";
    if (!known) {
      count(d, "not translated: directive not supported");
      continue;
    }
    if (l.value.empty()) {
      count(d, "not translated: empty value");
      continue;
    }
    if (!seen.emplace(d, l.value).second) {
      count(d, "not translated: repeats a line of the same file");
      continue;
    }
    if (d == "prune") {
      const std::string v = unquoted(l.value);
      if (v != "yes" && v != "no" && v != "true" && v != "false") {
        count(d, "not translated: value is not yes or no");
        continue;
      }
      f.prune_seen = true;
      f.prune_no = v == "no" || v == "false";
      continue;  // counted below, once it is known whether there is a body
    }
    std::string xpath = l.value;
    if (d == "strip_id_or_class") {
      const std::string v = unquoted(l.value);
      xpath = ".//*[contains(@class,'" + v + "') or contains(@id,'" + v + "')]";
    } else if (d == "strip_image_src") {
      xpath = ".//img[contains(@src,'" + unquoted(l.value) + "')]";
    }
    std::string why = xpath_outcome(xpath);
    if (why.empty() && find_invalid_utf8_in(xpath) != std::string::npos) {
      why = "not translated: not UTF-8";
    }
    if (!why.empty()) {
      count(d, why);
      continue;
    }
    count(d, kTranslated);
    if (d == "body") {
      f.body.push_back(xpath);
    } else if (d == "title" || d == "author" || d == "date") {
      f.meta_fields.push_back(d == "date" ? "published" : d);
      f.meta_xpaths.push_back(xpath);
    } else {
      f.strip.push_back(xpath);
    }
  }
  if (f.prune_seen) {
    count("prune", f.body.empty() ? "not translated: no body rule to apply to" : kTranslated);
  }
  if (f.body.empty() && f.strip.empty() && f.meta_xpaths.empty()) return {};
  const std::string id = "ftr." + id_part(site);
  const std::string sites = "    sites: [" + single_quoted(site) + "]\n";
  std::string out = "  # site: " + site + "\n";
  for (const std::string& t : f.tests) out += "  # " + t + "\n";
  const auto rule = [&](const std::string& suffix, const std::string& category) {
    out += "  - id: " + id + "." + suffix + "\n    category: " + category + "\n" + sites;
  };
  for (std::size_t i = 0; i < f.body.size(); ++i) {
    rule("body." + std::to_string(i + 1), "content");
    out += "    body: " + single_quoted(f.body[i]) + "\n    guarded: true\n";
    if (f.prune_no) out += "    prune: false\n";
  }
  for (std::size_t i = 0; i < f.strip.size(); ++i) {
    rule("strip." + std::to_string(i + 1), "site-chrome");
    out += "    xpath: " + single_quoted(f.strip[i]) + "\n    pass: content\n";
  }
  std::map<std::string, int> n;
  for (std::size_t i = 0; i < f.meta_xpaths.size(); ++i) {
    const std::string& field = f.meta_fields[i];
    rule(field + "." + std::to_string(++n[field]), field == "title" ? "title" : "byline");
    out += "    xpath: " + single_quoted(f.meta_xpaths[i]) + "\n    action: metadata\n    field: " +
           field + "\n";
  }
  return out;
}

}  // namespace newsclean
