// Reading RE2 patterns as text: where a pattern can match, how it begins.
#include "rules/pattern_shape.h"

#include <cctype>
#include <cstddef>
#include <cstring>
#include <string>

namespace newsclean {
namespace {

// ---- anchoring: which patterns can only match at the start of a block

// Index after the atom at p[i]: an escape, a character class, a group
// (balanced) or one byte. npos where the pattern is beyond this reading
// (\Q...\E, an unclosed class or group): the caller then assumes nothing.
std::size_t skip_atom(std::string_view p, std::size_t i) {
  if (p[i] == '\\') {
    if (i + 1 >= p.size() || p[i + 1] == 'Q') return std::string_view::npos;
    if ((p[i + 1] == 'p' || p[i + 1] == 'P' || p[i + 1] == 'x') && i + 2 < p.size() &&
        p[i + 2] == '{') {
      const std::size_t close = p.find('}', i + 3);
      return close == std::string_view::npos ? close : close + 1;
    }
    return i + 2;
  }
  if (p[i] == '[') {
    std::size_t k = i + 1;
    if (k < p.size() && p[k] == '^') ++k;
    if (k < p.size() && p[k] == ']') ++k;  // a leading ']' is literal
    while (k < p.size() && p[k] != ']') {
      if (p[k] == '\\') {
        k += 2;
      } else if (p.compare(k, 2, "[:") == 0) {
        const std::size_t close = p.find(":]", k + 2);
        if (close == std::string_view::npos) return close;
        k = close + 2;
      } else {
        ++k;
      }
    }
    return k < p.size() ? k + 1 : std::string_view::npos;
  }
  if (p[i] == '(') {
    std::size_t k = i + 1;
    while (k < p.size() && p[k] != ')') {
      k = skip_atom(p, k);
      if (k == std::string_view::npos) return k;
    }
    return k < p.size() ? k + 1 : std::string_view::npos;
  }
  return i + 1;
}

// RE2 refuses groups nested deeper than this; here the bound also keeps the
// readings below, which recurse once per group, off the stack's end.
constexpr int kMaxNesting = 1000;

// True if groups nest deeper than kMaxNesting in p: the pattern is then
// beyond this reading.
bool nests_too_deep(std::string_view p) {
  int depth = 0;
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] == '(') {
      if (++depth > kMaxNesting) return true;
      ++i;
    } else if (p[i] == ')') {
      --depth;
      ++i;
    } else {
      i = skip_atom(p, i);  // an escape, a class or a byte: no recursion
      if (i == std::string_view::npos) return false;
    }
  }
  return false;
}

// Where the group opening at p[i] ('(') begins its body: after "(", "(?:",
// "(?flags:" or "(?P<name>". For a flags-only group "(?flags)", which sets
// flags for what follows, *flags_only is set and the index after it is
// returned. npos where unsure.
std::size_t group_body(std::string_view p, std::size_t i, bool* flags_only) {
  *flags_only = false;
  std::size_t k = i + 1;
  if (k >= p.size() || p[k] != '?') return k;
  ++k;
  if (k < p.size() && p[k] == 'P') {
    k = p.find('>', k);
    return k == std::string_view::npos ? k : k + 1;
  }
  while (k < p.size() && (std::isalpha(static_cast<unsigned char>(p[k])) || p[k] == '-')) ++k;
  if (k >= p.size()) return std::string_view::npos;
  if (p[k] == ')') {
    *flags_only = true;
    return k + 1;
  }
  return p[k] == ':' ? k + 1 : std::string_view::npos;
}

