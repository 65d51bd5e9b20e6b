// libFuzzer target: loading an arbitrary rules file (YAML, schema, RE2
// patterns, XPath) on its own; when it loads, the rules are run over a short
// text and a short page, and its examples are run. (Not merged with the
// built-in rules: compiling those takes most of a second per input under the
// sanitizers, which would leave the fuzzer a few executions a second.)

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "newsclean/cleaner.h"

namespace {

constexpr const char* kText =
    "News / Politics\n"
    "The council voted on Tuesday to extend the night bus service.\n"
    "Photo: Jane Doe (AFP)\n"
    "Follow us on Twitter and Facebook\n";
constexpr const char* kPage =
    "<html><head><title>Bus</title></head><body><nav>Home | News</nav>"
    "<article><h1>Bus</h1><p>The council voted on Tuesday to extend the night "
    "bus service.</p><figure><figcaption>Photo: AFP</figcaption></figure></article>"
    "<footer class=\"site-footer\">Follow us</footer></body></html>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  newsclean::Options options;
  options.no_default_rules = true;
  newsclean::Cleaner cleaner;
  const newsclean::Status status = newsclean::Cleaner::create(
      {newsclean::RuleSource::from_string(yaml, "fuzz.yaml")}, options, &cleaner);
  if (!status.ok()) {
    if (status.message().empty()) __builtin_trap();  // an error always says why
    return 0;
  }
  newsclean::fuzz::check_result(
      cleaner.clean(kText, "https://www.example.com/a", newsclean::Format::kText));
  newsclean::fuzz::check_result(
      cleaner.clean(kPage, "https://www.example.com/a", newsclean::Format::kHtml));
  (void)cleaner.rules();
  newsclean::ExampleReport report;
  (void)newsclean::test_rule_examples(
      newsclean::RuleSource::from_string(yaml, "fuzz.yaml"), &report);
  return 0;
}
