// libFuzzer target: the CLI's WARC reader (cleaner/cli/warc.h) on arbitrary
// bytes (what gunzip gives), handed over in pieces whose size the first byte
// chooses. Every call must end: a reader that returns more events than there
// are bytes is stuck.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "warc.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t piece = 1 + data[0] % 64;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t at = 0;
  newsclean::cli::WarcReader reader([&](std::string* buf) {
    if (at >= input.size()) return false;
    const std::size_t n = std::min(piece, input.size() - at);
    buf->append(input, at, n);
    at += n;
    return true;
  });
  newsclean::cli::WarcRecord record;
  std::size_t number = 0;
  std::string error;
  for (std::size_t events = 0;; ++events) {
    if (events > input.size() + 1) std::abort();  // stuck
    const auto next = reader.next(&record, &number, &error);
    if (next == newsclean::cli::WarcReader::Next::kEnd) break;
    if (number != events + 1) std::abort();  // records are numbered in order
    if (next == newsclean::cli::WarcReader::Next::kRecord && record.body.size() > input.size()) {
      std::abort();
    }
  }
  return 0;
}