// True if `branch_has` holds for every branch from p[*i] up to the ')' that
// closes them (or the end); *i is then the index after that ')'. Each branch
// is read once, up to the first that fails: a caller must not read a group's
// branches twice, or nested groups cost 2^depth.
template <typename BranchHas>
bool all_branches(std::string_view p, std::size_t* i, BranchHas branch_has) {
  bool all = branch_has(p, *i);
  std::size_t k = *i;
  while (k < p.size() && p[k] != ')') {
    if (p[k] == '|') {
      all = all && branch_has(p, k + 1);
      ++k;
      continue;
    }
    k = skip_atom(p, k);
    if (k == std::string_view::npos) return false;
  }
  *i = k < p.size() ? k + 1 : k;
  return all;
}

// True if the branch starting at p[*i] begins with ^ (or \A), after
// zero-width flag groups, or with a group all of whose branches do.
bool branch_anchored(std::string_view p, std::size_t i) {
  while (i < p.size()) {
    if (p[i] == '^' || p.compare(i, 2, "\\A") == 0) return true;
    if (p[i] != '(') return false;
    bool flags_only = false;
    std::size_t inner = group_body(p, i, &flags_only);
    if (inner == std::string_view::npos) return false;
    if (flags_only) {  // flags for what follows: read on
      i = inner;
      continue;
    }
    if (!all_branches(p, &inner, branch_anchored)) return false;
    // A group that may match nothing (?, *, {0,...}) does not anchor.
    return inner >= p.size() || (p[inner] != '?' && p[inner] != '*' && p[inner] != '{');
  }
  return false;
}

// ---- literal starts: which patterns must first read a given character

// Index after the quantifier at p[i] (?, *, +, {n,m}, each maybe lazy), or i.
std::size_t skip_quantifier(std::string_view p, std::size_t i) {
  if (i >= p.size()) return i;
  if (p[i] == '?' || p[i] == '*' || p[i] == '+') {
    ++i;
  } else if (p[i] == '{') {
    const std::size_t close = p.find('}', i);
    if (close == std::string_view::npos) return i;
    i = close + 1;
  } else {
    return i;
  }
  return i < p.size() && p[i] == '?' ? i + 1 : i;
}

// True if the quantifier at p[i] lets its atom match nothing (?, *, {0...}).
bool optional_at(std::string_view p, std::size_t i) {
  return i < p.size() &&
         (p[i] == '?' || p[i] == '*' || (p[i] == '{' && i + 1 < p.size() && p[i + 1] == '0'));
}

// True if the bracket class at p[i] ('[') holds a few characters only: not
// negated, no broad escape (\p \P \w \W \S \D), no [:name:], no range
// but of digits.
bool narrow_class(std::string_view p, std::size_t i) {
  const std::size_t end = skip_atom(p, i);
  if (end == std::string_view::npos || (i + 1 < p.size() && p[i + 1] == '^')) return false;
  for (std::size_t k = i + 1; k + 1 < end; ++k) {
    if (p[k] == '\\') {
      if (std::strchr("pPwWSD", p[k + 1]) != nullptr) return false;
      ++k;
    } else if (p[k] == '[' && p[k + 1] == ':') {
      return false;
    } else if (p[k] == '-' && k > i + 1 && k + 2 < end &&
               !(std::isdigit(static_cast<unsigned char>(p[k - 1])) &&
                 std::isdigit(static_cast<unsigned char>(p[k + 1])))) {
      return false;
    }
  }
  return true;
}

