#include "html/image_texts.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "core/tuning.h"

namespace newsclean {
namespace {

using tuning::kImageTextMaxChars;
using tuning::kImageTextMinChars;

// Parts of a page whose images are not pictures of anything (menus, forms,
// buttons, drawings).
// (Asked of every element on the way: by first letter, then by name.)
bool skipped_tag(const char* tag) {
  const auto is = [tag](const auto& name) { return tag_is(tag, name); };
  switch (tag[0]) {
    case 'b': return is("button");
    case 'f': return is("form");
    case 'h': return is("head");
    case 'i': return is("iframe");
    case 'l': return is("label");
    case 'm': return is("menu");
    case 'n': return is("nav") || is("noscript");
    case 's': return is("select") || is("svg") || is("script") || is("style");
    case 't': return is("template");
    default: return false;
  }
}

// A class, id or itemprop that says caption, credit or legend.
bool captionish(const xmlNode* n) {
  // By first letter: one pass over each value, not one per word.
  static constexpr std::string_view kWords[] = {
      "caption", "credit", "copyright", "legend", "phototext", "photo-text", "imagetext",
      "image-text", "bildunterschrift", "bildtext"};
  const auto starts_word = [](std::string_view v, std::size_t at) {
    for (const std::string_view w : kWords) {
      if (w[0] != ascii_lower(v[at]) || v.size() - at < w.size()) continue;
      std::size_t k = 1;
      while (k < w.size() && ascii_lower(v[at + k]) == w[k]) ++k;
      if (k == w.size()) return true;
    }
    return false;
  };
  for (const Attr a : {Attr::kClass, Attr::kId, Attr::kItemprop}) {
    const std::string_view v = attr_view(n, a);
    for (std::size_t i = 0; i < v.size(); ++i) {
      switch (ascii_lower(v[i])) {
        case 'c': case 'l': case 'p': case 'i': case 'b':
          if (starts_word(v, i)) return true;
          break;
        default:
          break;
      }
    }
  }
  return false;
}

// An alt text that names no picture: a file name, one word such as
// "image" or "logo".
bool empty_alt(std::string_view alt) {
  static const std::unordered_set<std::string> kWords = {
      "image", "img", "photo", "picture", "foto", "bild", "logo", "icon", "thumbnail",
      "banner", "placeholder", "avatar", "null", "undefined", "default"};
  std::string low;
  for (const char c : alt) low.push_back(ascii_lower(c));
  if (kWords.count(low)) return true;
  for (const char* ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"}) {
    const std::size_t n = std::strlen(ext);
    if (low.size() > n && low.compare(low.size() - n, n, ext) == 0) return true;
  }
  return low.find(' ') == std::string::npos &&
         low.find_first_of("_0123456789") != std::string::npos;  // IMG_2041, dsc-0012
}

// An href that leads to another page than `url`'s (a lightbox link to
// the picture itself does not).
bool elsewhere(std::string_view href, const PageUrl& url) {
  href = trim_spaces(href);
  if (href.empty() || href[0] == '#' || href.substr(0, 11) == "javascript:" ||
      href.substr(0, 7) == "mailto:") {
    return false;
  }
  std::string_view path = href.find("://") != std::string_view::npos || href.substr(0, 2) == "//"
                              ? url_path(href)
                              : href.substr(0, href.find_first_of("?#"));
  std::string low;
  for (const char c : path) low.push_back(ascii_lower(c));
  for (const char* ext : {".jpg", ".jpeg", ".png", ".gif", ".webp"}) {
    const std::size_t n = std::strlen(ext);
    if (low.size() > n && low.compare(low.size() - n, n, ext) == 0) return false;
  }
  const auto bare = [](std::string_view p) {
    while (!p.empty() && p.back() == '/') p.remove_suffix(1);
    return p;
  };
  if (url.url.empty()) return true;
  const bool other_host = href.find("://") != std::string_view::npos &&
                          host_of(href) != url.host;
  return other_host || bare(path) != bare(url.path);
}

class Finder {
 public:
  Finder(PageState& st, xmlNode* body, const std::vector<ContentSpan>& content,
         const std::vector<Block>& blocks)
      : st_(st), body_(body), content_(content), blocks_(blocks) {
    for (const Removed& r : st.removals) stood_at_.emplace(r.node, r.placeholder);
  }

  // Every image below `root`, which stood before block `index`; the
  // removals inside it after.
  void visit(xmlNode* root, std::size_t index, const char* position) {
    std::vector<const Removed*> inside;
    walk(
        root,
        [&](xmlNode* n) {
          if (const Removed* r = st_.removal_at(n)) {
            inside.push_back(r);
            return false;
          }
          if (!is_element(n)) return false;
          const char* tag = name_of(n);
          if (skipped_tag(tag) || is_ignored_tag(tag)) return false;
          if (tag_is(tag, "img")) {
            const auto at = st_.image_blocks.find(n);
            image(n, at != st_.image_blocks.end() ? at->second : index, position);
          }
          return true;
        },
        [](xmlNode*) {});
    for (const Removed* r : inside) {
      visit(r->node, r->index == Removed::kUnplaced ? index : r->index, "stripped");
    }
  }

