// Everything the clean command says on stderr: error lines, --explain lines,
// progress, and the final summary (not with --quiet):
//
//   newsclean: N documents in, N cleaned, N failed in 2.4 s (350 documents/s)
//   newsclean: removed by category: related 530, footer 211, ...
//
// with " (in FILE)" after "failed" under --errors FILE. In = cleaned +
// failed. Progress is a line redrawn in place when stderr is a terminal
// ("newsclean: 1200 of 5000 documents, 350/s, 11 s left"), or, with
// --progress elsewhere (a log), the same as a line of its own every few
// seconds. The total is known when every input is one document (no JSONL).
// Used by the writer thread only.

#ifndef NEWSCLEAN_CLI_REPORT_H_
#define NEWSCLEAN_CLI_REPORT_H_

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace newsclean::cli {

class Reporter {
 public:
  enum class Progress { kNone, kTerminal, kLog };

  // `total`: documents expected, 0 when not known.
  Reporter(bool quiet, Progress progress, std::size_t total);

  // Writes `text` (whole lines) to stderr, clearing the progress line first.
  void print(std::string_view text);

  // "LOCATION: error: MESSAGE".
  void error(std::string_view where, std::string_view message);

  // Counts a document that went in, whether it came out, and the categories
  // of what was removed from it.
  void document(bool cleaned, const std::vector<std::string>& removed = {});

  // `n` documents counted as cleaned were lost after all (their output file
  // could not be written).
  void uncount_cleaned(std::size_t n);

  // Sets the counts a resumed run starts from (those of the run it continues).
  void restore(std::size_t in, std::size_t cleaned, std::size_t failed);

  // Clears the progress line and prints the summary; `errors_file` (--errors,
  // may be empty) is named as where the failed documents went.
  void finish(const std::string& errors_file);

  std::size_t in() const { return in_; }
  std::size_t cleaned() const { return cleaned_; }
  std::size_t failed() const { return failed_; }

 private:
  using Clock = std::chrono::steady_clock;

  void clear_progress();
  void draw_progress(bool force);
  std::string progress_line() const;

  bool quiet_;
  Progress progress_;
  std::size_t total_;
  bool progress_shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_;
  std::size_t in_ = 0;
  std::size_t counted_ = 0;  // documents this run has seen (not restored ones)
  std::size_t cleaned_ = 0;
  std::size_t failed_ = 0;
  std::map<std::string, std::size_t> removed_;  // category -> blocks
};

// "1,204": a count with thousands separators.
std::string with_commas(std::size_t n);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_REPORT_H_
