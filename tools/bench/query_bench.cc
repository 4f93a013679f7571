// casegraph's side of the pattern-query comparison (tools/bench/run): loads a CSV edge file
// once, then asks through the batch interface (one JSON line in, one JSON answer out, as
// `casegraph batch` does) pattern counts over the relation type given, each `--repeat` times,
// and shortestPath for the query pairs beside `path` for the same pairs. Writes one JSON record
// per workload: the best and median time of the repeats, and the answers.
//
// Usage: casegraph_query_bench --edges FILE --queries PAIRS --type TYPE [--dataset NAME]
//                              [--repeat N] [--out FILE]
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/batch.h"
#include "io/case_loader.h"

using namespace casegraph;
using Clock = std::chrono::steady_clock;

namespace {

std::string Quote(const std::string& s) {
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  return b.GetString();
}

// The counting workloads: name and Cypher, TYPE standing for the relation type.
struct Workload {
  const char* name;
  const char* cypher;
};
const Workload kCounts[] = {
    {"2-hop", "MATCH (a)-[:TYPE]->(b)-[:TYPE]->(c) RETURN count(*)"},
    {"3-hop", "MATCH (a)-[:TYPE]->(b)-[:TYPE]->(c)-[:TYPE]->(d) RETURN count(*)"},
    {"2-hop undirected", "MATCH (a)-[:TYPE]-(b)-[:TYPE]-(c) RETURN count(*)"},
    {"co-cited", "MATCH (a)-[:TYPE]->(b)<-[:TYPE]-(c) RETURN count(*)"},
};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

struct Timed {
  std::vector<double> seconds;  // one per repeat
  std::vector<long long> answers;
};

double Best(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }
double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Answers one batch line; the count or path length it holds (-1: no path).
long long AnswerOf(cli::BatchAnswerer& answerer, const std::string& line, bool path) {
  const std::string answer = answerer.Answer(line, 1);
  rapidjson::Document d;
  d.Parse(answer.c_str());
  if (d.HasParseError() || d.HasMember("error")) {
    std::fprintf(stderr, "query %s failed: %s\n", line.c_str(), answer.c_str());
    std::exit(1);
  }
  if (path) return d["paths"].Empty() ? -1 : d["paths"][0]["length"].GetInt64();
  const rapidjson::Value& rows = d["rows"];
  if (rows.Empty()) return -1;
  return rows[0][0].IsNull() ? -1 : rows[0][0].GetInt64();
}

void Write(std::ostream& out, const std::string& dataset, const std::string& workload, const std::string& text,
           double load_seconds, const Timed& t) {
  std::ostringstream rec;
  rec << "{\"tool\": \"casegraph\", \"dataset\": " << Quote(dataset) << ", \"workload\": " << Quote(workload)
      << ", \"query\": " << Quote(text) << ", \"load_seconds\": " << load_seconds
      << ", \"best_seconds\": " << Best(t.seconds) << ", \"median_seconds\": " << Median(t.seconds)
      << ", \"repeats\": " << t.seconds.size() << ", \"answers\": [";
  for (size_t i = 0; i < t.answers.size(); ++i) rec << (i ? ", " : "") << t.answers[i];
  rec << "]}";
  std::cout << rec.str() << "\n";
  out << rec.str() << "\n";
  std::fprintf(stderr, "[casegraph] %s %s: best %.1f ms, median %.1f ms\n", dataset.c_str(), workload.c_str(),
               1e3 * Best(t.seconds), 1e3 * Median(t.seconds));
}

}  // namespace

int main(int argc, char** argv) {
  std::string edges, queries, dataset, type, out_path = "/dev/null";
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--edges") edges = v;
    else if (k == "--queries") queries = v;
    else if (k == "--dataset") dataset = v;
    else if (k == "--type") type = v;
    else if (k == "--repeat") repeat = std::max(1, std::atoi(v.c_str()));
    else if (k == "--out") out_path = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (edges.empty() || queries.empty() || type.empty()) {
    std::fprintf(stderr, "usage: casegraph_query_bench --edges FILE --queries PAIRS --type TYPE [--dataset NAME] "
                         "[--repeat N] [--out FILE]\n");
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  std::ifstream in(queries);
  for (std::string line; std::getline(in, line);) {
    const size_t a = line.find(','), b = line.find(',', a + 1);
    if (a != std::string::npos && line.rfind("src,", 0) != 0) pairs.emplace_back(line.substr(0, a), line.substr(a + 1, b - a - 1));
  }

  const auto t0 = Clock::now();
  Result<Case> loaded = LoadCase({edges});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    return 2;
  }
  std::shared_ptr<const Graph> g = Graph::Build(std::move(loaded).value());
  const double load_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  cli::BatchAnswerer answerer(g);
  std::ofstream out(out_path, std::ios::app);

  for (const Workload& w : kCounts) {
    const std::string text = Replace(w.cypher, "TYPE", type);
    const std::string line = "{\"command\":\"query\",\"text\":" + Quote(text) + ",\"max_steps\":1000000000000}";
    Timed t;
    for (int r = 0; r < repeat; ++r) {
      const auto a = Clock::now();
      const long long n = AnswerOf(answerer, line, false);
      t.seconds.push_back(std::chrono::duration<double>(Clock::now() - a).count());
      if (r == 0) t.answers.push_back(n);
    }
    Write(out, dataset, w.name, text, load_seconds, t);
  }

  // shortestPath and path, the same directed pairs, all of them per repeat.
  for (const bool query : {true, false}) {
    Timed t;
    for (int r = 0; r < repeat; ++r) {
      double total = 0;
      for (const auto& [src, dst] : pairs) {
        const std::string line =
            query ? "{\"command\":\"query\",\"text\":" +
                        Quote("MATCH p = shortestPath((a {id: $s})-[*]->(b {id: $t})) RETURN length(p)") +
                        ",\"params\":{\"s\":" + Quote(src) + ",\"t\":" + Quote(dst) + "}}"
                  : "{\"command\":\"path\",\"from\":" + Quote(src) + ",\"to\":" + Quote(dst) + ",\"directed\":true}";
        const auto a = Clock::now();
        const long long n = AnswerOf(answerer, line, !query);
        total += std::chrono::duration<double>(Clock::now() - a).count();
        if (r == 0) t.answers.push_back(n);
      }
      t.seconds.push_back(total);
    }
    Write(out, dataset, query ? "shortestPath" : "path", query ? "shortestPath((a {id: $s})-[*]->(b {id: $t}))" : "path --directed",
          load_seconds, t);
  }
  return 0;
}
