// Rules' own tests: each rule's `examples` run against the rule alone.
//
// A text rule fits an example when the engine's matching for one block
// (engine/hits: pattern, unless, word limits, feature, unit) gives the
// rule for the example's last block; the example is a document of its own
// (one block a line, or the blocks of an HTML snippet), read with the
// examples' URL. What depends on the rest of a page is left out: where,
// once, needs_story, format, sites, page_kinds, suspend_on, and the action.
// An HTML rule fits a snippet when it acts on one of its elements: a drop
// rule strips it (or takes it as a caption) in the two passes of
// html/selectors, with their guards; a keep rule protects it; a body rule
// selects it.
#include "rule_examples.h"

#include <exception>
#include <memory>
#include <string>

#include "core/page_url.h"
#include "core/text.h"
#include "engine/features.h"
#include "engine/page_text.h"
#include "engine/hits.h"
#include "html/charset.h"
#include "html/extract.h"
#include "html/native_parse.h"
#include "html/page_meta.h"
#include "html/page_state.h"
#include "html/scoring.h"
#include "html/selectors.h"
#include "rules/load.h"
#include "rules/match.h"

namespace newsclean {
namespace {

// The rule as its examples see it: nothing that depends on the page.
Rule alone(const Rule& r) {
  Rule out = r;
  out.needs_story = false;
  out.format = InputFormat::kAny;
  out.sites.clear();
  out.page_kinds.clear();
  out.suspend_on = Suspend::kNever;
  return out;
}

bool text_rule_fits(const RuleMatcher& matcher, const std::string& example,
                    const PageUrl& url) {
  static const std::vector<Rule> kNoRules;
  static const HtmlRules kNoHtmlRules(kNoRules);
  Document doc =
      looks_like_html(example) ? extract_html(example, url, kNoHtmlRules) : text_document(example);
  if (doc.blocks.empty()) return false;
  if (!doc.html && looks_like_page_text(doc.blocks)) doc.page_text = PageText::kGuessed;
  const Hits hits = find_hits(matcher, doc, url);
  return !hits[hits.size() - 1].empty();  // the matcher holds this one rule
}

xmlNode* body_of(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return nullptr;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (is_element(c) && is_tag(c, "body")) return c;
  }
  return root;
}

bool html_rule_fits(const HtmlRules& html, const Rule& r, const std::string& example,
                    const PageUrl& url) {
  prepare_libxml();
  DocPtr doc = parse_page(example, html.attributes);
  if (!doc) return false;
  xmlNode* body = body_of(doc.get());
  if (body == nullptr) return false;
  if (!r.body.empty() && !select_xpath(doc.get(), r.body).empty()) return true;
  if (r.is_html_metadata()) {
    PageMeta meta;
    read_rule_meta(doc.get(), html, url, &meta);
    return !(meta.title + meta.author + meta.published).empty();
  }
  PageState st(doc.get(), html, url, false);
  clear_private(body);
  measure(st, body, Measure::kLengths);
  bool kept = false;
  if (r.action == Action::kKeep) {
    walk(
        body,
        [&](xmlNode* n) {
          if (!is_element(n)) return false;
          kept = kept || html_rule_for(n, st, Pass::kContent) == &r ||
                 html_rule_for(n, st, Pass::kEarly) == &r;
          return !kept;
        },
        [](xmlNode*) {});
  }
  prune(st, body, Pass::kEarly);
  prune(st, body, Pass::kContent);
  if (r.action == Action::kKeep) return kept || !st.keep.empty();
  return !st.unlinked.empty() || !st.captions.empty();
}

}  // namespace

Status run_rule_examples(const std::vector<Rule>& rules, ExampleReport* report) {
  for (const Rule& rule : rules) {
    ++report->rules;
    std::unique_ptr<const RuleMatcher> matcher;
    Status s = RuleMatcher::build({alone(rule)}, &matcher);
    if (!s.ok()) return s;
    if (rule.hit_examples.empty() && rule.miss_examples.empty()) {
      ++report->untested;
      continue;
    }
    const Rule& r = matcher->rules()[0];
    const HtmlRules html(matcher->rules());
    const PageUrl url(r.example_url);
    const auto fits = [&](const std::string& text) {
      return r.is_html() ? html_rule_fits(html, r, text, url)
                         : text_rule_fits(*matcher, text, url);
    };
    for (const bool hit : {true, false}) {
      const std::vector<RuleExample>& examples = hit ? r.hit_examples : r.miss_examples;
      for (std::size_t i = 0; i < examples.size(); ++i) {
        ++report->examples;
        if (fits(examples[i].text) != hit) {
          report->failures.push_back({examples[i].at, r.id, hit, i + 1, examples[i].text});
        }
      }
    }
  }
  return {};
}

Status test_rule_examples(const RuleSource& source, ExampleReport* report) {
  std::vector<Rule> rules;
  std::vector<Disable> disable;  // switches off other files' rules: nothing to test
  Status s = parse_rules(source, &rules, &disable);
  if (!s.ok()) return s;
  ExampleReport out;
  try {
    s = run_rule_examples(rules, &out);
  } catch (const std::exception& e) {
    s = Status(ErrorCode::kInvalidArgument, std::string("cannot run examples: ") + e.what());
  }
  if (s.ok()) *report = std::move(out);
  return s;
}

}  // namespace newsclean
