#include "html/page_meta.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <libxml/HTMLparser.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/utf8.h"
#include "core/tuning.h"
#include "html/dom.h"
#include "html/selectors.h"

namespace newsclean {
namespace {

// JSON-LD strings are not HTML, but pages write HTML's character references
// in them ("The results? &#8216;Sobering&#8217;", "Fish &amp; Chips"):
// numeric and named references become their characters; a lone "&" stays.
std::string decode_char_refs(std::string s) {
  if (s.find('&') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t semi = s[i] == '&' ? s.find(';', i + 1) : std::string::npos;
    if (semi == std::string::npos || semi - i > 12 || semi == i + 1) {
      out.push_back(s[i++]);
      continue;
    }
    const std::string name = s.substr(i + 1, semi - i - 1);
    unsigned long cp = 0;
    if (name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string digits = name.substr(hex ? 2 : 1);
      const bool ok = !digits.empty() &&
                      digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") ==
                          std::string::npos;
      cp = ok ? std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10) : 0;
    } else if (const htmlEntityDesc* e =
                   htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
      cp = e->value;
    }
    const bool valid = cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!valid) {
      out.push_back(s[i++]);
      continue;
    }
    append_utf8(static_cast<char32_t>(cp), &out);
    i = semi + 1;
  }
  return out;
}

// Metadata as one clean line: spaces normalised and collapsed, ends trimmed.
std::string tidy(const std::string& s) {
  std::string out;
  for (char c : normalise(s).text) {
    if (c == '\n' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// schema.org types that make a page a discussion: its posts are the content.
bool is_discussion_type(std::string_view type) {
  return type == "DiscussionForumPosting";
}

// What the page's schema.org types and og:type say it is.
struct KindSignals {
  bool forum = false, product = false, listing = false, article = false;

  void add_type(std::string_view type) {
    forum = forum || type == "DiscussionForumPosting" || type == "QAPage";
    product = product || type == "Product" || type == "ProductGroup";
    listing = listing || type == "CollectionPage" || type == "SearchResultsPage";
    article = article || type.find("Article") != std::string_view::npos ||
              type == "BlogPosting" || type == "LiveBlogPosting" || type == "Report";
  }
  void add_og_type(std::string_view og) {
    product = product || og.rfind("product", 0) == 0;
    article = article || og == "article";
  }
  // A page that says it is a thread or a product is that, whatever else it
  // says (sites mark every page an article).
  PageKind kind() const {
    if (forum) return PageKind::kForum;
    if (product) return PageKind::kProduct;
    if (listing) return PageKind::kListing;
    if (article) return PageKind::kArticle;
    return PageKind::kUnknown;
  }
};

void read_json_ld(const std::string& text, PageMeta* meta, std::string* article_body,
                  bool* discussion, KindSignals* kinds) {
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return;
  std::vector<const nlohmann::json*> stack = {&doc};
  while (!stack.empty()) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (const auto& e : *j) stack.push_back(&e);
      continue;
    }
    if (!j->is_object()) continue;
    if (j->contains("@graph")) stack.push_back(&(*j)["@graph"]);
    std::string type;
    if (j->contains("@type")) {
      const auto& t = (*j)["@type"];
      type = t.is_string() ? t.get<std::string>()
                           : (t.is_array() && !t.empty() && t[0].is_string()
                                  ? t[0].get<std::string>()
                                  : "");
    }
    const auto str = [&](const char* key) -> std::string {
      if (!j->contains(key)) return {};
      const auto& v = (*j)[key];
      if (v.is_string()) return decode_char_refs(v.get<std::string>());
      if (v.is_object() && v.contains("name") && v["name"].is_string()) {
        return decode_char_refs(v["name"].get<std::string>());
      }
      if (v.is_array() && !v.empty()) {
        const auto& f = v[0];
        if (f.is_string()) return decode_char_refs(f.get<std::string>());
        if (f.is_object() && f.contains("name") && f["name"].is_string()) {
          return decode_char_refs(f["name"].get<std::string>());
        }
      }
      return {};
    };
    if (is_discussion_type(type)) *discussion = true;
    kinds->add_type(type);
    if (type == "BreadcrumbList" && meta->section.empty() && j->contains("itemListElement")) {
      const auto& items = (*j)["itemListElement"];
      if (items.is_array()) {
        for (const auto& it : items) {
          std::string name;
          if (it.contains("name") && it["name"].is_string()) {
            name = it["name"].get<std::string>();
          } else if (it.contains("item") && it["item"].is_object() &&
                     it["item"].contains("name") && it["item"]["name"].is_string()) {
            name = it["item"]["name"].get<std::string>();
          }
          if (!name.empty()) meta->section.push_back(decode_char_refs(std::move(name)));
        }
      }
    } else if (type.find("Article") != std::string::npos || type == "BlogPosting" ||
               type == "Report") {
      if (meta->title.empty()) meta->title = str("headline");
      if (meta->author.empty()) meta->author = str("author");
      if (meta->published.empty()) meta->published = str("datePublished");
      if (article_body->empty()) *article_body = str("articleBody");
    }
  }
}

}  // namespace

