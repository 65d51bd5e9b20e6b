#include "engine/caption_words.h"

#include <unordered_set>

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
      // More English function words
      "did", "does", "doesn", "don", "how", "why", "get", "gets", "make", "makes", "without",
      "because", "each", "every", "many", "much", "own", "same", "too", "now", "yet",
      // More German function words
      "nach", "sie", "zur", "zum", "wer", "sind", "vor", "bis", "hat", "mehr", "wie", "als",
      "bei", "aus", "oder", "aber", "noch", "nur", "wir", "ihr", "sein", "seine", "ihre",
      "wird", "werden", "wurde", "hier", "dort", "unter", "über", "können", "kann",
      // German, French, Spanish, Portuguese, Italian
      "der", "die", "das", "und", "mit", "von", "für", "auf", "den", "dem",
      "des", "ein", "eine", "einer", "ist", "sich", "nicht", "auch", "les",
      "des", "une", "dans", "pour", "avec", "sur", "par", "est", "qui", "que",
      "los", "las", "con", "por", "para", "una", "del", "como", "com", "para",
      "uma", "dos", "das", "nos", "nas", "della", "delle", "degli", "con",
      "per", "una", "sono"};
  return *words;
}

}  // namespace

bool is_stop_word(const std::string& word) { return stop_words().count(word) > 0; }

std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_content_word(text, [&](const std::string& w) { words.push_back(w); });
  return words;
}

std::vector<std::string> numbers(std::string_view text) {
  std::vector<std::string> out;
  for_each_number(text, [&](const std::string& n) { out.push_back(n); });
  return out;
}

std::string word_key(std::string_view text) {
  std::string key;
  for_each_content_word(text, [&](const std::string& w) {
    if (!key.empty()) key += ' ';
    key += w;
  });
  return key;
}

}  // namespace newsclean
