#include "query/cypher/query.h"

#include <algorithm>

#include "query/cypher/binder.h"
#include "query/cypher/executor.h"
#include "query/cypher/parser.h"

namespace casegraph::cypher {

namespace {

std::vector<std::string> NamesOf(const ValueMap& params) {
  std::vector<std::string> names;
  for (const auto& [name, value] : params) names.push_back(name);
  return names;
}

}  // namespace

Result<QueryAnswer> RunQuery(const Graph& g, std::string_view text, const ValueMap& params, const QueryOptions& options) {
  Result<Query> parsed = Parse(text);
  if (!parsed.ok()) return parsed.status();
  Query& q = parsed.value();
  if (Status s = Bind(&q, text, g, params); !s.ok()) return s;
  return Execute(q, g, params, options);
}

Result<PreparedQuery> PreparedQuery::Prepare(const Graph& g, std::string_view text, std::vector<std::string> param_names) {
  Result<Query> parsed = Parse(text);
  if (!parsed.ok()) return parsed.status();
  auto q = std::make_shared<Query>(std::move(parsed).value());
  ValueMap declared;  // the binder needs only the names
  for (const std::string& name : param_names) declared.emplace_back(name, Value());
  if (Status s = Bind(q.get(), text, g, declared); !s.ok()) return s;
  return PreparedQuery(&g, std::move(q), std::move(param_names));
}

Result<QueryAnswer> PreparedQuery::Run(const ValueMap& params, const QueryOptions& options) const {
  for (const std::string& name : param_names_) {
    if (std::none_of(params.begin(), params.end(), [&](const auto& p) { return p.first == name; })) {
      return Status::InvalidInput(Message("the prepared query needs a value for $", name));
    }
  }
  return Execute(*query_, *graph_, params, options);
}

Result<PreparedQuery> QueryCache::Get(const Graph& g, std::string_view text, const ValueMap& params) {
  if (graph_ != &g) entries_.clear();  // another graph: nothing held is valid for it
  graph_ = &g;
  std::string key(text);
  for (const std::string& name : NamesOf(params)) key += '\0' + name;
  for (Entry& e : entries_) {
    if (e.key == key) {
      e.used = ++clock_;
      return e.query;
    }
  }
  Result<PreparedQuery> prepared = PreparedQuery::Prepare(g, text, NamesOf(params));
  if (!prepared.ok()) return prepared;
  if (entries_.size() >= capacity_) {
    entries_.erase(std::min_element(entries_.begin(), entries_.end(),
                                    [](const Entry& a, const Entry& b) { return a.used < b.used; }));
  }
  entries_.push_back({std::move(key), prepared.value(), ++clock_});
  return prepared;
}

}  // namespace casegraph::cypher
