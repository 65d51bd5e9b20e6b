#include "core/decoration.h"

#include "core/text.h"

namespace newsclean {

namespace {

// Marks that decorate a link or a list item, not words (UTF-8).
constexpr std::string_view kMarks[] = {
    "\u00bb", "\u203a", "\u00ab", "\u2039", "\u25ba", "\u25b6", "\u25b8", "\u25b9",
    "\u25cf", "\u2022", "\u00b7", "\u25e6", "\u25a0", "\u25aa", "\u25a1", "\u2192",
    "\u2190", "\u21d2", "\u2794", "\u279c", "\u2605", "\u2606", "\u25c6", "\u2666"};

bool strip_mark(std::string_view* s, bool front) {
  for (const std::string_view mark : kMarks) {
    if (s->size() < mark.size()) continue;
    if (front ? s->substr(0, mark.size()) == mark
              : s->substr(s->size() - mark.size()) == mark) {
      *s = trim_spaces(front ? s->substr(mark.size()) : s->substr(0, s->size() - mark.size()));
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view undecorated(std::string_view s) {
  std::string_view t = trim_spaces(s);
  bool changed = false;
  // A Markdown heading's marks ("## Most read", as extractors write <h2>),
  // once; before words, not a number ("# 1" counts a list's items).
  if (!t.empty() && t.front() == '#') {
    const std::size_t hashes = t.find_first_not_of('#');
    if (hashes != std::string_view::npos && hashes <= 6 && t[hashes] == ' ') {
      const std::string_view rest = trim_spaces(t.substr(hashes));
      const unsigned char c = rest.empty() ? 0 : static_cast<unsigned char>(rest.front());
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) {
        t = rest;
        changed = true;
      }
    }
  }
  const auto result = [&] { return changed ? t : std::string_view{}; };
  // Most texts begin and end in ASCII other than a bracket: no mark there.
  const auto plain = [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '['; };
  if (t.empty() || (plain(t.front()) && plain(t.back()))) return result();
  // Guillemets around a text quote it ("« ... »", "» ... «").
  constexpr std::string_view kOpen = "\u00ab", kClose = "\u00bb";
  const auto quoted = [&](std::string_view a, std::string_view b) {
    return t.size() > a.size() + b.size() && t.substr(0, a.size()) == a &&
           t.substr(t.size() - b.size()) == b;
  };
  if (quoted(kOpen, kClose) || quoted(kClose, kOpen)) return result();
  while (strip_mark(&t, true)) changed = true;
  while (strip_mark(&t, false)) changed = true;
  if (t.size() > 2 && t.front() == '[' && t.back() == ']' &&
      t.substr(1, t.size() - 2).find_first_of("[]{}=;<>") == std::string_view::npos) {
    t = trim_spaces(t.substr(1, t.size() - 2));
    changed = true;
    while (strip_mark(&t, true)) {}
    while (strip_mark(&t, false)) {}
  }
  return result();
}

std::string_view list_item(std::string_view s) {
  if (s.size() < 3 || (s[0] != '-' && s[0] != '*') || s[1] != ' ') return {};
  return trim_spaces(s.substr(2));
}

}  // namespace newsclean
