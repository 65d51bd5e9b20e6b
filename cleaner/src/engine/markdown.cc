#include "engine/markdown.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string_view>

namespace newsclean {
namespace {

// Inline markup characters, escaped wherever they are.
void append_escaped(std::string_view s, bool cell, std::string* out) {
  for (const char c : s) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '\\' ||
        (cell && c == '|')) {
      out->push_back('\\');
    }
    out->push_back(c);
  }
}

// Where a line start Markdown would read as a block needs a backslash:
// before "#", "-", "+", ">" or "=" that opens it, between the number and
// "." or ")" of "1. " (CommonMark escapes punctuation, not digits); npos
// when the line is safe.
std::size_t block_escape_at(std::string_view s) {
  if (s.empty()) return std::string_view::npos;
  if (s[0] == '#' || s[0] == '-' || s[0] == '=') return 0;  // "#x" is safe, but rare
  if (s[0] == '+' || s[0] == '>') return s.size() == 1 || s[1] == ' ' ? 0 : std::string_view::npos;
  std::size_t i = 0;
  while (i < s.size() && i < 9 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return std::string_view::npos;
  return i + 1 >= s.size() || s[i + 1] == ' ' ? i : std::string_view::npos;
}

void append_line(std::string_view s, std::string* out) {
  const std::size_t at = block_escape_at(s);
  if (at == std::string_view::npos) {
    append_escaped(s, false, out);
    return;
  }
  append_escaped(s.substr(0, at), false, out);
  out->push_back('\\');
  append_escaped(s.substr(at), false, out);
}

// Cells from `begin` up to the first block that is not a cell, as a pipe
// table: a new row at each row_start, the first row the header, short rows
// padded. Returns the end of the cells.
std::size_t append_table(const std::vector<const Block*>& b, std::size_t begin,
                         std::string* out) {
  std::vector<std::vector<std::string_view>> rows;
  std::size_t i = begin;
  for (; i < b.size() && b[i]->kind == BlockKind::kCell; ++i) {
    if (rows.empty() || b[i]->row_start) rows.emplace_back();
    rows.back().push_back(b[i]->text);
  }
  std::size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out->push_back('|');
    for (std::size_t c = 0; c < columns; ++c) {
      out->push_back(' ');
      if (c < rows[r].size()) append_escaped(rows[r][c], true, out);
      out->append(" |");
    }
    out->push_back('\n');
    if (r == 0) {
      out->push_back('|');
      for (std::size_t c = 0; c < columns; ++c) out->append(" --- |");
      out->push_back('\n');
    }
  }
  out->pop_back();  // the last row's line break
  return i;
}

}  // namespace

std::string markdown_of(const std::vector<const Block*>& blocks) {
  std::string out;
  std::size_t number = 0;  // of the item in a numbered list
  for (std::size_t i = 0; i < blocks.size();) {
    const Block& b = *blocks[i];
    const bool in_list = b.kind == BlockKind::kListItem && i > 0 &&
                         blocks[i - 1]->kind == BlockKind::kListItem;
    if (!out.empty()) out.append(in_list ? "\n" : "\n\n");
    if (b.kind != BlockKind::kListItem || !in_list) number = 0;
    switch (b.kind) {
      case BlockKind::kHeading:
        out.append(std::clamp<int>(b.level == 0 ? 2 : b.level, 1, 6), '#');
        out.push_back(' ');
        append_escaped(b.text, false, &out);
        break;
      case BlockKind::kListItem:
        out.append(b.ordered ? std::to_string(++number) + ". " : "- ");
        append_escaped(b.text, false, &out);
        break;
      case BlockKind::kQuote:
        out.append("> ");
        append_escaped(b.text, false, &out);
        break;
      case BlockKind::kPre: {
        // A fence longer than any run of backticks in the text.
        std::size_t run = 0, longest = 0;
        for (const char c : b.text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
        const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
        out.append(fence).append("\n").append(b.text).append("\n").append(fence);
        break;
      }
      case BlockKind::kCell:
        i = append_table(blocks, i, &out);
        continue;
      default:
        append_line(b.text, &out);
    }
    ++i;
  }
  return out;
}

}  // namespace newsclean
