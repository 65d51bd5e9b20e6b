#include "checkpoint.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "json_io.h"

namespace newsclean::cli {
namespace fs = std::filesystem;

fs::path checkpoint_path(const OutputPlan& plan, const std::string& output_arg) {
  switch (plan.mode) {
    case OutputPlan::Mode::kStdout:
      return {};
    case OutputPlan::Mode::kFolder:
      return fs::path(output_arg) / ".newsclean-resume";
    case OutputPlan::Mode::kFile: {
      const fs::path out(output_arg);
      return out.parent_path() / ("." + out.filename().string() + ".newsclean-resume");
    }
  }
  return {};
}

bool save_checkpoint(const fs::path& path, const Checkpoint& c, std::string* error) {
  const Json j = {{"version", 1},
                  {"run", c.run},
                  {"input", c.input},
                  {"line", c.line},
                  {"output_temp", c.output_temp},
                  {"output_bytes", c.output_bytes},
                  {"errors_temp", c.errors_temp},
                  {"errors_bytes", c.errors_bytes},
                  {"in", c.in},
                  {"cleaned", c.cleaned},
                  {"failed", c.failed}};
  AtomicFile file;
  if (!file.open(path, error)) return false;
  file.write(dump_line(j) + "\n");
  return file.commit(error);
}

bool load_checkpoint(const fs::path& path, Checkpoint* c, bool* found, std::string* error) {
  std::error_code ec;
  *found = fs::exists(path, ec);
  if (!*found) return true;
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  try {
    const Json j = Json::parse(text.str());
    if (j.at("version").get<int>() != 1) throw std::runtime_error("unknown version");
    c->run = j.at("run").get<std::string>();
    c->input = j.at("input").get<std::size_t>();
    c->line = j.at("line").get<std::size_t>();
    c->output_temp = j.at("output_temp").get<std::string>();
    c->output_bytes = j.at("output_bytes").get<std::uint64_t>();
    c->errors_temp = j.at("errors_temp").get<std::string>();
    c->errors_bytes = j.at("errors_bytes").get<std::uint64_t>();
    c->in = j.at("in").get<std::size_t>();
    c->cleaned = j.at("cleaned").get<std::size_t>();
    c->failed = j.at("failed").get<std::size_t>();
  } catch (const std::exception& e) {
    *error = path.string() + ": not a checkpoint newsclean can read: " + e.what();
    return false;
  }
  return true;
}

}  // namespace newsclean::cli
