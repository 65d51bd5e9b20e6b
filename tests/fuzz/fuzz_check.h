// What every fuzz target checks of a Result: the promises of
// newsclean/cleaner.h that hold for any input. A broken promise traps, which
// libFuzzer reports as a crash with the input that broke it.

#ifndef NEWSCLEAN_TESTS_FUZZ_FUZZ_CHECK_H_
#define NEWSCLEAN_TESTS_FUZZ_FUZZ_CHECK_H_

#include <string>

#include "newsclean/cleaner.h"

namespace newsclean::fuzz {

// Text, title and every warning are valid UTF-8 without NUL bytes, and the
// Result serialises to JSON.
inline void check_result(const Result& r) {
  for (const std::string* s : {&r.text, &r.title}) {
    if (find_invalid_utf8(*s) != std::string::npos) __builtin_trap();
    if (s->find('\0') != std::string::npos) __builtin_trap();
  }
  for (const std::string& w : r.warnings) {
    if (find_invalid_utf8(w) != std::string::npos) __builtin_trap();
  }
  std::size_t last = 0;
  for (const Removal& x : r.removed) {
    for (const std::string* s : {&x.text, &x.path}) {
      if (find_invalid_utf8(*s) != std::string::npos) __builtin_trap();
    }
    if (x.index < last || x.index > r.stats.blocks) __builtin_trap();  // reading order
    if (x.words == 0) __builtin_trap();
    last = x.index;
  }
  if (to_json(r).empty()) __builtin_trap();
  const std::string report = explain_html(r);
  if (find_invalid_utf8(report) != std::string::npos) __builtin_trap();
  if (report.find("<script") != std::string::npos) __builtin_trap();
}

}  // namespace newsclean::fuzz

#endif  // NEWSCLEAN_TESTS_FUZZ_FUZZ_CHECK_H_
