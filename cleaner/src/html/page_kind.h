// The kind the engine reads a page as: what the page says (page_meta's
// PageKind), checked against the content chosen for it. Many pages say
// "article" when they are not one: a CMS gives og:type article to its
// section fronts, tag pages, documentation and service pages alike. The
// article-only mechanisms (trim_tail's repeated items and short-story
// branch, tail_links, the engine's rules with `page_kinds: [article]`)
// would cut such a page's cards, link lists and code as a story's tail.
#ifndef NEWSCLEAN_SRC_HTML_PAGE_KIND_H_
#define NEWSCLEAN_SRC_HTML_PAGE_KIND_H_

#include <vector>

#include "core/document.h"
#include "html/page_state.h"

namespace newsclean {

// What the chosen content holds that tells a listing from a story.
struct ContentShape {
  std::size_t text = 0;             // characters
  std::size_t prose = 0;            // of which in scored paragraphs, outside links
  std::size_t paragraphs = 0;       // scored paragraphs
  std::size_t headings = 0;         // <h2>..<h6>
  std::size_t linked_headings = 0;  // of which mostly a link: a card's title
};

// The shape of `content` (measured elements: after measure()).
ContentShape content_shape(PageState& st, const std::vector<xmlNode*>& content);

// True if `url`'s path has the shape of a story's address: a slug of
// kSlugMinWords words or an article number (kArticleIdDigits digits).
// A section, a tag, a category, a manual's chapter ("/docs/install",
// "/news/", "/recipes/dinner/") has neither.
bool story_address(const PageUrl& url);

// True if `shape` is a headed story's: kKindStoryParagraphs scored
// paragraphs or more, their prose half of its text or more, fewer than
// kKindStoryCardHeadings linked headings.
bool story_shaped(const ContentShape& shape);

// The kind the engine reads a page as. A page that says it is an article,
// at an address that is not a story's, whose content is a run of cards
// (kKindCardHeadings or more headings that are mostly a link, half of its
// headings or more: a section front, a tag page, a manual's index) is read
// as a listing. A page that does not say, at a story's address, whose
// content is story_shaped is read as an article. Any other
// claim stands; a page without an address keeps its claim.
PageKind checked_kind(PageKind claimed, const PageUrl& url, const ContentShape& shape);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_PAGE_KIND_H_
