#include "io/json_pipeline.h"

namespace casegraph {

void JsonBatch::Deliver(JsonVisitor* visitor) const {
  for (const Event& e : events) {
    switch (e.type) {
      case Event::Type::kOpen:
        visitor->Open(e.depth, e.kind, std::string_view(tree.strings_).substr(e.key_begin, e.key_size), e.offset);
        break;
      case Event::Type::kValue:
        tree.source().Anchor(tree.nodes_[e.node].offset);
        visitor->Value(e.depth, JsonValue(&tree, e.node));
        break;
      case Event::Type::kClose: visitor->Close(e.depth, e.kind); break;
    }
  }
}

JsonBatch* InlineSink::Hand(JsonBatch* full) {
  full->Deliver(visitor_);
  full->Clear();
  return full;
}

ThreadSink::ThreadSink(const SourceText& source, JsonVisitor* visitor) : visitor_(visitor) {
  for (int i = 0; i < kBatches; ++i) {
    owned_.push_back(std::make_unique<JsonBatch>(source));
    if (i > 0) empty_.push_back(owned_.back().get());
  }
  reader_ = std::thread([this] { Run(); });
}

JsonBatch* ThreadSink::Hand(JsonBatch* full) {
  std::unique_lock<std::mutex> lock(mutex_);
  full_.push_back(full);
  changed_.notify_all();
  changed_.wait(lock, [this] { return !empty_.empty(); });
  JsonBatch* next = empty_.front();
  empty_.pop_front();
  return next;
}

void ThreadSink::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  changed_.notify_all();
  if (reader_.joinable()) reader_.join();
}

void ThreadSink::Run() {
  for (;;) {
    JsonBatch* batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return !full_.empty() || done_; });
      if (full_.empty()) return;
      batch = full_.front();
      full_.pop_front();
    }
    batch->Deliver(visitor_);
    batch->Clear();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      empty_.push_back(batch);
    }
    changed_.notify_all();
  }
}

}  // namespace casegraph
