#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace newsclean::cli {

void parallel_for(std::size_t n, unsigned workers,
                  const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  const std::size_t threads = std::min<std::size_t>(workers, n);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(run);
    } catch (const std::system_error&) {
      break;  // no more threads: the ones we have take the rest
    }
  }
  run();
  for (std::thread& t : pool) t.join();
}

unsigned all_cores() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

}  // namespace newsclean::cli
