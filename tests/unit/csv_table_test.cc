// CSV edge files are kept column by column (EdgeTable) and their relations made on demand. This
// checks, on many random sets of CSV files mixed with a case file, that every row comes back as
// the relation it was written as: ids (given and implied), ends, types, dates, statuses,
// weights, lines, and that entities are numbered as documented.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "test_support.h"

using namespace casegraph;

namespace {

struct Row {
  std::string id;  // expected id
  bool given = false;
  std::string from, to, type = "related", date, start, end, status = "reported", weight;
  std::string file;
  int line = 0;
};

std::string Quoted(std::mt19937& rng, const std::string& cell) {
  if (cell.empty() || rng() % 4) return cell;
  return "\"" + cell + "\"";
}

}  // namespace

TEST_CASE("CSV rows come back as the relations they say, over random files") {
  std::mt19937 rng(11);
  const std::vector<std::string> dates = {"2021", "2021-03", "2021-03-10", "2020-12-31"};
  const std::vector<std::string> statuses = {"fact", "reported", "alleged", "claimed", "denied"};
  for (int round = 0; round < 300; ++round) {
    const int pool = 1 + static_cast<int>(rng() % 12);
    auto entity = [&] { return "n" + std::to_string(rng() % pool) + (rng() % 5 == 0 ? ".x:y-z" : ""); };
    // A case file defining some of the entities, with a relation to one only CSV files name.
    std::vector<std::string> defined;
    std::string json = R"({ "casegraph": 1, "vocabulary": { "relation_types": { "j": { "label": "j", "inverse": "j by" } } }, "entities": [)";
    for (int i = 0; i < pool; ++i) {
      if (rng() % 3) continue;
      const std::string id = "n" + std::to_string(i);
      json += std::string(defined.empty() ? "" : ",") + R"({ "id": ")" + id + R"(", "name": "Name )" + id + R"(", "type": "person" })";
      defined.push_back(id);
    }
    json += "]";
    const bool json_relation = !defined.empty() && rng() % 2;
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<Row> rows;
    std::vector<std::string> implicit_order;
    const int csv_files = 1 + static_cast<int>(rng() % 3);
    const bool json_first = rng() % 2;
    int given_counter = 0;
    for (int f = 0; f < csv_files; ++f) {
      const std::string name = "f" + std::to_string(f) + ".csv";
      std::vector<std::string> columns = {"from", "to"};
      for (const char* c : {"id", "type", "date", "start", "end", "status", "weight"}) {
        if (rng() % 2) columns.push_back(c);
      }
      std::shuffle(columns.begin(), columns.end(), rng);
      auto has = [&](const std::string& c) { return std::find(columns.begin(), columns.end(), c) != columns.end(); };
      const std::string eol = rng() % 2 ? "\r\n" : "\n";
      std::string text;
      for (size_t i = 0; i < columns.size(); ++i) text += (i ? "," : "") + columns[i];
      text += eol;
      int line = 1;
      const int count = static_cast<int>(rng() % 8);
      for (int n = 1; n <= count; ++n) {
        if (rng() % 5 == 0) {
          text += eol;  // blank lines are skipped
          ++line;
        }
        Row r;
        r.file = name;
        r.from = entity();
        r.to = entity();
        if (has("id") && rng() % 2) {
          r.id = "g" + std::to_string(given_counter++);
          r.given = true;
        } else {
          r.id = "f" + std::to_string(f) + "#" + std::to_string(n);
        }
        if (has("type") && rng() % 3) r.type = rng() % 2 ? "ta" : "tb";
        const bool span = has("start") || has("end");
        if (has("date") && rng() % 2 && !(span && rng() % 2 == 0)) {
          r.date = dates[rng() % dates.size()];
        } else if (span) {
          if (has("start") && rng() % 2) r.start = "2020";
          if (has("end") && rng() % 2) r.end = dates[rng() % dates.size()];
        }
        if (has("status") && rng() % 2) r.status = statuses[rng() % statuses.size()];
        if (has("weight") && rng() % 2) r.weight = rng() % 2 ? "0.5" : "2";
        std::string cells;
        for (size_t i = 0; i < columns.size(); ++i) {
          const std::string& c = columns[i];
          std::string v = c == "from" ? r.from : c == "to" ? r.to : c == "id" ? (r.given ? r.id : "")
                        : c == "type" ? (r.type == "related" ? "" : r.type) : c == "date" ? r.date
                        : c == "start" ? r.start : c == "end" ? r.end
                        : c == "status" ? (r.status == "reported" && rng() % 2 ? "" : r.status) : r.weight;
          cells += (i ? "," : "") + Quoted(rng, v);
        }
        text += cells + eol;
        r.line = ++line;
        for (const std::string* id : {&r.from, &r.to}) {
          if (std::find(defined.begin(), defined.end(), *id) == defined.end() &&
              std::find(implicit_order.begin(), implicit_order.end(), *id) == implicit_order.end()) {
            implicit_order.push_back(*id);
          }
        }
        rows.push_back(r);
      }
      files.emplace_back(name, text);
    }
    std::string json_to;
    if (json_relation) {
      json_to = implicit_order.empty() ? defined.front() : implicit_order.front();
      json += R"(, "relations": [ { "id": "jr", "type": "j", "from": ")" + defined.front() + R"(", "to": ")" + json_to + R"(" } ])";
    }
    json += " }";
    if (json_first) {
      files.insert(files.begin(), {"defs.json", json});
    } else {
      files.emplace_back("defs.json", json);
    }
    INFO("round " << round);
    auto g = casegraph::testing::GraphFromTexts(files);
    REQUIRE(g);
    // Entities: those of the case file, then those named only in CSV files, by first mention.
    REQUIRE(g->entity_count() == defined.size() + implicit_order.size());
    for (size_t i = 0; i < defined.size(); ++i) CHECK(g->entity_id(static_cast<EntityId>(i)) == defined[i]);
    for (size_t i = 0; i < implicit_order.size(); ++i) {
      const EntityId v = static_cast<EntityId>(defined.size() + i);
      CHECK(g->entity_id(v) == implicit_order[i]);
      CHECK(g->entity(v)->name == implicit_order[i]);
      CHECK(g->entity(v)->type == "unknown");
      CHECK(g->FindEntity(implicit_order[i]) == v);
    }
    const size_t rich = json_relation ? 1 : 0;
    REQUIRE(g->relation_count() == rich + rows.size());
    if (json_relation) {
      CHECK(g->entity_id(g->relation_to(0)) == json_to);
      CHECK(g->FindRelation("jr") == RelationId{0});
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row& want = rows[i];
      INFO("row " << i << " " << want.id);
      const RelationId r = static_cast<RelationId>(rich + i);
      CHECK(g->FindRelation(want.id) == r);
      const Transient<Relation> got_held = g->relation(r);
      const Relation& got = *got_held;
      CHECK(got.id == want.id);
      CHECK(got.id_given == want.given);
      CHECK(got.from == want.from);
      CHECK(got.to == want.to);
      CHECK(g->entity_id(g->relation_from(r)) == want.from);
      CHECK(g->entity_id(g->relation_to(r)) == want.to);
      CHECK(got.type == want.type);
      CHECK(g->relation_type_names()[g->relation_type(r)] == want.type);
      CHECK((got.date ? got.date->text : "") == want.date);
      CHECK((got.start ? got.start->text : "") == want.start);
      CHECK((got.end ? got.end->text : "") == want.end);
      CHECK(g->relation_time(r).dated == !(want.date.empty() && want.start.empty() && want.end.empty()));
      CHECK(ClaimStatusName(got.status) == want.status);
      CHECK(g->relation_status(r) == got.status);
      CHECK(got.weight == (want.weight.empty() ? 1.0 : std::stod(want.weight)));
      CHECK(g->relation_weight(r) == got.weight);
      CHECK(got.where.file == want.file);
      CHECK(got.where.line == want.line);
    }
  }
}

