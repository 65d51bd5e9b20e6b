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
// Threads are woken in batches, not once an item: the writer when this many
// items are ready to write at the front (or nothing else is in the window,
// or the window is half full), the reader when there is room for this many.
// And they are woken after the lock is let go: a thread that wakes another
// may be preempted right there, and if it held the lock, every other thread
// would wait for it (on a busy machine that cost a worker a tenth of its time).
constexpr std::size_t kBatch = 32;

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

  // The rest of these run under the lock.

  // Counts the slots that are done at the front of the window.
  void extend_done_run() {
    while (done_run_ < window_.size() && window_[done_run_].state == State::kDone) ++done_run_;
  }

  // The writer has something to write and is worth waking for it.
  bool should_write() const {
    if (done_run_ == 0) return false;
    return done_run_ >= kBatch || read_done_ || busy_ == 0 || helping_ ||
           window_.size() >= kMaxItems / 2 || bytes_ >= kMaxBytes / 2;
  }

  bool has_room() const {
    return window_.empty() || (window_.size() < kMaxItems && bytes_ < kMaxBytes);
  }

  // After the reader had to wait: room for a batch (or an empty window).
  bool has_room_for_batch() const {
    return window_.empty() || (window_.size() + kBatch <= kMaxItems && bytes_ < kMaxBytes / 2);
  }

  void read_all() {
    try {
      for (;;) {
        Item item;
        const bool more = steps_.read(&item);
        const bool needs_work = more && steps_.needs_work(item);
        bool wake_writer = false;
        {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!more || stopped_) break;
          if (!has_room()) {
            reader_waiting_ = true;
            space_.wait(lock, [this] { return stopped_ || has_room_for_batch(); });
            reader_waiting_ = false;
            if (stopped_) break;
          }
          Slot& slot = window_.emplace_back();
          slot.bytes = item.data.size();
          slot.item = std::move(item);
          slot.state = needs_work ? State::kReady : State::kDone;
          bytes_ += slot.bytes;
          if (needs_work) {
            ++busy_;
            wake_writer = helping_;
          } else {
            extend_done_run();
            wake_writer = should_write();
          }
        }
        if (needs_work) work_.notify_one();
        if (wake_writer) done_.notify_one();
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

  // The first item nobody has started cleaning, or null.
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
  // while others are added at the back or taken from the front), first
  // waking the writer if `wake_writer`. Returns whether to wake it now.
  bool work_on(Slot* slot, bool wake_writer, std::unique_lock<std::mutex>* lock) {
    lock->unlock();
    if (wake_writer) done_.notify_one();
    steps_.work(&slot->item);
    lock->lock();
    slot->state = State::kDone;
    --busy_;
    extend_done_run();
    return should_write();
  }

  void work_all() {
    std::unique_lock<std::mutex> lock(mutex_);
    bool wake_writer = false;
    for (;;) {
      Slot* slot = nullptr;
      if (wake_writer && (slot = claim()) == nullptr) {  // before waiting for work
        lock.unlock();
        done_.notify_one();
        wake_writer = false;
        lock.lock();
      }
      if (slot == nullptr) {
        work_.wait(lock, [&] { return stopped_ || (slot = claim()) != nullptr || read_done_; });
      }
      if (slot == nullptr) {
        if (stopped_ || read_done_) break;
        continue;
      }
      wake_writer = work_on(slot, wake_writer, &lock);
    }
    lock.unlock();
    if (wake_writer) done_.notify_one();
  }

  void write_all() {
    std::vector<Slot> batch;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      done_.wait(lock, [this] {
        return should_write() || (window_.empty() && read_done_) ||
               (helping_ && !window_.empty());
      });
      if (window_.empty()) return;  // read_done_
      if (done_run_ == 0) {
        if (Slot* slot = claim()) work_on(slot, false, &lock);  // no worker threads
        continue;
      }
      batch.clear();
      for (; done_run_ > 0; --done_run_) {
        bytes_ -= window_.front().bytes;
        batch.push_back(std::move(window_.front()));
        window_.pop_front();
        ++base_;
      }
      const bool wake_reader = reader_waiting_ && has_room_for_batch();
      lock.unlock();
      if (wake_reader) space_.notify_one();
      for (Slot& slot : batch) steps_.write(slot.item);
      lock.lock();
    }
  }

  const PipelineSteps& steps_;
  std::mutex mutex_;
  std::condition_variable space_;  // the reader waits for room in the window
  std::condition_variable work_;   // workers wait for an item to clean
  std::condition_variable done_;   // the writer waits for items to write
  std::deque<Slot> window_;        // items read and not yet written, in order
  std::size_t base_ = 0;           // the number of the window's front item
  std::size_t next_ = 0;           // no item before this one is kReady
  std::size_t done_run_ = 0;       // window_[0, done_run_) are kDone
  std::size_t busy_ = 0;           // items kReady or kWorking
  std::size_t bytes_ = 0;          // input bytes in the window
  bool read_done_ = false;
  bool reader_waiting_ = false;
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
