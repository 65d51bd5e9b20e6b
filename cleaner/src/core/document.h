// Document: what a front end (text or HTML) hands to the engine.
#ifndef NEWSCLEAN_SRC_CORE_DOCUMENT_H_
#define NEWSCLEAN_SRC_CORE_DOCUMENT_H_

#include <string>
#include <vector>

#include "core/block.h"

namespace newsclean {

// What a page says about itself, each field only when the page has it.
struct PageMeta {
  std::string title;
  std::string site_name;
  std::string author;
  std::string published;
  std::string language;
  std::string canonical_url;
  std::vector<std::string> section;  // from a schema.org BreadcrumbList or article:section
};

struct Document {
  bool html = false;          // read as HTML (else plain text)
  // The content in reading order. From HTML, elements an HTML rule with
  // `caption: true` names (figcaption, ...) are blocks with decided_by set.
  std::vector<Block> blocks;
  PageMeta meta;              // HTML only
  bool discussion = false;    // a forum thread or Q&A page (HTML only)
  std::vector<std::string> warnings;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_DOCUMENT_H_
