// Result: what cleaning one document gives, and how to read the input.
// Part of the public API; include <newsclean/cleaner.h>.
#ifndef NEWSCLEAN_RESULT_H_
#define NEWSCLEAN_RESULT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace newsclean {

// A photo caption found in the input.
struct Caption {
  std::string text;
  double score = 0;      // relevance to the story, 0 (none) .. 1
  bool related = false;  // score >= Options::caption_threshold
  std::size_t index = 0; // block index in the input
  std::string rule;      // id of the rule that recognised it
};

// One block that is not in Result::text.
struct Removal {
  std::size_t index = 0;  // block index in the input (0-based)
  std::string text;       // the block, normalised
  std::string rule;       // id of the rule that removed it
  std::string category;   // the rule's category, e.g. "footer"
};

struct Stats {
  std::size_t blocks = 0;     // blocks in the input
  std::size_t kept = 0;       // blocks in Result::text
  std::size_t removed = 0;    // blocks in Result::removed
  std::size_t bytes_in = 0;   // size of the input
  std::size_t bytes_out = 0;  // size of Result::text
};

struct Result {
  std::string text;                  // kept blocks joined by '\n' (no final newline)
  std::string title;                 // the headline (text: found in the head;
                                     // HTML: og:title, JSON-LD, h1 or <title>)
  std::vector<std::string> section;  // breadcrumb segments, e.g. {"News", "Politics"}
  // HTML only, each "" when the page does not say:
  std::string author;
  std::string published;             // as the page gives it (usually ISO 8601)
  std::string site_name;
  std::string language;              // <html lang>
  std::string canonical_url;
  std::string format;                // "text" or "html": how the input was read
  std::string kind;                  // what the page says it is: "article", "forum",
                                     // "product", "listing" (schema.org types,
                                     // og:type), or "" when it does not say (and text)
  std::string input_kind;            // "html"; for text, "extract" (an extractor's
                                     // output) or "page" (a whole page as text)
  std::vector<Caption> captions;     // in input order
  std::vector<Removal> removed;      // in input order
  Stats stats;
  std::vector<std::string> warnings;  // odd input that was repaired
};

// The Result as one line of JSON (UTF-8, no newline), with every key always
// present, in this order: text, title, section, author, published,
// site_name, language, canonical_url (each "" when the page does not say),
// format, kind, input_kind, captions [{text, score, related, index, rule}], removed [{index,
// text, rule, category}], stats {blocks, kept, removed, bytes_in,
// bytes_out}, warnings. The CLI's --json output and Python's
// Result.to_dict() are this object.
std::string to_json(const Result& result);

}  // namespace newsclean

#endif  // NEWSCLEAN_RESULT_H_
