#include "pipeline.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace newsclean::cli {
namespace {

// At most this many items, and (beyond the first) this many bytes of input,
// are between the reader and the writer.
constexpr std::size_t kMaxItems = 1024;
constexpr std::size_t kMaxBytes = std::size_t{64} << 20;

class Pipeline {
 public:
  explicit Pipeline(const PipelineSteps& steps) : steps_(steps) {}

  void run(unsigned workers) {
    std::vector<std::thread> threads;
    std::thread reader;
    try {
      reader = std::thread([this] { read_all(); });
    } catch (const std::system_error&) {
      return run_serially();
    }
    for (unsigned i = 0; i < workers; ++i) {
      try {
        threads.emplace_back([this] { work_all(); });
      } catch (const std::system_error&) {
        break;  // the ones started take all the work; with none the writer does
      }
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      helping_ = threads.empty();
    }
    std::exception_ptr failure;
    try {
      write_all();
    } catch (...) {
      failure = std::current_exception();
      stop();
    }
    reader.join();
    for (std::thread& t : threads) t.join();
    if (failure == nullptr) failure = read_failure_;
    if (failure != nullptr) std::rethrow_exception(failure);
  }

 private:
  enum class State { kReady, kWorking, kDone };
  struct Slot {
    Item item;
    State state = State::kReady;
    std::size_t bytes = 0;
  };

  void run_serially() {
    for (Item item; steps_.read(&item); item = Item()) {
      if (steps_.needs_work(item)) steps_.work(&item);
      steps_.write(item);
    }
  }

  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    space_.notify_all();
    work_.notify_all();
  }

  void read_all() {
    try {
      for (;;) {
        Item item;
        const bool more = steps_.read(&item);
        std::unique_lock<std::mutex> lock(mutex_);
        if (!more || stopped_) break;
        space_.wait(lock, [this] {
          return stopped_ || window_.empty() ||
                 (window_.size() < kMaxItems && bytes_ < kMaxBytes);
        });
        if (stopped_) break;
        const bool needs_work = steps_.needs_work(item);
        Slot& slot = window_.emplace_back();
        slot.bytes = item.data.size();
        slot.item = std::move(item);
        slot.state = needs_work ? State::kReady : State::kDone;
        bytes_ += slot.bytes;
        if (needs_work) {
          work_.notify_one();
          if (helping_) done_.notify_one();
        } else if (window_.size() == 1) {
          done_.notify_one();
        }
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      read_failure_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    read_done_ = true;
    work_.notify_all();
    done_.notify_all();
  }

  // The first item nobody has started cleaning, or null. Under the lock.
  Slot* claim() {
    if (next_ < base_) next_ = base_;
    while (next_ - base_ < window_.size()) {
      Slot& slot = window_[next_ - base_];
      ++next_;
      if (slot.state == State::kReady) {
        slot.state = State::kWorking;
        return &slot;
      }
    }
    return nullptr;
  }

  // Cleans `slot` outside the lock (a deque's elements stay where they are
  // while others are added at the back or taken from the front).
  void work_on(Slot* slot, std::unique_lock<std::mutex>* lock) {
    lock->unlock();
    steps_.work(&slot->item);
    lock->lock();
    slot->state = State::kDone;
    if (&window_.front() == slot) done_.notify_one();
  }

  void work_all() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      Slot* slot = nullptr;
      work_.wait(lock, [&] { return stopped_ || (slot = claim()) != nullptr || read_done_; });
      if (slot == nullptr) {
        if (stopped_ || read_done_) return;
        continue;
      }
      work_on(slot, &lock);
    }
  }

  void write_all() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      done_.wait(lock, [this] {
        return (!window_.empty() && window_.front().state == State::kDone) ||
               (window_.empty() && read_done_) ||
               (helping_ && !window_.empty());
      });
      if (window_.empty()) return;  // read_done_
      if (window_.front().state != State::kDone) {
        if (Slot* slot = claim()) work_on(slot, &lock);  // no worker threads
        continue;
      }
      Slot slot = std::move(window_.front());
      window_.pop_front();
      ++base_;
      bytes_ -= slot.bytes;
      space_.notify_one();
      lock.unlock();
      steps_.write(slot.item);
      lock.lock();
    }
  }

  const PipelineSteps& steps_;
  std::mutex mutex_;
  std::condition_variable space_;  // the reader waits for room in the window
  std::condition_variable work_;   // workers wait for an item to clean
  std::condition_variable done_;   // the writer waits for the front item
  std::deque<Slot> window_;        // items read and not yet written, in order
  std::size_t base_ = 0;           // the number of the window's front item
  std::size_t next_ = 0;           // no item before this one is kReady
  std::size_t bytes_ = 0;          // input bytes in the window
  bool read_done_ = false;
  bool stopped_ = false;           // the writer failed: everyone stops
  bool helping_ = false;           // no worker threads: the writer cleans
  std::exception_ptr read_failure_;
};

}  // namespace

void run_pipeline(unsigned workers, const PipelineSteps& steps) {
  Pipeline(steps).run(workers);
}

unsigned all_cores() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

}  // namespace newsclean::cli
