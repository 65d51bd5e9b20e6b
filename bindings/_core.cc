// newsclean._core: type adaptation only. The Pythonic surface (rule sources,
// pickling, defaults) is in newsclean/__init__.py; all cleaning is in the
// library.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

#include "newsclean/cleaner.h"

namespace py = pybind11;
using namespace pybind11::literals;

namespace {

using newsclean::Caption;
using newsclean::Cleaner;
using newsclean::Options;
using newsclean::Removal;
using newsclean::Result;
using newsclean::RuleSource;
using newsclean::Stats;

// A dict of pairs (Stats.removed_by_category) back to its C++ list.
template <class V>
V py_to(const py::handle& v) {
  if (py::isinstance<py::dict>(v)) return py::cast<V>(py::list(v.attr("items")()));
  return v.cast<V>();
}

// One list of a struct's fields gives its read-only properties (with their
// docstrings), to_dict() and pickling (__getstate__ is that dict, __setstate__
// a default-constructed object given the dict's values): a field added to the
// list is in all three. Nested values (Result.captions, Result.stats) pickle
// as the objects they are.
template <class T>
class Fields {
 public:
  explicit Fields(py::class_<T>& cls) : cls_(cls), list_(std::make_shared<List>()) {}

  template <class V>
  Fields& add(const char* name, V T::*member, const char* doc) {
    cls_.def_readonly(name, member, doc);
    list_->push_back({name, [member](const T& t) { return py::cast(t.*member); },
                      [member](T& t, const py::handle& v) { t.*member = v.cast<V>(); }});
    return *this;
  }

  // A field given to Python as `Py` (e.g. a list of pairs as a dict).
  template <class Py, class V>
  Fields& add_as(const char* name, V T::*member, const char* doc) {
    cls_.def_property_readonly(
        name, [member](const T& t) { return Py(py::cast(t.*member)); }, doc);
    list_->push_back({name, [member](const T& t) { return Py(py::cast(t.*member)); },
                      [member](T& t, const py::handle& v) { t.*member = py_to<V>(v); }});
    return *this;
  }

  // Defines __getstate__/__setstate__ and, unless the class has its own,
  // to_dict().
  void finish(bool to_dict = true) {
    std::shared_ptr<const List> list = list_;
    auto state = [list](const T& t) {
      py::dict d;
      for (const Entry& e : *list) d[py::str(e.name)] = e.get(t);
      return d;
    };
    if (to_dict) cls_.def("to_dict", state, "The fields as a dict (the same keys as in to_json).");
    const std::string type = py::str(cls_.attr("__name__"));
    cls_.def(py::pickle(state, [list, type](const py::dict& d) {
      T t;
      for (const auto& [key, value] : d) {
        const std::string name = py::str(key);
        auto e = std::find_if(list->begin(), list->end(),
                              [&](const Entry& x) { return x.name == name; });
        if (e == list->end()) throw py::value_error(type + " has no field '" + name + "'");
        e->set(t, value);
      }
      return t;
    }));
  }

