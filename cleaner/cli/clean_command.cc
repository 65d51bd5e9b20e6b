#include "clean_command.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

#include "checkpoint.h"
#include "json_io.h"
#include "output.h"
#include "pipeline.h"
#include "report.h"

namespace newsclean::cli {
namespace {

// With -o, a checkpoint is taken once this many documents or this many input
// bytes have been written since the last one (at the next place one may fall).
constexpr std::size_t kCheckpointDocs = 512;
constexpr std::size_t kCheckpointBytes = std::size_t{64} << 20;

void usage_error(const std::string& message) {
  std::fprintf(stderr, "newsclean: error: %s\n", message.c_str());
}

// Writes processed items, in order, to stdout or to each input's file, and
// failed documents to the errors file.
class Writer {
 public:
  // `errors` may be null (no --errors); `resume` is the checkpoint a resumed
  // run continues, or null.
  Writer(const std::vector<Input>& inputs, const OutputPlan& plan, bool json,
         Reporter* reporter, AtomicFile* errors, const Checkpoint* resume)
      : inputs_(inputs), plan_(plan), reporter_(reporter), errors_(errors),
        resume_(resume), json_(json) {
    if (resume_ != nullptr) done_ = {resume_->input, resume_->line};
  }

  void handle(const Item& item) {
    switch (item.kind) {
      case Item::Kind::kBegin: begin(item.input); break;
      case Item::Kind::kDoc: document(item); break;
      case Item::Kind::kEnd: end(item); break;
    }
  }

