// A per-thread memo of RE2::Set answers for short strings.
//
// Most blocks are short (a menu entry, a label, a date) and the same short
// strings come again and again: "Home", "Share", "Advertisement" on page
// after page of a crawl. RE2::Set::Match costs some 500 instructions a call
// before it reads a byte; a memo look-up costs a tenth of that. The answer
// of a compiled set to a string never changes, so the memo is exact: it
// holds a string's answer only for the set that gave it, named by the id of
// its RuleMatcher (an id no other one ever has, not an address, which a
// later one may reuse) and its place there.
#ifndef NEWSCLEAN_SRC_RULES_SET_MEMO_H_
#define NEWSCLEAN_SRC_RULES_SET_MEMO_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsclean {

// Per thread (no lock), a fixed number of slots, each holding one string's
// answer from one set; a new answer takes the slot of its hash, whatever
// was there.
class SetMemo {
 public:
  // Longer strings are not kept: they repeat less, and the set's own
  // reading is then a larger part of the cost.
  static constexpr std::size_t kMaxBytes = 24;
  // An answer with more set entries than this is not kept (rare: most
  // strings hit nothing).
  static constexpr std::size_t kMaxEntries = 4;

  // A new id for a RuleMatcher's sets, never given before in this process.
  static std::uint64_t new_id();

  // A string of at most kMaxBytes as the memo reads it, made once for all
  // the sets that read the string.
  struct Key {
    std::uint64_t word[3];  // the bytes, zero after the end
    std::uint64_t hash;
    std::uint8_t size;
    void* table;  // this thread's memo
  };
  // False if `text` is too long to keep.
  static bool make_key(std::string_view text, Key* key);

  // If this thread holds the answer of set `set` of the sets with id `id`
  // to `key`'s string: true, and the set's entries that match (empty: none)
  // in *entries, in the order they were kept.
  static bool find(const Key& key, std::uint64_t id, int set, std::vector<int>* entries);
  // Keeps the answer of that set to the string: the entries that match. Not
  // kept: more than kMaxEntries entries.
  static void keep(const Key& key, std::uint64_t id, int set, const std::vector<int>& entries);
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_SET_MEMO_H_
