// Rules: their in-memory form, loading from YAML, and matching with RE2.
#ifndef NEWSCLEAN_SRC_RULES_H_
#define NEWSCLEAN_SRC_RULES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsclean/cleaner.h"

namespace newsclean {

enum class Where { kHead, kTail, kAnywhere };
enum class Unit { kBlock, kLine };
enum class Action { kDrop, kDropRest, kDropTail, kDropBefore, kKeep, kMetadata };
enum class Field { kNone, kTitle, kSection };
// Which input a text rule applies to: both, or only text or only HTML.
enum class InputFormat { kAny, kText, kHtml };

// Block features a rule can require (with or without a pattern).
enum class Feature {
  kNone,
  kDuplicate,  // the second of exactly two equal blocks
  kTeaserRun,  // one of a run of short lines that are not sentences
  kPageUrl,    // the block is the document's own URL
  kLinkHeavy,  // most of the block's text is link text (HTML only)
  kTeaserList, // part of a list of other stories' headlines (with their
               // one-sentence summaries and separators) that ends the document
  kUrlTitle,   // agrees with the page URL: half its words are in its slug,
               // or one is in a path that names the page in words; never on
               // a home page (true for a number path, or no URL)
};

const char* to_string(Where w);
const char* to_string(Action a);

struct Rule {
  std::string id;
  std::string category;
  std::string description;
  std::string pattern;
  std::string unless;  // a second pattern that vetoes a hit; "" for none
  Where where = Where::kAnywhere;
  Unit unit = Unit::kBlock;
  Action action = Action::kDrop;
  Field field = Field::kNone;
  Feature feature = Feature::kNone;
  InputFormat format = InputFormat::kAny;  // `format:` in rules.yaml
  std::size_t min_words = 0;  // 0: no minimum
  std::size_t max_words = 0;  // 0: no maximum
  bool once = false;          // applies to its first hit only
  bool needs_story = false;   // only in documents shaped like a story
  std::vector<std::string> sites;  // empty: every site
  std::string origin;              // "file:line" of the rule
  std::string pattern_at;          // "file:line:col" of its pattern
  std::string unless_at;           // "file:line:col" of `unless`

  // HTML selectors. A rule with any of them acts on the page's elements
  // before there are blocks (drop: strip the element; keep: protect it;
  // category caption: the element's text becomes a caption); it needs no
  // pattern.
  std::vector<std::string> tags;               // element names
  std::vector<std::string> strip_id_or_class;  // class/id tokens ("share" matches "post-share")
  std::vector<std::string> roles;              // ARIA roles
  bool hidden = false;                         // hidden, aria-hidden, display:none
  std::string xpath;                           // elements to act on
  std::string body;                            // XPath of the story's container
  std::string xpath_at;                        // "file:line:col" of xpath or body

  bool is_html() const {
    return !tags.empty() || !strip_id_or_class.empty() || !roles.empty() || hidden ||
           !xpath.empty() || !body.empty();
  }
};

// A rule id to switch off, and where it was asked for ("file:line:col").
struct Disable {
  std::string id;
  std::string origin;
};

// Parses one YAML rules document, appending its rules to `rules` and its
// `disable` ids to `disable`. Errors name "file:line:col: rule 'id': ...".
Status parse_rules(const RuleSource& source, std::vector<Rule>* rules,
                   std::vector<Disable>* disable);

// Adds the rules of a later source: one with the id of an existing rule
// replaces it in place; new ones go before all existing rules, so that where
// several rules fit a block, the more specific (later) file wins.
void merge_rules(std::vector<Rule> added, std::vector<Rule>* rules);

// Drops the disabled rules; an id that names no rule is an error.
Status apply_disable(const std::vector<Disable>& ids, std::vector<Rule>* rules);

// True if every match of RE2 `pattern` starts at the start of the text (each
// alternative begins with ^ or \A, outside (?m)). False where unsure.
bool anchored_at_start(std::string_view pattern);

// True if `host` (lower case) is covered by `site`: "example.com" covers
// itself and "www.example.com"; ".example.com" covers every subdomain and the
// domain itself.
bool site_matches(std::string_view site, std::string_view host);

// The lower-case host of a URL ("https://www.x.com:8080/a" -> "www.x.com"),
// or the input itself lower-cased when it has no scheme.
std::string host_of(std::string_view url);

// Compiled rules: one RE2::Set per unit finds the candidate rules of a
// string in one pass. Immutable after construction, safe to share.
class RuleMatcher {
 public:
  // Compiles `rules`; fails on a pattern that does not compile, is empty,
  // matches the empty string or matches any text. A rule with a feature may
  // have no pattern.
  static Status build(std::vector<Rule> rules,
                      std::unique_ptr<const RuleMatcher>* out);
  ~RuleMatcher();

  const std::vector<Rule>& rules() const { return rules_; }

  // Indices (into rules()) of the `unit` rules whose pattern matches `s`
  // (rules with a feature and no pattern are always candidates) and whose
  // `unless` pattern does not, ascending.
  // `words` is the word count of `s`: rules whose max_words is smaller are
  // not even scanned.
  void match(Unit unit, std::string_view s, std::size_t words, std::vector<int>* hits) const;

 private:
  RuleMatcher() = default;
  std::vector<Rule> rules_;
  struct Sets;  // RE2 types stay out of this header
  std::unique_ptr<const Sets> sets_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_H_
