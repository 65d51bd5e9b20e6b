// Assemble: the Result of one document, from its blocks and decisions.
// Also the engine's entry: hits -> regions -> decide -> assemble.
#ifndef NEWSCLEAN_SRC_ENGINE_ASSEMBLE_H_
#define NEWSCLEAN_SRC_ENGINE_ASSEMBLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/page_url.h"
#include "engine/decide.h"
#include "newsclean/options.h"
#include "newsclean/result.h"
#include "rules/match.h"

namespace newsclean {

// "“Quoted headline”" -> "Quoted headline" (one pair of quotes, and spaces).
std::string strip_quotes(std::string_view s);

// "Home > News / Politics" -> {"Home", "News", "Politics"}.
std::vector<std::string> split_breadcrumb(std::string_view s);

// Fills `r` (text, title, section, metadata, captions, removed, stats) from
// the document and its decisions. The title is the page's own (HTML
// metadata) or else the text of a `field: title` block; captions are judged
// against that title and the kept blocks.
void assemble(const std::vector<Rule>& rules, const Options& options, Document doc,
              const std::vector<Decision>& decisions, Result* r);

// Runs the text rules over `doc` and assembles the Result.
void run_engine(const RuleMatcher& matcher, const Options& options, Document doc,
                const PageUrl& url, Result* r);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_ENGINE_ASSEMBLE_H_
