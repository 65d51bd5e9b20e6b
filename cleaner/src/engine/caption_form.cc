#include "engine/caption_form.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "core/tuning.h"
#include "engine/captions.h"

namespace newsclean {
namespace {

// The words of `text`, ASCII lower-cased: runs of letters, digits and any
// byte of a multi-byte character.
std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string t;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_word_byte(c)) {
      t.push_back(static_cast<char>(std::tolower(c)));
    } else if (!t.empty()) {
      out.push_back(std::move(t));
      t.clear();
    }
  }
  if (!t.empty()) out.push_back(std::move(t));
  return out;
}

// One of the first three words' pairs, with a content word, said again as
// a heading is: right after its first time ("Market Wrap Market Wrap":
// a card's label, then its headline) or as a run of kHeadingRun words or
// more (a headline, then the same headline as its picture's alt). A name
// said twice ("Valley United's ... Valley United's") is neither.
std::string repeated_heading(std::string_view caption) {
  constexpr std::size_t kHeadingRun = 4;
  const std::vector<std::string> t = tokens(caption);
  for (std::size_t i = 0; i < 3 && i + 1 < t.size(); ++i) {
    if (content_words(t[i] + " " + t[i + 1]).empty()) continue;
    for (std::size_t j = i + 2; j + 1 < t.size(); ++j) {
      std::size_t run = 0;
      while (i + run < j && j + run < t.size() && t[i + run] == t[j + run]) ++run;
      if (run >= 2 && (j == i + run || run >= kHeadingRun)) return t[i] + " " + t[i + 1];
    }
  }
  return "";
}

// Words that headline style writes with a capital and a sentence does not
// (never names, unlike "Will" or "May").
bool headline_function_word(const std::string& w) {
  static const auto* words = new std::unordered_set<std::string>{
      "the", "its", "are", "was", "were", "has", "have", "had", "just", "with", "from", "into",
      "over", "about", "after", "your", "our", "their", "this", "that", "these", "those",
      "than", "what", "when", "where", "why", "how", "who", "not", "but", "for", "and",
      "you", "can", "should", "could", "would", "been", "does", "all", "more", "most", "very"};
  return words->count(w) > 0;
}

// English headline style: at least two function words written with a
// capital inside a sentence ("Apple Just Cut Its Prices").
bool headline_case(std::string_view caption) {
  int capitals = 0;
  bool sentence_start = true;
  std::string word;
  bool capital = false, all_capitals = true;
  const auto flush = [&] {
    // A word all in capitals is a shout or an acronym ("WHO"), not headline case.
    if (!word.empty() && capital && !all_capitals && !sentence_start &&
        headline_function_word(word)) {
      ++capitals;
    }
    if (!word.empty()) sentence_start = false;
    word.clear();
  };
  for (const char ch : caption) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      if (word.empty()) {
        capital = std::isupper(c) != 0;
        all_capitals = true;
      } else if (!std::isupper(c)) {
        all_capitals = false;
      }
      word.push_back(static_cast<char>(std::tolower(c)));
      continue;
    }
    if (c >= 0x80) {  // a word with a letter of another script is no English word
      word = "-";
      continue;
    }
    flush();
    if (std::isdigit(c)) sentence_start = false;
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '|') sentence_start = true;
  }
  flush();
  return capitals >= 2;
}

// The word just before byte `at` of `text`, ASCII lower-cased.
std::string word_before(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && !is_word_byte(static_cast<unsigned char>(text[end - 1]))) --end;
  std::size_t begin = end;
  while (begin > 0 && is_word_byte(static_cast<unsigned char>(text[begin - 1]))) --begin;
  std::string w(text.substr(begin, end - begin));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// A call to read, watch or listen on, as a card prints under its lead: a
