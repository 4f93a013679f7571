// What a node's and a relationship's properties are in a pattern query: for an entity id, name,
// type, description, aliases and its attributes; for a relation id, type, label, date, start, end,
// status (its effective value), weight, evidence and its attributes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "query/cypher/value.h"

namespace casegraph::cypher {

/// The built-in properties, which every node, or every relationship, has.
const std::vector<std::string>& NodePropertyNames();
const std::vector<std::string>& RelationshipPropertyNames();

/// A property's value; null when the entity or relation has none of that name.
Value NodeProperty(const Graph& g, EntityId v, std::string_view key);
Value RelationshipProperty(const Graph& g, RelationId r, std::string_view key);

/// An attribute as a value: strings, numbers (integers when written as such), booleans, null.
Value AttributeAsValue(const AttributeValue& a);

}  // namespace casegraph::cypher
