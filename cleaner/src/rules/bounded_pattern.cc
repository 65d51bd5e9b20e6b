// Unicode classes bounded by small ones, and patterns matched through them
// (bounded_pattern.h).
#include "rules/bounded_pattern.h"

#include <utility>

namespace newsclean {
namespace {

// A class's bounds, as the inside of a bracket class. The narrow ones hold
// the class's characters of Basic Latin, Latin-1 and Latin Extended-A and
// -B, Greek and Cyrillic (upper and lower case: of their basic letters),
// and letters: Hebrew's, Arabic's, the kana, CJK ideographs and Hangul
// syllables. The wide ones hold its characters below U+0100 and every
// character from U+0100 on but the punctuation and symbol blocks (General
// Punctuation's dashes and quotes, arrows, CJK and fullwidth punctuation)
// and, for upper and lower case, scripts without case (Hebrew to Arabic,
// kana and CJK, Hangul syllables): a text's typography or script leaves
// the bounds agreeing. bounded_pattern_test checks each against RE2's own.
struct Bounds {
  std::string_view name, narrow, wide;
};

constexpr Bounds kBounds[] = {
    {"L",
     "A-Za-z\\x{AA}\\x{B5}\\x{BA}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}"
     "\\x{370}-\\x{374}\\x{376}-\\x{377}\\x{37A}-\\x{37D}\\x{37F}\\x{386}\\x{388}-\\x{38A}"
     "\\x{38C}\\x{38E}-\\x{3A1}\\x{3A3}-\\x{3F5}\\x{3F7}-\\x{481}\\x{48A}-\\x{52F}"
     "\\x{5D0}-\\x{5EA}\\x{621}-\\x{64A}\\x{3041}-\\x{3096}\\x{30A1}-\\x{30FA}\\x{4E00}-\\x{9FFF}"
     "\\x{AC00}-\\x{D7A3}",
     "A-Za-z\\x{AA}\\x{B5}\\x{BA}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{1FFF}\\x{2070}-\\x{209F}"
     "\\x{2100}-\\x{218F}\\x{2C00}-\\x{2DFF}\\x{2E2F}\\x{3005}-\\x{3007}\\x{3021}-\\x{303C}"
     "\\x{3040}-\\x{FE2F}\\x{FE70}-\\x{FEFF}\\x{FF21}-\\x{10FFFF}"},
    {"Lu",
     "A-Z\\x{C0}-\\x{D6}\\x{D8}-\\x{DE}\\x{386}\\x{388}-\\x{38A}\\x{38C}\\x{38E}-\\x{38F}"
     "\\x{391}-\\x{3A1}\\x{3A3}-\\x{3AB}\\x{400}-\\x{42F}",
     "A-Z\\x{C0}-\\x{D6}\\x{D8}-\\x{DE}\\x{100}-\\x{58F}\\x{900}-\\x{1FFF}\\x{2100}-\\x{218F}"
     "\\x{2C00}-\\x{2DFF}\\x{A000}-\\x{ABFF}\\x{D7A4}-\\x{FE2F}\\x{FE70}-\\x{FEFF}"
     "\\x{FF21}-\\x{10FFFF}"},
    {"Ll", "a-z\\x{B5}\\x{DF}-\\x{F6}\\x{F8}-\\x{FF}\\x{3AC}-\\x{3CE}\\x{430}-\\x{45F}",
     "a-z\\x{B5}\\x{DF}-\\x{F6}\\x{F8}-\\x{58F}\\x{900}-\\x{1FFF}\\x{2100}-\\x{218F}"
     "\\x{2C00}-\\x{2DFF}\\x{A000}-\\x{ABFF}\\x{D7A4}-\\x{FE2F}\\x{FE70}-\\x{FEFF}"
     "\\x{FF21}-\\x{10FFFF}"},
    {"N", "0-9\\x{B2}-\\x{B3}\\x{B9}\\x{BC}-\\x{BE}",
     "0-9\\x{B2}-\\x{B3}\\x{B9}\\x{BC}-\\x{BE}\\x{100}-\\x{1FFF}\\x{2070}-\\x{2089}"
     "\\x{2150}-\\x{2189}\\x{2460}-\\x{24FF}\\x{2776}-\\x{2793}\\x{2C00}-\\x{2DFF}\\x{3007}"
     "\\x{3021}-\\x{303A}\\x{3040}-\\x{4DFF}\\x{A000}-\\x{ABFF}\\x{D7A4}-\\x{FE2F}"
     "\\x{FE70}-\\x{FEFF}\\x{FF10}-\\x{FF19}\\x{FF21}-\\x{10FFFF}"},
};

const Bounds* bounds_of(std::string_view name) {
  for (const Bounds& b : kBounds) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

}  // namespace

std::string with_bounded_classes(std::string_view p, ClassBound bound) {
  std::string out;
  bool replaced = false;
  bool in_class = false, negated = false;
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (in_class && c == '[' && p.substr(i, 2) == "[:") {  // [[:alpha:]]
      const std::size_t end = p.find(":]", i + 2);
      if (end == std::string_view::npos) return {};
      out.append(p.substr(i, end + 2 - i));
      i = end + 2;
      continue;
    }
    if (c == '[' && !in_class) {
      in_class = true;
      std::size_t j = i + 1;
      negated = j < p.size() && p[j] == '^';
      if (negated) ++j;
      if (j < p.size() && p[j] == ']') ++j;  // a leading ] is the character
      out.append(p.substr(i, j - i));
      i = j;
      continue;
    }
    if (c == ']' && in_class) in_class = false;
    if (c != '\\' || i + 1 >= p.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    const char e = p[i + 1];
    if (e == 'P' || ((e == 'p') && (i + 2 >= p.size() || p[i + 2] != '{'))) return {};
    if (e == 'Q') return {};  // \Q..\E: not read here
    if (e != 'p') {  // any other escape, as it is
      out.append(p.substr(i, 2));
      i += 2;
      continue;
    }
    const std::size_t close = p.find('}', i + 3);
    if (close == std::string_view::npos) return {};
    const Bounds* b = bounds_of(p.substr(i + 3, close - i - 3));
    if (b == nullptr) {  // another class (\p{Greek}, \p{Pi}): kept whole
      out.append(p.substr(i, close + 1 - i));
      i = close + 1;
      continue;
    }
    const bool narrow = (bound == ClassBound::kNarrow) != (in_class && negated);
    const std::string_view body = narrow ? b->narrow : b->wide;
    if (in_class) {
      out.append(body);
    } else {
      out.push_back('[');
      out.append(body);
      out.push_back(']');
    }
    replaced = true;
    i = close + 1;
  }
  return replaced ? out : std::string();
}

BoundedPattern::BoundedPattern(std::string pattern, const RE2::Options& options)
    : pattern_(std::move(pattern)), options_(options) {}

BoundedPattern::~BoundedPattern() = default;

const RE2& BoundedPattern::exact() const {
  std::call_once(exact_once_, [&] { exact_ = std::make_unique<const RE2>(pattern_, options_); });
  return *exact_;
}

const RE2* BoundedPattern::bound(std::once_flag* once, std::unique_ptr<const RE2>* re,
                                 ClassBound which) const {
  std::call_once(*once, [&] {
    const std::string p = with_bounded_classes(pattern_, which);
    if (p.empty()) return;
    auto compiled = std::make_unique<const RE2>(p, options_);
    if (compiled->ok()) *re = std::move(compiled);
  });
  return re->get();
}

bool BoundedPattern::partial_match(std::string_view text) const {
  const re2::StringPiece s(text.data(), text.size());
  if (const RE2* narrow = bound(&narrow_once_, &narrow_, ClassBound::kNarrow)) {
    if (RE2::PartialMatch(s, *narrow)) return true;
    // Compiled only once a text needs it: a rule whose candidates all
    // match never does.
    const RE2* wide = bound(&wide_once_, &wide_, ClassBound::kWide);
    if (wide != nullptr && !RE2::PartialMatch(s, *wide)) return false;
  }
  return RE2::PartialMatch(s, exact());
}

}  // namespace newsclean
