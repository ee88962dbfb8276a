// Work split over the machine's cores: parsing thousands of small YAML files
// is independent per file, so a cold cache or `tally check` uses every core.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace tally::core {

// Calls fn(i) for every i in [0, n), spread over the hardware threads (one
// thread when n is small). The first exception thrown by fn is rethrown here
// after all threads have stopped.
template <class F>
void parallel_for(std::size_t n, F&& fn) {
  std::size_t threads =
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), n / 64 + 1);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tally::core
