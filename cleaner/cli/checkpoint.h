// Resuming a run that was killed (--resume).
//
// A run with -o keeps a checkpoint beside its output: `.NAME.newsclean-resume`
// for -o FILE, `FOLDER/.newsclean-resume` for -o FOLDER (hidden: never read
// back as an input). Every 512 documents (or 64 MB written) the writer syncs the
// temporary files it is writing (the output and --errors) to disk, then
// replaces the checkpoint (atomically) with: the run (its inputs and every
// option that shapes the output), how far it got (inputs before `input` are
// done and their files committed; of a JSONL input, its first `line` lines),
// the temporary files and their sizes at that moment, and the counts for the
// summary. The checkpoint never claims bytes that are not on disk.
//
// `--resume` reads it, cuts the temporary files back to the recorded sizes
// (a killed run may have written past its last checkpoint) and reads on from
// the record after `line`: the output is byte for byte what an uninterrupted
// run writes. A run that completes removes its checkpoint.

#ifndef NEWSCLEAN_CLI_CHECKPOINT_H_
#define NEWSCLEAN_CLI_CHECKPOINT_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "output.h"

namespace newsclean::cli {

struct Checkpoint {
  std::string run;          // the run it belongs to (see run_key in clean_command.cc)
  std::size_t input = 0;    // inputs before this one are done
  std::size_t line = 0;     // JSONL lines of inputs[input] done
  std::string output_temp;  // the temporary output of inputs[input], or ""
  std::uint64_t output_bytes = 0;
  std::string errors_temp;  // the temporary --errors file, or ""
  std::uint64_t errors_bytes = 0;
  std::size_t in = 0;       // the summary's counts so far
  std::size_t cleaned = 0;
  std::size_t failed = 0;
};

// Where the checkpoint of a run writing to `plan` (-o `output_arg`) lives;
// empty for stdout (no resume).
std::filesystem::path checkpoint_path(const OutputPlan& plan, const std::string& output_arg);

// Replaces the checkpoint atomically (a temporary file renamed over it).
bool save_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                     std::string* error);

// Reads the checkpoint. *found is false when there is none (not an error).
bool load_checkpoint(const std::filesystem::path& path, Checkpoint* checkpoint,
                     bool* found, std::string* error);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_CHECKPOINT_H_
