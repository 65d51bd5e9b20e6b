// newsclean._core: type adaptation only. The Pythonic surface (rule sources,
// pickling, defaults) is in newsclean/__init__.py; all cleaning is in the
// library.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdio>

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

Cleaner make_cleaner(const std::vector<std::pair<std::string, std::string>>& sources,
                     bool keep_related_captions, double caption_threshold,
                     std::vector<std::string> disable, bool defaults,
                     const std::string& input_kind) {
  std::vector<RuleSource> rs;
  for (const auto& [name, yaml] : sources) rs.push_back(RuleSource::from_string(yaml, name));
  Options o;
  o.keep_related_captions = keep_related_captions;
  o.caption_threshold = caption_threshold;
  o.disable = std::move(disable);
  o.no_default_rules = !defaults;
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
  Cleaner c;
  const newsclean::Status s = Cleaner::create(rs, o, &c);
  if (!s.ok()) throw py::value_error(s.message());
  return c;
}

py::dict stats_dict(const Stats& s) {
  return py::dict("blocks"_a = s.blocks, "kept"_a = s.kept, "removed"_a = s.removed,
                  "bytes_in"_a = s.bytes_in, "bytes_out"_a = s.bytes_out);
}

py::dict caption_dict(const Caption& c) {
  return py::dict("text"_a = c.text, "score"_a = c.score, "related"_a = c.related,
                  "index"_a = c.index, "rule"_a = c.rule);
}

py::dict removal_dict(const Removal& r) {
  return py::dict("index"_a = r.index, "text"_a = r.text, "rule"_a = r.rule,
                  "category"_a = r.category);
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
  m.def("default_rules_yaml", [] { return std::string(newsclean::default_rules_yaml()); },
        "The built-in rules.yaml text.");

  py::class_<Stats>(m, "Stats")
      .def_readonly("blocks", &Stats::blocks)
      .def_readonly("kept", &Stats::kept)
      .def_readonly("removed", &Stats::removed)
      .def_readonly("bytes_in", &Stats::bytes_in)
      .def_readonly("bytes_out", &Stats::bytes_out)
      .def("to_dict", &stats_dict)
      .def("__repr__", [](const Stats& s) {
        return "Stats(blocks=" + std::to_string(s.blocks) + ", kept=" + std::to_string(s.kept) +
               ", removed=" + std::to_string(s.removed) + ")";
      });

  py::class_<Caption>(m, "Caption")
      .def_readonly("text", &Caption::text)
      .def_readonly("score", &Caption::score)
      .def_readonly("related", &Caption::related)
      .def_readonly("index", &Caption::index)
      .def_readonly("rule", &Caption::rule)
      .def("to_dict", &caption_dict)
      .def("__repr__", [](const Caption& c) {
        return "Caption(related=" + std::string(c.related ? "True" : "False") +
               ", score=" + std::to_string(c.score) + ", text=" + py::repr(py::str(shorten(c.text))).cast<std::string>() + ")";
      });

  py::class_<Removal>(m, "Removal")
      .def_readonly("index", &Removal::index)
      .def_readonly("text", &Removal::text)
      .def_readonly("rule", &Removal::rule)
      .def_readonly("category", &Removal::category)
      .def("to_dict", &removal_dict)
      .def("__repr__", [](const Removal& r) {
        return "Removal(index=" + std::to_string(r.index) + ", rule='" + r.rule +
               "', category='" + r.category + "', text=" +
               py::repr(py::str(shorten(r.text))).cast<std::string>() + ")";
      });

  py::class_<Result>(m, "Result")
      .def_readonly("text", &Result::text)
      .def_readonly("title", &Result::title)
      .def_readonly("section", &Result::section)
      .def_readonly("author", &Result::author)
      .def_readonly("published", &Result::published)
      .def_readonly("site_name", &Result::site_name)
      .def_readonly("language", &Result::language)
      .def_readonly("canonical_url", &Result::canonical_url)
      .def_readonly("format", &Result::format)
      .def_readonly("kind", &Result::kind)
      .def_readonly("input_kind", &Result::input_kind)
      .def_readonly("captions", &Result::captions)
      .def_readonly("removed", &Result::removed)
      .def_readonly("stats", &Result::stats)
      .def_readonly("warnings", &Result::warnings)
      .def("to_dict", &result_dict)
      .def("__repr__", [](const Result& r) {
        return "Result(title=" + py::repr(py::str(r.title)).cast<std::string>() +
               ", kept=" + std::to_string(r.stats.kept) +
               ", removed=" + std::to_string(r.stats.removed) + ")";
      });

  py::class_<Cleaner>(m, "Cleaner")
      .def(py::init(&make_cleaner), "sources"_a, "keep_related_captions"_a,
           "caption_threshold"_a, "disable"_a, "defaults"_a, "input_kind"_a = "auto")
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