  std::vector<ImageText> take() {
    std::stable_sort(out_.begin(), out_.end(),
                     [](const ImageText& a, const ImageText& b) { return a.index < b.index; });
    return std::move(out_);
  }

 private:
  // The parent of `n`, or for the top of a removed subtree the parent of
  // its placeholder; null at <body> or above.
  xmlNode* up(xmlNode* n) const {
    xmlNode* p = n->parent;
    if (p == nullptr) {
      const auto at = stood_at_.find(n);
      if (at == stood_at_.end()) return nullptr;
      p = at->second->parent;
    }
    return p == nullptr || p == body_ || !is_element(p) ? nullptr : p;
  }

  // The text below `n` (blocks apart), read to just past `limit` bytes.
  const std::string& text(xmlNode* n) {
    const auto known = texts_.find(n);
    if (known != texts_.end()) return known->second;
    std::string out;
    const std::size_t limit = kImageTextMaxChars * 4;
    walk(
        n,
        [&](xmlNode* c) {
          if (out.size() > limit) return false;
          if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            append_collapsed(c->content, &out);
            return false;
          }
          if (!is_element(c)) return false;
          const char* tag = name_of(c);
          if (skipped_tag(tag) || is_ignored_tag(tag)) return false;
          if (is_block_tag(tag) || tag_is(tag, "br")) out.push_back(' ');
          return true;
        },
        [&](xmlNode* c) {
          if (is_element(c) && (is_block_tag(name_of(c)) || one_of(name_of(c), {"td", "th"}))) {
            out.push_back(' ');
          }
        });
    return texts_.emplace(n, std::string(trim_spaces(normalise(out).text))).first->second;
  }

  static std::size_t chars(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }

  // The image's nearest ancestor that holds text, when that text is short;
  // else null.
  xmlNode* small_container(xmlNode* img) {
    for (xmlNode* a = up(img); a != nullptr; a = up(a)) {
      const std::size_t n = chars(text(a));
      if (n >= kImageTextMinChars) return n <= kImageTextMaxChars ? a : nullptr;
    }
    return nullptr;
  }

