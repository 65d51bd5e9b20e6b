#include "rules/set_memo.h"

#include <atomic>
#include <cstring>
#include <memory>

namespace newsclean {
namespace {

// 4,096 slots of 40 bytes: 160 KiB a thread, taken on its first look-up.
// On html-text's output of ScrapingHub's pages, about 40% of the sets'
// questions on strings of at most kMaxBytes are answered by the memo (as
// many on a first pass over the pages as on a second: the strings that come
// again are the ones every page has).
constexpr std::size_t kSlots = 4096;

struct Slot {
  std::uint64_t word[3] = {0, 0, 0};
  std::uint64_t id = 0;  // the sets' id; 0: empty
  std::uint16_t set = 0;
  std::uint8_t size = 0;  // of the string
  std::uint8_t entries = 0;
  std::uint8_t entry[SetMemo::kMaxEntries] = {};
};
static_assert(SetMemo::kMaxBytes <= sizeof(Slot::word), "a string fits its slot");
static_assert(sizeof(Slot) == 40, "a slot is 40 bytes");

struct Table {
  Slot slot[kSlots];
};

thread_local std::unique_ptr<Table> t_table;

Slot& slot_of(const SetMemo::Key& key, std::uint64_t id, int set) {
  const std::uint64_t h = (key.hash ^ (id << 16) ^ static_cast<std::uint64_t>(set)) *
                          0x9E3779B97F4A7C15ULL;
  return static_cast<Table*>(key.table)->slot[(h >> 40) % kSlots];
}

}  // namespace

std::uint64_t SetMemo::new_id() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

bool SetMemo::make_key(std::string_view text, Key* key) {
  if (text.size() > kMaxBytes) return false;
  if (t_table == nullptr) t_table = std::make_unique<Table>();
  key->table = t_table.get();
  key->word[0] = key->word[1] = key->word[2] = 0;
  std::memcpy(key->word, text.data(), text.size());
  key->size = static_cast<std::uint8_t>(text.size());
  std::uint64_t h = text.size();
  for (const std::uint64_t x : key->word) h = (h ^ x) * 0xFF51AFD7ED558CCDULL;
  key->hash = h ^ (h >> 29);
  return true;
}

bool SetMemo::find(const Key& key, std::uint64_t id, int set, std::vector<int>* entries) {
  const Slot& s = slot_of(key, id, set);
  if (s.id != id || s.set != set || s.size != key.size || s.word[0] != key.word[0] ||
      s.word[1] != key.word[1] || s.word[2] != key.word[2]) {
    return false;
  }
  entries->assign(s.entry, s.entry + s.entries);
  return true;
}

void SetMemo::keep(const Key& key, std::uint64_t id, int set, const std::vector<int>& entries) {
  if (entries.size() > kMaxEntries || set < 0 || set > 0xFFFF) return;
  for (const int e : entries) {
    if (e < 0 || e > 0xFF) return;
  }
  Slot& s = slot_of(key, id, set);
  s.id = id;
  s.set = static_cast<std::uint16_t>(set);
  s.size = key.size;
  for (int i = 0; i < 3; ++i) s.word[i] = key.word[i];
  s.entries = static_cast<std::uint8_t>(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) s.entry[i] = static_cast<std::uint8_t>(entries[i]);
}

}  // namespace newsclean
