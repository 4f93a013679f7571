// Small descriptions shared by the renderers: dates, labels, the query as understood.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "graph/graph.h"
#include "query/path.h"

namespace casegraph {

/// "2021-03-09", "2017 – 2021-03" ("2017 - 2021-03" without unicode), "since 2017",
/// "until 2021-03", or "undated".
std::string RelationDateText(const Relation& r, bool unicode = true);

/// A number as exports write it: every digit a double holds ("%.17g": 2, 0.25, 1.1000000000000001).
std::string NumberText(double d);

/// The label of a relation crossed forward ("sued") or backward ("sued by").
const std::string& DirectionLabel(const Graph& g, RelationId r, bool forward);

/// The query as the command understood it, for JSON answers: keys in the order added. Keys are
/// string literals of letters, digits, '-' and '_' (written as they are, unescaped).
class QueryEcho {
 public:
  using Value = std::variant<std::string, int64_t, bool, std::vector<std::string>>;
  explicit QueryEcho(std::string command) {
    fields_.reserve(16);  // room for any command's fields: one allocation
    Add("command", std::move(command));
  }
  QueryEcho& Add(const char* key, Value value) {
    fields_.emplace_back(key, std::move(value));
    return *this;
  }
  const std::vector<std::pair<const char*, Value>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<const char*, Value>> fields_;
};

}  // namespace casegraph
