// Where results go, and writing them safely.
//
// Without -o everything goes to stdout, in input order. `-o FILE` takes the
// output of a single input. `-o FOLDER` (required with several inputs or a
// folder input) mirrors each input's path relative to its argument: `clean
// in/ -o out/` writes in/a/b.txt to out/a/b.txt, and `clean x/a.txt -o out/`
// writes out/a.txt. Files are written atomically: a hidden temporary file in
// the same folder, renamed over the target once complete.

#ifndef NEWSCLEAN_CLI_OUTPUT_H_
#define NEWSCLEAN_CLI_OUTPUT_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "inputs.h"

namespace newsclean::cli {

struct OutputPlan {
  enum class Mode { kStdout, kFile, kFolder };
  Mode mode = Mode::kStdout;
  // One per input: the file its output goes to; empty for stdout.
  std::vector<std::filesystem::path> targets;
};

// The folder inputs must not be looked for in: `output_arg` when it names an
// existing folder (it may lie inside an input folder), else empty.
std::filesystem::path output_folder_to_skip(const std::string& output_arg);

// Decides where each input's output goes. `output_arg` is -o ("" or "-" for
// stdout); `arg_count` is the number of path arguments. Returns false with
// *error set on a usage error (e.g. several inputs and -o naming a file, two
// inputs that would write the same output, stdin into a folder).
bool plan_outputs(const std::string& output_arg, const Discovery& discovery,
                  std::size_t arg_count, OutputPlan* plan, std::string* error);

// Returns false with *error set when some output target is the same file as
// some input (same device and inode, as std::filesystem::equivalent checks;
// hard and symbolic links included, and stdin when redirected from a file).
bool check_outputs_not_inputs(const std::vector<Input>& inputs,
                              const OutputPlan& plan, std::string* error);

// A file that appears at its path complete or not at all.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();  // discards the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the folders leading to `target` and a temporary file beside it.
  // Errors (here and in commit) do not repeat the target's name.
  bool open(const std::filesystem::path& target, std::string* error);

  // Buffers `data`; errors are kept and reported by commit().
  void write(std::string_view data);

  // Flushes and syncs the temporary file, then renames it over the target.
  bool commit(std::string* error);

  // Removes the temporary file; the target is left as it was.
  void discard();

  const std::filesystem::path& target() const { return target_; }

 private:
  void flush();

  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  int errno_ = 0;  // first write error
  std::string buffer_;
};

// Writes to stdout (buffered). Returns false once a write has failed.
bool write_stdout(std::string_view data);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_OUTPUT_H_
