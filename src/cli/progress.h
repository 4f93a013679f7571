// Progress on stderr for work that takes more than a second, and only on a terminal: a user
// loading a large graph sees what is happening instead of a silent prompt. Nothing is printed for
// quick work, when stderr is not a terminal, or in tests.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace casegraph::cli {

class Progress {
 public:
  /// Shows "casegraph: <stage>... <seconds> s" once a second has passed ($CASEGRAPH_PROGRESS_DELAY
  /// seconds, if set); stderr_is_terminal false makes it silent.
  explicit Progress(bool stderr_is_terminal);
  ~Progress();  // clears the line it printed, if any

  /// What is being done now ("reading 1 file (44 MB)", "building the graph").
  void Stage(std::string stage);

 private:
  void Run();

  bool active_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  bool printed_ = false;
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
  std::thread thread_;
};

}  // namespace casegraph::cli