std::string title_without_site(const std::string& title, const std::string& site) {
  static const char* kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · "};
  for (const char* sep : kSeparators) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string head = title.substr(0, at);
    const std::string tail = title.substr(at + std::strlen(sep));
    if (!site.empty() && lower(head) == lower(site)) return tail;
    if (tail.size() < head.size()) return head;
  }
  return title;
}

PageInfo read_page_info(xmlDoc* doc) {
  PageInfo info;
  PageMeta* meta = &info.meta;
  std::string* article_body = &info.article_body;
  bool* discussion = &info.discussion;
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return info;
  meta->language = attr(root, Attr::kLang);
  std::string og_title, title_tag, h1, meta_section, time_datetime;
  KindSignals kinds;
  walk(
      root,
      [&](xmlNode* n) {
        if (!is_element(n)) return false;
        const char* tag = name_of(n);
        if (tag_is(tag, "meta")) {
          const std::string key = lower(attr(n, Attr::kProperty) + attr(n, Attr::kName) + attr(n, Attr::kItemprop));
          const std::string content = attr(n, Attr::kContent);
          if (content.empty()) return false;
          if (key == "og:title" && og_title.empty()) og_title = content;
          else if (key == "og:type") kinds.add_og_type(lower(content));
          else if (key == "og:site_name" && meta->site_name.empty()) meta->site_name = content;
          else if ((key == "author" || key == "article:author" || key == "dc.creator" ||
                    key == "sailthru.author" || key == "parsely-author") &&
                   meta->author.empty() && content.find("://") == std::string::npos) {
            meta->author = content;
          } else if ((key == "article:published_time" || key == "datepublished" ||
                      key == "date" || key == "pubdate" || key == "dc.date" ||
                      key == "parsely-pub-date" || key == "og:published_time") &&
                     meta->published.empty()) {
            meta->published = content;
          } else if (key == "article:section" && meta_section.empty()) {
            meta_section = content;
          }
          return false;
        }
        if (tag_is(tag, "link")) {
          if (lower(attr(n, Attr::kRel)) == "canonical" && meta->canonical_url.empty()) {
            meta->canonical_url = attr(n, Attr::kHref);
          }
          return false;
        }
        if (tag_is(tag, "title")) {
          if (title_tag.empty()) title_tag = text_of(n);
          return false;
        }
        if (tag_is(tag, "script")) {
          if (lower(attr(n, Attr::kType)) == "application/ld+json") {
            read_json_ld(text_of(n), meta, article_body, discussion, &kinds);
          }
          return false;
        }
        if (tag_is(tag, "h1")) {
          if (h1.empty()) h1 = text_of(n);
          return false;
        }
        if (n->properties != nullptr) {  // microdata
          std::string_view type = attr_view(n, Attr::kItemtype);
          if (!type.empty()) {
            type = type.substr(std::min(type.find_last_of('/') + 1, type.size()));
            *discussion = *discussion || is_discussion_type(type);
            // An item inside another (itemprop: an FAQ, a product in a
            // review) says what that part is, not the page.
            if (!has_attr(n, Attr::kItemprop)) kinds.add_type(type);
          }
        }
        if (tag_is(tag, "time") && time_datetime.empty()) {
          time_datetime = attr(n, Attr::kDatetime);
        }
        return true;
      },
      [](xmlNode*) {});
  info.kind = kinds.kind();
  info.declared_title = tidy(!meta->title.empty() ? meta->title
                             : !og_title.empty()  ? og_title
                                                  : title_tag);
  if (meta->title.empty()) meta->title = og_title;
  if (meta->title.empty()) meta->title = h1;
  if (meta->title.empty() && !title_tag.empty()) {
    meta->title = title_without_site(title_tag, meta->site_name);
  }
  if (meta->published.empty()) meta->published = time_datetime;
  if (meta->section.empty() && !meta_section.empty()) meta->section.push_back(meta_section);
  for (std::string* f : {&meta->title, &meta->site_name, &meta->author, &meta->published,
                         &meta->language, &meta->canonical_url}) {
    *f = tidy(*f);
  }
  for (std::string& seg : meta->section) seg = tidy(seg);
  meta->section.erase(std::remove(meta->section.begin(), meta->section.end(), std::string()),
                      meta->section.end());
  return info;
}

void read_rule_meta(xmlDoc* doc, const HtmlRules& rules, const PageUrl& url, PageMeta* meta) {
  bool title = false, author = false, published = false;  // set by a rule already
  for (const Rule* r : rules.meta) {
    bool* done = r->field == Field::kTitle    ? &title
                 : r->field == Field::kAuthor ? &author
                                              : &published;
    if (*done || !r->in_scope(url.host)) continue;
    std::string text = tidy(xpath_text(doc, r->xpath));
    if (text.empty() || text.size() > tuning::kMaxRuleMetaBytes) continue;
    *done = true;
    (r->field == Field::kTitle    ? meta->title
     : r->field == Field::kAuthor ? meta->author
                                  : meta->published) = std::move(text);
  }
}

}  // namespace newsclean