TEST_CASE("CSV relation ids, given or implied, collide with other files' ids") {
  using casegraph::testing::DiagnosticsOf;
  CHECK(DiagnosticsOf({{"a/e.csv", "from,to\nx,y\nx,z\n"}, {"b/e.csv", "from,to\np,q\n"}}) ==
        std::vector<std::string>{"b/e.csv:2:1: error: duplicate relation id 'e#1' (first defined at a/e.csv:2:1)"});
  const std::string json = R"({ "casegraph": 1, "relations": [ { "type": "related", "from": "x", "to": "y" } ] })";
  CHECK(DiagnosticsOf({{"e.csv", "from,to\nx,y\n"}, {"d/e.json", json}}) ==
        std::vector<std::string>{"d/e.json:1:34: error: duplicate relation id 'e#1' (first defined at e.csv:2:1)"});
  CHECK(DiagnosticsOf({{"d/e.json", json}, {"e.csv", "from,to\nx,y\n"}}) ==
        std::vector<std::string>{"e.csv:2:1: error: duplicate relation id 'e#1' (first defined at d/e.json:1:34)"});
  CHECK(DiagnosticsOf({{"e.csv", "from,to,id\nx,y,r1\nx,y,r1\n"}}) ==
        std::vector<std::string>{"e.csv:3:1: error: duplicate relation id 'r1' (first defined at e.csv:2:1)"});
}

