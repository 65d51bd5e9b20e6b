// Document: what a front end (text or HTML) hands to the engine.
#ifndef NEWSCLEAN_SRC_CORE_DOCUMENT_H_
#define NEWSCLEAN_SRC_CORE_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/block.h"

namespace newsclean {
struct Rule;  // rules/rule.h
}  // namespace newsclean

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

// What a page says it is (schema.org types, og:type); kUnknown when it
// does not say, and for text.
enum class PageKind { kUnknown, kArticle, kForum, kProduct, kListing };

// "article", "forum", "product", "listing", or "" for kUnknown.
inline const char* to_string(PageKind k) {
  switch (k) {
    case PageKind::kArticle: return "article";
    case PageKind::kForum: return "forum";
    case PageKind::kProduct: return "product";
    case PageKind::kListing: return "listing";
    case PageKind::kUnknown: break;
  }
  return "";
}

// Whether text input is a whole page as text (Options::input_kind).
enum class PageText {
  kNo,       // an extractor's output (or HTML input)
  kGuessed,  // by its shape (InputKind::kAuto)
  kStated,   // the caller said so (InputKind::kPage)
};

// Text of an HTML page that is not in the blocks: an element an HTML rule
// stripped, or a part of the page outside the chosen content. Never empty.
struct ElementRemoval {
  std::size_t index = 0;  // the block it stood before (blocks.size(): after all)
  std::string text;       // normalised; whole unless `cut`
  bool cut = false;       // text is a beginning only (the rest was not read)
  std::size_t words = 0;  // words of the whole text
  int rule = -1;          // the HTML rule (an index into the rules), or -1:
  const char* reason = "";  // the extractor's reason ("outside-content", ...)
  const Rule* site_rule = nullptr;  // or a site pack's rule (not in the rules)
  std::string path;       // "body/div[2]/aside.related"
};

// A text bound to an image of an HTML page (html/image_texts.h) that is not
// a caption block already: judged by the engine as a caption.
struct ImageText {
  std::string text;           // normalised
  std::size_t index = 0;      // the block it stood before
  const char* kind = "";      // "figcaption", "class", "container", "alt"
  const char* position = "";  // "story", "outside", "stripped"
  bool links_elsewhere = false;  // the image or its card links to another page
  // A caption of the story in the text (a card's text inside the content):
  // the blocks [first_block, end_block) are its text.
  std::size_t first_block = 0;
  std::size_t end_block = 0;
};

struct Document {
  bool html = false;          // read as HTML (else plain text)
  // The content in reading order. From HTML, elements an HTML rule with
  // `caption: true` names (figcaption, ...) are blocks with decided_by set.
  std::vector<Block> blocks;
  // HTML only: what left the page before the blocks, in reading order.
  std::vector<ElementRemoval> removed;
  // HTML only: texts bound to images that are not caption blocks, in
  // reading order.
  std::vector<ImageText> image_texts;
  PageMeta meta;              // HTML only
  bool discussion = false;    // a forum thread (HTML only)
  PageKind kind = PageKind::kUnknown;
  // Text input that is a whole page (menus, footers and all), not an
  // extractor's output: Feature::kPageChrome acts on it.
  PageText page_text = PageText::kNo;
  std::vector<std::string> warnings;
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_DOCUMENT_H_