// True if the branch starting at p[i] is zero-width only (^, $, \A, \b,
// \B, \z) or empty.
bool branch_zero_width(std::string_view p, std::size_t i) {
  while (i < p.size() && p[i] != '|' && p[i] != ')') {
    if (p[i] == '^' || p[i] == '$') {
      ++i;
    } else if (p[i] == '\\' && i + 1 < p.size() && std::strchr("AbBz", p[i + 1]) != nullptr) {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// True if the branch starting at p[i] begins with a literal character or
// a narrow class (\d, \s, [-•], [0-9]). A group some of whose branches are
// zero-width and the others literal, as (?:^|\s), is read as optional.
bool branch_literal(std::string_view p, std::size_t i) {
  while (i < p.size() && p[i] != '|' && p[i] != ')') {
    const char c = p[i];
    if (c == '^' || c == '$') {  // zero-width
      ++i;
      continue;
    }
    if (c == '.' || (c == '[' && !narrow_class(p, i))) return false;
    std::size_t next = 0;
    if (c == '\\') {
      if (i + 1 >= p.size()) return false;
      const char e = p[i + 1];
      if (e == 'A' || e == 'b' || e == 'B' || e == 'z') {  // zero-width
        i += 2;
        continue;
      }
      // Digits and white space are rare first characters; other classes,
      // \x.., \Q and \C are not read here.
      if (std::isalnum(static_cast<unsigned char>(e)) && e != 'd' && e != 's') return false;
      next = i + 2;  // an escaped punctuation mark, \d or \s
    } else if (c == '(') {
      bool flags_only = false;
      next = group_body(p, i, &flags_only);
      if (next == std::string_view::npos) return false;
      if (flags_only) {  // flags for what follows: read on
        i = next;
        continue;
      }
      // One reading of the branches tells both whether each is literal and
      // whether each is literal or zero-width.
      bool every_literal = true;
      const bool every_literal_or_zero_width =
          all_branches(p, &next, [&every_literal](std::string_view q, std::size_t b) {
            const bool literal = branch_literal(q, b);
            every_literal = every_literal && literal;
            return literal || branch_zero_width(q, b);
          });
      if (!every_literal_or_zero_width) return false;
      if (!every_literal) {
        i = skip_quantifier(p, next);  // it may match nothing: read on
        continue;
      }
    } else if (c == '[') {
      next = skip_atom(p, i);
    } else {
      next = i + 1;  // a byte (of a UTF-8 character)
      while (next < p.size() && (static_cast<unsigned char>(p[next]) & 0xC0) == 0x80) ++next;
    }
    if (!optional_at(p, next)) return true;
    i = skip_quantifier(p, next);  // an optional literal: what follows must be literal too
  }
  return false;  // the branch may match nothing
}

// ---- relaxing: counted repeats of broad classes made open

// If p[i] begins a counted repeat ({n}, {n,} or {n,m}), the index after it,
// with *least_zero set if n is 0; npos otherwise (RE2 reads such a "{" as
// a literal).
std::size_t counted_repeat(std::string_view p, std::size_t i, bool* least_zero) {
  if (i >= p.size() || p[i] != '{') return std::string_view::npos;
  std::size_t k = i + 1;
  while (k < p.size() && std::isdigit(static_cast<unsigned char>(p[k]))) ++k;
  if (k == i + 1) return std::string_view::npos;
  *least_zero = p.find_first_not_of('0', i + 1) >= k;
  if (k < p.size() && p[k] == ',') {
    ++k;
    while (k < p.size() && std::isdigit(static_cast<unsigned char>(p[k]))) ++k;
  }
  return k < p.size() && p[k] == '}' ? k + 1 : std::string_view::npos;
}

// True if the atom reads a broad class (\p \P \S \W \D, a negated bracket
// class, '.', or a group holding one of the first): each copy of it is a
// large program in UTF-8.
bool broad_atom(std::string_view atom) {
  if (atom == ".") return true;
  for (std::size_t k = 0; k + 1 < atom.size(); ++k) {
    if (atom[k] == '\\') {
      if (std::strchr("pPSWD", atom[k + 1]) != nullptr) return true;
      ++k;
    } else if (atom[k] == '[' && atom[k + 1] == '^') {
      return true;
    }
  }
  return false;
}

// What a Unicode category \p{name} of letters or digits is widened to: its
// ASCII members and every non-ASCII character (a class of a few ranges where
// the category's own is hundreds); null for other categories.
const char* wide_category(std::string_view name) {
  constexpr const char* kAny = "\\x{80}-\\x{10FFFF}";
  static const std::string kLetters = std::string("A-Za-z") + kAny;
  static const std::string kUpper = std::string("A-Z") + kAny;
  static const std::string kLower = std::string("a-z") + kAny;
  static const std::string kDigits = std::string("0-9") + kAny;
  if (name == "L") return kLetters.c_str();
  if (name == "Lu") return kUpper.c_str();
  if (name == "Ll") return kLower.c_str();
  if (name == "N" || name == "Nd") return kDigits.c_str();
  return nullptr;
}

// Appends the atom to *out, each \p{..} of wide_category() in it widened,
// unless it is a negated class (whose complement would narrow).
void widen_atom(std::string_view atom, std::string* out) {
  const bool in_class = atom.size() > 1 && atom[0] == '[';
  if (in_class && atom[1] == '^') {
    out->append(atom);
    return;
  }
  for (std::size_t k = 0; k < atom.size(); ++k) {
    if (atom.compare(k, 3, "\\p{") == 0) {
      const std::size_t close = atom.find('}', k + 3);
      const char* wide = close == std::string_view::npos
                             ? nullptr
                             : wide_category(atom.substr(k + 3, close - k - 3));
      if (wide != nullptr) {
        if (!in_class) out->push_back('[');
        out->append(wide);
        if (!in_class) out->push_back(']');
        k = close;
        continue;
      }
    }
    if (atom[k] == '\\' && k + 1 < atom.size()) out->push_back(atom[k++]);
    out->push_back(atom[k]);
  }
}

// Appends p[i, end) to *out, each counted repeat of a broad atom made open;
// false where the pattern is beyond this reading.
bool relax_range(std::string_view p, std::size_t i, std::size_t end, std::string* out) {
  while (i < end) {
    std::size_t next = 0;
    if (p[i] == '(') {
      bool flags_only = false;
      const std::size_t body = group_body(p, i, &flags_only);
      if (body == std::string_view::npos) return false;
      out->append(p.substr(i, body - i));
      if (flags_only) {
        i = body;
        continue;
      }
      next = skip_atom(p, i);
      if (next == std::string_view::npos || next > end) return false;
      if (!relax_range(p, body, next - 1, out)) return false;
      out->push_back(')');
    } else {
      next = skip_atom(p, i);
      if (next == std::string_view::npos || next > end) return false;
      while (next < end && (static_cast<unsigned char>(p[next]) & 0xC0) == 0x80) ++next;
      widen_atom(p.substr(i, next - i), out);
    }
    bool least_zero = false;
    const std::size_t after = counted_repeat(p, next, &least_zero);
    if (after != std::string_view::npos && broad_atom(p.substr(i, next - i))) {
      out->push_back(least_zero ? '*' : '+');  // a lazy '?' after it is copied next
      next = after;
    }
    i = next;
  }
  return true;
}

}  // namespace

bool anchored_at_start(std::string_view pattern) {
  // (?m) makes ^ match after every newline.
  for (std::size_t f = pattern.find("(?"); f != std::string_view::npos;
       f = pattern.find("(?", f + 2)) {
    for (std::size_t k = f + 2; k < pattern.size() && pattern[k] != ':' && pattern[k] != ')';
         ++k) {
      if (pattern[k] == 'm') return false;
    }
  }
  if (nests_too_deep(pattern)) return false;
  std::size_t i = 0;
  return all_branches(pattern, &i, branch_anchored) && i >= pattern.size();
}

bool starts_with_literal(std::string_view pattern) {
  if (nests_too_deep(pattern)) return false;
  std::size_t i = 0;
  return all_branches(pattern, &i, branch_literal) && i >= pattern.size();
}

std::string relaxed_pattern(std::string_view pattern) {
  std::string out;
  if (nests_too_deep(pattern) || !relax_range(pattern, 0, pattern.size(), &out) ||
      out == pattern) {
    return {};
  }
  return out;
}

}  // namespace newsclean
