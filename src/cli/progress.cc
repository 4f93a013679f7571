#include "cli/progress.h"

#include <cstdio>
#include <cstdlib>

namespace casegraph::cli {

Progress::Progress(bool stderr_is_terminal) : active_(stderr_is_terminal), start_(std::chrono::steady_clock::now()) {
  if (active_) thread_ = std::thread([this] { Run(); });
}

Progress::~Progress() {
  if (!active_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (printed_) std::fprintf(stderr, "\r\x1b[K");
}

void Progress::Stage(std::string stage) {
  std::lock_guard<std::mutex> lock(mutex_);
  stage_ = std::move(stage);
}

void Progress::Run() {
  // CASEGRAPH_PROGRESS_DELAY: seconds of work before progress shows (default 1).
  double delay = 1.0;
  if (const char* env = std::getenv("CASEGRAPH_PROGRESS_DELAY")) delay = std::atof(env);
  std::unique_lock<std::mutex> lock(mutex_);
  if (wake_.wait_for(lock, std::chrono::duration<double>(delay), [this] { return done_; })) return;
  while (!done_) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\r\x1b[Kcasegraph: %s... %.1f s", stage_.c_str(), seconds);
    std::fflush(stderr);
    printed_ = true;
    wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return done_; });
  }
}

}  // namespace casegraph::cli
