// explain_html(Result): the explain report, one self-contained HTML page
// (no script, no external asset) that a person reads to see what cleaning
// kept and removed, and why.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "newsclean/cleaner.h"

namespace newsclean {
namespace {

// `s` as HTML text or attribute value: & < > " ' escaped, ill-formed UTF-8
// and control characters (but tab and newline) as U+FFFD.
std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, &i);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += "&#10;"; break;
      default:
        if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0)) {
          append_utf8(kReplacementChar, &out);
        } else {
          append_utf8(cp, &out);
        }
    }
  }
  return out;
}

// The colours of a report: the categories in name order, hues a golden
// angle apart, so that each category of a report has one of its own.
class Colours {
 public:
  explicit Colours(const std::vector<Removal>& removed) {
    for (const Removal& x : removed) hues_.emplace(x.category, 0);
    int k = 0;
    for (auto& [category, hue] : hues_) hue = static_cast<int>((k++ * 137.508) + 10) % 360;
  }
  std::string style(const std::string& category) const {
    const auto it = hues_.find(category);
    const std::string hue = std::to_string(it == hues_.end() ? 0 : it->second);
    return "border-left-color:hsl(" + hue + ",65%,40%);background:hsl(" + hue + ",70%,95%)";
  }

 private:
  std::map<std::string, int> hues_;
};

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

