// Finding the inputs: discover_inputs() and --files-from (inputs.h); the
// Reader that reads their documents is in reader.cc.
#include "inputs.h"

#include <unistd.h>
#include <zlib.h>

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

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return ext;
}

// a/b.jsonl.gz -> a/b.jsonl (what is read, and where its output goes).
fs::path without_gz(const fs::path& path) {
  return lower_extension(path) == ".gz" ? fs::path(path).replace_extension() : path;
}

// True when the file's first bytes, after gunzip, are a WARC record's. Only
// regular files are looked into: a pipe's bytes would be gone for reading.
bool starts_like_warc(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  gzFile gz = gzopen(path.c_str(), "rb");
  if (gz == nullptr) return false;
  char head[8];
  const int n = gzread(gz, head, sizeof head);
  gzclose(gz);
  return n > 0 && looks_like_warc(std::string_view(head, static_cast<std::size_t>(n)));
}

FileKind kind_of(const fs::path& path, FileKind choice) {
  if (choice != FileKind::kAuto) return choice;
  const std::string ext = lower_extension(without_gz(path));
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  if (ext == ".warc" || ext == ".wet" || starts_like_warc(path)) return FileKind::kWet;
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
        in.relative = without_gz(path.lexically_relative(root));
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
                          FileKind kind, FileKind stdin_kind,
                          const fs::path& skip_folder) {
  Discovery d;
  for (const std::string& arg : args) {
    if (arg == "-") {
      Input in;
      in.name = kStdinName;
      in.is_stdin = true;
      in.relative = "stdin";
      in.kind = kind != FileKind::kAuto ? kind
                : stdin_kind != FileKind::kAuto ? stdin_kind
                                                : FileKind::kText;
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
    in.relative = without_gz(path.filename());
    in.kind = kind_of(path, kind);
    d.inputs.push_back(std::move(in));
  }
  return d;
}

void add_listed_inputs(const std::vector<std::string>& paths, FileKind kind,
                       Discovery* discovery) {
  for (const std::string& p : paths) {
    const fs::path path(p);
    const fs::path normal = path.lexically_normal();
    const bool inside = normal.is_relative() && !normal.empty() &&
                        *normal.begin() != "..";
    Input in;
    in.name = p;
    in.path = path;
    in.relative = without_gz(inside ? normal : path.filename());
    in.kind = kind_of(path, kind);
    discovery->inputs.push_back(std::move(in));
  }
}

bool read_path_list(const std::string& file, std::vector<std::string>* paths,
                    std::string* error) {
  std::FILE* f = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
  if (f == nullptr) {
    *error = "--files-from " + file + ": cannot read: " + std::strerror(errno);
    return false;
  }
  char* buf = nullptr;
  std::size_t cap = 0;
  ssize_t n;
  while ((n = ::getline(&buf, &cap, f)) >= 0) {
    std::string line(buf, static_cast<std::size_t>(n));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) paths->push_back(std::move(line));
  }
  std::free(buf);
  const bool failed = std::ferror(f) != 0;
  if (failed) *error = "--files-from " + file + ": cannot read: " + std::strerror(errno);
  if (f != stdin) std::fclose(f);
  return !failed;
}

}  // namespace newsclean::cli
