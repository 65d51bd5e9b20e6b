#include "rules/xpath_regex.h"

#include <re2/re2.h>

#include <libxml/xpathInternals.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace newsclean {
namespace {

const xmlChar* to_xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// At most this many compiled patterns are kept; then the cache starts over.
constexpr std::size_t kMaxCached = 512;

// Compiled patterns, shared by every thread: a rule's XPath runs once per
// page, and its pattern is usually a literal, the same on every page. But an
// expression may compute it from the page (re:test(., @class)), so the cache
// is bounded, and a pattern in use survives the cache starting over (shared).
std::shared_ptr<const RE2> compiled(const std::string& pattern, bool ignore_case) {
  static std::mutex mu;
  static std::unordered_map<std::string, std::shared_ptr<const RE2>> cache;
  const std::string key = (ignore_case ? "i:" : "-:") + pattern;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(key);
  if (it == cache.end()) {
    if (cache.size() >= kMaxCached) cache.clear();
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!ignore_case);
    it = cache.emplace(key, std::make_shared<const RE2>(pattern, options)).first;
  }
  return it->second->ok() ? it->second : nullptr;
}

// Pops an argument as a string (a node-set gives its first node's value).
std::string pop_string(xmlXPathParserContextPtr ctxt) {
  xmlChar* s = xmlXPathPopString(ctxt);
  std::string out = s != nullptr ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return out;
}

void regex_test(xmlXPathParserContextPtr ctxt, int nargs) {
  if (nargs < 2 || nargs > 3) {
    xmlXPathSetArityError(ctxt);
    return;
  }
  const std::string flags = nargs == 3 ? pop_string(ctxt) : "";
  const std::string pattern = pop_string(ctxt);
  const std::string text = pop_string(ctxt);
  if (ctxt->error != XPATH_EXPRESSION_OK) return;
  const std::shared_ptr<const RE2> re = compiled(pattern, flags.find('i') != std::string::npos);
  xmlXPathReturnBoolean(ctxt, re != nullptr && RE2::PartialMatch(text, *re));
}

// libxml2's XPath error as words and a column (it hands a context's
// handler the code and the offset, not its message).
std::string xpath_error(const xmlError& e) {
  std::string what;
  switch (e.code) {
    case XML_XPATH_NUMBER_ERROR: what = "number expected"; break;
    case XML_XPATH_UNFINISHED_LITERAL_ERROR: what = "unfinished literal"; break;
    case XML_XPATH_START_LITERAL_ERROR: what = "literal expected"; break;
    case XML_XPATH_VARIABLE_REF_ERROR: what = "undefined variable"; break;
    case XML_XPATH_UNDEF_VARIABLE_ERROR: what = "undefined variable"; break;
    case XML_XPATH_INVALID_PREDICATE_ERROR: what = "invalid predicate"; break;
    case XML_XPATH_UNDEF_PREFIX_ERROR: what = "undefined namespace prefix"; break;
    case XML_XPATH_INVALID_ARITY: what = "wrong number of arguments"; break;
    case XML_XPATH_UNKNOWN_FUNC_ERROR: what = "unknown function"; break;
    case XML_XPATH_INVALID_CHAR_ERROR: what = "invalid character"; break;
    default: what = "invalid expression"; break;
  }
  return what + " at column " + std::to_string(e.int1 + 1);
}

// The first function `expr` calls that `ctx` does not know, as an error
// ("unknown XPath function 'foo()' at column 7"); "" when all are known.
// A function call is a name (prefix:local or local), outside string
// literals, followed by '(' and not a node test or an operator.
std::string unknown_function(xmlXPathContextPtr ctx, const std::string& expr) {
  const auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
           (c & 0x80) != 0;
  };
  for (std::size_t i = 0; i < expr.size();) {
    const char c = expr[i];
    if (c == '"' || c == '\'') {
      const std::size_t close = expr.find(c, i + 1);
      if (close == std::string::npos) return {};
      i = close + 1;
      continue;
    }
    if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '_') ||
        (i > 0 && (name_char(expr[i - 1]) || expr[i - 1] == '@' || expr[i - 1] == '$'))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < expr.size() && name_char(expr[i])) ++i;
    std::size_t colon = std::string::npos;
    if (i + 1 < expr.size() && expr[i] == ':' && expr[i + 1] != ':' && name_char(expr[i + 1])) {
      colon = i;
      for (++i; i < expr.size() && name_char(expr[i]);) ++i;
    }
    std::size_t j = i;
    while (j < expr.size() && std::isspace(static_cast<unsigned char>(expr[j]))) ++j;
    if (j >= expr.size() || expr[j] != '(') continue;
    const std::string name = expr.substr(start, i - start);
    static const char* const kNotFunctions[] = {"node", "text", "comment",
                                                "processing-instruction", "and", "or",
                                                "div", "mod"};
    if (std::any_of(std::begin(kNotFunctions), std::end(kNotFunctions),
                    [&](const char* n) { return name == n; })) {
      continue;
    }
    bool known = false;
    if (colon == std::string::npos) {
      known = xmlXPathFunctionLookup(ctx, to_xml(name.c_str())) != nullptr;
    } else {
      const std::string prefix = name.substr(0, colon - start);
      const xmlChar* uri = xmlXPathNsLookup(ctx, to_xml(prefix.c_str()));
      known = uri != nullptr &&
              xmlXPathFunctionLookupNS(ctx, to_xml(name.c_str() + prefix.size() + 1),
                                            uri) != nullptr;
    }
    if (!known) {
      return "unknown XPath function '" + name + "()' at column " + std::to_string(start + 1);
    }
  }
  return {};
}

}  // namespace

bool register_xpath_regex(xmlXPathContextPtr ctx) {
  return xmlXPathRegisterNs(ctx, to_xml("re"), to_xml(kRegexNamespace)) == 0 &&
         xmlXPathRegisterFuncNS(ctx, to_xml("test"), to_xml(kRegexNamespace),
                                regex_test) == 0;
}

std::string check_rule_xpath(const std::string& expr) {
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(
      xmlXPathNewContext(nullptr), xmlXPathFreeContext);
  if (ctx == nullptr || !register_xpath_regex(ctx.get())) return "libxml2 refused a context";
  // libxml2's own message comes here (the context's structured handler),
  // never to stderr.
  std::string why;
  ctx->userData = &why;
  ctx->error = [](void* data, xmlErrorPtr e) {
    std::string* out = static_cast<std::string*>(data);
    if (out->empty() && e != nullptr) *out = xpath_error(*e);
  };
  xmlXPathCompExprPtr comp = xmlXPathCtxtCompile(ctx.get(), to_xml(expr.c_str()));
  if (comp == nullptr) return why.empty() ? "invalid XPath" : "invalid XPath (" + why + ")";
  xmlXPathFreeCompExpr(comp);
  // libxml2 looks functions up only when it runs the expression: one it
  // does not know would make the rule match nothing, silently.
  why = unknown_function(ctx.get(), expr);
  if (!why.empty()) return why;
  // Patterns written as literals are checked too: re:test(x, "...").
  static const RE2 kLiteral(R"re(re:test\([^,]+,\s*(?:"([^"]*)"|'([^']*)'))re");
  re2::StringPiece rest(expr);
  std::string dq, sq;
  while (RE2::FindAndConsume(&rest, kLiteral, &dq, &sq)) {
    const std::string& pattern = dq.empty() ? sq : dq;
    RE2::Options options;
    options.set_log_errors(false);
    RE2 re(pattern, options);
    if (!re.ok()) return "invalid re:test pattern '" + pattern + "': " + re.error();
  }
  return {};
}

}  // namespace newsclean
