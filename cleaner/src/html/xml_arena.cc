// The arena behind XmlArena: per-thread blocks carved front to back, and
// libxml2 allocator hooks that use them while an arena is active.
#include "html/xml_arena.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

namespace newsclean {
namespace {

// Every allocation starts at this alignment, after a header of the same size
// that holds its length (for realloc).
constexpr std::size_t kAlign = 16;
// Blocks start at this size and double up to kMaxBlock; a larger request gets
// a block of its own.
constexpr std::size_t kFirstBlock = std::size_t{256} << 10;
constexpr std::size_t kMaxBlock = std::size_t{8} << 20;
// Bytes of blocks a thread keeps between pages, so that the next page's tree
// goes into memory that is already mapped (and warm).
constexpr std::size_t kKeptBytes = std::size_t{8} << 20;

#if defined(__GNUC__)
#define NEWSCLEAN_NOINLINE __attribute__((noinline))
#else
#define NEWSCLEAN_NOINLINE
#endif

std::size_t round_up(std::size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

struct Span {
  char* begin;
  char* end;
  std::size_t size() const { return static_cast<std::size_t>(end - begin); }
};

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (const Span& s : used_) std::free(s.begin);
    for (const Span& s : spare_) std::free(s.begin);
  }

  // (A million calls a page: the common case carves and returns, with
  // what it rarely needs out of line.)
  void* allocate(std::size_t n) {
    const std::size_t need = round_up(n) + kAlign;
    if (n > SIZE_MAX / 2 || static_cast<std::size_t>(end_ - cur_) < need) {
      return allocate_in_new_block(n);
    }
    std::memcpy(cur_, &n, sizeof n);
    last_ = cur_ + kAlign;
    cur_ += need;
    return last_;
  }

  void* reallocate(void* p, std::size_t n) {
    char* q = static_cast<char*>(p);
    std::size_t old = 0;
    std::memcpy(&old, q - kAlign, sizeof old);
    // The newest allocation grows (or shrinks) where it is when there is room.
    if (q == last_ && n <= SIZE_MAX / 2 && round_up(n) <= static_cast<std::size_t>(end_ - q)) {
      std::memcpy(q - kAlign, &n, sizeof n);
      cur_ = q + round_up(n);
      return q;
    }
    void* fresh = allocate(n);
    if (fresh != nullptr) std::memcpy(fresh, q, std::min(old, n));
    return fresh;
  }

  // Freeing is a no-op, but for the newest allocation, whose room is reused
  // (libxml2 often frees a scratch buffer right after using it).
  void release(void* p) {
    if (p == last_) {
      cur_ = last_ - kAlign;
      last_ = nullptr;
    }
  }

  bool owns(const void* p) const {
    const char* c = static_cast<const char*>(p);
    for (auto s = used_.rbegin(); s != used_.rend(); ++s) {
      if (c >= s->begin && c < s->end) return true;
    }
    return false;
  }

  // Everything allocated goes; blocks up to kKeptBytes (the largest first)
  // stay for the next page, the rest go back to the system.
  void reset() {
    spare_.insert(spare_.end(), used_.begin(), used_.end());
    used_.clear();
    std::sort(spare_.begin(), spare_.end(),
              [](const Span& a, const Span& b) { return a.size() > b.size(); });
    std::size_t kept = 0;
    auto it = spare_.begin();
    for (; it != spare_.end(); ++it) {
      if (kept + it->size() > kKeptBytes) break;
      kept += it->size();
    }
    for (auto s = it; s != spare_.end(); ++s) std::free(s->begin);
    spare_.erase(it, spare_.end());
    cur_ = end_ = last_ = nullptr;
    next_ = kFirstBlock;
  }

 private:
  // allocate() when the current block has no room for `n` bytes.
  NEWSCLEAN_NOINLINE void* allocate_in_new_block(std::size_t n) {
    if (n > SIZE_MAX / 2 || !grow(round_up(n) + kAlign)) return nullptr;
    return allocate(n);
  }

  // Makes a block with at least `need` bytes the current one.
  bool grow(std::size_t need) {
    // A kept block if one is large enough (they are sorted largest first).
    for (auto s = spare_.rbegin(); s != spare_.rend(); ++s) {
      if (s->size() >= need) {
        used_.push_back(*s);
        spare_.erase(std::next(s).base());
        return use(used_.back());
      }
    }
    const std::size_t size = std::max(need, next_);
    char* b = static_cast<char*>(std::malloc(size));
    if (b == nullptr) return false;
    next_ = std::min(next_ * 2, kMaxBlock);
    used_.push_back({b, b + size});
    return use(used_.back());
  }

