// An immutable array that either owns its items (a std::vector, as built) or views memory that
// someone else keeps alive (a snapshot mapped into memory: opening it copies nothing).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace casegraph {

template <typename T>
class Column {
 public:
  Column() = default;
  explicit Column(std::vector<T> items) : own_(std::move(items)), data_(own_.data()), size_(own_.size()) {}
  /// A view of size items at data, valid while keep is.
  static Column View(const T* data, size_t size, std::shared_ptr<const void> keep) {
    Column c;
    c.data_ = data;
    c.size_ = size;
    c.keep_ = std::move(keep);
    return c;
  }

  Column(Column&& o) noexcept { *this = std::move(o); }
  Column& operator=(Column&& o) noexcept {
    const bool owned = o.data_ == o.own_.data();
    own_ = std::move(o.own_);
    data_ = owned ? own_.data() : o.data_;
    size_ = o.size_;
    keep_ = std::move(o.keep_);
    o.data_ = nullptr;
    o.size_ = 0;
    return *this;
  }
  Column(const Column& o) { *this = o; }
  Column& operator=(const Column& o) {
    if (this == &o) return *this;
    const bool owned = o.data_ == o.own_.data();
    own_ = o.own_;
    data_ = owned ? own_.data() : o.data_;
    size_ = o.size_;
    keep_ = o.keep_;
    return *this;
  }

  const T& operator[](size_t i) const { return data_[i]; }
  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }

 private:
  std::vector<T> own_;
  const T* data_ = nullptr;
  size_t size_ = 0;
  std::shared_ptr<const void> keep_;
};

}  // namespace casegraph
