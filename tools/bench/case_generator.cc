#include "case_generator.h"

#include <cmath>
#include <random>

#include "model/vocabulary.h"

namespace casegraph::bench {

Case GenerateCase(const GeneratorOptions& o) {
  std::mt19937_64 rng(o.seed);
  Case c;
  c.vocabulary = BuiltinVocabulary();
  for (uint32_t t = 0; t < o.relation_types; ++t) {
    RelationType type;
    type.id = "rel" + std::to_string(t);
    type.label = "relates" + std::to_string(t);
    type.inverse = type.label + " (inverse)";
    type.symmetric = t % 7 == 6;
    c.vocabulary.relation_types[type.id] = type;
  }
  Source source;
  source.id = "doc";
  source.title = "Generated record";
  c.sources.push_back(source);
  c.entities.reserve(o.entities);
  for (uint32_t v = 0; v < o.entities; ++v) {
    Entity e;
    e.id = "e" + std::to_string(v);
    e.name = "Entity " + std::to_string(v);
    e.type = "type" + std::to_string(v % o.entity_types);
    if (v % 5 == 0) e.aliases.push_back("E-" + std::to_string(v));
    if (v % 3 == 0) e.description = "A party named in the generated record, entry " + std::to_string(v) + ".";
    c.entities.push_back(std::move(e));
  }
  // Degree skew: an endpoint is the floor of n * u^2 for uniform u, so low ids are hubs.
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto endpoint = [&] {
    const double u = unit(rng);
    return std::min<uint32_t>(o.entities - 1, static_cast<uint32_t>(o.entities * u * u));
  };
  std::uniform_int_distribution<uint32_t> type(0, o.relation_types - 1), status(0, 4), weight(1, 9), day(1, 28),
      month(1, 12), year(2000, 2021);
  c.relations.reserve(o.relations);
  for (uint32_t i = 0; i < o.relations; ++i) {
    Relation r;
    r.id = "r" + std::to_string(i);
    r.type = "rel" + std::to_string(type(rng));
    r.from = c.entities[endpoint()].id;
    r.to = c.entities[endpoint()].id;
    r.status = static_cast<ClaimStatus>(status(rng));
    r.weight = weight(rng);
    char date[16];
    std::snprintf(date, sizeof date, "%04u-%02u-%02u", year(rng), month(rng), day(rng));
    r.date = ParseDate(date).value();
    Evidence e;
    e.source = "doc";
    e.quote = "Paragraph " + std::to_string(i) + ": the court found that the first party acted against the second";
    e.locator = "p. " + std::to_string(1 + i % 400);
    r.evidence.push_back(std::move(e));
    c.relations.push_back(std::move(r));
  }
  return c;
}

}  // namespace casegraph::bench
