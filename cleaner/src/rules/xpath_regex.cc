#include "rules/xpath_regex.h"

#include <re2/re2.h>

#include <libxml/xpathInternals.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace newsclean {
namespace {

const xmlChar* to_xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// Compiled patterns, shared by every thread: a rule's XPath runs once per
// page, and its pattern is the same on every page. The cache holds only the
// patterns that rules name (a page cannot add any), so it stays small.
const RE2* compiled(const std::string& pattern, bool ignore_case) {
  static std::mutex mu;
  static std::unordered_map<std::string, std::unique_ptr<RE2>> cache;
  const std::string key = (ignore_case ? "i:" : "-:") + pattern;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(key);
  if (it == cache.end()) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!ignore_case);
    it = cache.emplace(key, std::make_unique<RE2>(pattern, options)).first;
  }
  return it->second->ok() ? it->second.get() : nullptr;
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
  const RE2* re = compiled(pattern, flags.find('i') != std::string::npos);
  xmlXPathReturnBoolean(ctxt, re != nullptr && RE2::PartialMatch(text, *re));
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
  xmlXPathCompExprPtr comp = xmlXPathCtxtCompile(ctx.get(), to_xml(expr.c_str()));
  if (comp == nullptr) return "invalid XPath";
  xmlXPathFreeCompExpr(comp);
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
