#include "html/page_kind.h"

#include "core/tuning.h"
#include "html/dom.h"

namespace newsclean {

ContentShape content_shape(PageState& st, const std::vector<xmlNode*>& content) {
  ContentShape shape;
  for (xmlNode* c : content) {
    if (!PageState::measured(c)) continue;
    const NodeStats& whole = st.stats(c);
    shape.text += whole.text;
    shape.prose += whole.prose;
    shape.paragraphs += whole.paragraphs;
    walk(
        c,
        [&](xmlNode* n) {
          if (!is_element(n)) return false;
          if (!one_of(name_of(n), {"h2", "h3", "h4", "h5", "h6"})) return true;
          ++shape.headings;
          const NodeStats& s = st.stats(n);
          if (s.text > 0 && s.links * 2 > s.text) ++shape.linked_headings;
          return false;
        },
        [](xmlNode*) {});
  }
  return shape;
}

bool story_address(const PageUrl& url) {
  return !url.slug.empty() || has_article_number(url.path);
}

bool story_shaped(const ContentShape& shape) {
  return shape.paragraphs >= tuning::kKindStoryParagraphs && shape.prose * 2 >= shape.text &&
         shape.linked_headings < tuning::kKindStoryCardHeadings;
}

PageKind checked_kind(PageKind claimed, const PageUrl& url, const ContentShape& shape) {
  // Without an address (or with a name that is not one) nothing is known.
  if (url.url.find("://") == std::string::npos) return claimed;
  if (claimed == PageKind::kUnknown) {
    return story_address(url) && story_shaped(shape) ? PageKind::kArticle : claimed;
  }
  if (claimed != PageKind::kArticle || story_address(url)) return claimed;
  const bool cards = shape.linked_headings >= tuning::kKindCardHeadings &&
                     shape.linked_headings * 2 >= shape.headings;
  return cards ? PageKind::kListing : claimed;
}

}  // namespace newsclean