TEST_CASE("a large CSV file read by two threads gives what one thread gives") {
  // Over 8 MB without quotes: read in two halves. The same rows with one quoted field (the last
  // cell of the first row) are read by one thread. Everything must agree, errors included.
  std::mt19937 rng(21);
  const std::vector<std::string> statuses = {"", "fact", "alleged"};
  std::string rows;
  const int n = 400000;
  for (int i = 0; i < n; ++i) {
    rows += "n" + std::to_string(rng() % 150000) + ",n" + std::to_string(rng() % 150000) + ",";
    rows += rng() % 3 ? "t" + std::to_string(rng() % 4) : "";
    rows += ",";
    const bool special = i == n / 4 || i == 3 * n / 4;
    rows += rng() % 5 || special ? "" : "2021-0" + std::to_string(1 + rng() % 9);
    rows += "," + statuses[rng() % statuses.size()] + ",";
    rows += rng() % 7 ? "" : "g" + std::to_string(i);
    rows += ",";
    if (special) rows += "2021-13";  // an invalid date, in each half
    rows += ",";
    rows += (i == 0 ? "1.5" : "") + std::string("\n");
    if (i % 50000 == 7) rows += "\n";  // blank lines are skipped
  }
  const std::string header = "from,to,type,date,status,id,start,weight\n";
  std::string quoted = header + rows;
  const size_t first_end = quoted.find('\n', header.size());
  quoted.replace(first_end - 3, 3, "\"1.5\"");
  const std::string plain = header + rows;
  REQUIRE(plain.size() > (size_t{8} << 20));
  using casegraph::testing::DiagnosticsOf;
  CHECK(DiagnosticsOf({{"big.csv", plain}}) == DiagnosticsOf({{"big.csv", quoted}}));
  CHECK(DiagnosticsOf({{"big.csv", plain}}).size() == 2);

  // Without the two bad dates, the graphs agree entity by entity and relation by relation.
  auto fixed = [](std::string text) {
    for (size_t at; (at = text.find("2021-13")) != std::string::npos;) text.replace(at, 7, "2021-12");
    return text;
  };
  auto a = casegraph::testing::GraphFromTexts({{"big.csv", fixed(plain)}});
  auto b = casegraph::testing::GraphFromTexts({{"big.csv", fixed(quoted)}});
  REQUIRE(a->entity_count() == b->entity_count());
  REQUIRE(a->relation_count() == b->relation_count());
  for (EntityId v = 0; v < a->entity_count(); ++v) {
    REQUIRE(a->entity_id(v) == b->entity_id(v));
    if (v % 997 == 0) REQUIRE(FormatLocation(a->entity(v)->where) == FormatLocation(b->entity(v)->where));
  }
  for (RelationId r = 0; r < a->relation_count(); ++r) {
    REQUIRE(a->relation_from(r) == b->relation_from(r));
    REQUIRE(a->relation_to(r) == b->relation_to(r));
    REQUIRE(a->relation_type_names()[a->relation_type(r)] == b->relation_type_names()[b->relation_type(r)]);
    REQUIRE(a->relation_status(r) == b->relation_status(r));
    REQUIRE(a->relation_weight(r) == b->relation_weight(r));
    REQUIRE(a->relation_time(r).first == b->relation_time(r).first);
    if (r % 101 == 0) {
      REQUIRE(a->relation_id(r) == b->relation_id(r));
      REQUIRE(FormatLocation(a->relation(r)->where) == FormatLocation(b->relation(r)->where));
      // Row r is on line 2 + r, after the blank lines before it (one after each row i % 50000 == 7).
      const int blank = static_cast<int>(r / 50000) + (r % 50000 > 7 ? 1 : 0);
      REQUIRE(a->relation(r)->where.line == 2 + static_cast<int>(r) + blank);
      REQUIRE(a->FindRelation(a->relation_id(r)) == r);
    }
  }
}