  // True if the image links, or its card (`container`) does, to another page.
  bool links_elsewhere(xmlNode* img, xmlNode* container) const {
    for (xmlNode* a = up(img); a != nullptr; a = up(a)) {
      if (is_tag(a, "a")) return elsewhere(attr_view(a, Attr::kHref), st_.url);
      if (a == container) break;
    }
    if (container == nullptr) return false;
    bool found = false;
    walk(
        container,
        [&](xmlNode* c) {
          if (found || !is_element(c)) return false;
          if (is_tag(c, "a") && has_attr(c, Attr::kHref)) {
            found = elsewhere(attr_view(c, Attr::kHref), st_.url);
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
    return found;
  }

  // The first caption-like element below `scope` (the image aside) with a
  // text of a caption's length.
  xmlNode* caption_element(xmlNode* scope, xmlNode* img) {
    const auto known = caption_in_.find(scope);
    if (known != caption_in_.end()) return known->second;
    xmlNode* found = nullptr;
    walk(
        scope,
        [&](xmlNode* c) {
          if (found != nullptr || !is_element(c) || c == img) return false;
          if (c != scope && captionish(c)) {
            const std::size_t n = chars(text(c));
            if (n >= kImageTextMinChars && n <= kImageTextMaxChars) found = c;
            return false;
          }
          return !skipped_tag(name_of(c));
        },
        [](xmlNode*) {});
    caption_in_.emplace(scope, found);
    return found;
  }

  // True if `n` is inside a caption element the rules made a block of.
  bool in_caption_block(xmlNode* n) const {
    for (xmlNode* a = n; a != nullptr; a = up(a)) {
      if (st_.is_caption(a)) return true;
    }
    return false;
  }


 public:
  // Gives image `img`, which stood before block `index` at `position`
  // ("story", "outside", "stripped"), its text if it has one.
  void image(xmlNode* img, std::size_t index, const char* position) {
    for (xmlNode* a = up(img); a != nullptr; a = up(a)) {
      if (skipped_tag(name_of(a))) return;
    }
    const bool story = std::strcmp(position, "story") == 0;
    xmlNode* el = nullptr;
    const char* kind = "";
    for (xmlNode* a = up(img); a != nullptr && el == nullptr; a = up(a)) {
      if (!is_tag(a, "figure")) continue;
      walk(
          a,
          [&](xmlNode* c) {
            if (el != nullptr || !is_element(c)) return false;
            if (is_tag(c, "figcaption")) {
              if (!text(c).empty()) el = c;
              return false;
            }
            return true;
          },
          [](xmlNode*) {});
      break;
    }
    if (el != nullptr) kind = "figcaption";
    xmlNode* container = small_container(img);
    if (el == nullptr) {
      xmlNode* scope = container != nullptr ? container : up(img);
      if (scope != nullptr && (el = caption_element(scope, img)) != nullptr) kind = "class";
    }
    if (el == nullptr && container != nullptr) {
      el = container;
      kind = "container";
    }
    ImageText t;
    if (el != nullptr) {
      if (story && in_caption_block(el)) return;  // a caption block already
      t.text = text(el);
    } else {
      std::string alt(trim_spaces(normalise(attr(img, Attr::kAlt)).text));
      if (alt.empty()) alt = std::string(trim_spaces(normalise(attr(img, Attr::kTitle)).text));
      if (chars(alt) < kImageTextMinChars || empty_alt(alt)) return;
      if (alt.size() > kImageTextMaxChars * 4) alt.resize(kImageTextMaxChars * 4);
      t.text = std::move(alt);
      kind = "alt";
    }
    const std::size_t n = chars(t.text);
    if (n < kImageTextMinChars || n > kImageTextMaxChars) return;
    std::string key;
    for (const char c : t.text) key.push_back(ascii_lower(c));
    if (!seen_.insert(std::move(key)).second) return;  // a gallery's text twice, a lazy twin
    t.kind = kind;
    t.position = position;
    t.index = index;
    t.links_elsewhere = links_elsewhere(img, std::strcmp(kind, "container") == 0 ? el : nullptr);
    if (story && std::strcmp(kind, "container") == 0) {
      // A card among the story's paragraphs: only one that leads elsewhere,
      // and never a paragraph holding an inline picture.
      if (!t.links_elsewhere || is_tag(el, "p")) return;
      blocks_of(&t);
    }
    out_.push_back(std::move(t));
  }

 private:
  // The run of blocks near t->index whose texts are parts of t->text.
  void blocks_of(ImageText* t) const {
    const std::size_t from = t->index > kNear ? t->index - kNear : 0;
    const std::size_t to = std::min(blocks_.size(), t->index + kNear);
    std::size_t first = to, end = to;
    for (std::size_t i = from; i < to; ++i) {
      const bool part = !blocks_[i].text.empty() && t->text.find(blocks_[i].text) != std::string::npos;
      if (part && first == to) first = i;
      if (part) end = i + 1;
      if (!part && first != to && i >= t->index) break;
      if (!part && first != to && i < t->index) first = end = to;  // not a run up to the image
    }
    if (first < end) {
      t->first_block = first;
      t->end_block = end;
    }
  }

  static constexpr std::size_t kNear = 4;  // blocks either side of an image its card may give

  PageState& st_;
  xmlNode* const body_;
  const std::vector<ContentSpan>& content_;
  const std::vector<Block>& blocks_;
  std::unordered_map<const xmlNode*, xmlNode*> stood_at_;  // removed subtree -> placeholder
  std::unordered_map<const xmlNode*, std::string> texts_;
  std::unordered_map<const xmlNode*, xmlNode*> caption_in_;  // scope -> its caption element
  std::unordered_set<std::string> seen_;
  std::vector<ImageText> out_;

};

}  // namespace

std::vector<ImageText> find_image_texts(PageState& st, xmlNode* body,
                                        const std::vector<ContentSpan>& content,
                                        const std::vector<Block>& blocks) {
  Finder finder(st, body, content, blocks);
  for (const ContentSpan& s : content) {
    for (const xmlNode* p = body; p != nullptr; p = p->parent) {
      if (p == s.node) {  // all of the page is content
        finder.visit(body, 0, "story");
        return finder.take();
      }
    }
  }
  std::size_t emitted = 0;  // blocks before the walk's place
  std::vector<std::pair<xmlNode*, std::size_t>> later;  // removals met outside
  walk(
      body,
      [&](xmlNode* n) {
        if (n == body) return true;
        if (const Removed* r = st.removal_at(n)) {
          later.emplace_back(r->node, r->index == Removed::kUnplaced ? emitted : r->index);
          return false;
        }
        if (!is_element(n)) return false;
        for (const ContentSpan& s : content) {
          if (s.node == n) {
            finder.visit(n, s.begin, "story");
            emitted = s.end;
            return false;
          }
        }
        if (tag_is(name_of(n), "img")) finder.image(n, emitted, "outside");
        return !skipped_tag(name_of(n)) && !is_ignored_tag(name_of(n));
      },
      [](xmlNode*) {});
  for (const auto& [node, index] : later) finder.visit(node, index, "stripped");
  return finder.take();
}

}  // namespace newsclean
