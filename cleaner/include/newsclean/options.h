// Options: the knobs of a Cleaner that are not rules.
// Part of the public API; include <newsclean/cleaner.h>.
#ifndef NEWSCLEAN_OPTIONS_H_
#define NEWSCLEAN_OPTIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsclean {

// How to read the input of Cleaner::clean.
enum class Format {
  kAuto,  // HTML if it looks like HTML (a doctype, <html>, markup), else text
  kText,  // plain text, one paragraph per line
  kHtml,  // an HTML page, in any charset
};

// What a text input is (HTML input is always a whole page, read by the
// HTML extractor).
enum class InputKind {
  kAuto,     // decided per document from its shape (Result::input_kind says)
  kExtract,  // the output of a main-content extractor (trafilatura, ...)
  kPage,     // a whole page as text (Common Crawl WET, html-text, ...):
             // lines that are not sentences go unless they sit in the prose
};

// How Result::text is written.
enum class TextFormat {
  kPlain,     // the kept blocks, one a line
  kMarkdown,  // Markdown: headings, lists, quotes, preformatted text and
              // tables as the HTML had them, paragraphs parted by an empty
              // line, markup characters of the text escaped
};

// The `charset` of Cleaner::clean for input that is already decoded text
// (in UTF-8): its <meta charset> is not obeyed and no charset is guessed.
inline constexpr std::string_view kDecodedText = "utf-8";

// Knobs that are not rules. Every field documents its default.
struct Options {
  // Keep captions judged related to the story in the text (they are still
  // listed in Result::captions). Default: false (all captions leave the text).
  bool keep_related_captions = false;

  // A caption whose relevance score is at least this is "related" when its
  // words are all there is to go by (text input). From HTML, a caption in
  // the story's blocks is related from 0.3 times this, and one beside the
  // story (outside the content, in a stripped box) from 1.7 times this (at
  // most 1); a caption whose picture links to another page never is. In
  // text, a caption line after the story's last paragraph or beside another
  // story's headline is related from 2.5 times this (at most 1).
  // Scores are in [0, 1]. Default: 0.37 (chosen on the tune half of
  // bench/captions: the share of right verdicts grows up to about 0.6 there,
  // but the seed article's related caption scores 0.40).
  double caption_threshold = 0.37;

  // The head is the blocks before the first prose paragraph, but at most this
  // many, not counting the lines rules that act anywhere drop (menu rows,
  // copyright lines: up to as many again). Rules with `where: head` look
  // only there. Default: 6.
  std::size_t head_blocks = 6;

  // The tail is at most this many blocks at the end, after the first prose
  // paragraph, counted as the head's are. Rules with `where: tail` look only
  // there. Default: 12.
  std::size_t tail_blocks = 12;

  // What text input is. Default: kAuto (a document of many lines, mostly
  // short non-sentences and with such lines at both ends, is a whole page).
  InputKind input_kind = InputKind::kAuto;

  // How Result::text is written. Default: kPlain. (Removals, captions and
  // the title stay plain text.)
  TextFormat text_format = TextFormat::kPlain;

  // Rule ids to switch off, in addition to `disable:` in rule files.
  // An id that names no rule is an error. Default: none.
  std::vector<std::string> disable;

  // Result::removed texts are cut to this many characters (code points),
  // then end in "…"; Removal::words still counts the whole text. 0: no
  // limit (the explain report asks for that). Default: 300.
  std::size_t removed_text_chars = 300;

  // Leave out the built-in rules and use only the given sources.
  // Default: false.
  bool no_default_rules = false;

  // A site pack to use besides the rules: "" (none) or "ftr" (FiveFilters'
  // ftr-site-config, about 2,000 sites: the story's container, elements to
  // strip, title, author and date). Its rules are looked up by the page's
  // host and compiled on first use per site, so pages of other sites cost
  // nothing more. An unknown name is an error. Default: "".
  std::string site_pack;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_OPTIONS_H_
