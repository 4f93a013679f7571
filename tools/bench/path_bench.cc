// Path benchmark: every path form on a large generated case graph, median and 90th
// percentile time per query. Usage: casegraph_path_bench [ENTITIES RELATIONS [QUERIES]]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "case_generator.h"
#include "query/filter.h"
#include "query/path.h"

using namespace casegraph;
using Clock = std::chrono::steady_clock;

namespace {

struct Form {
  const char* name;
  PathForm form;
  bool weighted;
  int k;
  int limit;
  std::optional<int> max_hops;
  std::vector<std::string> via;
};

double Micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  bench::GeneratorOptions options;
  int queries = 200;
  if (argc >= 3) {
    options.entities = static_cast<uint32_t>(std::atoi(argv[1]));
    options.relations = static_cast<uint32_t>(std::atoi(argv[2]));
  }
  if (argc >= 4) queries = std::atoi(argv[3]);
  auto t0 = Clock::now();
  Case c = bench::GenerateCase(options);
  auto t1 = Clock::now();
  std::unique_ptr<const Graph> g = Graph::Build(std::move(c));
  auto t2 = Clock::now();
  std::printf("graph: %u entities, %u relations, %u relation types (generated in %.2f s, built in %.2f s)\n",
              options.entities, options.relations, options.relation_types,
              Micros(t1 - t0) / 1e6, Micros(t2 - t1) / 1e6);
  std::printf("%-34s %8s %12s %12s %10s\n", "form", "queries", "median us", "p90 us", "found");

  const std::vector<Form> forms = {
      {"shortest (bidirectional BFS)", PathForm::kShortest, false, 1, 100, std::nullopt, {}},
      {"shortest --via rel0,rel1", PathForm::kShortest, false, 1, 100, std::nullopt, {"rel0", "rel1"}},
      {"shortest --weighted (Dijkstra)", PathForm::kShortest, true, 1, 100, std::nullopt, {}},
      {"--all --limit 100", PathForm::kAllShortest, false, 1, 100, std::nullopt, {}},
      {"-k 5 (Yen)", PathForm::kKShortest, false, 5, 100, std::nullopt, {}},
      {"--simple --max-hops 3 --limit 100", PathForm::kAllSimple, false, 1, 100, 3, {}},
  };
  std::mt19937 rng(7);
  std::uniform_int_distribution<EntityId> pick(0, options.entities - 1);
  for (const Form& form : forms) {
    FilterSpec spec;
    spec.via = form.via;
    spec.max_hops = form.max_hops;
    Result<TraversalFilter> filter = CompileFilter(*g, spec);
    if (!filter.ok()) {
      std::fprintf(stderr, "%s\n", filter.status().message().c_str());
      return 1;
    }
    const int n = form.form == PathForm::kShortest ? queries : std::max(10, queries / 4);
    std::vector<double> times;
    int found = 0;
    for (int i = 0; i < n; ++i) {
      PathQuery q;
      q.from = pick(rng);
      q.to = pick(rng);
      q.form = form.form;
      q.weighted = form.weighted;
      q.k = form.k;
      q.limit = form.limit;
      auto start = Clock::now();
      Result<PathAnswer> a = FindPaths(*g, filter.value(), q);
      times.push_back(Micros(Clock::now() - start));
      found += a.ok() && !a.value().paths.empty();
    }
    std::sort(times.begin(), times.end());
    std::printf("%-34s %8d %12.0f %12.0f %9d%%\n", form.name, n, times[times.size() / 2],
                times[times.size() * 9 / 10], 100 * found / n);
  }
  return 0;
}
