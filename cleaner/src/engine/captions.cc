#include "engine/captions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "core/utf8.h"
#include "engine/caption_form.h"

namespace newsclean {
namespace {

// A story paragraph of at most this many bytes whose content words are a
// caption's is a copy of the caption (its card's text, its alt), left out of
// the story the caption is judged against. Captions are shorter.
constexpr std::size_t kCopyMaxBytes = 400;

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

// Numbers of two digits or more ("2019", "300", "1,200" -> "1200").
std::vector<std::string> numbers(std::string_view text);

// The content words of `text` joined by spaces: texts with the same key say
// the same, whatever their case, marks and function words.
std::string word_key(std::string_view text);

// Calls found(word) for each content word of `text`, in order (as
// content_words lists them).
template <typename Found>
void for_each_content_word(std::string_view text, const Found& found) {
  std::string word;
  std::size_t letters = 0;
  const auto flush = [&] {
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.pop_back();
    if (letters >= 3 && !stop_words().count(word)) found(word);
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
}

}  // namespace

std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_content_word(text, [&](const std::string& w) { words.push_back(w); });
  return words;
}

namespace {

std::string word_key(std::string_view text) {
  std::string key;
  for (const auto& w : content_words(text)) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

}  // namespace

StoryTerms::StoryTerms(const std::vector<std::string_view>& paragraphs,
                       std::string_view title, int title_weight,
                       const std::vector<std::string_view>* asked) {
  std::unordered_set<std::string> asked_keys;  // a copy of an asked text has one of these
  if (asked != nullptr) {
    asked_only_ = true;
    for (const std::string_view text : *asked) {
      for_each_content_word(text, [&](const std::string& w) { asked_.insert(w); });
      for (auto& n : numbers(text)) asked_.insert(std::move(n));
      asked_keys.insert(word_key(text));
    }
  }
  // The first paragraph and the title are not a caption's copy but the
  // headline: a picture that says it again is the story's lead picture.
  const std::string headline = word_key(title);
  std::string key;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string_view p = paragraphs[i];
    const bool may_copy = i > 0 && p.size() <= kCopyMaxBytes;
    key.clear();
    count(p, 1, may_copy ? &key : nullptr);
    if (!may_copy || key.empty() || key == headline) continue;
    if (asked_only_ && asked_keys.count(key) == 0) continue;
    short_paragraphs_.emplace(key, p);
  }
  for_each_content_word(title, [&](const std::string& w) {
    if (keeps(w)) tf_[w] += title_weight;
  });
}

void StoryTerms::count(std::string_view paragraph, int weight, std::string* key) {
  for_each_content_word(paragraph, [&](const std::string& w) {
    if (key != nullptr) {
      if (!key->empty()) *key += ' ';
      *key += w;
    }
    if (keeps(w)) tf_[w] += weight;
  });
  for (auto& n : numbers(paragraph)) {
    if (keeps(n)) tf_[std::move(n)] += weight;
  }
}

bool StoryTerms::without_copy_of(std::string_view caption, StoryTerms* out) const {
  if (short_paragraphs_.empty()) return false;
  const std::string key = word_key(without_credit(caption));
  const auto it = short_paragraphs_.find(key);
  if (key.empty() || it == short_paragraphs_.end()) return false;
  *out = *this;
  out->count(it->second, -1);
  for (auto t = out->tf_.begin(); t != out->tf_.end();) {
    t = t->second > 0 ? std::next(t) : out->tf_.erase(t);
  }
  return true;
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

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string> numbers(std::string_view text) {
  std::vector<std::string> out;
  std::string n;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (is_digit(c)) {
      n.push_back(c);
    } else if (!(c == ',' && !n.empty() && i + 1 < text.size() && is_digit(text[i + 1]))) {
      if (n.size() >= 2) out.push_back(n);
      n.clear();
    }
  }
  return out;
}

// The content words of `text` that are names: written with a capital
// inside a sentence (not its first word).
std::unordered_set<std::string> names(std::string_view text) {
  std::unordered_set<std::string> out;
  bool sentence_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    const std::string_view token = text.substr(i, end - i);
    std::size_t k = 0;
    while (k < token.size() && static_cast<unsigned char>(token[k]) < 0x80 &&
           !std::isalnum(static_cast<unsigned char>(token[k]))) {
      ++k;  // "(Jane", "\"Bridge"
    }
    if (k < token.size()) {
      std::size_t at = k;
      const char32_t c = next_code_point(token, &at);
      if (!sentence_start && fold_case(c) != c) {
        for (auto& w : content_words(token)) out.insert(std::move(w));
      }
      sentence_start = false;
    }
    if (!token.empty() && (token.back() == '.' || token.back() == '!' || token.back() == '?' ||
                           token.back() == ':')) {
      sentence_start = true;
    }
    i = end + 1;
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& words, std::size_t max) {
  std::string s;
  for (std::size_t k = 0; k < words.size() && k < max; ++k) {
    if (k > 0) s += ", ";
    s += "'" + words[k] + "'";
  }
  if (words.size() > max) s += ", ...";
  return s;
}

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

double StoryTerms::weighted_relevance(std::string_view caption,
                                      std::vector<std::string>* shared_words) const {
  const std::unordered_set<std::string> named = names(caption);
  std::unordered_set<std::string> seen;
  std::vector<std::pair<double, std::string>> hits;
  double shared = 0;
  double unknown = 0;
  const auto count = [&](const std::string& w, double weight) {
    if (!seen.insert(w).second) return;
    const auto it = tf_.find(w);
    if (it == tf_.end()) {
      unknown += weight;
    } else {
      const double v = weight * (1 + std::log(static_cast<double>(it->second)));
      shared += v;
      hits.emplace_back(v, w);
    }
  };
  for (auto& w : content_words(caption)) {
    double weight = named.count(w) ? tuning::kCaptionNameWeight : 1.0;
    if (w.size() >= tuning::kCaptionLongWord) weight *= tuning::kCaptionLongWordWeight;
    count(w, weight);
  }
  for (auto& n : numbers(caption)) count(n, tuning::kCaptionNameWeight);
  if (shared_words != nullptr) {
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& h : hits) shared_words->push_back(std::move(h.second));
  }
  if (shared + unknown == 0) return 0;
  return shared / (shared + unknown);
}

