// Rule: the in-memory form of one rule of rules.yaml, and what each of its
// keys means. The schema (every key, its values and its meaning) is written
// once, in docs/rules.md; rules/schema.cc lists the keys the loader knows.
#ifndef NEWSCLEAN_SRC_RULES_RULE_H_
#define NEWSCLEAN_SRC_RULES_RULE_H_

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace newsclean {

enum class Where { kHead, kTail, kAnywhere };
enum class Unit { kBlock, kLine };
enum class Action { kDrop, kDropRest, kDropTail, kDropBefore, kKeep, kMetadata };
// Where `action: metadata` puts the text: a text rule's block goes to the
// title or the section; an HTML rule's (xpath) first selection to the title,
// author or publication date.
enum class Field { kNone, kTitle, kSection, kAuthor, kPublished };
// Which input a text rule applies to: both, or only text or only HTML.
enum class InputFormat { kAny, kText, kHtml };
// When an HTML rule's class/id tokens act: only inside the chosen content
// (kContent), or already before the content is chosen (kEarly: boxes that
// compete with the story for paragraphs, such as comments and sign-up
// forms), except on elements whose class or id also names the story.
enum class Pass { kContent, kEarly };
// Pages on which a rule does not act.
enum class Suspend {
  kNever,
  kDiscussion,  // forum threads (schema.org
                // DiscussionForumPosting): their posts are the content
};

// Block features a rule can require (with or without a pattern).
enum class Feature {
  kNone,
  kDuplicate,  // the second of exactly two equal blocks
  kTeaserRun,  // one of a run of short lines that are not sentences
  kPageUrl,    // the block is the document's own URL
  kLinkHeavy,  // most of the block's text is link text (HTML only)
  kTeaserList, // part of a list of other stories' headlines (with their
               // one-sentence summaries and separators) that ends the document
  kPageChrome, // on whole-page text: not a sentence, and not inside the prose
  kMenuRow,    // a row of menu items: short capitalised items between
               // separators ("Home | News | Sport"), not in a table
  kPageText,   // any block of whole-page text (input_kind "page", stated or
               // guessed), not of an extractor's output nor of HTML
  kUrlTitle,   // agrees with the page URL: half its words are in its slug,
               // or one is in a path that names the page in words; never on
               // a home page (for a number path or no URL: 5 words or more,
               // or shorter with no longer headline closely after it)
  kAmongDropped,  // a line that is not a sentence; the rule acts after the
                  // others, only where it stands among lines they drop
                  // (engine/decide.h, drop_among_dropped)
  kHeadAmongDropped,  // a line that is not a sentence; the rule acts with the
                      // among_dropped ones, only before the story's first
                      // prose, between lines the others drop
  kTailAmongDropped,  // a line that is not prose; the rule acts with the
                      // among_dropped ones, only after the story's last
                      // prose, between lines the others drop
  kClosingAmongDropped,  // a line of tuning::kClosingMaxWords words or
                         // fewer; the rule acts after the among_dropped
                         // ones, only on the few lines left between a run
                         // the others drop after the story (opened by a
                         // footer, a copyright, comments or a credit) and
                         // the document's last dropped line
  kChromeWords,   // its words read like page chrome: the chrome-words model
                  // (engine/chrome_words.h) scores it kChromeWordsMin or more
  kEcho,          // the document is this block printed kEchoMinCopies times
                  // or more, and nothing else
  kGluedTeasers,  // a line that is no sentence and runs other stories'
                  // dated headlines together (is_glued_teaser_list)
  kGluedCopy,     // a long block another block holds word for word, one
                  // that joins cells with " | " (mark_glued_copies)
};

// Whether a rule with feature `f` waits for the other rules' drops and acts
// among them (engine/decide.h drop_among_dropped).
constexpr bool acts_among_dropped(Feature f) {
  return f == Feature::kAmongDropped || f == Feature::kHeadAmongDropped ||
         f == Feature::kTailAmongDropped || f == Feature::kClosingAmongDropped;
}

// A made-up text (or HTML snippet) a rule must fit (`examples: hit`) or not
// fit (`examples: miss`); docs/rules.md says what a fit is.
struct RuleExample {
  std::string text;
  std::string at;  // "file:line:col" of the example
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
  bool list_items = false;    // also takes a line marked as a list's item ("- Jun 9")
  bool caption = false;       // what it removes is a photo caption: judged
                              // against the story, listed in Result.captions
                              // (HTML: the element's text becomes a block)
  Pass pass = Pass::kContent;        // HTML class/id tokens: when they act
  Suspend suspend_on = Suspend::kNever;
  std::vector<PageKind> page_kinds;  // empty: every page; else only these kinds
  std::vector<std::string> sites;  // empty: every site
  std::string origin;              // "file:line" of the rule
  bool built_in = false;           // from the built-in rules.yaml, whose patterns
                                   // the test suite checks (rules/match.h)
  std::string pattern_at;          // "file:line:col" of its pattern
  std::string unless_at;           // "file:line:col" of `unless`

  // HTML selectors. A rule with any of them acts on the page's elements
  // before there are blocks (drop: strip the element; keep: protect it;
  // caption: the element's text becomes a caption); it needs no pattern.
  std::vector<std::string> tags;               // element names
  std::vector<std::string> strip_id_or_class;  // class/id tokens ("share" matches "post-share")
  std::vector<std::string> roles;              // ARIA roles
  bool hidden = false;                         // hidden, aria-hidden, display:none
  bool spare_linkless_prose = false;  // drop: an element of prose with no link in or around
                                      // it, not a figure, stays (a lead, not a list)
  std::string xpath;                           // elements to act on
  bool xpath_in_content = false;  // `pass: content` on xpath: only inside the chosen
                                  // content, never on a third of its text or more
  std::string body;                            // XPath of the story's container
  bool prune = true;  // with body: the generic HTML rules prune what it selects
  bool guarded = false;  // with body: the scorer's choice stands where they disagree
  std::string xpath_at;                        // "file:line:col" of xpath or body

  // The rule's own tests (`examples:`): texts it must fit and texts it must
  // not, and the page URL they are read with ("" for none).
  std::vector<RuleExample> hit_examples;
  std::vector<RuleExample> miss_examples;
  std::string example_url;

  // True if the rule applies to pages of `host` (no `sites`: every host).
  bool in_scope(std::string_view host) const;

  // True if the rule does not act on a page of this kind, or on a
  // discussion page (`page_kinds`, `suspend_on`).
  bool suspended_on(PageKind kind, bool discussion) const {
    if (discussion && suspend_on == Suspend::kDiscussion) return true;
    return !page_kinds.empty() &&
           std::find(page_kinds.begin(), page_kinds.end(), kind) == page_kinds.end();
  }

  // An HTML rule that fills a metadata field from what its xpath selects.
  bool is_html_metadata() const { return action == Action::kMetadata && !xpath.empty(); }

  bool is_html() const {
    return !tags.empty() || !strip_id_or_class.empty() || !roles.empty() || hidden ||
           !xpath.empty() || !body.empty();
  }
};

// True if `host` (lower case) is covered by `site`: "example.com" covers
// itself and "www.example.com"; ".example.com" covers every subdomain and the
// domain itself.
bool site_matches(std::string_view site, std::string_view host);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_RULE_H_
