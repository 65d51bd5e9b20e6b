#include "output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <system_error>
#include <utility>

namespace newsclean::cli {
namespace fs = std::filesystem;

fs::path output_folder_to_skip(const std::string& output_arg) {
  if (output_arg.empty() || output_arg == "-") return {};
  std::error_code ec;
  return fs::is_directory(output_arg, ec) ? fs::path(output_arg) : fs::path();
}

namespace {

std::string lower_ext(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// What one input's output is: JSON lines for JSONL and WET input, else a
// document's output.
enum class Written { kText, kMarkdown, kJson, kJsonl };

Written written(const Input& in, DocOutput doc) {
  if (in.kind == FileKind::kJsonl || in.kind == FileKind::kWet) return Written::kJsonl;
  return doc == DocOutput::kJson ? Written::kJson
         : doc == DocOutput::kMarkdown ? Written::kMarkdown : Written::kText;
}

// `-o FILE` named for another kind of content than the run writes: "" or why.
std::string misnamed(const fs::path& out, Written w, FileKind input) {
  const std::string ext = lower_ext(out);
  const bool text_name = ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown";
  const bool json_name = ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
  const bool html_name = ext == ".html" || ext == ".htm" || ext == ".xhtml";
  if ((w == Written::kText || w == Written::kMarkdown) && (json_name || html_name)) {
    return "-o " + out.string() + ": the output is " +
           (w == Written::kText ? "cleaned text" : "Markdown") + ", not " +
           (html_name ? "HTML" : "JSON") + "; name it ." + (w == Written::kText ? "txt" : "md") +
           ", or add --json for JSON";
  }
  if ((w == Written::kJson || w == Written::kJsonl) && (text_name || html_name)) {
    return "-o " + out.string() + ": the output is JSON" +
           std::string(w != Written::kJsonl      ? " (--json)"
                       : input == FileKind::kWet ? " lines (WET input)"
                                                 : " lines (JSONL input)") +
           "; name it ." + (w == Written::kJsonl ? "jsonl" : "json");
  }
  return {};
}

// Under an output folder cleaned text is NAME.txt, Markdown NAME.md and
// --json output NAME.json, whatever the input's extension; JSONL keeps its
// name.
fs::path renamed(fs::path target, Written w) {
  const char* ext = w == Written::kText ? ".txt"
                    : w == Written::kMarkdown ? ".md"
                    : w == Written::kJson ? ".json" : nullptr;
  if (ext != nullptr && lower_ext(target) != ext) target.replace_extension(ext);
  return target;
}

}  // namespace

bool plan_outputs(const std::string& output_arg, const Discovery& discovery,
                  std::size_t arg_count, DocOutput doc, OutputPlan* plan,
                  std::string* error) {
  const std::vector<Input>& inputs = discovery.inputs;
  plan->targets.assign(inputs.size(), fs::path());
  if (output_arg.empty() || output_arg == "-") {
    plan->mode = OutputPlan::Mode::kStdout;
    const auto markdown = [doc](const Input& in) {
      return written(in, doc) == Written::kMarkdown;
    };
    if (doc == DocOutput::kMarkdown && std::count_if(inputs.begin(), inputs.end(), markdown) > 1) {
      *error = "several Markdown documents to stdout would run together; use -o FOLDER "
               "(NAME.md each)";
      return false;
    }
    return true;
  }
  const fs::path out(output_arg);
  std::error_code ec;
  const bool is_folder = fs::is_directory(out, ec);
  const bool must_be_folder = arg_count > 1 || discovery.has_folder;
  if (!is_folder && !must_be_folder && output_arg.back() != '/') {
    plan->mode = OutputPlan::Mode::kFile;
    if (!plan->targets.empty()) {
      *error = misnamed(out, written(inputs[0], doc), inputs[0].kind);
      if (!error->empty()) return false;
      plan->targets[0] = out;
    }
    return true;
  }
  if (!is_folder && fs::exists(out, ec)) {
    *error = "-o " + output_arg +
             ": not a folder; with several inputs or a folder input, -o must "
             "be a folder";
    return false;
  }
  plan->mode = OutputPlan::Mode::kFolder;
  std::map<std::string, std::size_t> seen;  // target -> input index
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    if (!in.error.empty()) continue;  // nothing will be written for it
    if (in.is_stdin) {
      *error = "stdin (-) cannot be written into the output folder " +
               output_arg + "; use -o FILE or no -o";
      return false;
    }
    const std::string rel = in.relative.string();
    if (rel.empty() || rel == "." || rel == "..") {
      *error = in.name + ": cannot name an output file for it under " +
               output_arg;
      return false;
    }
    fs::path target = renamed((out / in.relative).lexically_normal(), written(in, doc));
    if (in.kind == FileKind::kWet && lower_ext(target) != ".jsonl") target += ".jsonl";
    auto [it, inserted] = seen.emplace(target.string(), i);
    if (!inserted) {
      *error = inputs[it->second].name + " and " + in.name +
               " would both be written to " + target.string();
      return false;
    }
    plan->targets[i] = std::move(target);
  }
  return true;
}

bool check_outputs_not_inputs(const std::vector<Input>& inputs,
                              const OutputPlan& plan, std::string* error) {
  if (plan.mode == OutputPlan::Mode::kStdout) return true;
  std::map<std::pair<dev_t, ino_t>, std::size_t> files;  // -> input index
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    struct stat st;
    const Input& in = inputs[i];
    const int rc = in.is_stdin ? ::fstat(STDIN_FILENO, &st)
                               : ::stat(in.path.c_str(), &st);
    if (rc == 0 && S_ISREG(st.st_mode)) files.emplace(std::pair(st.st_dev, st.st_ino), i);
  }
  for (const fs::path& target : plan.targets) {
    struct stat st;
    if (target.empty() || ::stat(target.c_str(), &st) != 0) continue;
    auto it = files.find(std::pair(st.st_dev, st.st_ino));
    if (it != files.end()) {
      *error = "output " + target.string() + " is the input " +
               inputs[it->second].name + "; refusing to overwrite an input";
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------

namespace {
constexpr std::size_t kBufferSize = 1 << 20;
std::atomic<unsigned> temp_counter{0};
}  // namespace

AtomicFile::~AtomicFile() { discard(); }

bool AtomicFile::open(const fs::path& target, std::string* error) {
  discard();
  target_ = target;
  errno_ = 0;
  buffer_.clear();
  const fs::path parent =
      target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) {
    *error = "cannot create folder " + parent.string() + ": " + ec.message();
    return false;
  }
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp_ = parent / ("." + target.filename().string() + ".tmp-" +
                      std::to_string(::getpid()) + "-" +
                      std::to_string(temp_counter.fetch_add(1)));
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ >= 0) {
      size_ = 0;
      return true;
    }
    if (errno != EEXIST) break;
  }
  *error = std::string("cannot write: ") + std::strerror(errno);
  temp_.clear();
  return false;
}

