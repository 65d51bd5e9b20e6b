#include "report.h"

#include <cstdio>

namespace newsclean::cli {
namespace {

void write_stderr(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
}

constexpr std::chrono::milliseconds kRedrawEvery{100};

}  // namespace

Reporter::Reporter(bool quiet, bool progress)
    : quiet_(quiet), progress_(progress && !quiet) {}

void Reporter::clear_progress() {
  if (!progress_shown_) return;
  write_stderr("\r\033[K");
  progress_shown_ = false;
}

void Reporter::draw_progress(bool force) {
  if (!progress_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && progress_shown_ && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  const std::string line = "\rnewsclean: " + std::to_string(in_) +
                           " documents, " + std::to_string(cleaned_) +
                           " cleaned, " + std::to_string(failed_) + " failed";
  write_stderr(line);
  progress_shown_ = true;
}

void Reporter::print(std::string_view text) {
  if (text.empty()) return;
  clear_progress();
  write_stderr(text);
}

void Reporter::error(std::string_view where, std::string_view message) {
  std::string line;
  line.reserve(where.size() + message.size() + 10);
  line.append(where).append(": error: ").append(message).append("\n");
  print(line);
}

void Reporter::document(bool cleaned) {
  ++in_;
  ++(cleaned ? cleaned_ : failed_);
  draw_progress(false);
}

void Reporter::uncount_cleaned(std::size_t n) {
  cleaned_ -= n;
  failed_ += n;
}

void Reporter::restore(std::size_t in, std::size_t cleaned, std::size_t failed) {
  in_ = in;
  cleaned_ = cleaned;
  failed_ = failed;
}

void Reporter::finish(const std::string& errors_file) {
  clear_progress();
  if (quiet_) return;
  std::string line = "newsclean: " + std::to_string(in_) + " documents in, " +
                     std::to_string(cleaned_) + " cleaned, " + std::to_string(failed_) +
                     " failed";
  if (!errors_file.empty()) line += " (in " + errors_file + ")";
  line += '\n';
  write_stderr(line);
}

}  // namespace newsclean::cli