 private:
  struct Entry {
    std::string name;
    std::function<py::object(const T&)> get;
    std::function<void(T&, const py::handle&)> set;
  };
  using List = std::vector<Entry>;
  py::class_<T>& cls_;
  std::shared_ptr<List> list_;
};

Cleaner make_cleaner(const std::vector<std::pair<std::string, std::string>>& sources,
                     bool keep_related_captions, double caption_threshold,
                     std::vector<std::string> disable, bool defaults,
                     const std::string& input_kind, const std::string& text_format,
                     std::size_t removed_text_chars, const std::string& site_pack) {
  std::vector<RuleSource> rs;
  for (const auto& [name, yaml] : sources) rs.push_back(RuleSource::from_string(yaml, name));
  Options o;
  o.keep_related_captions = keep_related_captions;
  o.caption_threshold = caption_threshold;
  o.disable = std::move(disable);
  o.no_default_rules = !defaults;
  o.removed_text_chars = removed_text_chars;
  o.site_pack = site_pack;
  if (input_kind == "auto") {
    o.input_kind = newsclean::InputKind::kAuto;
  } else if (input_kind == "extract") {
    o.input_kind = newsclean::InputKind::kExtract;
  } else if (input_kind == "page") {
    o.input_kind = newsclean::InputKind::kPage;
  } else {
    throw py::value_error("input_kind must be 'auto', 'extract' or 'page', not '" + input_kind +
                          "'");
  }
  if (text_format == "markdown") {
    o.text_format = newsclean::TextFormat::kMarkdown;
  } else if (text_format != "plain") {
    throw py::value_error("text_format must be 'plain' or 'markdown', not '" + text_format +
                          "'");
  }
  Cleaner c;
  const newsclean::Status s = Cleaner::create(rs, o, &c);
  if (!s.ok()) throw py::value_error(s.message());
  return c;
}

// The one serialiser of a Result (newsclean::to_json), as Python objects.
py::dict result_dict(const Result& r) {
  static const py::object& loads = *new py::object(py::module_::import("json").attr("loads"));
  return loads(newsclean::to_json(r));
}

// One document from Python: a str is text (its UTF-8, charset kDecodedText:
// never re-decoded from a <meta>), bytes are as fetched. `what` names it in
// errors ("text", "texts[3]"). The view lives as long as `obj`.
struct Input {
  std::string_view bytes;
  std::string_view charset;
};

Input read_input(const py::handle& obj, const std::string& what, std::string_view charset) {
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (utf8 == nullptr) {
      // Only a lone surrogate (from surrogateescape, or JSON "\ud800") fails:
      // name it and where it is, as a ValueError (it is a bad value, not a
      // bad type).
      PyErr_Clear();
      const Py_ssize_t n = PyUnicode_GetLength(obj.ptr());
      for (Py_ssize_t i = 0; i < n; ++i) {
        const Py_UCS4 c = PyUnicode_ReadChar(obj.ptr(), i);
        if (c >= 0xD800 && c <= 0xDFFF) {
          char code[8];
          std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(c));
          throw py::value_error(what + " has a lone surrogate U+" + code + " at position " +
                                std::to_string(i) +
                                ": not valid Unicode (encode it with errors='replace' first)");
        }
      }
      throw py::value_error(what + " cannot be encoded as UTF-8");
    }
    return {std::string_view(utf8, static_cast<std::size_t>(size)), newsclean::kDecodedText};
  }
  if (PyBytes_Check(obj.ptr())) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    PyBytes_AsStringAndSize(obj.ptr(), &data, &size);
    return {std::string_view(data, static_cast<std::size_t>(size)), charset};
  }
  throw py::type_error(what + " must be str or bytes, not " +
                       std::string(Py_TYPE(obj.ptr())->tp_name));
}

newsclean::Format parse_format(const std::string& f) {
  if (f == "auto") return newsclean::Format::kAuto;
  if (f == "text") return newsclean::Format::kText;
  if (f == "html") return newsclean::Format::kHtml;
  throw py::value_error("format must be 'auto', 'text' or 'html', not '" + f + "'");
}

