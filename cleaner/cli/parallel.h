// Runs fn(0) .. fn(n - 1) on up to `workers` threads (the caller's included)
// and returns when all are done. Which thread runs which index is not fixed;
// callers write each result to its own slot, so order never depends on it.

#ifndef NEWSCLEAN_CLI_PARALLEL_H_
#define NEWSCLEAN_CLI_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace newsclean::cli {

void parallel_for(std::size_t n, unsigned workers,
                  const std::function<void(std::size_t)>& fn);

// std::thread::hardware_concurrency(), or 1 when it is unknown.
unsigned all_cores();

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_PARALLEL_H_
