// casegraph's side of the peer comparison (tools/bench/run): loads a CSV edge file once, then
// answers the query pairs through the batch interface (one JSON query line in, one JSON answer
// out, exactly what `casegraph batch` does per line) and times each answer. Writes one JSON
// record per mode and workload, in the same fields as the peer scripts, so that compare.py can
// check the answers against theirs.
//
// Usage: casegraph_peer_bench --edges FILE --queries PAIRS [--dataset NAME] [--via TYPE]
//                             [--workloads sp,khop2,khop3] [--modes directed,undirected] [--out FILE]
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
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

double PeakRssMb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::atof(line.c_str() + std::strlen(field)) / 1024.0;
  }
  return -1;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

std::string Quote(const std::string& s) {
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  return b.GetString();
}

}  // namespace

int main(int argc, char** argv) {
  std::string edges, queries, dataset, via, out_path;
  std::vector<std::string> workloads = {"sp", "khop2", "khop3"}, modes = {"directed", "undirected"};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--edges") edges = v;
    else if (k == "--queries") queries = v;
    else if (k == "--dataset") dataset = v;
    else if (k == "--via") via = v;
    else if (k == "--workloads") workloads = Split(v, ',');
    else if (k == "--modes") modes = Split(v, ',');
    else if (k == "--out") out_path = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (edges.empty() || queries.empty()) {
    std::fprintf(stderr, "usage: casegraph_peer_bench --edges FILE --queries PAIRS [--dataset NAME] [--via TYPE] "
                         "[--workloads sp,khop2,khop3] [--modes directed,undirected] [--out FILE]\n");
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  {
    std::ifstream in(queries);
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> p = Split(line, ',');
      if (p.size() >= 2 && p[0] != "src") pairs.emplace_back(p[0], p[1]);
    }
  }

  const auto t0 = Clock::now();
  Result<Case> loaded = LoadCase({edges});
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.status().diagnostics()) std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
    return 2;
  }
  std::shared_ptr<const Graph> g = Graph::Build(std::move(loaded).value());
  const double load_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  cli::BatchAnswerer answerer(g);
  std::ofstream out_file;
  if (!out_path.empty()) out_file.open(out_path, std::ios::app);

  const std::string via_json = via.empty() ? "" : ",\"via\":[" + Quote(via) + "]";
  for (const std::string& workload : workloads) {
    for (const std::string& mode : modes) {
      std::vector<long long> answers;
      std::vector<double> micros;
      int line_number = 0;
      for (const auto& [src, dst] : pairs) {
        std::string q;
        if (workload == "sp") {
          q = "{\"command\":\"path\",\"from\":" + Quote(src) + ",\"to\":" + Quote(dst);
        } else {
          q = "{\"command\":\"neighbors\",\"count\":true,\"entity\":" + Quote(src) + ",\"depth\":" + workload.substr(4);
        }
        q += via_json;
        if (mode == "directed") q += ",\"directed\":true";
        q += "}";
        const auto a = Clock::now();
        const std::string answer = answerer.Answer(q, ++line_number);
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - a).count());
        rapidjson::Document d;
        d.Parse(answer.c_str());
        long long value = -1;
        if (d.HasParseError() || d.HasMember("error")) {
          std::fprintf(stderr, "query %s failed: %s\n", q.c_str(), answer.c_str());
          return 1;
        }
        if (workload == "sp") {
          const rapidjson::Value& paths = d["paths"];
          if (!paths.Empty()) value = paths[0]["length"].GetInt64();
        } else {
          value = d["count"].GetInt64();
        }
        answers.push_back(value);
      }
      std::vector<double> sorted = micros;
      std::sort(sorted.begin(), sorted.end());
      double total = 0;
      for (double m : micros) total += m;
      const double median = sorted.empty() ? 0
                            : sorted.size() % 2 ? sorted[sorted.size() / 2]
                                                : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
      std::ostringstream rec;
      rec << "{\"tool\": \"casegraph\", \"dataset\": " << Quote(dataset) << ", \"mode\": " << Quote(mode)
          << ", \"workload\": " << Quote(workload) << ", \"rel_type\": " << (via.empty() ? "null" : Quote(via))
          << ", \"load_seconds\": " << load_seconds << ", \"peak_rss_mb\": " << PeakRssMb("VmHWM:")
          << ", \"queries\": " << pairs.size() << ", \"total_query_seconds\": " << total / 1e6
          << ", \"median_query_us\": " << median
          << ", \"p90_query_us\": " << (sorted.empty() ? 0 : sorted[static_cast<size_t>(0.9 * (sorted.size() - 1))])
          << ", \"unreachable\": ";
      if (workload == "sp") {
        rec << std::count(answers.begin(), answers.end(), -1);
      } else {
        rec << "null";
      }
      rec << ", \"answers\": [";
      for (size_t i = 0; i < answers.size(); ++i) rec << (i ? ", " : "") << answers[i];
      rec << "], \"pairs\": [";
      for (size_t i = 0; i < pairs.size(); ++i) rec << (i ? ", " : "") << Quote(pairs[i].first + ">" + pairs[i].second);
      rec << "]}";
      std::cout << rec.str() << "\n";
      if (out_file) out_file << rec.str() << "\n";
      std::fprintf(stderr, "[casegraph] %s %s %s load=%.3fs median=%.1fus peak=%.0fMB\n", dataset.c_str(), mode.c_str(),
                   workload.c_str(), load_seconds, median, PeakRssMb("VmHWM:"));
    }
  }
  return 0;
}