std::string text_position(const std::vector<bool>& prose, const std::vector<bool>& teaser,
                          std::size_t i) {
  const bool teaser_before = i > 0 && i - 1 < teaser.size() && teaser[i - 1];
  if (teaser_before || (i + 1 < teaser.size() && teaser[i + 1])) return "teasers";
  const auto begin = prose.begin();
  const auto at = begin + static_cast<std::ptrdiff_t>(std::min(i, prose.size()));
  const bool before = std::find(begin, at, true) != at;
  const bool after = at != prose.end() && std::find(at + 1, prose.end(), true) != prose.end();
  return before && !after ? "after" : "story";
}

void judge_captions(const StoryTerms& terms, double threshold, double outside_threshold,
                    std::vector<Caption>* captions) {
  std::vector<Caption>& cs = *captions;
  std::vector<bool> credit(cs.size());
  for (std::size_t k = 0; k < cs.size(); ++k) {
    Caption& c = cs[k];
    credit[k] = is_credit_only(c.text);
    if (credit[k]) continue;
    StoryTerms less_copy({}, "");
    const bool copy = terms.without_copy_of(c.text, &less_copy);
    c.score = (copy ? less_copy : terms).weighted_relevance(without_credit(c.text), &c.shared);
    const std::string marks = teaser_marks(c.text);
    const bool story = c.position == "story" && marks.empty();
    const double from = story ? threshold : outside_threshold;
    std::string where = c.position == "story"     ? "in the story"
                        : c.position == "outside" ? "outside the story"
                        : c.position == "after"   ? "after the story's last paragraph"
                        : c.position == "teasers" ? "among other stories' headlines"
                                                  : "in a part an HTML rule stripped";
    if (!marks.empty()) where += ", reads as a teaser (" + marks + ")";
    if (copy) where += ", said again in the text (that line left out)";
    const std::string words =
        c.shared.empty() ? "shares no word with the story"
                         : "shares " + quoted_list(c.shared, 5) + " with the story";
    if (c.links_elsewhere) {
      c.related = false;
      c.reason = "its picture links to another page (" + where + "; " + words + ")";
      continue;
    }
    c.related = c.score >= from;
    c.reason = where + "; " + words + " (score " + fixed2(c.score) +
               (c.related ? " >= " : " < ") + fixed2(from) + ")";
  }
  // A credit belongs to the caption just before it (same picture), else
  // to the one just after.
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!credit[k]) continue;
    Caption& c = cs[k];
    int owner = -1;
    if (k > 0 && !credit[k - 1] && cs[k - 1].index + 1 >= c.index) {
      owner = static_cast<int>(k - 1);
    } else if (k + 1 < cs.size() && !credit[k + 1] && cs[k + 1].index <= c.index + 1) {
      owner = static_cast<int>(k + 1);
    }
    c.credit_of = owner;
    if (owner >= 0) {
      c.related = cs[owner].related;
      c.score = cs[owner].score;
      c.reason = "a credit line: takes the verdict of caption " + std::to_string(owner) + " (" +
                 (c.related ? "related" : "unrelated") + ")";
    } else {
      c.related = c.position == "story";
      c.score = c.related ? 1 : 0;
      c.reason = std::string("a credit line of no caption found, ") +
                 (c.related ? "in the story" : "outside the story");
    }
  }
}

}  // namespace newsclean
