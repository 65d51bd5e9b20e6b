// RE2-backed regular expressions for the XPath of HTML rules, in the EXSLT
// namespace that other tools use (http://exslt.org/regular-expressions):
//
//   xpath: '//div[re:test(@class, "(^|\s)(promo|teaser)-?\d*(\s|$)")]'
//   xpath: '//*[re:test(@id, "^ad[-_]", "i")]'
//
// re:test(string, pattern [, flags]) is true when RE2 finds `pattern` in the
// string; flags "i" makes it case-insensitive ("g" and "m" are accepted and
// change nothing for a test). An invalid pattern tests false.
#ifndef NEWSCLEAN_SRC_RULES_XPATH_REGEX_H_
#define NEWSCLEAN_SRC_RULES_XPATH_REGEX_H_

#include <libxml/xpath.h>

#include <string>

namespace newsclean {

constexpr const char* kRegexNamespace = "http://exslt.org/regular-expressions";

// Registers the prefix "re" and re:test in `ctx`. False if libxml2 refused.
bool register_xpath_regex(xmlXPathContextPtr ctx);

// Compiles `expr` as an HTML rule's XPath (re:test included); "" when it
// compiles, else why not: libxml2's message and column (through the
// context's error handler, never stderr), a function libxml2 does not know
// (it would only fail, silently, on every page), or an invalid re:test
// pattern written as a literal.
std::string check_rule_xpath(const std::string& expr);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_XPATH_REGEX_H_