TEST_CASE("a large mapped CSV file, let go of as it is read, reads as the same text in memory does") {
  // A file of 1 MB or more is mapped; its pages leave memory behind the reader (4 MB steps) and
  // come back from the file when asked for again: the rows, and the errors found before and after
  // the pages went, are those of the same text read from memory.
  std::string csv = "from,to,type\n";
  for (int i = 0; csv.size() < (size_t{20} << 20); ++i) {
    const std::string n = std::to_string(i);
    csv.append("a").append(std::to_string(i % 70001)).append(",b").append(std::to_string(i % 9001)).append(",t");
    csv.append(std::to_string(i % 3)).append(i == 5 || i == 900000 ? ",extra\n" : "\n");
    if (i % 100000 == 99) csv += "\n";
  }
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "casegraph-released-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "big.csv").string();
  std::ofstream(path, std::ios::binary) << csv;
  using casegraph::testing::DiagnosticsOf;
  casegraph::testing::Loaded mapped = casegraph::testing::Load({path});
  std::vector<std::string> from_file, from_memory;
  for (const Diagnostic& d : mapped.diagnostics) from_file.push_back(FormatDiagnostic(d));
  from_memory = DiagnosticsOf({{path, csv}});
  CHECK(from_file.size() == 2);
  CHECK(from_file == from_memory);
  // Without the two bad rows, the graphs agree.
  for (size_t at; (at = csv.find(",extra")) != std::string::npos;) csv.erase(at, 6);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << csv;
  casegraph::testing::Loaded good = casegraph::testing::Load({path});
  REQUIRE(good.loaded);
  const auto a = Graph::Build(std::move(*good.loaded));
  const auto b = casegraph::testing::GraphFromTexts({{path, csv}});
  REQUIRE(a->relation_count() == b->relation_count());
  REQUIRE(a->entity_count() == b->entity_count());
  for (RelationId r = 0; r < a->relation_count(); r += 997) {
    REQUIRE(a->entity_id(a->relation_from(r)) == b->entity_id(b->relation_from(r)));
    REQUIRE(a->entity_id(a->relation_to(r)) == b->entity_id(b->relation_to(r)));
    REQUIRE(FormatLocation(a->relation(r)->where) == FormatLocation(b->relation(r)->where));
  }
  std::filesystem::remove_all(dir);
}
