#include "io/json_tree.h"


namespace casegraph {

const char* JsonKindName(JsonKind kind) {
  switch (kind) {
    case JsonKind::kNull: return "null";
    case JsonKind::kBool: return "a boolean";
    case JsonKind::kNumber: return "a number";
    case JsonKind::kString: return "a string";
    case JsonKind::kArray: return "an array";
    case JsonKind::kObject: return "an object";
  }
  return "a value";
}

JsonKind JsonValue::kind() const { return tree_->nodes_[index_].kind; }

std::string_view JsonValue::text() const {
  const JsonTree::Node& n = tree_->nodes_[index_];
  return std::string_view(tree_->strings_).substr(n.text_begin, n.text_size);
}

Location JsonValue::where() const { return tree_->source_->LocationAt(tree_->nodes_[index_].offset); }

size_t JsonValue::offset() const { return tree_->nodes_[index_].offset; }

std::string_view JsonValue::key() const {
  const JsonTree::Node& n = tree_->nodes_[index_];
  return std::string_view(tree_->strings_).substr(n.key_begin, n.key_size);
}

size_t JsonValue::key_offset() const { return tree_->nodes_[index_].key_offset; }

Location JsonValue::key_where() const { return tree_->source_->LocationAt(tree_->nodes_[index_].key_offset); }

JsonValue::Children JsonValue::children() const {
  return Children(tree_, index_ + 1, tree_->nodes_[index_].end);
}

uint32_t JsonValue::size() const { return tree_->nodes_[index_].count; }

JsonValue::Children::Iterator& JsonValue::Children::Iterator::operator++() {
  index_ = tree_->nodes_[index_].end;
  return *this;
}

}  // namespace casegraph