bool AtomicFile::resume(const fs::path& target, const fs::path& temp,
                        std::uint64_t size, std::string* error) {
  discard();
  errno = 0;
  target_ = target;
  errno_ = 0;
  buffer_.clear();
  fd_ = ::open(temp.c_str(), O_WRONLY | O_CLOEXEC);
  struct stat st;
  if (fd_ < 0 || ::fstat(fd_, &st) != 0 ||
      static_cast<std::uint64_t>(st.st_size) < size ||
      ::ftruncate(fd_, static_cast<off_t>(size)) != 0 ||
      ::lseek(fd_, 0, SEEK_END) < 0) {
    *error = "cannot resume " + temp.string() + ": " +
             (fd_ >= 0 && errno == 0 ? std::string("shorter than the checkpoint says")
                                     : std::string(std::strerror(errno)));
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    return false;
  }
  temp_ = temp;
  size_ = size;
  return true;
}

bool AtomicFile::sync() {
  if (fd_ < 0) return false;
  flush();
  if (errno_ == 0 && ::fdatasync(fd_) != 0) errno_ = errno;
  return errno_ == 0;
}

std::size_t remove_stale_temps(const std::vector<fs::path>& targets,
                               const std::vector<fs::path>& keep) {
  std::map<fs::path, std::vector<std::string>> by_folder;  // folder -> ".NAME.tmp-"
  for (const fs::path& t : targets) {
    if (t.empty()) continue;
    const fs::path parent = t.has_parent_path() ? t.parent_path() : fs::path(".");
    by_folder[parent].push_back("." + t.filename().string() + ".tmp-");
  }
  std::size_t removed = 0;
  for (auto& [folder, prefixes] : by_folder) {
    std::sort(prefixes.begin(), prefixes.end());
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      // ".NAME.tmp-PID-N": find NAME's prefix, then PID.
      const std::size_t tmp = name.rfind(".tmp-");
      if (name.empty() || name[0] != '.' || tmp == std::string::npos) continue;
      const std::string prefix = name.substr(0, tmp + 5);
      if (!std::binary_search(prefixes.begin(), prefixes.end(), prefix)) continue;
      const long pid = std::strtol(name.c_str() + tmp + 5, nullptr, 10);
      if (pid <= 0 || std::find(keep.begin(), keep.end(), it->path()) != keep.end()) continue;
      if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive
      if (::unlink(it->path().c_str()) == 0) ++removed;
    }
  }
  return removed;
}

void AtomicFile::flush() {
  std::size_t done = 0;
  while (errno_ == 0 && done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno != EINTR) errno_ = errno;
      continue;
    }
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void AtomicFile::write(std::string_view data) {
  if (fd_ < 0 || errno_ != 0) return;
  buffer_.append(data);
  size_ += data.size();
  if (buffer_.size() >= kBufferSize) flush();
}

bool AtomicFile::commit(std::string* error) {
  if (fd_ < 0) {
    *error = "cannot write: not open";
    return false;
  }
  flush();
  if (errno_ == 0 && ::fsync(fd_) != 0) errno_ = errno;
  if (::close(fd_) != 0 && errno_ == 0) errno_ = errno;
  fd_ = -1;
  if (errno_ == 0 && std::rename(temp_.c_str(), target_.c_str()) != 0) {
    errno_ = errno;
  }
  if (errno_ != 0) {
    *error = std::string("cannot write: ") + std::strerror(errno_);
    discard();
    return false;
  }
  temp_.clear();
  return true;
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  buffer_.clear();
}

bool write_stdout(std::string_view data) {
  if (data.empty()) return std::ferror(stdout) == 0;
  return std::fwrite(data.data(), 1, data.size(), stdout) == data.size();
}

}  // namespace newsclean::cli
