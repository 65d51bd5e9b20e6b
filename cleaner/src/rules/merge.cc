// Combining rule sets: a later file's rules override or extend the earlier
// ones, and `disable:` switches rules off. Loading one file is load.cc.
#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "rules/load.h"

namespace newsclean {

void merge_rules(std::vector<Rule> added, std::vector<Rule>* rules) {
  std::vector<Rule> fresh;
  for (auto& rule : added) {
    auto same = std::find_if(rules->begin(), rules->end(),
                             [&](const Rule& r) { return r.id == rule.id; });
    if (same != rules->end()) {
      *same = std::move(rule);  // an override keeps the original's place
    } else {
      fresh.push_back(std::move(rule));
    }
  }
  rules->insert(rules->begin(), std::make_move_iterator(fresh.begin()),
                std::make_move_iterator(fresh.end()));
}

Status apply_disable(const std::vector<Disable>& ids, std::vector<Rule>* rules) {
  std::unordered_set<std::string> off;
  for (const auto& d : ids) {
    const bool known = std::any_of(rules->begin(), rules->end(),
                                   [&](const Rule& r) { return r.id == d.id; });
    if (!known) {
      return Status(ErrorCode::kSchema,
                    d.origin + ": disable: no rule has the id '" + d.id + "'");
    }
    off.insert(d.id);
  }
  rules->erase(std::remove_if(rules->begin(), rules->end(),
                              [&](const Rule& r) { return off.count(r.id) > 0; }),
               rules->end());
  return {};
}

}  // namespace newsclean
