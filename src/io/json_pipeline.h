// How a streaming parse hands values over (internal to the JSON reader): in batches, either to
// the visitor at once, or to a second thread that hands them to the visitor while the parser
// fills the next batch, so that parsing and reading a large document overlap on two cores.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "io/json_tree.h"

namespace casegraph {

/// Values handed over together: the events of a piece of the document, and the tree their
/// values lie in.
struct JsonBatch {
  struct Event {
    enum class Type : uint8_t { kOpen, kValue, kClose } type;
    JsonKind kind;
    int depth;
    uint32_t node;                 // kValue: the value's node
    uint32_t key_begin, key_size;  // kOpen: the key, in the tree's strings
    size_t offset;                 // kOpen: where the container starts
  };

  explicit JsonBatch(const SourceText& source) : tree(source) {}

  void Clear() {
    tree.Clear();
    events.clear();
  }
  /// Hands the events over to the visitor, in order.
  void Deliver(JsonVisitor* visitor) const;

  JsonTree tree;
  std::vector<Event> events;
};

/// Where full batches go.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  /// Takes a full batch; returns an empty one to fill next.
  virtual JsonBatch* Hand(JsonBatch* full) = 0;
  /// After the last batch: returns when the visitor has had everything.
  virtual void Finish() {}
};

/// Hands each batch to the visitor at once, on the parsing thread.
class InlineSink : public BatchSink {
 public:
  explicit InlineSink(JsonVisitor* visitor) : visitor_(visitor) {}
  JsonBatch* Hand(JsonBatch* full) override;

 private:
  JsonVisitor* visitor_;
};

/// A second thread hands batches to the visitor while the parser fills the next one (three in
/// rotation).
class ThreadSink : public BatchSink {
 public:
  ThreadSink(const SourceText& source, JsonVisitor* visitor);
  ~ThreadSink() override { Finish(); }

  /// The batch to fill first.
  JsonBatch* first() { return owned_.front().get(); }
  JsonBatch* Hand(JsonBatch* full) override;
  void Finish() override;

 private:
  static constexpr int kBatches = 3;
  void Run();

  JsonVisitor* visitor_;
  std::vector<std::unique_ptr<JsonBatch>> owned_;
  std::deque<JsonBatch*> full_, empty_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool done_ = false;
  std::thread reader_;
};

}  // namespace casegraph