// capital first ("Read more", "Weiterlesen"); in a sentence the words are
// no call ("volunteers read more than 300 names").
const RE2& read_on() {
  static const RE2* const kReadOn = new RE2(
      "(\\b(?:R(?i:ead more|ead now)|C(?i:ontinue reading)|W(?i:atch now|eiterlesen)|"
      "L(?i:isten now|earn more|ire la suite|eer más|eia mais|eggi di più)|"
      "M(?i:ehr lesen|ehr erfahren)|J(?i:etzt lesen)|E(?i:n savoir plus)|S(?i:eguir leyendo)|"
      "C(?i:ontinua a leggere)))(?:[^\\pL]|$)");
  return *kReadOn;
}

// A date that ends the text ("March 3, 2020", "4. Mai 2021",
// "03.03.2020", "2020-03-03"), white space after it allowed.
const RE2& date_at_end() {
  static const RE2* const kDate = [] {
    const std::string month =
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|jänner|februar|"
        "märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|"
        "septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|"
        "agosto|septiembre|octubre|noviembre|diciembre)";
    return new RE2("(?i)(\\b(?:" + month + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|" +
                   "\\d{1,2}\\.?\\s+(?:de\\s+)?" + month + "\\.?\\s+(?:de\\s+)?\\d{4}|" +
                   "\\d{1,2}[./]\\d{1,2}[./]\\d{4}|\\d{4}-\\d{2}-\\d{2}))\\s*$");
  }();
  return *kDate;
}

// A date that ends `own` with no sentence around it: not after a comma, a
// bracket or a word that puts a date in a sentence ("on", "am", "taken").
// Listings print their date after the headline; a caption says when in a
// sentence ("in Millford on March 3, 2020", "..., Sunday, March 3, 2020.").
std::string listing_date(std::string_view own) {
  static const auto* sentence_words = new std::unordered_set<std::string>{
      "on", "in", "at", "of", "from", "since", "until", "till", "by", "dated", "taken", "am",
      "um", "vom", "seit", "bis", "ab", "le", "du", "depuis", "el", "del", "de", "desde", "il",
      "dal", "em", "do", "da"};
  const re2::StringPiece text(own.data(), own.size());
  re2::StringPiece date;
  // Each date holds a year (RE2's \d is ASCII): most texts have no digit.
  if (std::none_of(own.begin(), own.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "";
  }
  if (!RE2::PartialMatch(text, date_at_end(), &date)) return "";
  const std::size_t at = static_cast<std::size_t>(date.data() - own.data());
  std::size_t k = at;
  while (k > 0 && own[k - 1] == ' ') --k;
  if (k == 0 || own[k - 1] == ',' || own[k - 1] == '(' || own[k - 1] == '[') return "";
  if (sentence_words->count(word_before(own, at))) return "";
  return std::string(date);
}

}  // namespace

bool is_credit_only(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words == 0 || words > tuning::kCreditMaxWords) return false;
  // Words of credits beside the caption vocabulary content_words leaves out:
  // a text of nothing else credits a picture and says nothing of it.
  static const auto* credit_words = new std::unordered_set<std::string>{
      "associated", "press", "staff", "writer", "writers", "photographer", "contributor",
      "agency", "wire", "copyright", "rights", "reserved", "fotograf", "fotografin",
      "quelle", "source", "crédit", "crédits",
      // news agencies of three letters or more
      "dpa", "apa", "ddp", "kna", "epd", "ansa", "efe", "tass", "pti", "ians", "aap", "anp",
      "belga", "kyodo", "yonhap", "irna", "anadolu", "sputnik", "bloomberg", "newscom"};
  for (const auto& w : content_words(text)) {
    if (!credit_words->count(w)) return false;
  }
  return true;  // "(AFP)", "Photo: Getty Images", "By CP", "ASSOCIATED PRESS"
}

