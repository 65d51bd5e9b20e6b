// Cleaning one document (a text file, a JSONL record or a WET page) and
// formatting what it produces: the output bytes and the --explain lines.
// Runs on worker threads; the cleaning itself is newsclean::Cleaner::clean.
//
// A WET page (a WARC `conversion` record) becomes one JSON line: "url" (its
// WARC-Target-URI), "source" (the input's name), "record" (its number in the
// file, every record counted), then the Result's keys as --json writes them
// ("text" the cleaned text, "title", ..., "input_kind", "removed", ...).
// Python's newsclean.wet.wet_records() yields the same objects.

#ifndef NEWSCLEAN_CLI_DOCUMENT_H_
#define NEWSCLEAN_CLI_DOCUMENT_H_

#include <string>

#include "inputs.h"
#include "newsclean/cleaner.h"

namespace newsclean::cli {

struct DocumentOptions {
  std::string text_field = "text";    // JSONL: where the text is
  std::string url_field = "url";      // JSONL: where the URL is, if anywhere
  std::string output_field = "text";  // JSONL: where the result goes
  std::string url;   // text input (and JSONL records without a URL)
  bool json = false;     // the whole Result instead of the text
  bool explain = false;  // list removed blocks on stderr
  // How to read text files and JSONL text fields (HTML files are HTML).
  newsclean::Format content = newsclean::Format::kAuto;
};

// Cleans a kDoc item that has not failed, in place: fills item->output,
// item->explain and item->warnings, or sets item->failed and item->error for
// a bad JSONL record. Frees item->data unless the item failed (the errors
// file keeps the record). WET pages are cleaned with `page_cleaner` (by
// default the same options with input kind "page": a WET page is a whole
// page as text), everything else with `cleaner`. Never throws.
void process_item(const Input& input, const Cleaner& cleaner, const Cleaner& page_cleaner,
                  const DocumentOptions& options, Item* item) noexcept;

// "PATH", "PATH:LINE" or, for a WARC record, "PATH: record N": the prefix of
// every message about the item.
std::string location(const Input& input, const Item& item);

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_DOCUMENT_H_
