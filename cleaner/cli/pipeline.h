// The clean command's threads: one reads, `workers` clean, the caller writes.
//
//   reader thread ──► window of items, in input order ──► worker threads
//                         │ (bounded: kMaxItems items,          (clean each
//                         │  kMaxBytes bytes of input)            item in place)
//                         ▼
//   caller's thread: takes the oldest item once it is cleaned and writes it
//
// Reading, cleaning and writing overlap, and output order is input order
// whatever the thread count: the writer only ever takes the front of the
// window. The window bounds memory, so a slow disk or a slow cleaning step
// holds the reader back instead of buffering the whole input. Threads are
// woken in batches and only after the lock is released (pipeline.cc says
// why). When no worker thread can be started, the writer cleans the items
// itself.

#ifndef NEWSCLEAN_CLI_PIPELINE_H_
#define NEWSCLEAN_CLI_PIPELINE_H_

#include <cstddef>
#include <functional>

#include "inputs.h"

namespace newsclean::cli {

struct PipelineSteps {
  // Reader thread: moves the next item into *item; false when there is none.
  std::function<bool(Item*)> read;
  // Worker threads: true for an item that needs cleaning (others go
  // straight to the writer).
  std::function<bool(const Item&)> needs_work;
  // Worker threads: cleans the item in place. Must not throw.
  std::function<void(Item*)> work;
  // Caller's thread: each item, in input order, once cleaned.
  std::function<void(Item&)> write;
};

// Runs the steps over every item and returns when the last one is written.
void run_pipeline(unsigned workers, const PipelineSteps& steps);

// std::thread::hardware_concurrency(), or 1 when it is unknown.
unsigned all_cores();

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_PIPELINE_H_
