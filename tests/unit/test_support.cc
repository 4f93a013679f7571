#include "test_support.h"

#include <catch2/catch.hpp>

#include "io/case_writer.h"
#include "io/snapshot.h"
#include "model/vocabulary.h"

#include <atomic>
#include <filesystem>
#include <fstream>

#include <sstream>

#include <unistd.h>

#include <cstdio>

namespace casegraph::testing {

std::pair<int, int> NaivePlace(std::string_view text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

namespace {

Loaded FromResult(Result<Case> r, Diagnostics warnings) {
  Loaded out;
  if (r.ok()) {
    out.loaded = std::move(r).value();
    out.diagnostics = std::move(warnings);
  } else {
    out.diagnostics = r.status().diagnostics();
  }
  return out;
}

}  // namespace

Loaded Load(const std::vector<std::string>& paths) {
  Diagnostics warnings;
  Result<Case> r = LoadCase(paths, &warnings);
  return FromResult(std::move(r), std::move(warnings));
}

Loaded LoadTexts(const std::vector<std::pair<std::string, std::string>>& files) {
  Diagnostics warnings;
  Result<Case> r = LoadCaseFromTexts(files, &warnings);
  return FromResult(std::move(r), std::move(warnings));
}

std::unique_ptr<const Graph> GraphFromTexts(const std::vector<std::pair<std::string, std::string>>& files) {
  Loaded result = LoadTexts(files);
  for (const Diagnostic& d : result.diagnostics) UNSCOPED_INFO(FormatDiagnostic(d));
  REQUIRE(result.loaded);
  return Graph::Build(std::move(*result.loaded));
}

std::vector<std::string> DiagnosticsOf(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> out;
  for (const Diagnostic& d : LoadTexts(files).diagnostics) out.push_back(FormatDiagnostic(d));
  return out;
}

void RandomDates(std::mt19937& rng, Relation* r) {
  // Days in January to March 2021, written with day, month or year precision.
  auto date = [&](bool allow_year) {
    const int month = 1 + static_cast<int>(rng() % 3);
    const int day = 1 + static_cast<int>(rng() % 28);
    char text[16];
    const int precision = static_cast<int>(rng() % 10);
    if (allow_year && precision == 0) {
      std::snprintf(text, sizeof text, "2021");
    } else if (precision < 4) {
      std::snprintf(text, sizeof text, "2021-%02d", month);
    } else {
      std::snprintf(text, sizeof text, "2021-%02d-%02d", month, day);
    }
    return std::optional<Date>(ParseDate(text).value());
  };
  r->date.reset();
  r->start.reset();
  r->end.reset();
  const int kind = static_cast<int>(rng() % 10);
  if (kind < 2) return;  // undated
  if (kind < 7) {
    r->date = date(true);
    return;
  }
  // A span; either end may be open; the end is not before the start.
  if (rng() % 4 != 0) r->start = date(false);
  if (rng() % 4 != 0) r->end = date(false);
  if (r->start && r->end && r->end->last < r->start->first) std::swap(r->start, r->end);
  if (r->start && r->end && r->end->last < r->start->first) r->end.reset();
}

Case RandomCase(std::mt19937& rng, int n, int m) {
  Case c;
  c.vocabulary = BuiltinVocabulary();
  for (int t = 0; t < 3; ++t) {
    RelationType type;
    type.id = "t" + std::to_string(t);
    type.label = type.id;
    type.inverse = type.id + " by";
    type.symmetric = t == 2;
    c.vocabulary.relation_types[type.id] = type;
  }
  for (int v = 0; v < n; ++v) {
    Entity e;
    e.id = "e" + std::to_string(v);
    e.name = "E" + std::to_string(v);
    e.type = v % 2 ? "person" : "org";
    c.entities.push_back(e);
  }
  std::uniform_int_distribution<int> pick(0, n - 1), type(0, 2), status(0, 4), quarters(1, 8);
  for (int i = 0; i < m; ++i) {
    Relation r;
    r.id = "r" + std::to_string(i);
    r.from = "e" + std::to_string(pick(rng));
    r.to = "e" + std::to_string(pick(rng));
    r.type = "t" + std::to_string(type(rng));
    r.status = static_cast<ClaimStatus>(status(rng));
    r.weight = 0.25 * quarters(rng);  // exact in binary, so sums compare exactly
    RandomDates(rng, &r);
    c.relations.push_back(r);
  }
  return c;
}

namespace {

std::string DateCell(const std::optional<Date>& d) { return d ? d->text : ""; }

// The case as a case file of its own vocabulary and entities, and a CSV file of its relations.
std::pair<std::string, std::string> CaseAsFiles(const Case& c) {
  CaseFile file;
  const Vocabulary builtin = BuiltinVocabulary();
  for (const auto& [id, t] : c.vocabulary.relation_types) {
    if (!builtin.relation_types.count(id)) file.vocabulary.relation_types.emplace(id, t);
  }
  file.entities = c.entities;
  std::string csv = "id,type,from,to,date,start,end,status,weight\n";
  for (const Relation& r : c.relations) {
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.17g", r.weight);
    csv += r.id + "," + r.type + "," + r.from + "," + r.to + "," + DateCell(r.date) + "," + DateCell(r.start) + "," +
           DateCell(r.end) + "," + ClaimStatusName(r.status) + "," + weight + "\n";
  }
  return {WriteCaseFile(file), csv};
}

}  // namespace

std::vector<MadeGraph> GraphsOf(const Case& c, bool with_snapshot) {
  std::vector<MadeGraph> out;
  out.push_back({"built from the case", Graph::Build(c)});
  const auto [json, csv] = CaseAsFiles(c);
  out.push_back({"loaded from a case file and a CSV edge file", GraphFromTexts({{"entities.json", json}, {"relations.csv", csv}})});
  if (!with_snapshot) return out;
  static std::atomic<int> serial{0};
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("casegraph-graphs-of-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "entities.json") << json;
  std::ofstream(dir / "relations.csv") << csv;
  Result<Case> loaded = LoadCase({(dir / "entities.json").string(), (dir / "relations.csv").string()});
  REQUIRE(loaded.ok());
  const std::string snapshot = (dir / "case.snapshot").string();
  REQUIRE(WriteSnapshot(*Graph::Build(std::move(loaded).value()), snapshot).ok());
  Result<std::unique_ptr<const Graph>> opened = OpenSnapshot(snapshot);
  REQUIRE(opened.ok());
  out.push_back({"opened from a snapshot of those files", std::move(opened).value()});
  std::filesystem::remove_all(dir);
  return out;
}

}  // namespace casegraph::testing