std::string_view without_credit(std::string_view caption) {
  // Where a credit begins (ASCII lower case; the text is lower-cased byte for
  // byte, so positions hold).
  static constexpr std::string_view kMarkers[] = {
      "photo:", "photos:", "photo by", "photograph:", "photo credit", "picture:", "image:",
      "images:", "credit:", "credits:", "courtesy", "foto:", "fotos:", "bild:", "bildquelle",
      "quelle:", "source:", "\xC2\xA9", "(c)", "ap photo", "reuters/", "afp/", "getty images"};
  std::string lower(caption);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  // The credit begins at the first marker with a caption of two words or
  // more before it: "FILE PHOTO: Traders work ... REUTERS/Jane Doe" is a
  // label, then the caption, then its credit.
  const auto trimmed = [&](std::size_t cut) {
    while (cut > 0 && (caption[cut - 1] == ' ' || caption[cut - 1] == '(' ||
                       caption[cut - 1] == '[' || caption[cut - 1] == '|' ||
                       caption[cut - 1] == '-' || caption[cut - 1] == '/')) {
      --cut;
    }
    return caption.substr(0, cut);
  };
  std::string_view best = caption;
  for (const auto m : kMarkers) {
    for (std::size_t at = lower.find(m); at != std::string::npos; at = lower.find(m, at + 1)) {
      // A marker begins a word: "ap photo" is not the end of "map photo".
      if (at > 0 && is_word_byte(static_cast<unsigned char>(lower[at - 1])) &&
          is_word_byte(static_cast<unsigned char>(m[0]))) {
        continue;
      }
      const std::string_view before = trimmed(at);
      if (before.size() >= best.size()) break;
      if (before.find(' ') != std::string_view::npos) {
        best = before;
        break;
      }
    }
  }
  return best;
}

std::string teaser_marks(std::string_view caption, std::string_view own) {
  static const RE2* const kAgo = new RE2(
      "(?i)(\\b\\d+\\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?)\\s+ago\\b|"
      "\\bvor\\s+\\d+\\s+(?:stunden|minuten|tagen|wochen|monaten)\\b)");
  // "am" alone is German for "on the" ("10:15 am Dienstag"): a clock time
  // is a stamp with "a.m.", "AM" or "pm".
  static const RE2* const kClock =
      new RE2("(\\b\\d{1,2}:\\d{2}\\s*(?:[aApP]\\.[mM]\\.?|AM\\b|PM\\b|[pP]m\\b))");
  const re2::StringPiece text(caption.data(), caption.size());
  re2::StringPiece stamp;
  // Both stamps hold a digit (RE2's \d is ASCII): most captions have none.
  const bool digit = std::any_of(caption.begin(), caption.end(),
                                 [](char c) { return c >= '0' && c <= '9'; });
  if (digit && RE2::PartialMatch(text, *kAgo, &stamp)) {
    return "a publishing stamp '" + std::string(stamp) + "'";
  }
  if (digit && RE2::PartialMatch(text, *kClock, &stamp)) {
    const std::string before = word_before(caption, stamp.data() - caption.data());
    if (before != "at" && before != "um") return "a publishing stamp '" + std::string(stamp) + "'";
  }
  // A question or a cry: a headline or a call to action; a picture's
  // caption says what is in it.
  while (!own.empty() && own.back() == ' ') own.remove_suffix(1);
  if (!own.empty() && (own.back() == '?' || own.back() == '!')) {
    return std::string("it ends with '") + own.back() + "'";
  }
  // A lead cut short: a card shows the first words of its story; a
  // caption is whole.
  for (const std::string_view cut : {"...", "\xE2\x80\xA6", "[\xE2\x80\xA6]", "[...]"}) {
    if (own.size() >= cut.size() && own.substr(own.size() - cut.size()) == cut) {
      return "its lead cut short '" + std::string(cut) + "'";
    }
  }
  re2::StringPiece call;
  if (RE2::PartialMatch(text, read_on(), &call)) {
    return "a call to read on '" + std::string(call) + "'";
  }
  const std::string date = listing_date(own);
  if (!date.empty()) return "a listing date at its end '" + date + "'";
  if (headline_case(own)) return "headline case";
  const std::string heading = repeated_heading(own);
  if (!heading.empty()) return "its heading '" + heading + "' twice";
  return "";
}

}  // namespace newsclean
