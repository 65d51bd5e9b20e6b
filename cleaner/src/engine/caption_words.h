// Caption words: the words and numbers a caption and its story are
// compared by (engine/captions.h), read without building lists.
#ifndef NEWSCLEAN_SRC_ENGINE_CAPTION_WORDS_H_
#define NEWSCLEAN_SRC_ENGINE_CAPTION_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace newsclean {

// Lower-cased content words of `text`: runs of letters (and inner hyphens or
// apostrophes) of three or more letters that are not function words, month
// or weekday names, or the vocabulary of photo credits ("photo", "shows").
std::vector<std::string> content_words(std::string_view text);

// Numbers of two digits or more ("2019", "300", "1,200" -> "1200").
std::vector<std::string> numbers(std::string_view text);

// The content words of `text` joined by spaces: texts with the same key say
// the same, whatever their case, marks and function words.
std::string word_key(std::string_view text);

// True if lower-cased `word` is a function word, a month or weekday name or
// a word every photo caption uses: never a content word.
bool is_stop_word(const std::string& word);

// Lower-cases the scripts whose case pairs sit at fixed offsets (ASCII,
// Latin-1, Greek, Cyrillic); other code points are left as they are.
inline char32_t fold_case(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

// A letter of the scripts the rules cover.
inline bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F) ||
         (c >= 0x590 && c <= 0x6FF) || (c >= 0x900 && c <= 0xDFF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF);
}

// Calls found(word) for each word of `text` of three letters or more,
// lower-cased, in order; with kContent, only the content words (as
// content_words lists them). ASCII, most of any text, is read byte by byte.
template <bool kContent, typename Found>
void for_each_word(std::string_view text, const Found& found) {
  std::string word;
  std::size_t letters = 0;
  const auto flush = [&] {
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
    if (letters >= 3 && (!kContent || !is_stop_word(word))) found(word);
    word.clear();
    letters = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        word.push_back(static_cast<char>(b | 0x20));  // fold_case and is_letter of ASCII
        ++letters;
        continue;
      }
    }
    const char32_t c = b < 0x80 ? b : next_code_point(text, &i);
    if (b >= 0x80 && is_letter(c)) {
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
}

// Calls found(word) for each content word of `text`, in order (as
// content_words lists them).
template <typename Found>
void for_each_content_word(std::string_view text, const Found& found) {
  for_each_word<true>(text, found);
}

// Calls found(number) for each number of two digits or more of `text`, in
// order ("2019", "300", "1,200" -> "1200").
template <typename Found>
void for_each_number(std::string_view text, const Found& found) {
  std::string n;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c >= '0' && c <= '9') {
      n.push_back(c);
    } else if (!(c == ',' && !n.empty() && i + 1 < text.size() && text[i + 1] >= '0' &&
                 text[i + 1] <= '9')) {
      if (n.size() >= 2) found(n);
      n.clear();
    }
  }
}

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_CAPTION_WORDS_H_
