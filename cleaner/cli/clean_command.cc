#include "clean_command.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

#include "output.h"
#include "parallel.h"
#include "report.h"

namespace newsclean::cli {
namespace {

// A chunk holds at most this many documents or this many input bytes; its
// documents are cleaned in parallel, then written in order.
constexpr std::size_t kChunkDocs = 512;
constexpr std::size_t kChunkBytes = std::size_t{64} << 20;

void usage_error(const std::string& message) {
  std::fprintf(stderr, "newsclean: error: %s\n", message.c_str());
}

// Writes processed items, in order, to stdout or to each input's file.
class Writer {
 public:
  Writer(const std::vector<Input>& inputs, const OutputPlan& plan,
         Reporter* reporter)
      : inputs_(inputs), plan_(plan), reporter_(reporter) {}

  void handle(const Item& item) {
    switch (item.kind) {
      case Item::Kind::kBegin: begin(item.input); break;
      case Item::Kind::kDoc: document(item); break;
      case Item::Kind::kEnd: end(item); break;
    }
  }

  // Flushes stdout; false if anything written there was lost.
  bool finish() {
    if (std::fflush(stdout) != 0 && !stdout_failed_) {
      stdout_failed_ = true;
      reporter_->error("newsclean",
                       std::string("cannot write to stdout: ") + std::strerror(errno));
    }
    return !stdout_failed_;
  }

 private:
  void begin(std::size_t input) {
    written_ = 0;
    sink_failed_ = false;
    const std::filesystem::path& target = plan_.targets[input];
    if (target.empty()) return;
    file_ = std::make_unique<AtomicFile>();
    std::string error;
    if (!file_->open(target, &error)) {
      reporter_->error(target.string(), error);
      file_.reset();
      sink_failed_ = true;
    }
  }

  void document(const Item& item) {
    const Input& in = inputs_[item.input];
    if (item.failed) {
      reporter_->error(location(in, item), item.error);
      reporter_->document(false);
      return;
    }
    if (sink_failed_) {  // already reported once for the whole file
      reporter_->document(false);
      return;
    }
    if (file_ != nullptr) {
      file_->write(item.output);
    } else if (!stdout_failed_ && !write_stdout(item.output)) {
      stdout_failed_ = true;
      reporter_->error("newsclean",
                       std::string("cannot write to stdout: ") + std::strerror(errno));
    }
    reporter_->print(item.explain);
    reporter_->document(!stdout_failed_ || file_ != nullptr);
    ++written_;
  }

  void end(const Item& item) {
    if (file_ == nullptr) return;
    const std::string target = file_->target().string();
    std::string error;
    if (!item.complete) {
      file_->discard();
      reporter_->error(target, "not written: its input could not be read to the end");
      reporter_->uncount_cleaned(written_);
    } else if (!file_->commit(&error)) {
      reporter_->error(target, error);
      reporter_->uncount_cleaned(written_);
    }
    file_.reset();
  }

  const std::vector<Input>& inputs_;
  const OutputPlan& plan_;
  Reporter* reporter_;
  std::unique_ptr<AtomicFile> file_;  // the current input's output file
  bool sink_failed_ = false;          // it could not be created
  std::size_t written_ = 0;           // documents written to it so far
  bool stdout_failed_ = false;
};

}  // namespace

int run_clean(const CleanConfig& config, const Cleaner& cleaner) {
  std::vector<std::string> args = config.paths;
  if (args.empty()) args.push_back("-");
  if (std::count(args.begin(), args.end(), "-") > 1) {
    usage_error("stdin (-) can be named only once");
    return kExitUsage;
  }

  const Discovery discovery = discover_inputs(
      args, config.kind, output_folder_to_skip(config.output));
  OutputPlan plan;
  std::string error;
  if (!plan_outputs(config.output, discovery, args.size(), &plan, &error) ||
      !check_outputs_not_inputs(discovery.inputs, plan, &error)) {
    usage_error(error);
    return kExitUsage;
  }

  const std::vector<Input>& inputs = discovery.inputs;
  const unsigned workers = config.jobs == 0 ? all_cores() : config.jobs;
  Reporter reporter(config.quiet, ::isatty(STDERR_FILENO) == 1);
  Writer writer(inputs, plan, &reporter);
  Reader reader(inputs);

  std::vector<Item> chunk;
  for (bool more = true; more;) {
    chunk.clear();
    std::size_t docs = 0;
    std::size_t bytes = 0;
    while (docs < kChunkDocs && bytes < kChunkBytes) {
      Item item;
      if (!reader.next(&item)) {
        more = false;
        break;
      }
      docs += item.kind == Item::Kind::kDoc;
      bytes += item.data.size();
      chunk.push_back(std::move(item));
    }
    parallel_for(chunk.size(), workers, [&](std::size_t i) {
      Item& item = chunk[i];
      process_item(inputs[item.input], cleaner, config.document, &item);
    });
    for (const Item& item : chunk) writer.handle(item);
  }

  const bool stdout_ok = writer.finish();
  reporter.finish();
  return reporter.failed() == 0 && stdout_ok ? kExitOk : kExitSomeFailed;
}

}  // namespace newsclean::cli
