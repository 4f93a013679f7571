// Binary sections of a snapshot: integers, strings and arrays written as they lie in memory.
// Arrays start at multiples of 8 bytes from the start of the body, so that a reader can use them
// where they lie in a mapping of the file; every read is checked against what is left.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "model/column.h"
#include "model/location.h"

namespace casegraph {

class ByteWriter {
 public:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void Str(const std::string& s) {
    U64(s.size());
    Raw(s.data(), s.size());
  }
  template <typename T>
  void Array(const T* data, size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && (std::is_arithmetic_v<T> || std::has_unique_object_representations_v<T>),
                  "written as raw bytes: no padding");
    U64(n);
    out_.append((8 - out_.size() % 8) % 8, '\0');
    Raw(data, n * sizeof(T));
  }
  template <typename T>
  void Vec(const std::vector<T>& v) { Array(v.data(), v.size()); }
  template <typename T>
  void Vec(const Column<T>& v) { Array(v.data(), v.size()); }
  void Strings(const std::vector<std::string>& v) {
    U64(v.size());
    for (const std::string& s : v) Str(s);
  }
  void Where(const Location& l) {
    Str(l.file);
    U64(static_cast<uint64_t>(l.line));
    U64(static_cast<uint64_t>(l.column));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

/// Reads sections back from bytes kept alive by owner, from begin on (the body's start, to which
/// arrays are aligned). Once a read fails (past the end, or a count the rest cannot hold), ok()
/// is false and every later read gives zeros and empty arrays. Arrays are used where they lie:
/// Column views that keep owner alive.
class ByteReader {
 public:
  ByteReader(std::shared_ptr<const void> owner, const unsigned char* data, size_t size, size_t begin)
      : owner_(std::move(owner)), data_(data), size_(size), pos_(begin), begin_(begin) {}

  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == size_; }

  void Raw(void* p, size_t n);
  uint64_t U64() {
    uint64_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  /// A count of items of the given size, refused if the rest of the bytes cannot hold that many.
  size_t Count(size_t item);
  std::string Str();
  template <typename T>
  Column<T> View() {
    const size_t n = Count(sizeof(T));
    pos_ += std::min((8 - (pos_ - begin_) % 8) % 8, size_ - pos_);
    if (!ok_ || n > (size_ - pos_) / sizeof(T)) {
      ok_ = false;
      return Column<T>();
    }
    const T* at = reinterpret_cast<const T*>(data_ + pos_);
    pos_ += n * sizeof(T);
    return Column<T>::View(at, n, owner_);
  }
  template <typename T>
  void Vec(std::vector<T>* v) {
    Column<T> c = View<T>();
    v->assign(c.begin(), c.end());
  }
  std::vector<std::string> Strings();
  Location Where();

 private:
  std::shared_ptr<const void> owner_;
  const unsigned char* data_;
  size_t size_;
  size_t pos_;
  size_t begin_;
  bool ok_ = true;
};

}  // namespace casegraph
