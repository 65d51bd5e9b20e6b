// The chrome-words model: how much a short line's words read like page
// chrome ("Email this story", "Kommentare (7)", "Voir aussi") rather than a
// story's. A logistic regression over hashed character n-grams of the
// line's words, trained by scripts/chrome_model.py on the made-up chrome
// lines of tests/data/chrome_lines.tsv against story lines; the weights are
// models/chrome_words.tsv, embedded at build time. It knows words, not
// sites: it catches a tool's or a heading's wording that no pattern lists.
#ifndef NEWSCLEAN_SRC_ENGINE_CHROME_WORDS_H_
#define NEWSCLEAN_SRC_ENGINE_CHROME_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsclean {

// The n-gram buckets of `text` and their counts, as scripts/chrome_model.py
// features() computes them (the two must agree): each word of the first 40,
// case-folded and padded with a space on each side, gives its 2- to 5-grams
// of code points; a gram's bucket is the FNV-1a hash of its UTF-8 bytes,
// modulo 2^20. Sorted by bucket.
std::vector<std::pair<std::uint32_t, int>> chrome_word_grams(std::string_view text);

// The model's probability that `text` is chrome, in [0, 1].
double chrome_words_score(std::string_view text);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_CHROME_WORDS_H_
