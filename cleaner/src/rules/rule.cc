#include "rules/rule.h"

#include <algorithm>

namespace newsclean {

bool site_matches(std::string_view site, std::string_view host) {
  const auto ends_with = [](std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (!site.empty() && site[0] == '.') {
    return host == site.substr(1) || ends_with(host, site);
  }
  return host == site || (ends_with(host, site) && host.size() == site.size() + 4 &&
                          host.substr(0, 4) == "www.");
}

bool Rule::in_scope(std::string_view host) const {
  return sites.empty() || std::any_of(sites.begin(), sites.end(), [&](const std::string& s) {
           return site_matches(s, host);
         });
}

}  // namespace newsclean
