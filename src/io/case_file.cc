#include "io/case_file.h"

namespace casegraph {

bool IsValidId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string RelationIdStem(const std::string& path) {
  std::string stem = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  const size_t dot = stem.find('.');
  if (dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem;
}

std::string ImpliedRelationId(const std::string& path, size_t index) {
  std::string id = RelationIdStem(path);
  id += '#';
  id += std::to_string(index);
  return id;
}

}  // namespace casegraph
