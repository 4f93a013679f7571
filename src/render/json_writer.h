// JSON output: RapidJSON's writer with the pieces every answer shares.
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <string>
#include <string_view>

#include "graph/graph.h"
#include "query/path.h"
#include "render/describe.h"

namespace casegraph {

/// Writes one JSON answer. Pretty (two-space indent) by default; compact for batch lines.
class JsonOut {
 public:
  explicit JsonOut(bool pretty = true);

  /// Opens the answer object with "casegraph": 1 and "query".
  void Begin(const QueryEcho& query);
  /// Closes the answer object and returns the text, ending in a newline.
  std::string End();
  /// The text written so far (for documents that are not answers).
  std::string Text() const;

  void Key(const std::string& k);
  /// A key that needs no escaping (QueryEcho's), written as it is.
  void PlainKey(const char* k);
  void String(const std::string& s);
  void String(std::string_view s);
  void Int(int64_t n);
  void Double(double d);
  void Bool(bool b);
  void Null();
  void StartObject();
  void EndObject();
  void StartArray();
  void EndArray();
  void StringArray(const std::vector<std::string>& items);
  void Field(const std::string& k, const std::string& v) { Key(k); String(v); }

  /// A hop object: relation, type, label, direction, from, to, date, status, evidence, attributes, the
  /// relation's weight as "cost" when with_cost, and the day it was taken as "time" when given.
  void HopObject(const Graph& g, const Hop& hop, bool with_cost = false, std::optional<Day> time = std::nullopt);
  /// A day ("2021-03-09"), or null for kFirstDay (no constraint).
  void DayValue(Day day);
  /// A path object: length, cost, entities, "arrival" for chronological paths, hops (with
  /// their cost when weighted, their time when chronological).
  void PathObject(const Graph& g, const Path& path, bool weighted = false);
  /// A relation's date fields: "date" (text or null), and "start"/"end" for spans.
  void DateFields(const Relation& r);
  void DateFields(const Graph::Dates& d);
  void EvidenceArray(const Relation& r);
  void EvidenceArray(std::span<const Evidence> evidence);
  /// An entity object: id, name, type, aliases, description, attributes.
  void EntityObject(const Entity& e);
  void AttributesObject(const Attributes& a);

 private:
  void QuotedString(std::string_view s);

  // One allocator for the buffer and both writers' stacks (RapidJSON makes one for each that is
  // given none: three allocations an answer for nothing, since the allocator has no state).
  rapidjson::CrtAllocator allocator_;
  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> pretty_;
  rapidjson::Writer<rapidjson::StringBuffer> compact_;
  bool is_pretty_;
};

}  // namespace casegraph
