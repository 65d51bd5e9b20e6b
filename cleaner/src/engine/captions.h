// Caption relevance: how much a caption is about the story it sits in.
#ifndef NEWSCLEAN_SRC_ENGINE_CAPTIONS_H_
#define NEWSCLEAN_SRC_ENGINE_CAPTIONS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/tuning.h"

namespace newsclean {

// Lower-cased content words of `text`: runs of letters (and inner hyphens or
// apostrophes) of three or more letters that are not function words, month
// or weekday names, or the vocabulary of photo credits ("photo", "shows").
std::vector<std::string> content_words(std::string_view text);

// The story's vocabulary, built once per document.
class StoryTerms {
 public:
  // Title words count `title_weight` times: the headline names the topic.
  StoryTerms(const std::vector<std::string_view>& paragraphs,
             std::string_view title, int title_weight = tuning::kCaptionTitleWeight);

  // Relevance of `caption` to the story in [0, 1]: the shared words, each
  // weighted by its salience in the story (1 + ln tf), over that weight plus
  // the number of the caption's words the story never uses.
  double relevance(std::string_view caption) const;

 private:
  std::unordered_map<std::string, int> tf_;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_CAPTIONS_H_