  bool use(const Span& s) {
    cur_ = s.begin;
    end_ = s.end;
    last_ = nullptr;
    return true;
  }

  std::vector<Span> used_;   // this page's blocks, the current one last
  std::vector<Span> spare_;  // kept from earlier pages, largest first
  char* cur_ = nullptr;
  char* end_ = nullptr;
  char* last_ = nullptr;  // the newest allocation, if not yet freed
  std::size_t next_ = kFirstBlock;
};

thread_local Arena t_arena;
thread_local Arena* t_active = nullptr;

// The thread whose arena is active while no other thread's is (a process
// that cleans on one thread at a time), and that arena: its hooks find it
// without a thread-local look-up, which in a shared library is a call into
// the dynamic linker on each of libxml2's million allocations. Only the
// owner ever reads its own id here; other threads go to t_active.
std::atomic<std::thread::id> g_sole_thread{};
std::atomic<Arena*> g_sole_arena{nullptr};

Arena* active_arena() {
  if (g_sole_thread.load(std::memory_order_relaxed) == std::this_thread::get_id()) {
    return g_sole_arena.load(std::memory_order_relaxed);
  }
  return t_active;
}

// libxml2's allocator before install(): everything outside an arena.
xmlFreeFunc g_free = nullptr;
xmlMallocFunc g_malloc = nullptr;
xmlReallocFunc g_realloc = nullptr;
xmlStrdupFunc g_strdup = nullptr;
bool g_installed = false;

void* hook_malloc(std::size_t n) {
  Arena* a = active_arena();
  return a != nullptr ? a->allocate(n) : g_malloc(n);
}

void hook_free(void* p) {
  if (p == nullptr) return;
  Arena* a = active_arena();
  if (a != nullptr && a->owns(p)) {
    a->release(p);
  } else {
    g_free(p);
  }
}

// Memory from before the arena stays with the old allocator.
void* hook_realloc(void* p, std::size_t n) {
  Arena* a = active_arena();
  if (a == nullptr) return g_realloc(p, n);
  if (p == nullptr) return a->allocate(n);
  return a->owns(p) ? a->reallocate(p, n) : g_realloc(p, n);
}

char* hook_strdup(const char* s) {
  Arena* a = active_arena();
  if (a == nullptr) return g_strdup(s);
  const std::size_t n = std::strlen(s) + 1;
  char* d = static_cast<char*>(a->allocate(n));
  if (d != nullptr) std::memcpy(d, s, n);
  return d;
}

// True while libxml2 still allocates through the hooks (another library may
// have called xmlMemSetup since).
bool hooks_in_place() {
  xmlFreeFunc f = nullptr;
  xmlMallocFunc m = nullptr;
  xmlMallocFunc atomic = nullptr;
  xmlReallocFunc r = nullptr;
  xmlStrdupFunc s = nullptr;
  return xmlGcMemGet(&f, &m, &atomic, &r, &s) == 0 && f == hook_free && m == hook_malloc &&
         atomic == hook_malloc && r == hook_realloc && s == hook_strdup;
}

}  // namespace

bool XmlArena::install() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (xmlMemGet(&g_free, &g_malloc, &g_realloc, &g_strdup) != 0 || g_free == nullptr ||
        g_malloc == nullptr || g_realloc == nullptr || g_strdup == nullptr) {
      return;
    }
    g_installed = xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup) == 0;
  });
  return g_installed;
}

bool XmlArena::owns(const void* p) {
  return t_active != nullptr && t_active->owns(p);
}

XmlArena::XmlArena() {
  if (!g_installed || t_active != nullptr || !hooks_in_place()) return;
  t_active = &t_arena;
  active_ = true;
  std::thread::id none;
  if (g_sole_thread.compare_exchange_strong(none, std::this_thread::get_id(),
                                            std::memory_order_acquire)) {
    g_sole_arena.store(&t_arena, std::memory_order_relaxed);
    sole_ = true;
  }
}

XmlArena::~XmlArena() {
  if (!active_) return;
  // libxml2 copies each error into a per-thread "last error" whose strings
  // would outlive the arena: let them go while it is still active.
  xmlResetLastError();
  if (sole_) {
    g_sole_arena.store(nullptr, std::memory_order_relaxed);
    g_sole_thread.store(std::thread::id(), std::memory_order_release);
  }
  t_active = nullptr;
  t_arena.reset();
}

}  // namespace newsclean