std::string shorten(const std::string& s, std::size_t n = 60) {
  return s.size() <= n ? s : s.substr(0, n) + "...";
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "newsclean C++ engine (private; use the newsclean package)";
  m.attr("__version__") = NEWSCLEAN_VERSION;  // set by bindings/CMakeLists.txt
  m.def("site_pack_yaml", [](const std::string& name) {
        return std::string(newsclean::site_pack_yaml(name));
      }, "name"_a, "The YAML text of a site pack (\"ftr\"); \"\" for an unknown name.");
  m.def("default_rules_yaml", [] { return std::string(newsclean::default_rules_yaml()); },
        "The built-in rules.yaml text.");

  // Docstrings: help(newsclean.Result) is the reference (result.h says the same).
  py::class_<Stats> stats(m, "Stats", "Counts for one cleaned document.");
  Fields<Stats>(stats)
      .add("blocks", &Stats::blocks, "Blocks (lines or paragraphs) in the input.")
      .add("kept", &Stats::kept, "Blocks in Result.text.")
      .add("removed", &Stats::removed, "Entries in Result.removed.")
      .add("bytes_in", &Stats::bytes_in, "Size of the input, in bytes.")
      .add("bytes_out", &Stats::bytes_out, "Size of Result.text, in UTF-8 bytes.")
      .add_as<py::dict>("removed_by_category", &Stats::removed_by_category,
                        "Entries in Result.removed per category, e.g. {'extractor': 3, "
                        "'footer': 1} (keys sorted).")
      .finish();
  stats.def("__repr__", [](const Stats& s) {
    return "Stats(blocks=" + std::to_string(s.blocks) + ", kept=" + std::to_string(s.kept) +
           ", removed=" + std::to_string(s.removed) + ")";
  });

  py::class_<Caption> caption(m, "Caption",
                              "A photo caption found in the input. It is not in Result.text "
                              "unless keep_related_captions kept it.");
  Fields<Caption>(caption)
      .add("text", &Caption::text, "The caption, normalised.")
      .add("score", &Caption::score, "Relevance to the story, 0 (none) .. 1.")
      .add("related", &Caption::related, "The verdict: about the story's own picture (see reason).")
      .add("index", &Caption::index,
           "Its block index in the input (0-based); for a text that was not a block, the "
           "block it stood before.")
      .add("rule", &Caption::rule,
           "Id of the rule that recognised it, or for an image's text 'image-figcaption', "
           "'image-class', 'image-container', 'image-alt'.")
      .add("position", &Caption::position,
           "Where it stood: 'story', 'outside' (a part of the page outside the story) or "
           "'stripped' (in an element an HTML rule took out).")
      .add("links_elsewhere", &Caption::links_elsewhere,
           "Its picture or card links to another page (a teaser).")
      .add("shared", &Caption::shared,
           "The story's words it shares, names and numbers first (list of str).")
      .add("credit_of", &Caption::credit_of,
           "For a credit line alone: the index in Result.captions of the caption whose "
           "verdict it takes; else -1.")
      .add("reason", &Caption::reason, "Why the verdict, in words.")
      .finish();
  caption.def("__repr__", [](const Caption& c) {
    return "Caption(related=" + std::string(c.related ? "True" : "False") +
           ", score=" + std::to_string(c.score) +
           ", text=" + py::repr(py::str(shorten(c.text))).cast<std::string>() + ")";
  });

  py::class_<Removal> removal(
      m, "Removal",
      "Something of the input that is not in Result.text, and why: a block a text rule "
      "dropped (stage 'text') or, for HTML, an element an HTML rule stripped or a part of the "
      "page outside the story (stage 'html'). Result.removed lists them in reading order.");
  Fields<Removal>(removal)
      .add("index", &Removal::index,
           "stage 'text': its block index in the input (0-based); stage 'html': the index of "
           "the block it stood before.")
      .add("text", &Removal::text,
           "The text, normalised, cut to the Cleaner's removed_text_chars (then ending in "
           "'\u2026').")
      .add("rule", &Removal::rule,
           "Id of the rule that removed it (see Cleaner.rules()), or the extractor's reason: "
           "'outside-content', 'no-content', 'json-ld-body'.")
      .add("category", &Removal::category,
           "The rule's category, e.g. 'footer', 'caption'; 'extractor' for the extractor's "
           "reasons.")
      .add("stage", &Removal::stage, "'html' (an element of the page) or 'text' (a block).")
      .add("path", &Removal::path,
           "Where the element was, e.g. 'body/div[2]/aside.related'; '' for blocks.")
      .add("words", &Removal::words, "Words in the whole text (before it was cut).")
      .finish();
  removal.def("__repr__", [](const Removal& r) {
    return "Removal(index=" + std::to_string(r.index) + ", rule='" + r.rule + "', category='" +
           r.category + "', stage='" + r.stage +
           "', text=" + py::repr(py::str(shorten(r.text))).cast<std::string>() + ")";
  });

  py::class_<Result> result(
      m, "Result",
      "What cleaning one document gives: the story's text, the metadata found, and every "
      "removed block with the rule that removed it. Read-only; it pickles, and to_dict() "
      "gives it as plain Python objects (the CLI's --json record).");
  Fields<Result>(result)
      .add("text", &Result::text,
           "The story: the kept blocks joined by '\\n', one paragraph per line, no final "
           "newline.")
      .add("title", &Result::title,
           "The headline, or ''. Text: a headline repeated at the head of the text. HTML: "
           "og:title, JSON-LD, <h1> or <title>.")
      .add("section", &Result::section,
           "The breadcrumb's segments, e.g. ['News', 'Politics'], or [].")
      .add("author", &Result::author, "The author as the page gives it, or '' (HTML only).")
      .add("published", &Result::published,
           "The publication date as the page gives it (usually ISO 8601), or '' (HTML only).")
      .add("site_name", &Result::site_name, "The site's name (og:site_name), or '' (HTML only).")
      .add("language", &Result::language, "The page's <html lang>, or '' (HTML only).")
      .add("canonical_url", &Result::canonical_url,
           "The page's canonical URL, or '' (HTML only).")
      .add("format", &Result::format, "How the input was read: 'text' or 'html'.")
      .add("kind", &Result::kind,
           "What the page says it is: 'article', 'forum', 'product', 'listing', or '' when it "
           "does not say (and for text).")
      .add("input_kind", &Result::input_kind,
           "'html'; for text, 'extract' (an extractor's output) or 'page' (a whole page as "
           "text).")
      .add("captions", &Result::captions, "Photo captions found (list of Caption), in order.")
      .add("removed", &Result::removed,
           "What is not in text (list of Removal): blocks, and for HTML elements, in reading "
           "order.")
      .add("stats", &Result::stats, "Counts (Stats).")
      .add("warnings", &Result::warnings,
           "Odd input that was repaired or guessed (e.g. a charset), as messages.")
      .finish(/*to_dict=*/false);
  result
      .def("to_dict", &result_dict,
           "The Result as plain Python objects (dicts and lists): the CLI's --json record.")
      .def(
          "explain_html",
          [](const Result& r, const py::object& cleaner, const std::string& source) {
            // A newsclean.Cleaner wraps a _core.Cleaner in `_core`.
            const py::object core = py::hasattr(cleaner, "_core") ? cleaner.attr("_core") : cleaner;
            const Cleaner c = core.is_none() ? Cleaner() : core.cast<Cleaner>();
            const auto rules = c.rules();
            py::gil_scoped_release release;
            return newsclean::explain_html(r, rules, source);
          },
          "cleaner"_a = py::none(), "source"_a = "",
          "The explain report of this Result: one self-contained HTML page (no script, no "
          "external asset) with the text in reading order, kept blocks plain and removals "
          "struck through, coloured by category, the rule and its description on hover; the "
          "title, section and captions with their scores; removals and words by category. "
          "`cleaner` (the one that made the Result; default: the built-in rules) gives the "
          "rules' descriptions, `source` names the document in the heading. Removal texts are "
          "as cut by the Cleaner's removed_text_chars (newsclean.explain() cuts none).")
      .def("__repr__", [](const Result& r) {
        return "Result(title=" + py::repr(py::str(r.title)).cast<std::string>() +
               ", kept=" + std::to_string(r.stats.kept) +
               ", removed=" + std::to_string(r.stats.removed) + ")";
      });

  py::class_<Cleaner>(m, "Cleaner")
      .def(py::init(&make_cleaner), "sources"_a, "keep_related_captions"_a,
           "caption_threshold"_a, "disable"_a, "defaults"_a, "input_kind"_a = "auto",
           "text_format"_a = "plain", "removed_text_chars"_a = Options().removed_text_chars,
           "site_pack"_a = "")
      .def("clean",
           [](const Cleaner& c, const py::object& text, std::string_view url,
              const std::string& format, const std::string& encoding) {
             const newsclean::Format f = parse_format(format);
             const Input in = read_input(text, "text", encoding);
             py::gil_scoped_release release;
             return c.clean(in.bytes, url, f, in.charset);
           },
           "text"_a, "url"_a = "", "format"_a = "auto", "encoding"_a = "")
      .def("clean_many",
           [](const Cleaner& c, const py::list& texts, const std::vector<std::string>& urls,
              unsigned workers, const std::string& format) {
             const newsclean::Format f = parse_format(format);
             std::vector<std::string_view> t;
             std::vector<std::string_view> charsets;
             t.reserve(texts.size());
             charsets.reserve(texts.size());
             for (std::size_t i = 0; i < texts.size(); ++i) {  // `texts` keeps them alive
               const Input in = read_input(texts[i], "texts[" + std::to_string(i) + "]", {});
               t.push_back(in.bytes);
               charsets.push_back(in.charset);
             }
             std::vector<std::string_view> u(urls.begin(), urls.end());
             py::gil_scoped_release release;
             return c.clean_many(t, u, workers, f, charsets);
           },
           "texts"_a, "urls"_a, "workers"_a, "format"_a = "auto")
      .def("rules", [](const Cleaner& c) {
        py::list out;
        for (const auto& r : c.rules()) {
          out.append(py::dict("id"_a = r.id, "category"_a = r.category, "action"_a = r.action,
                              "where"_a = r.where, "origin"_a = r.origin,
                              "description"_a = r.description));
        }
        return out;
      });
}
