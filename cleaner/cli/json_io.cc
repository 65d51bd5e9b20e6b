#include "json_io.h"

#include <utility>

namespace newsclean::cli {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// `s[i]` is the opening quote of a string; returns the offset after its
// closing quote.
std::size_t skip_string(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

// `s[i]` starts a value; returns the offset after it. Nesting is counted,
// not recursed into.
std::size_t skip_value(std::string_view s, std::size_t i) {
  std::size_t depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      i = skip_string(s, i);
      if (depth == 0) return i;
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (depth == 0) return i;  // the end of the enclosing object
      if (--depth == 0) return i + 1;
    } else if (depth == 0 && (c == ',' || is_space(c))) {
      return i;  // the end of a number, true, false or null
    }
    ++i;
  }
  return i;
}

// The short escapes nlohmann's serializer writes for bytes 0x08..0x0D (after
// the backslash); 0x0B has none and, like every other byte below 0x20, is
// written \u00XX in lower-case hex.
constexpr std::string_view kShort[] = {"b", "t", "n", "", "f", "r"};

void append_escaped(char c, std::string* out) {
  const auto u = static_cast<unsigned char>(c);
  out->push_back('\\');
  if (c == '"' || c == '\\') {
    out->push_back(c);
  } else if (u >= 0x08 && u <= 0x0D && !kShort[u - 0x08].empty()) {
    out->append(kShort[u - 0x08]);
  } else {
    constexpr char kHex[] = "0123456789abcdef";
    out->append("u00");
    out->push_back(kHex[u >> 4]);
    out->push_back(kHex[u & 0xF]);
  }
}

bool needs_escape(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
}

}  // namespace

std::string json_string(std::string_view s) {
  if (find_invalid_utf8(s) != std::string_view::npos) return dump_line(Json(std::string(s)));
  std::string out;
  out.reserve(s.size() + s.size() / 16 + 2);
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!needs_escape(s[i])) continue;
    out.append(s, run, i - run);
    append_escaped(s[i], &out);
    run = i + 1;
  }
  out.append(s, run, std::string_view::npos);
  out.push_back('"');
  return out;
}

Json result_to_json(const Result& result, Json prefix) {
  Json j = std::move(prefix);
  Json fields = Json::parse(to_json(result));
  for (auto it = fields.begin(); it != fields.end(); ++it) j[it.key()] = std::move(it.value());
  return j;
}

std::string result_line(const Result& result, const Json& prefix) {
  std::string line = dump_line(prefix);  // {"source":"..."}
  std::string body = to_json(result);    // {"text":...}
  if (line.size() <= 2) return body;     // {}
  line.back() = ',';
  line.append(body, 1, std::string::npos);
  return line;
}

std::string dump_line(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string set_member(std::string_view record, std::string_view key,
                       std::string_view value) {
  std::string out = "{";
  bool set = false;
  auto append = [&out](std::string_view k, std::string_view v) {
    if (out.size() > 1) out += ',';
    out.append(k).append(":").append(v);
  };
  std::size_t i = skip_space(record, 0) + 1;  // after '{'
  while (true) {
    i = skip_space(record, i);
    if (i >= record.size() || record[i] != '"') break;  // '}'
    const std::size_t key_end = skip_string(record, i);
    const std::string_view raw_key = record.substr(i, key_end - i);
    i = skip_space(record, key_end) + 1;  // after ':'
    i = skip_space(record, i);
    const std::size_t value_end = skip_value(record, i);
    const std::string_view raw_value = record.substr(i, value_end - i);
    i = skip_space(record, value_end);
    if (i < record.size() && record[i] == ',') ++i;
    // The key as text: most keys have no escapes; those that do are decoded.
    const bool plain = raw_key.find('\\') == std::string_view::npos;
    const bool is_key =
        plain ? raw_key.substr(1, raw_key.size() - 2) == key
              : Json::parse(raw_key).get_ref<const std::string&>() == key;
    if (!is_key) {
      append(raw_key, raw_value);
    } else if (!set) {
      append(raw_key, value);
      set = true;
    }
  }
  if (!set) append(dump_line(Json(std::string(key))), value);
  out += '}';
  return out;
}

}  // namespace newsclean::cli
