#include "document.h"

#include <exception>
#include <string_view>
#include <utility>

#include "json_io.h"

namespace newsclean::cli {
namespace {

void note_removals(const Result& r, Item* item) {
  item->removed.clear();
  item->removed.reserve(r.removed.size());
  for (const Removal& m : r.removed) item->removed.push_back(m.category);
}

// The first words of a removal's text, on one line.
std::string first_words(const std::string& text) {
  constexpr std::size_t kChars = 100;
  if (text.size() <= kChars) return text;
  std::size_t cut = text.rfind(' ', kChars);
  if (cut == std::string::npos || cut < kChars / 2) {
    cut = kChars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return text.substr(0, cut) + " \u2026";
}

// One line per removal: "removed block 3 [rule/category]: text" for a
// block; for an element, "removed element before block 3
// [rule/category] body/div.related (12 words): first words".
std::string explain_lines(const std::string& where, const Result& result) {
  std::string out;
  for (const Removal& r : result.removed) {
    out += where;
    out += r.stage == "html" ? ": removed element before block " : ": removed block ";
    out += std::to_string(r.index);
    out += " [";
    out += r.rule;
    out += '/';
    out += r.category;
    out += "]";
    if (r.stage == "html") {
      if (!r.path.empty()) out += ' ' + r.path;
      out += " (" + std::to_string(r.words) + (r.words == 1 ? " word)" : " words)");
    }
    out += ": ";
    out += first_words(r.text);
    out += '\n';
  }
  return out;
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column
// 5: ..." without the bracketed id and the meaningless line number.
std::string parse_error_message(const char* what) {
  std::string msg(what);
  const std::size_t close = msg.find("] ");
  if (msg.rfind("[json.exception.", 0) == 0 && close != std::string::npos) {
    msg.erase(0, close + 2);
  }
  const std::string line1 = "at line 1, column";
  const std::size_t at = msg.find(line1);
  if (at != std::string::npos) msg.replace(at, line1.size(), "at column");
  return msg;
}

// The library's warnings (repaired input: NUL bytes, invalid UTF-8, a
// guessed charset ...) as "LOCATION: warning: ..." lines for stderr; with
// --json they are in the output already.
void note_warnings(const Input& input, const Result& r, const DocumentOptions& options,
                   Item* item) {
  if (options.json) return;
  for (const std::string& w : r.warnings) {
    item->warnings += location(input, *item) + ": warning: " + w + '\n';
  }
}

// Marks the item failed: nothing of it is written or counted.
void fail(Item* item, std::string error) {
  item->output.clear();
  item->explain.clear();
  item->removed.clear();
  item->failed = true;
  item->error = std::move(error);
}

std::string a_type(const Json& j) {
  const std::string name = j.type_name();
  const bool vowel = !name.empty() && std::string_view("aeiou").find(name[0]) !=
                                          std::string_view::npos;
  return (vowel ? "an " : "a ") + name;
}

void process_text(const Input& input, const Cleaner& cleaner,
                  const DocumentOptions& options, Item* item) {
  // --format wins over the file's name; without it, .html files are HTML.
  const newsclean::Format how =
      options.content != newsclean::Format::kAuto ? options.content
      : input.kind == FileKind::kHtml             ? newsclean::Format::kHtml
                                                  : newsclean::Format::kAuto;
  const Result r = cleaner.clean(item->data, options.url, how);
  note_warnings(input, r, options, item);
  if (options.json) {
    item->output = result_line(r, Json{{"source", input.name}});
    item->output += '\n';
  } else if (!r.text.empty()) {
    item->output = r.text;
    item->output += '\n';
  }
  note_removals(r, item);
  if (options.explain) item->explain = explain_lines(location(input, *item), r);
}

void process_record(const Input& input, const Cleaner& cleaner,
                    const DocumentOptions& options, Item* item) {
  // Only the fields read are built as values, and no value is built deeper
  // than one level inside a field: a copy of a deep value (ordered_json
  // copies when its member vector grows) recurses once per level and would
  // overflow the stack. The whole line is still checked to be valid JSON.
  const auto only_what_is_read = [&options](int depth, Json::parse_event_t event,
                                            Json& parsed) {
    switch (event) {
      case Json::parse_event_t::key:
        return depth != 1 || parsed == options.text_field || parsed == options.url_field;
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        return depth <= 1;
      default:
        return true;
    }
  };
  Json record;
  try {
    record = Json::parse(item->data, only_what_is_read);
  } catch (const Json::parse_error& e) {
    return fail(item, "not valid JSON: " + parse_error_message(e.what()));
  }
  if (!record.is_object()) {
    return fail(item, "not a JSON object but " + a_type(record));
  }
  const auto text = record.find(options.text_field);
  if (text == record.end()) {
    return fail(item, "no field \"" + options.text_field + "\"");
  }
  if (!text->is_string()) {
    return fail(item, "field \"" + options.text_field + "\" is " +
                          a_type(*text) + ", not a string");
  }
  std::string_view url = options.url;
  const auto url_it = record.find(options.url_field);
  if (url_it != record.end() && url_it->is_string()) {
    url = url_it->get_ref<const std::string&>();
  }
  const Result r = cleaner.clean(text->get_ref<const std::string&>(), url, options.content,
                                 newsclean::kDecodedText);  // a JSON string is decoded text
  note_warnings(input, r, options, item);
  const std::string value =
      options.json ? result_line(r, Json{{"source", input.name}, {"line", item->line}})
                   : json_string(r.text);
  // The other fields go out as they came in (see json_io.h: never dumped).
  item->output = set_member(item->data, options.output_field, value);
  item->output += '\n';
  note_removals(r, item);
  if (options.explain) item->explain = explain_lines(location(input, *item), r);
}

// A WET page: always text (a WARC conversion record is UTF-8 text, never
// HTML), and always the whole Result as one JSON line (document.h).
void process_page(const Input& input, const Cleaner& cleaner, const DocumentOptions& options,
                  Item* item) {
  const Result r = cleaner.clean(item->data, item->url, newsclean::Format::kText,
                                 newsclean::kDecodedText);
  item->output = result_line(
      r, Json{{"url", item->url}, {"source", input.name}, {"record", item->line}});
  item->output += '\n';
  note_removals(r, item);
  if (options.explain) item->explain = explain_lines(location(input, *item), r);
}

}  // namespace

std::string location(const Input& input, const Item& item) {
  if (item.line == 0) return input.name;
  return input.name + (input.kind == FileKind::kWet ? ": record " : ":") +
         std::to_string(item.line);
}

void process_item(const Input& input, const Cleaner& cleaner, const Cleaner& page_cleaner,
                  const DocumentOptions& options, Item* item) noexcept {
  if (item->kind != Item::Kind::kDoc || item->failed) return;
  try {
    if (input.kind == FileKind::kWet) {
      process_page(input, page_cleaner, options, item);
    } else if (input.kind == FileKind::kJsonl) {
      process_record(input, cleaner, options, item);
    } else {
      process_text(input, cleaner, options, item);
    }
  } catch (const std::exception& e) {
    fail(item, e.what());
  } catch (...) {
    fail(item, "unknown error");
  }
  // A failed record is kept for the errors file (--errors).
  if (!item->failed) std::string().swap(item->data);
}

}  // namespace newsclean::cli
