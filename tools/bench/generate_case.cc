// Writes a large generated legal-style case file (typed entities with aliases and descriptions;
// typed, dated relations with statuses, weights and quoted evidence), for measuring the JSON
// reader. Usage: casegraph_generate_case ENTITIES RELATIONS OUTPUT.json
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "case_generator.h"
#include "io/case_file.h"
#include "io/case_writer.h"

using namespace casegraph;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: casegraph_generate_case ENTITIES RELATIONS OUTPUT.json\n");
    return 2;
  }
  bench::GeneratorOptions options;
  options.entities = static_cast<uint32_t>(std::atol(argv[1]));
  options.relations = static_cast<uint32_t>(std::atol(argv[2]));
  Case c = bench::GenerateCase(options);
  CaseFile file;
  file.path = argv[3];
  file.title = "Generated case: " + std::to_string(options.entities) + " entities, " +
               std::to_string(options.relations) + " relations";
  for (const auto& [id, type] : c.vocabulary.relation_types) {
    if (id.rfind("rel", 0) == 0 && id != "related") file.vocabulary.relation_types[id] = type;
  }
  file.sources = std::move(c.sources);
  file.entities = std::move(c.entities);
  file.relations = std::move(c.relations);
  std::ofstream out(argv[3], std::ios::binary);
  out << WriteCaseFile(file);
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[3]);
    return 1;
  }
  return 0;
}
