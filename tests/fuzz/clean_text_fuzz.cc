// libFuzzer target: Cleaner::clean on arbitrary bytes read as plain text,
// with the built-in rules and a URL that selects site-scoped rules.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "newsclean/cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const newsclean::Cleaner cleaner;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  newsclean::fuzz::check_result(
      cleaner.clean(input, "https://www.example.com/news/1", newsclean::Format::kText));
  return 0;
}
