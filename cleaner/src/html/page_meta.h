// What a page says about itself: <meta>, <title>, <h1>, JSON-LD and
// microdata.
#ifndef NEWSCLEAN_SRC_HTML_PAGE_META_H_
#define NEWSCLEAN_SRC_HTML_PAGE_META_H_

#include <string>

#include <libxml/tree.h>

#include "core/document.h"
#include "core/page_url.h"

namespace newsclean {

struct PageInfo {
  PageMeta meta;             // title, author, dates, ... each tidied to one line
  std::string article_body;  // JSON-LD articleBody, as the page gives it
  bool discussion = false;   // a forum thread (schema.org
                             // DiscussionForumPosting, in JSON-LD or microdata)
  PageKind kind = PageKind::kUnknown;  // what its schema.org types and og:type say
  // The title the page gives in its head (JSON-LD headline, og:title, else
  // <title> with the site's name), never one read from its body (<h1>).
  std::string declared_title;
};

// Reads the page's metadata. The title is the first of JSON-LD headline,
// og:title, the first <h1>, and <title> without the site's name.
PageInfo read_page_info(xmlDoc* doc);

struct HtmlRules;

// Fills `meta`'s title, author and published from the metadata rules
// (`action: metadata` with an xpath) in scope for `url`: the first rule that
// gives text, per field, over what the page said.
void read_rule_meta(xmlDoc* doc, const HtmlRules& rules, const PageUrl& url, PageMeta* meta);

// Splits "Story title | Site" and keeps the story part.
std::string title_without_site(const std::string& title, const std::string& site);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_PAGE_META_H_
