#include "io/byte_codec.h"

#include <algorithm>

namespace casegraph {

void ByteReader::Raw(void* p, size_t n) {
  if (!ok_ || n > size_ - pos_) {
    ok_ = false;
    return;
  }
  std::memcpy(p, data_ + pos_, n);
  pos_ += n;
}

size_t ByteReader::Count(size_t item) {
  const uint64_t n = U64();
  const size_t left = size_ - pos_;
  if (!ok_ || n > left / std::max<size_t>(item, 1)) {
    ok_ = false;
    return 0;
  }
  return static_cast<size_t>(n);
}

std::string ByteReader::Str() {
  std::string s(Count(1), '\0');
  Raw(s.data(), s.size());
  return s;
}

std::vector<std::string> ByteReader::Strings() {
  std::vector<std::string> v(Count(8));
  for (std::string& s : v) s = Str();
  return v;
}

Location ByteReader::Where() {
  Location l;
  l.file = Str();
  l.line = static_cast<int>(U64());
  l.column = static_cast<int>(U64());
  return l;
}

}  // namespace casegraph