constexpr const char* kStyle = R"(
body{font:16px/1.5 Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.4em;margin-bottom:0}
.source{color:#666;margin-top:.2em;word-break:break-all}
table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}
td.n{text-align:right}
dt{font-weight:bold;float:left;clear:left;width:7em}
dd{margin-left:8em}
.block{margin:.4em 0;padding:.2em .5em;border-left:4px solid transparent}
.kept{border-left-color:#bbb}
.removed{color:#555}
.removed del{text-decoration-thickness:1px}
.why{display:block;font:12px/1.4 monospace;color:#333}
.swatch{display:inline-block;width:1em;height:1em;border-left:4px solid;vertical-align:middle}
)";

}  // namespace

std::string explain_html(const Result& r, const std::vector<RuleInfo>& rules,
                         std::string_view source) {
  const Colours colours(r.removed);
  std::map<std::string, const RuleInfo*> by_id;
  for (const RuleInfo& info : rules) by_id.emplace(info.id, &info);
  const auto description = [&](const std::string& id) -> std::string {
    const auto it = by_id.find(id);
    if (it != by_id.end()) return it->second->description;
    if (id == "outside-content") return "outside the part of the page chosen as the story";
    if (id == "no-content") return "the page has no story: none of it was kept";
    if (id == "json-ld-body") return "replaced by the story the page gives in its JSON-LD";
    return "";
  };
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  h += "<title>newsclean explain";
  if (!source.empty()) h += ": " + escape(source);
  h += "</title><style>";
  h += kStyle;
  h += "</style></head><body>\n<h1>newsclean explain</h1>\n";
  if (!source.empty()) h += "<p class=\"source\">" + escape(source) + "</p>\n";

  // What was found.
  h += "<section id=\"found\"><h2>Found</h2><dl>";
  const auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) h += "<dt>" + std::string(name) + "</dt><dd>" + escape(value) + "</dd>";
  };
  field("Title", r.title);
  std::string section;
  for (const std::string& s : r.section) section += (section.empty() ? "" : " \u203A ") + s;
  field("Section", section);
  field("Author", r.author);
  field("Published", r.published);
  field("Site", r.site_name);
  field("Language", r.language);
  field("Read as", r.format + (r.kind.empty() ? "" : ", " + r.kind));
  h += "</dl>\n";
  if (!r.captions.empty()) {
    h += "<table class=\"captions\"><tr><th>Caption</th><th>Score</th><th>Related</th>"
         "<th>Rule</th><th>Why</th></tr>";
    for (const Caption& c : r.captions) {
      h += "<tr class=\"caption\"><td>" + escape(c.text) + "</td><td class=\"n\">" +
           format_score(c.score) + "</td><td>" + (c.related ? "yes" : "no") + "</td><td>" +
           escape(c.rule) + "</td><td>" + escape(c.reason) + "</td></tr>";
    }
    h += "</table>\n";
  }
  for (const std::string& w : r.warnings) h += "<p class=\"warning\">" + escape(w) + "</p>\n";
  h += "</section>\n";

  // Removals by category.
  std::map<std::string, std::pair<std::size_t, std::size_t>> summary;  // removals, words
  for (const Removal& x : r.removed) {
    auto& s = summary[x.category];
    ++s.first;
    s.second += x.words;
  }
  h += "<section id=\"summary\"><h2>Removed, by category</h2><table class=\"summary\">"
       "<tr><th>Category</th><th>Removals</th><th>Words</th></tr>";
  std::size_t words = 0;
  for (const auto& [category, s] : summary) {
    h += "<tr><td><span class=\"swatch\" style=\"" + colours.style(category) + "\"></span> " +
         escape(category) + "</td><td class=\"n\">" + std::to_string(s.first) +
         "</td><td class=\"n\">" + std::to_string(s.second) + "</td></tr>";
    words += s.second;
  }
  h += "<tr class=\"total\"><th>all</th><th class=\"n\">" + std::to_string(r.removed.size()) +
       "</th><th class=\"n\">" + std::to_string(words) + "</th></tr></table>\n";
  h += "<p>Kept: " + std::to_string(r.stats.kept) + " blocks, " +
       std::to_string(r.stats.bytes_out) + " bytes of " + std::to_string(r.stats.bytes_in) +
       ".</p></section>\n";

  // The page in reading order: kept blocks are the lines of text; a "text"
  // removal is block `index`, an "html" one stood before block `index`.
  std::vector<std::string> lines;
  for (std::size_t at = 0; !r.text.empty() && at <= r.text.size();) {
    const std::size_t nl = std::min(r.text.find('\n', at), r.text.size());
    lines.push_back(r.text.substr(at, nl - at));
    at = nl + 1;
  }
  std::vector<bool> removed_block(r.stats.blocks);
  std::size_t removed_blocks = 0;
  for (const Removal& x : r.removed) {
    if (x.stage == "text" && x.index < removed_block.size() && !removed_block[x.index]) {
      removed_block[x.index] = true;
      ++removed_blocks;
    }
  }
  // (a Result not made by the engine: its lines come first)
  const bool placed = r.stats.blocks - removed_blocks == lines.size();
  h += "<section id=\"text\"><h2>The page in reading order</h2>\n"
       "<p>Kept blocks are plain; removed ones are struck through, coloured by category, "
       "and say why (hover for the rule's description).</p>\n";
  std::size_t line = 0;
  std::size_t block = 0;  // the next block index
  const auto kept_until = [&](std::size_t end) {
    for (; line < lines.size() && (!placed || block < end); ++block) {
      if (placed && removed_block[block]) continue;
      h += "<p class=\"block kept\">" + escape(lines[line++]) + "</p>\n";
    }
  };
  for (const Removal& x : r.removed) {
    kept_until(x.index);
    std::string why = x.rule + " (" + x.category + ")";
    const std::string about = description(x.rule);
    std::string title = why;
    if (!about.empty()) title += ": " + about;
    if (!x.path.empty()) title += "\n" + x.path;
    h += "<p class=\"block removed\" style=\"" + colours.style(x.category) + "\" title=\"" +
         escape(title) + "\" data-rule=\"" + escape(x.rule) + "\" data-category=\"" +
         escape(x.category) + "\" data-stage=\"" + escape(x.stage) + "\"><del>" +
         escape(x.text) + "</del><span class=\"why\">" + escape(why) +
         (x.path.empty() ? "" : " \u00B7 " + escape(x.path)) + " \u00B7 " +
         std::to_string(x.words) + (x.words == 1 ? " word" : " words") + "</span></p>\n";
    if (x.stage == "text" && placed && x.index == block) ++block;
  }
  kept_until(static_cast<std::size_t>(-1));
  h += "</section>\n</body></html>\n";
  return h;
}

}  // namespace newsclean
