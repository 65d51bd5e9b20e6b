// Everything the clean command says on stderr: error lines, --explain lines,
// the progress line (only when stderr is a terminal) and the final summary
// "newsclean: N documents in, N cleaned, N failed" (not with --quiet), with
// " (in FILE)" after "failed" under --errors FILE. In = cleaned + failed.
// Used by the writer thread only.

#ifndef NEWSCLEAN_CLI_REPORT_H_
#define NEWSCLEAN_CLI_REPORT_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace newsclean::cli {

class Reporter {
 public:
  // `progress`: draw a \r-updated progress line (callers pass isatty(2)).
  Reporter(bool quiet, bool progress);

  // Writes `text` (whole lines) to stderr, clearing the progress line first.
  void print(std::string_view text);

  // "LOCATION: error: MESSAGE".
  void error(std::string_view where, std::string_view message);

  // Counts a document that went in, and whether it came out.
  void document(bool cleaned);

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
  void clear_progress();
  void draw_progress(bool force);

  bool quiet_;
  bool progress_;
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point last_draw_;
  std::size_t in_ = 0;
  std::size_t cleaned_ = 0;
  std::size_t failed_ = 0;
};

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_REPORT_H_
