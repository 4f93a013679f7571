// Work split in two: the first part on the calling thread, the second on a thread of its own.
#pragma once

#include <exception>
#include <thread>

namespace casegraph {

/// Runs fn(0) on this thread and fn(1) on a second one (or both here, one after the other, when
/// two_threads is false: too little work to pay for a thread), and returns when both have; an
/// exception from either is thrown here once both have stopped.
template <typename Fn>
void InTwoParts(bool two_threads, Fn&& fn) {
  if (!two_threads) {
    fn(0);
    fn(1);
    return;
  }
  std::exception_ptr failed;
  std::thread second([&] {
    try {
      fn(1);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  try {
    fn(0);
  } catch (...) {
    second.join();
    throw;
  }
  second.join();
  if (failed) std::rethrow_exception(failed);
}

}  // namespace casegraph
