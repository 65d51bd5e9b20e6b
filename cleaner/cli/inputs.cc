#include "inputs.h"

#include "newsclean/cleaner.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <utility>

namespace newsclean::cli {
namespace fs = std::filesystem;

namespace {

FileKind kind_of(const fs::path& path, FileKind choice) {
  if (choice != FileKind::kAuto) return choice;
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  return FileKind::kText;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

Input error_input(const fs::path& path, std::string error) {
  Input in;
  in.name = path.string();
  in.path = path;
  in.relative = path.filename();
  in.error = std::move(error);
  return in;
}

struct Walk {
  fs::path root;
  FileKind kind;
  const fs::path* skip;
  std::vector<Input>* out;

  void folder(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      out->push_back(error_input(dir, "cannot read folder: " + ec.message()));
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename().string() <
                       b.path().filename().string();
              });
    for (const fs::directory_entry& entry : entries) {
      const fs::path& path = entry.path();
      if (is_hidden(path)) continue;
      std::error_code e1, e2;
      if (entry.is_directory(e1)) {
        // Like `find`, do not follow links to folders (no cycles).
        if (entry.is_symlink(e2)) continue;
        if (!skip->empty() && fs::equivalent(path, *skip, e2)) continue;
        folder(path);
      } else if (entry.is_regular_file(e1)) {
        Input in;
        in.name = path.string();
        in.path = path;
        in.relative = path.lexically_relative(root);
        in.kind = kind_of(path, kind);
        in.from_folder = true;
        out->push_back(std::move(in));
      }
      // Sockets, pipes, devices and broken links inside folders are skipped.
    }
  }
};

}  // namespace

Discovery discover_inputs(const std::vector<std::string>& args,
                          FileKind kind, const fs::path& skip_folder) {
  Discovery d;
  for (const std::string& arg : args) {
    if (arg == "-") {
      Input in;
      in.name = kStdinName;
      in.is_stdin = true;
      in.relative = "stdin";
      in.kind = kind_of(fs::path(), kind);
      d.inputs.push_back(std::move(in));
      continue;
    }
    const fs::path path(arg);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      d.has_folder = true;
      Walk walk{path, kind, &skip_folder, &d.inputs};
      walk.folder(path);
      continue;
    }
    Input in;
    in.name = arg;
    in.path = path;
    in.relative = path.filename();
    in.kind = kind_of(path, kind);
    d.inputs.push_back(std::move(in));
  }
  return d;
}

// ---------------------------------------------------------------------------

Reader::~Reader() {
  close_file();
  std::free(line_buf_);
}

void Reader::close_file() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
  file_ = nullptr;
}

bool Reader::next(Item* item) {
  while (pending_.empty()) {
    if (file_ != nullptr) {
      read_line();
    } else if (current_ < inputs_.size()) {
      start_input();
    } else {
      return false;
    }
  }
  *item = std::move(pending_.front());
  pending_.pop_front();
  return true;
}

namespace {

Item failed_doc(std::size_t input, std::size_t line, std::string error) {
  Item item;
  item.kind = Item::Kind::kDoc;
  item.input = input;
  item.line = line;
  item.failed = true;
  item.error = std::move(error);
  return item;
}

Item marker(Item::Kind kind, std::size_t input) {
  Item item;
  item.kind = kind;
  item.input = input;
  return item;
}

std::string hex_byte(unsigned char c) {
  static const char kDigits[] = "0123456789abcdef";
  return std::string("0x") + kDigits[c >> 4] + kDigits[c & 15];
}

// Checks a whole text document; on failure fills *line and *error.
bool check_text(const std::string& s, std::size_t* line, std::string* error) {
  const std::size_t nul = s.find('\0');
  const std::size_t bad = find_invalid_utf8(s);  // npos when valid
  if (nul == std::string::npos && bad == std::string::npos) return true;
  const std::size_t at = std::min(bad, nul);
  const std::size_t prev_newline = at == 0 ? std::string::npos : s.rfind('\n', at - 1);
  const std::size_t begin = prev_newline == std::string::npos ? 0 : prev_newline + 1;
  *line = 1 + static_cast<std::size_t>(
                  std::count(s.begin(), s.begin() + static_cast<long>(at), '\n'));
  const std::string column = std::to_string(at - begin + 1);
  if (at == nul) {
    *error = "contains a NUL byte (column " + column + ")";
  } else {
    *error = "not valid UTF-8 (byte " +
             hex_byte(static_cast<unsigned char>(s[at])) + " at column " +
             column + ")";
  }
  return false;
}

}  // namespace

void Reader::start_input() {
  const std::size_t index = current_;
  const Input& in = inputs_[index];
  if (!in.error.empty()) {
    pending_.push_back(failed_doc(index, 0, in.error));
    ++current_;
    return;
  }
  std::FILE* f = in.is_stdin ? stdin : std::fopen(in.path.c_str(), "rb");
  if (f == nullptr) {
    pending_.push_back(
        failed_doc(index, 0, std::string("cannot read: ") + std::strerror(errno)));
    ++current_;
    return;
  }
  if (in.kind == FileKind::kJsonl) {
    file_ = f;
    line_ = 0;
    pending_.push_back(marker(Item::Kind::kBegin, index));
    return;  // read_line() continues, one record at a time
  }

  std::string text;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  const bool read_error = std::ferror(f) != 0;
  const int err = errno;
  if (f != stdin) std::fclose(f);
  ++current_;
  if (read_error) {
    pending_.push_back(
        failed_doc(index, 0, std::string("cannot read: ") + std::strerror(err)));
    return;
  }
  std::size_t line = 0;
  std::string error;
  if (in.kind == FileKind::kText && !check_text(text, &line, &error)) {
    pending_.push_back(failed_doc(index, line, std::move(error)));
    return;
  }
  pending_.push_back(marker(Item::Kind::kBegin, index));
  Item doc = marker(Item::Kind::kDoc, index);
  doc.data = std::move(text);
  pending_.push_back(std::move(doc));
  pending_.push_back(marker(Item::Kind::kEnd, index));
}

void Reader::read_line() {
  const std::size_t index = current_;
  errno = 0;
  const ssize_t n = ::getline(&line_buf_, &line_cap_, file_);
  if (n < 0) {
    Item end = marker(Item::Kind::kEnd, index);
    if (std::ferror(file_)) {
      pending_.push_back(failed_doc(
          index, line_ + 1, std::string("cannot read: ") + std::strerror(errno)));
      end.complete = false;
    }
    pending_.push_back(std::move(end));
    close_file();
    ++current_;
    return;
  }
  ++line_;
  std::string_view s(line_buf_, static_cast<std::size_t>(n));
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  if (s.find_first_not_of(" \t\r\n") == std::string_view::npos) return;  // blank
  Item doc = marker(Item::Kind::kDoc, index);
  doc.line = line_;
  doc.data.assign(s.data(), s.size());
  pending_.push_back(std::move(doc));
}

}  // namespace newsclean::cli
