// An array that either owns its items (a std::vector, as built) or views memory that someone
// else keeps alive (a snapshot mapped into memory: opening it copies nothing). A loader may grow
// an owned column while it fills it; growing a view first copies it.
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

  void push_back(const T& item) {
    Own().push_back(item);
    Sync();
  }
  void append(const T* items, size_t n) {
    Own().insert(own_.end(), items, items + n);
    Sync();
  }
  void reserve(size_t n) {
    Own().reserve(n);
    Sync();
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
  std::vector<T>& Own() {
    if (data_ != own_.data()) {  // a view: its items copied, and no longer kept
      own_.assign(data_, data_ + size_);
      keep_.reset();
    }
    return own_;
  }
  void Sync() {
    data_ = own_.data();
    size_ = own_.size();
  }

  std::vector<T> own_;
  const T* data_ = nullptr;
  size_t size_ = 0;
  std::shared_ptr<const void> keep_;
};

}  // namespace casegraph