  // Syncs the files being written and fills in where the run is. Called
  // only where may_checkpoint_after() allows, never inside a text document.
  // False when a file could not be synced: then there is no checkpoint to take.
  bool checkpoint(Checkpoint* c) {
    c->input = done_.input;
    c->line = done_.line;
    c->output_temp.clear();
    c->output_bytes = 0;
    if (file_ != nullptr && inside_) {
      if (!file_->sync()) return false;
      c->output_temp = file_->temp().string();
      c->output_bytes = file_->size();
    }
    c->errors_temp.clear();
    c->errors_bytes = 0;
    if (errors_ != nullptr) {
      if (!errors_->sync()) return false;
      c->errors_temp = errors_->temp().string();
      c->errors_bytes = errors_->size();
    }
    c->in = reporter_->in();
    c->cleaned = reporter_->cleaned();
    c->failed = reporter_->failed();
    return true;
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
  // How far the run got: inputs before `input` are done, and `line` lines of it.
  struct Position {
    std::size_t input = 0;
    std::size_t line = 0;
  };

  void begin(std::size_t input) {
    inside_ = true;
    done_ = {input, 0};
    written_ = 0;
    sink_failed_ = false;
    const std::filesystem::path& target = plan_.targets[input];
    const bool resuming = resume_ != nullptr && resume_->input == input &&
                          !resume_->output_temp.empty();
    if (resuming) done_.line = resume_->line;
    if (target.empty()) return;
    file_ = std::make_unique<AtomicFile>();
    std::string error;
    const bool ok = resuming ? file_->resume(target, resume_->output_temp,
                                             resume_->output_bytes, &error)
                             : file_->open(target, &error);
    resume_ = nullptr;
    if (!ok) {
      reporter_->error(target.string(), error);
      file_.reset();
      sink_failed_ = true;
    }
  }

  void document(const Item& item) {
    const Input& in = inputs_[item.input];
    if (!inside_) {
      done_ = {item.input + 1, 0};  // an input that could not be read at all
    } else if (in.kind == FileKind::kJsonl || in.kind == FileKind::kWet) {
      done_ = {item.input, item.line};
    }
    if (item.failed) {
      reporter_->error(location(in, item), item.error);
      reporter_->document(false);
      write_error(in, item);
      return;
    }
    reporter_->print(item.warnings);
    if (sink_failed_) {  // already reported once for the whole file
      reporter_->document(false);
      return;
    }
    if (file_ != nullptr) {
      file_->write(item.output);
    } else if (!stdout_failed_ && !write_stdout(separated(in, item.output))) {
      stdout_failed_ = true;
      reporter_->error("newsclean",
                       std::string("cannot write to stdout: ") + std::strerror(errno));
    }
    reporter_->print(item.explain);
    reporter_->document(!stdout_failed_ || file_ != nullptr, item.removed);
    ++written_;
  }

  // Text documents on stdout after the first one get an empty line before
  // them (output.h).
  std::string_view separated(const Input& in, const std::string& output) {
    if (in.kind == FileKind::kJsonl || in.kind == FileKind::kWet || json_) return output;
    if (!text_written_) {
      text_written_ = true;
      return output;
    }
    separated_.assign(1, '\n').append(output);
    return separated_;
  }

  // One line of the errors file: {"source", "line", "reason", "record"}, the
  // record as the text of its line (null for a file that could not be read);
  // for a WARC record, "line" is null and "warc_record" its number.
  void write_error(const Input& in, const Item& item) {
    if (errors_ == nullptr) return;
    const bool warc = in.kind == FileKind::kWet;
    Json line = {{"source", in.name},
                 {"line", item.line == 0 || warc ? Json() : Json(item.line)}};
    if (warc) line["warc_record"] = item.line == 0 ? Json() : Json(item.line);
    line["reason"] = item.error;
    line["record"] = item.data.empty() || warc ? Json() : Json(item.data);
    errors_->write(dump_line(line) + "\n");
  }

  void end(const Item& item) {
    inside_ = false;
    done_ = {item.input + 1, 0};
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
  AtomicFile* errors_;
  const Checkpoint* resume_;          // until its input begins
  std::unique_ptr<AtomicFile> file_;  // the current input's output file
  bool inside_ = false;               // between kBegin and kEnd
  Position done_;
  bool sink_failed_ = false;          // it could not be created
  std::size_t written_ = 0;           // documents written to it so far
  bool stdout_failed_ = false;
  const bool json_;                   // documents are JSON objects (--json)
  bool text_written_ = false;         // a text document went to stdout
  std::string separated_;             // the output with its separator
};

// Names a run for --resume: the inputs and every option that shapes the
// output (not -j, -q or --explain, which do not).
std::string run_key(const CleanConfig& config, const std::vector<Input>& inputs) {
  Json names = Json::array();
  for (const Input& in : inputs) names.push_back(in.name);
  const DocumentOptions& d = config.document;
  const Json key = {{"inputs", names},
                    {"kind", static_cast<int>(config.kind)},
                    {"output", config.output},
                    {"errors", config.errors},
                    {"text_field", d.text_field},
                    {"url_field", d.url_field},
                    {"output_field", d.output_field},
                    {"url", d.url},
                    {"json", d.json},
                    {"format", static_cast<int>(d.content)},
                    {"rules", config.rules_key}};
  return dump_line(key);
}

// A checkpoint may be taken after this item: never inside a text document
// (between its kBegin and kEnd).
bool may_checkpoint_after(const Item& item, const std::vector<Input>& inputs) {
  if (item.kind == Item::Kind::kEnd) return true;
  const FileKind kind = inputs[item.input].kind;
  const bool many = kind == FileKind::kJsonl || kind == FileKind::kWet;
  if (item.kind == Item::Kind::kBegin) return many;
  return many || item.failed;
}

}  // namespace

int run_clean(const CleanConfig& config, const Cleaner& cleaner) {
  std::vector<std::string> args = config.paths;
  std::vector<std::string> listed;
  std::string error;
  if (!config.files_from.empty() && !read_path_list(config.files_from, &listed, &error)) {
    usage_error(error);
    return kExitUsage;
  }
  if (args.empty() && listed.empty()) args.push_back("-");
  if (std::count(args.begin(), args.end(), "-") + (config.files_from == "-") > 1) {
    usage_error("stdin (-) can be named only once");
    return kExitUsage;
  }

  Discovery discovery = discover_inputs(args, config.kind, config.stdin_kind,
                                        output_folder_to_skip(config.output));
  add_listed_inputs(listed, config.kind, &discovery);
  OutputPlan plan;
  if (!plan_outputs(config.output, discovery, args.size() + listed.size(),
                    config.document.json ? DocOutput::kJson
                    : config.markdown    ? DocOutput::kMarkdown
                                         : DocOutput::kText,
                    &plan, &error) ||
      !check_outputs_not_inputs(discovery.inputs, plan, &error)) {
    usage_error(error);
    return kExitUsage;
  }
  if (!config.errors.empty()) {
    OutputPlan errors_plan;
    errors_plan.mode = OutputPlan::Mode::kFile;
    errors_plan.targets = {config.errors};
    if (std::find(plan.targets.begin(), plan.targets.end(),
                  std::filesystem::path(config.errors)) != plan.targets.end()) {
      usage_error("--errors " + config.errors + " is also an output file");
      return kExitUsage;
    }
    if (!check_outputs_not_inputs(discovery.inputs, errors_plan, &error)) {
      usage_error(error);
      return kExitUsage;
    }
  }
  const std::filesystem::path checkpoint_file = checkpoint_path(plan, config.output);
  if (config.resume && checkpoint_file.empty()) {
    usage_error("--resume needs -o: a run to stdout cannot be resumed");
    return kExitUsage;
  }

  const std::vector<Input>& inputs = discovery.inputs;
  // The total is known when every input is one document.
  const bool one_each = std::none_of(inputs.begin(), inputs.end(), [](const Input& in) {
    return in.kind == FileKind::kJsonl || in.kind == FileKind::kWet ||
           in.kind == FileKind::kAuto;
  });
  Cleaner page_cleaner = cleaner;
  const bool any_wet = std::any_of(inputs.begin(), inputs.end(), [](const Input& in) {
    return in.kind == FileKind::kWet && in.error.empty();
  });
  if (any_wet && config.make_page_cleaner && !config.make_page_cleaner(&page_cleaner)) {
    return kExitUsage;
  }
  const Reporter::Progress progress = ::isatty(STDERR_FILENO) == 1 ? Reporter::Progress::kTerminal
                                      : config.progress             ? Reporter::Progress::kLog
                                                                    : Reporter::Progress::kNone;
  Reporter reporter(config.quiet, progress, one_each ? inputs.size() : 0);
  Checkpoint checkpoint;
  checkpoint.run = run_key(config, inputs);
  Checkpoint resume;
  bool resuming = false;
  if (config.resume) {
    if (!load_checkpoint(checkpoint_file, &resume, &resuming, &error)) {
      usage_error(error);
      return kExitUsage;
    }
    if (resuming && resume.run != checkpoint.run) {
      usage_error("--resume: " + checkpoint_file.string() +
                  " was left by a run with other inputs or options; run the same "
                  "command again, or without --resume to start over");
      return kExitUsage;
    }
    if (!resuming) reporter.print("newsclean: nothing to resume; starting from the beginning\n");
  }

  // Temporary files of killed runs: the resumed ones are continued, the rest removed.
  std::vector<std::filesystem::path> targets = plan.targets;
  if (!config.errors.empty()) targets.emplace_back(config.errors);
  if (!checkpoint_file.empty()) targets.push_back(checkpoint_file);
  std::vector<std::filesystem::path> keep;
  if (resuming) keep = {resume.output_temp, resume.errors_temp};
  remove_stale_temps(targets, keep);

  std::unique_ptr<AtomicFile> errors;
  if (!config.errors.empty()) {
    errors = std::make_unique<AtomicFile>();
    const bool ok = resuming && !resume.errors_temp.empty()
                        ? errors->resume(config.errors, resume.errors_temp,
                                         resume.errors_bytes, &error)
                        : errors->open(config.errors, &error);
    if (!ok) {
      usage_error("--errors " + config.errors + ": " + error);
      return kExitUsage;
    }
  }

  const unsigned workers = config.jobs == 0 ? all_cores() : config.jobs;
  Writer writer(inputs, plan, config.document.json, &reporter, errors.get(), resuming ? &resume : nullptr);
  Reader reader(inputs);
  if (resuming) {
    reader.skip_to(resume.input, resume.line);
    reporter.restore(resume.in, resume.cleaned, resume.failed);
  }

  bool checkpoint_failed = false;
  std::size_t docs = 0;   // documents and input bytes since the last checkpoint
  std::size_t bytes = 0;
  PipelineSteps steps;
  steps.read = [&reader](Item* item) { return reader.next(item); };
  steps.needs_work = [](const Item& item) {
    return item.kind == Item::Kind::kDoc && !item.failed;
  };
  steps.work = [&](Item* item) {
    process_item(inputs[item->input], cleaner, page_cleaner, config.document, item);
  };
  steps.write = [&](Item& item) {
    docs += item.kind == Item::Kind::kDoc;
    bytes += item.data.size() + item.output.size();
    writer.handle(item);
    if (checkpoint_file.empty() || checkpoint_failed ||
        (docs < kCheckpointDocs && bytes < kCheckpointBytes) ||
        !may_checkpoint_after(item, inputs)) {
      return;
    }
    docs = bytes = 0;
    if (!writer.checkpoint(&checkpoint)) return;  // the write error is reported at the end
    if (!save_checkpoint(checkpoint_file, checkpoint, &error)) {
      reporter.print("newsclean: warning: " + checkpoint_file.string() + ": " + error +
                     " (this run cannot be resumed)\n");
      checkpoint_failed = true;
    }
  };
  // The built-in rules are compiled on first use: done here, before the
  // threads start, rather than by the first worker while the others wait.
  (void)cleaner.clean(std::string_view());
  if (any_wet) (void)page_cleaner.clean(std::string_view());
  run_pipeline(workers, steps);

  bool errors_ok = true;
  if (errors != nullptr && !errors->commit(&error)) {
    reporter.error(config.errors, error);
    errors_ok = false;
  }
  if (!checkpoint_file.empty()) std::remove(checkpoint_file.c_str());
  const bool stdout_ok = writer.finish();
  reporter.finish(config.errors);
  return reporter.failed() == 0 && stdout_ok && errors_ok ? kExitOk : kExitSomeFailed;
}

}  // namespace newsclean::cli
