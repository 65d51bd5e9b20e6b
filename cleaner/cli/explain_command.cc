#include "explain_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "clean_command.h"

namespace newsclean::cli {

int run_explain(const ExplainConfig& config, const Cleaner& cleaner) {
  std::string input;
  if (config.path == "-") {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(config.path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "newsclean: cannot read %s: %s\n", config.path.c_str(),
                   std::strerror(errno));
      return kExitSomeFailed;
    }
    input.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  Format format = config.format;
  if (format == Format::kAuto) {  // as `clean` reads files: .html/.htm are HTML
    const std::string& p = config.path;
    const auto ends = [&](const char* e) {
      const std::size_t n = std::strlen(e);
      return p.size() >= n && p.compare(p.size() - n, n, e) == 0;
    };
    if (ends(".html") || ends(".htm")) format = Format::kHtml;
  }
  const Result result = cleaner.clean(input, config.url, format);
  const std::string report =
      explain_html(result, cleaner.rules(), config.path == "-" ? "stdin" : config.path);
  if (config.output.empty()) {
    std::fwrite(report.data(), 1, report.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitSomeFailed;
  }
  std::ofstream out(config.output, std::ios::binary);
  out << report;
  out.close();
  if (!out) {
    std::fprintf(stderr, "newsclean: cannot write %s\n", config.output.c_str());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace newsclean::cli
