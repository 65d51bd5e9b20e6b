#include "engine/captions.h"

#include <cmath>
#include <unordered_set>

#include "core/utf8.h"

namespace newsclean {
namespace {

// Function words of the languages the rules cover, month and weekday names,
// and words every photo caption uses whatever it shows. Only words of three
// letters or more matter: shorter ones are never content words.
const std::unordered_set<std::string>& stop_words() {
  static const auto* words = new std::unordered_set<std::string>{
      // English
      "the", "and", "for", "with", "from", "that", "this", "these", "those",
      "are", "was", "were", "been", "being", "has", "have", "had", "his",
      "her", "hers", "its", "their", "they", "them", "she", "him", "who",
      "whom", "which", "what", "when", "where", "while", "during", "before",
      "after", "about", "above", "below", "over", "under", "into", "onto",
      "out", "off", "not", "but", "also", "than", "then", "there", "here",
      "our", "your", "you", "all", "any", "some", "can", "will", "would",
      "could", "should", "may", "might", "one", "two", "three", "new", "per",
      "via", "upon", "between", "behind", "front", "next", "near", "other",
      "more", "most", "such", "very", "just", "only", "said", "says", "left",
      "right", "center", "centre", "top", "bottom", "background", "foreground",
      // Months and weekdays
      "january", "february", "march", "april", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar",
      "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday",
      // Caption and credit vocabulary
      "photo", "photos", "photograph", "photographs", "picture", "pictures",
      "image", "images", "file", "taken", "shows", "show", "shown", "seen",
      "pictured", "poses", "credit", "courtesy", "handout", "getty", "afp",
      "reuters", "epa", "xinhua", "shutterstock", "alamy", "stock", "foto",
      "bild", "archive", "archives",
      // German, French, Spanish, Portuguese, Italian
      "der", "die", "das", "und", "mit", "von", "für", "auf", "den", "dem",
      "des", "ein", "eine", "einer", "ist", "sich", "nicht", "auch", "les",
      "des", "une", "dans", "pour", "avec", "sur", "par", "est", "qui", "que",
      "los", "las", "con", "por", "para", "una", "del", "como", "com", "para",
      "uma", "dos", "das", "nos", "nas", "della", "delle", "degli", "con",
      "per", "una", "sono"};
  return *words;
}

// Lower-cases the scripts whose case pairs sit at fixed offsets (ASCII,
// Latin-1, Greek, Cyrillic); other code points are left as they are.
char32_t fold_case(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F) ||
         (c >= 0x590 && c <= 0x6FF) || (c >= 0x900 && c <= 0xDFF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF);
}

}  // namespace

std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  std::size_t letters = 0;
  const auto flush = [&] {
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
    if (letters >= 3 && !stop_words().count(word)) words.push_back(word);
    word.clear();
    letters = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = next_code_point(text, &i);
    if (is_letter(c)) {
      append_utf8(fold_case(c), &word);
      ++letters;
    } else if ((c == '-' || c == '\'' || c == 0x2019) && !word.empty() &&
               i < text.size()) {
      if (c == '-') {
        word.push_back('-');
      } else {
        flush();  // "Russia's" -> "russia"; the "s" is too short to count
      }
    } else {
      flush();
    }
  }
  flush();
  return words;
}

StoryTerms::StoryTerms(const std::vector<std::string_view>& paragraphs,
                       std::string_view title, int title_weight) {
  for (const auto& p : paragraphs) {
    for (auto& w : content_words(p)) ++tf_[std::move(w)];
  }
  for (auto& w : content_words(title)) tf_[std::move(w)] += title_weight;
}

double StoryTerms::relevance(std::string_view caption) const {
  std::unordered_set<std::string> seen;
  double shared = 0;
  double unknown = 0;
  for (auto& w : content_words(caption)) {
    if (!seen.insert(w).second) continue;
    const auto it = tf_.find(w);
    if (it == tf_.end()) {
      unknown += 1;
    } else {
      shared += 1 + std::log(static_cast<double>(it->second));
    }
  }
  if (shared + unknown == 0) return 0;
  return shared / (shared + unknown);
}

}  // namespace newsclean
