#include "engine/captions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "core/utf8.h"
#include "engine/caption_form.h"
#include "engine/caption_words.h"

namespace newsclean {
namespace {

// A story paragraph of at most this many bytes whose content words are a
// caption's is a copy of the caption (its card's text, its alt), left out of
// the story the caption is judged against. Captions are shorter.
constexpr std::size_t kCopyMaxBytes = 400;

// What a byte is to for_each_run: one that ends every word and starts none
// (ASCII but letters, '-' and '\''), an ASCII letter, or another byte of a
// word ('-', '\'', any byte of a character outside ASCII).
enum RunByte : unsigned char { kBreak, kLetter, kOther };
struct RunBytes {
  RunByte of[256];
  constexpr RunBytes() : of() {
    for (int b = 0; b < 256; ++b) {
      const bool letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
      of[b] = b >= 0x80 || b == '-' || b == '\'' ? kOther : letter ? kLetter : kBreak;
    }
  }
};
constexpr RunBytes kRunBytes;

// Calls run(bytes, ascii_letters) for each run of `text` between bytes that
// end every word and start none (ASCII but letters, '-' and '\''), in order,
// while it returns true; `ascii_letters` if the run is ASCII letters alone.
// The words of the text (for_each_word) are those of its runs.
template <typename Run>
void for_each_run(std::string_view text, const Run& run) {
  const auto of = [&](std::size_t i) { return kRunBytes.of[static_cast<unsigned char>(text[i])]; };
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    while (i < n && of(i) == kBreak) ++i;
    const std::size_t begin = i;
    bool letters = true;
    for (RunByte b; i < n && (b = of(i)) != kBreak; ++i) letters = letters && b == kLetter;
    if (i > begin && !run(text.substr(begin, i - begin), letters)) return;
  }
}

// Lower-cases a run of ASCII letters into `word`.
void lower_letters(std::string_view run, std::string* word) {
  word->assign(run.begin(), run.end());
  for (char& c : *word) c = static_cast<char>(c | 0x20);
}

}  // namespace

StoryTerms::StoryTerms(const std::vector<std::string_view>& paragraphs,
                       std::string_view title, int title_weight,
                       const std::vector<std::string_view>* asked) {
  std::unordered_set<std::string> asked_keys;  // a copy of an asked text has one of these
  if (asked != nullptr) {
    asked_only_ = true;
    const auto ask = [&](const std::string& term) {
      if (tf_.emplace(term, 0).second) {
        shapes_[std::min(term.size(), kLongTerm)] |= 1u << (term[0] & 31);
      }
    };
    for (const std::string_view text : *asked) {
      for_each_content_word(text, ask);
      for_each_number(text, [&](const std::string& n) {
        ask(n);
        asked_numbers_ = true;
      });
      const std::string key = word_key(text);
      if (!key.empty()) asked_first_words_.insert(key.substr(0, key.find(' ')));
      asked_keys.insert(key);
    }
  }
  // The first paragraph and the title are not a caption's copy but the
  // headline: a picture that says it again is the story's lead picture.
  const std::string headline = word_key(title);
  std::string key;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string_view p = paragraphs[i];
    // With asked texts, a paragraph whose first content word opens none of
    // their keys is no copy of one: its words are counted, its key not made.
    const bool may_copy = i > 0 && p.size() <= kCopyMaxBytes &&
                          (!asked_only_ || may_open_asked_key(p));
    key.clear();
    count(p, 1, may_copy ? &key : nullptr);
    if (!may_copy || key.empty() || key == headline) continue;
    if (asked_only_ && asked_keys.count(key) == 0) continue;
    short_paragraphs_.emplace(key, p);
  }
  for_each_content_word(title, [&](const std::string& w) { add(w, title_weight); });
}

void StoryTerms::add(const std::string& term, int weight) {
  if (!asked_only_) {
    tf_[term] += weight;
    return;
  }
  if (!may_be_asked(term)) return;
  const auto it = tf_.find(term);
  if (it != tf_.end()) it->second += weight;
}

void StoryTerms::count(std::string_view paragraph, int weight, std::string* key) {
  if (key == nullptr && asked_only_) {
    // The asked terms have no function word: no need to look for them.
    if (!tf_.empty()) count_asked(paragraph, weight);
    return;
  }
  for_each_content_word(paragraph, [&](const std::string& w) {
    if (key != nullptr) {
      if (!key->empty()) *key += ' ';
      *key += w;
    }
    add(w, weight);
  });
  // A number is no content word: with no number asked, none is counted.
  if (!asked_only_ || asked_numbers_) {
    for_each_number(paragraph, [&](const std::string& n) { add(n, weight); });
  }
}

