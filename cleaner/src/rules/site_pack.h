// Site packs: thousands of site-scoped rules (packs/ftr.yaml, imported from
// FiveFilters' ftr-site-config), looked up by the page's host.
//
// A pack is one rules file whose sites follow each other, each opened by a
// `  # site: KEY` line (the importer writes it so). Opening a pack only
// finds those lines (about a millisecond for 2,000 sites); a site's rules are
// parsed and their XPath checked the first time a page of the site comes
// (once, behind a std::once_flag: safe from any thread). A page of a host
// the pack does not know costs a few hash lookups.
#ifndef NEWSCLEAN_SRC_RULES_SITE_PACK_H_
#define NEWSCLEAN_SRC_RULES_SITE_PACK_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsclean/status.h"
#include "rules/rule.h"

namespace newsclean {

// The YAML of the pack called `name`; empty for a name no pack has.
std::string_view pack_yaml(std::string_view name);
// The names of the packs, sorted.
std::vector<std::string> pack_names();

class SitePack {
 public:
  // One site of the pack: its rules, parsed on first use.
  struct Site {
    std::string_view key;   // "example.com" or ".example.com"
    std::string_view yaml;  // its part of the pack
    std::size_t line = 2;   // 1-based line of `yaml` in the pack (after `rules:`)

    // The site's rules, in pack order ("" error), parsed once.
    const std::vector<Rule>& rules(const std::string& pack_name) const;
    // Why some of its rules could not be used ("" when all loaded).
    const std::string& error() const { return error_; }

   private:
    mutable std::once_flag once_;
    mutable std::vector<Rule> rules_;
    mutable std::string error_;
  };

  // The pack called `name` ("ftr"), indexed on first use and kept for the
  // process; null with `*status` set for a name no pack has.
  static const SitePack* get(std::string_view name, Status* status);

  // Indexes `yaml` (which must outlive the pack).
  SitePack(std::string name, std::string_view yaml);

  // The sites covering `host` (lower case), most specific first: the host
  // itself, the host without "www.", then ".host", ".parent", ... .
  std::vector<const Site*> sites_for(std::string_view host) const;

  const std::string& name() const { return name_; }
  std::size_t size() const { return sites_.size(); }
  const Site& site(std::size_t i) const { return *sites_[i]; }  // in pack order

 private:
  std::string name_;
  std::vector<std::unique_ptr<Site>> sites_;
  std::unordered_map<std::string_view, const Site*> exact_;     // "example.com"
  std::unordered_map<std::string_view, const Site*> wildcard_;  // ".example.com" -> "example.com"
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_SITE_PACK_H_
