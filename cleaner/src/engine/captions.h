// Caption relevance: how much a caption is about the story it sits in.
#ifndef NEWSCLEAN_SRC_ENGINE_CAPTIONS_H_
#define NEWSCLEAN_SRC_ENGINE_CAPTIONS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/tuning.h"
#include "engine/caption_form.h"
#include "engine/caption_words.h"  // content_words
#include "newsclean/result.h"

namespace newsclean {

// The story's vocabulary, built once per document.
class StoryTerms {
 public:
  // Title words count `title_weight` times: the headline names the topic.
  // With `asked`, the terms hold only what the questions below can ask of
  // those texts: their words and numbers, and the short paragraphs that say
  // one of them again; their answers for those texts are the same, and the
  // terms take far fewer words to build.
  StoryTerms(const std::vector<std::string_view>& paragraphs,
             std::string_view title, int title_weight = tuning::kCaptionTitleWeight,
             const std::vector<std::string_view>* asked = nullptr);

  // Relevance of `caption` to the story in [0, 1]: the shared words, each
  // weighted by its salience in the story (1 + ln tf), over that weight plus
  // the number of the caption's words the story never uses.
  double relevance(std::string_view caption) const;

  // The same with rarity: a name (a capitalised word inside the caption) or
  // a number counts kCaptionNameWeight times, a long word (a rarer one)
  // kCaptionLongWordWeight times, in what it shares and in what it does not.
  // `shared` gets the shared words, names and numbers first.
  double weighted_relevance(std::string_view caption, std::vector<std::string>* shared) const;

  // If a short paragraph of the story has the content words of `own` (a
  // caption without its credit: without_credit), in order: the terms
  // without that paragraph, in `*out`, and true. Such a line is the caption
  // said again (the text of its card, its alt): no evidence that the caption
  // is the story's.
  bool without_copy_of(std::string_view own, StoryTerms* out) const;

 private:
  // Adds `weight` to the count of each word and number of `paragraph` that
  // the terms keep; its content words joined with spaces go to `key`, if not null.
  void count(std::string_view paragraph, int weight, std::string* key = nullptr);
  // count() of the asked terms only, with no key.
  void count_asked(std::string_view paragraph, int weight);
  // False if the first content word of `paragraph` is the first word of no
  // asked text's key (then the paragraph's key is none of them either).
  bool may_open_asked_key(std::string_view paragraph) const;
  // Adds `weight` to the count of `term` if the terms keep it.
  void add(const std::string& term, int weight);
  // The count of `term`; a term the story does not use counts 0 or less.
  int tf(const std::string& term) const;

  // True if `term` may be one of the asked terms (asked_only_): its length
  // and first byte are those of one (see shapes_).
  bool may_be_asked(std::string_view term) const {
    return !term.empty() &&
           (shapes_[std::min(term.size(), kLongTerm)] & (1u << (term[0] & 31))) != 0;
  }

  // Only the asked texts' words and numbers are counted: tf_ holds each of
  // them from the start (at 0), and no other term.
  bool asked_only_ = false;
  bool asked_numbers_ = false;  // some asked text has a number
  // Bit (first byte & 31) of shapes_[length] is set if an asked term has
  // that length (kLongTerm for any longer) and first byte: most words of a
  // story are told apart from the asked ones without a look-up.
  static constexpr std::size_t kLongTerm = 31;
  std::uint32_t shapes_[kLongTerm + 1] = {};
  // The first words of the asked texts' keys (word_key).
  std::unordered_set<std::string> asked_first_words_;
  std::unordered_map<std::string, int> tf_;
  // Short paragraphs by their content words joined with spaces.
  std::unordered_map<std::string, std::string> short_paragraphs_;
};

// Where caption line `i` of text input stands (`prose[j]`: block j is a
// paragraph of the story; `teaser[j]`: block j was taken out as a list of
// other stories): "teasers" when a line beside it is such a teaser, "after"
// when a paragraph of the story comes before it and none after it (a picture
// after the story is more often another story's than this one's), else
// "story". Text has no markup, so the neighbours are all there is.
std::string text_position(const std::vector<bool>& prose, const std::vector<bool>& teaser,
                          std::size_t i);

// Judges `captions` (in reading order; text, index, rule, position and
// links_elsewhere set) against the story: score, related, shared, credit_of
// and reason. In order: a credit line alone takes the verdict of the caption
// beside it; a caption whose picture or card links to another page is not
// the story's; one in the story is related from `threshold`, one elsewhere
// (position not "story") or with a teaser's marks (engine/caption_form.h)
// from `outside_threshold` (a picture beside the story must share more). A
// caption is scored against the story less a copy of itself
// (StoryTerms::without_copy_of). `own`, if given, holds each caption's
// without_credit(text) (engine/caption_form.h), for a caller that has them.
void judge_captions(const StoryTerms& terms, double threshold, double outside_threshold,
                    std::vector<Caption>* captions,
                    const std::vector<std::string_view>* own = nullptr);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_CAPTIONS_H_