void StoryTerms::count_asked(std::string_view paragraph, int weight) {
  // A run of ASCII letters is one word, looked up only when an asked term
  // has its length and first letter; any other run is read as
  // for_each_word reads it. Digits and commas end every word, so the
  // numbers (as for_each_number reads them) are read between the runs, in
  // the same pass.
  const auto add_word = [&](const std::string& w) { add(w, weight); };
  const auto of = [&](std::size_t i) {
    return kRunBytes.of[static_cast<unsigned char>(paragraph[i])];
  };
  const auto digit = [&](std::size_t i) { return paragraph[i] >= '0' && paragraph[i] <= '9'; };
  const std::size_t n = paragraph.size();
  std::string term;
  std::size_t i = 0;
  while (i < n) {
    while (i < n && of(i) == kBreak) {
      if (!asked_numbers_ || !digit(i)) {
        ++i;
        continue;
      }
      term.clear();
      do {
        if (paragraph[i] != ',') term.push_back(paragraph[i]);
        ++i;
      } while (i < n && (digit(i) || (paragraph[i] == ',' && i + 1 < n && digit(i + 1))));
      if (term.size() >= 2) add(term, weight);
    }
    const std::size_t begin = i;
    while (i < n && of(i) == kLetter) ++i;
    bool letters = true;
    if (i < n && of(i) == kOther) {
      letters = false;
      while (i < n && of(i) != kBreak) ++i;
    }
    const std::string_view run = paragraph.substr(begin, i - begin);
    if (!letters) {
      for_each_word<false>(run, add_word);
    } else if (run.size() >= 3 && may_be_asked(run)) {
      lower_letters(run, &term);
      add(term, weight);
    }
  }
}

bool StoryTerms::may_open_asked_key(std::string_view paragraph) const {
  bool may = false;
  std::string word;
  for_each_run(paragraph, [&](std::string_view run, bool letters) {
    if (!letters) {
      may = true;  // (read in full below)
      return false;
    }
    if (run.size() < 3) return true;
    lower_letters(run, &word);
    if (is_stop_word(word)) return true;
    may = asked_first_words_.count(word) > 0;
    return false;
  });
  return may;
}

int StoryTerms::tf(const std::string& term) const {
  const auto it = tf_.find(term);
  return it == tf_.end() ? 0 : it->second;
}

bool StoryTerms::without_copy_of(std::string_view own, StoryTerms* out) const {
  if (short_paragraphs_.empty()) return false;
  const std::string key = word_key(own);
  const auto it = short_paragraphs_.find(key);
  if (key.empty() || it == short_paragraphs_.end()) return false;
  *out = *this;
  out->count(it->second, -1);
  return true;
}

double StoryTerms::relevance(std::string_view caption) const {
  std::unordered_set<std::string> seen;
  double shared = 0;
  double unknown = 0;
  for (auto& w : content_words(caption)) {
    if (!seen.insert(w).second) continue;
    const int n = tf(w);
    if (n <= 0) {
      unknown += 1;
    } else {
      shared += 1 + std::log(static_cast<double>(n));
    }
  }
  if (shared + unknown == 0) return 0;
  return shared / (shared + unknown);
}

namespace {

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
        for_each_content_word(token, [&](const std::string& w) { out.insert(w); });
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
    const int n = tf(w);
    if (n <= 0) {
      unknown += weight;
    } else {
      const double v = weight * (1 + std::log(static_cast<double>(n)));
      shared += v;
      hits.emplace_back(v, w);
    }
  };
  for_each_content_word(caption, [&](const std::string& w) {
    double weight = named.count(w) ? tuning::kCaptionNameWeight : 1.0;
    if (w.size() >= tuning::kCaptionLongWord) weight *= tuning::kCaptionLongWordWeight;
    count(w, weight);
  });
  for_each_number(caption, [&](const std::string& n) { count(n, tuning::kCaptionNameWeight); });
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
                    std::vector<Caption>* captions, const std::vector<std::string_view>* owns) {
  std::vector<Caption>& cs = *captions;
  std::vector<bool> credit(cs.size());
  for (std::size_t k = 0; k < cs.size(); ++k) {
    Caption& c = cs[k];
    credit[k] = is_credit_only(c.text);
    if (credit[k]) continue;
    // Read once, asked thrice.
    const std::string_view own = owns != nullptr ? (*owns)[k] : without_credit(c.text);
    StoryTerms less_copy({}, "");
    const bool copy = terms.without_copy_of(own, &less_copy);
    c.score = (copy ? less_copy : terms).weighted_relevance(own, &c.shared);
    const std::string marks = teaser_marks(c.text, own);
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
