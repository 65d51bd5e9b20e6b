#include "report.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace newsclean::cli {
namespace {

void write_stderr(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
}

constexpr std::chrono::milliseconds kRedrawEvery{100};
constexpr std::chrono::seconds kLogEvery{5};

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// "2.4 s", "38 s", "4 min 12 s".
std::string duration(double s) {
  char buf[48];
  if (s < 10) {
    std::snprintf(buf, sizeof buf, "%.1f s", s);
  } else if (s < 60) {
    std::snprintf(buf, sizeof buf, "%.0f s", s);
  } else {
    const long total = static_cast<long>(s + 0.5);
    std::snprintf(buf, sizeof buf, "%ld min %ld s", total / 60, total % 60);
  }
  return buf;
}

std::string rate(double per_second) {
  char buf[32];
  std::snprintf(buf, sizeof buf, per_second < 10 ? "%.1f" : "%.0f", per_second);
  return buf;
}

}  // namespace

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

Reporter::Reporter(bool quiet, Progress progress, std::size_t total)
    : quiet_(quiet), progress_(quiet ? Progress::kNone : progress), total_(total) {}

void Reporter::clear_progress() {
  if (!progress_shown_) return;
  write_stderr("\r\033[K");
  progress_shown_ = false;
}

std::string Reporter::progress_line() const {
  std::string line = "newsclean: " + with_commas(in_);
  if (total_ > 0) line += " of " + with_commas(total_);
  line += " documents";
  if (failed_ > 0) line += " (" + with_commas(failed_) + " failed)";
  const double elapsed = seconds_since(start_);
  if (counted_ > 0 && elapsed > 0) {
    const double per_second = static_cast<double>(counted_) / elapsed;
    line += ", " + rate(per_second) + "/s";
    if (total_ > in_) {
      line += ", " + duration(static_cast<double>(total_ - in_) / per_second) + " left";
    }
  }
  return line;
}

void Reporter::draw_progress(bool force) {
  if (progress_ == Progress::kNone) return;
  const auto now = Clock::now();
  const auto every = progress_ == Progress::kLog ? kLogEvery : kRedrawEvery;
  if (!force && now - last_draw_ < every) return;
  last_draw_ = now;
  if (progress_ == Progress::kLog) {
    write_stderr(progress_line() + '\n');
    return;
  }
  write_stderr("\r\033[K" + progress_line());
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

void Reporter::document(bool cleaned, const std::vector<std::string>& removed) {
  ++in_;
  ++counted_;
  ++(cleaned ? cleaned_ : failed_);
  if (cleaned) {
    for (const std::string& category : removed) ++removed_[category];
  }
  // A terminal shows progress at once; a log's first line comes after a while.
  if (counted_ == 1 && progress_ == Progress::kLog) last_draw_ = Clock::now();
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
  const double elapsed = seconds_since(start_);
  std::string out = "newsclean: " + std::to_string(in_) + " documents in, " +
                    std::to_string(cleaned_) + " cleaned, " + std::to_string(failed_) +
                    " failed";
  if (!errors_file.empty()) out += " (in " + errors_file + ")";
  out += " in " + duration(elapsed);
  if (counted_ > 0 && elapsed > 0) {
    out += " (" + rate(static_cast<double>(counted_) / elapsed) + " documents/s)";
  }
  out += '\n';
  if (!removed_.empty()) {
    std::vector<std::pair<std::string, std::size_t>> by_count(removed_.begin(), removed_.end());
    std::stable_sort(by_count.begin(), by_count.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    out += "newsclean: removed by category:";
    for (std::size_t i = 0; i < by_count.size(); ++i) {
      out += (i == 0 ? " " : ", ") + by_count[i].first + ' ' + with_commas(by_count[i].second);
    }
    out += '\n';
  }
  write_stderr(out);
}

}  // namespace newsclean::cli
