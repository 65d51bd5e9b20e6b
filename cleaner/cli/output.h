// Where results go, and writing them safely.
//
// Without -o everything goes to stdout, in input order; several documents'
// cleaned texts are separated by an empty line (a text never has one: awk's
// paragraph mode, RS="", reads one document a record). `-o FILE` takes the
// output of a single input. `-o FOLDER` (required with several inputs or a
// folder input) mirrors each input's path relative to its argument: `clean
// in/ -o out/` writes in/a/b.txt to out/a/b.txt, and `clean x/a.txt -o out/`
// writes out/a.txt. Files are written atomically: a hidden temporary file in
// the same folder (.NAME.tmp-PID-N), renamed over the target once complete.
// A run killed before that leaves the temporary file; the next run removes
// it, or, with --resume, continues it (checkpoint.h).

#ifndef NEWSCLEAN_CLI_OUTPUT_H_
#define NEWSCLEAN_CLI_OUTPUT_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "inputs.h"

namespace newsclean::cli {

// What a document (not a JSONL record) is written as.
enum class DocOutput { kText, kMarkdown, kJson };

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
// stdout); `arg_count` is the number of path arguments; `doc` is what
// documents are written as. Under a folder cleaned text is written as
// NAME.txt, Markdown as NAME.md and JSON as NAME.json (JSONL input keeps its
// name; WET input NAME.warc.wet(.gz) goes to NAME.warc.wet.jsonl); `-o FILE` named for another kind of content (a.html or a.jsonl for
// text, a.txt for JSON) is an error, and so are several Markdown documents
// to stdout (they have empty lines of their own: nothing would part them). Returns false with
// *error set on a usage error (e.g. several inputs and -o naming a file, two
// inputs that would write the same output, stdin into a folder).
bool plan_outputs(const std::string& output_arg, const Discovery& discovery,
                  std::size_t arg_count, DocOutput doc, OutputPlan* plan,
                  std::string* error);

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

  // Continues the temporary file `temp` an interrupted run left for
  // `target`: cut back to its first `size` bytes, written on from there.
  bool resume(const std::filesystem::path& target, const std::filesystem::path& temp,
              std::uint64_t size, std::string* error);

  // Writes what is buffered and syncs it to disk (for a checkpoint).
  bool sync();

  // Bytes written so far, buffered ones included.
  std::uint64_t size() const { return size_; }

  // Flushes and syncs the temporary file, then renames it over the target.
  bool commit(std::string* error);

  // Removes the temporary file; the target is left as it was.
  void discard();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temp() const { return temp_; }

 private:
  void flush();

  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  int errno_ = 0;  // first write error
  std::string buffer_;
  std::uint64_t size_ = 0;
};

// Removes the temporary files (".NAME.tmp-PID-N") that runs killed before
// committing left beside `targets`: those whose process is gone, except
// those in `keep` (the ones a resumed run continues). Returns how many were
// removed.
std::size_t remove_stale_temps(const std::vector<std::filesystem::path>& targets,
                               const std::vector<std::filesystem::path>& keep);

// Writes to stdout (buffered). Returns false once a write has failed.
bool write_stdout(std::string_view data);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_OUTPUT_H_
