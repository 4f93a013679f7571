// The JSON contract: every command's answer has exactly the shape in tests/contract/.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <filesystem>
#include <sstream>

#include "cli/context.h"
#include "io/file_bytes.h"
#include "io/source_text.h"
#include "cli_support.h"
#include "test_support.h"

using namespace casegraph;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = CASEGRAPH_SOURCE_DIR;

bool HasType(const rapidjson::Value& v, const std::string& types) {
  std::istringstream alternatives(types);
  for (std::string t; std::getline(alternatives, t, '|');) {
    if ((t == "string" && v.IsString()) || (t == "number" && v.IsNumber()) || (t == "integer" && v.IsInt64()) ||
        (t == "boolean" && v.IsBool()) || (t == "null" && v.IsNull())) {
      return true;
    }
  }
  return false;
}

// Every difference between the value and the shape, as "path: what".
void Compare(const rapidjson::Value& v, const rapidjson::Value& shape, const std::string& path,
             std::vector<std::string>* problems) {
  if (shape.IsString()) {
    if (!HasType(v, shape.GetString())) problems->push_back(path + ": not " + shape.GetString());
  } else if (shape.IsArray()) {
    if (!v.IsArray()) return problems->push_back(path + ": not an array");
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) Compare(v[i], shape[0], path + "[" + std::to_string(i) + "]", problems);
  } else if (shape.IsObject()) {
    if (!v.IsObject()) return problems->push_back(path + ": not an object");
    if (shape.HasMember("*")) {  // keys are data
      for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) Compare(it->value, shape["*"], path + "." + it->name.GetString(), problems);
      return;
    }
    for (auto it = shape.MemberBegin(); it != shape.MemberEnd(); ++it) {
      std::string key = it->name.GetString();
      const bool optional = key.back() == '?';
      if (optional) key.pop_back();
      if (!v.HasMember(key.c_str())) {
        if (!optional) problems->push_back(path + "." + key + ": missing");
        continue;
      }
      Compare(v[key.c_str()], it->value, path + "." + key, problems);
    }
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      const std::string key = it->name.GetString();
      if (!shape.HasMember(key.c_str()) && !shape.HasMember((key + "?").c_str())) problems->push_back(path + "." + key + ": not in the contract");
    }
  }
}

}  // namespace

TEST_CASE("every JSON answer has the shape its contract file gives") {
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(kRoot + "/tests/contract")) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    rapidjson::Document contract;
    REQUIRE_FALSE(contract.Parse(ReadFileBytes(entry.path().string()).value().c_str()).HasParseError());
    std::vector<std::string> args = {"-g", kRoot + "/graphs"};
    for (const auto& a : contract["args"].GetArray()) args.push_back(a.GetString());
    if (args[2] != "batch") {
      args.push_back("--format");
      args.push_back("json");
    }
    const casegraph::testing::CliRun run =
        casegraph::testing::RunCli(args, contract.HasMember("stdin") ? contract["stdin"].GetString() : "");
    rapidjson::Document answer;
    REQUIRE_FALSE(answer.Parse(run.out.c_str()).HasParseError());
    std::vector<std::string> problems;
    Compare(answer, contract["shape"], "", &problems);
    for (const std::string& p : problems) UNSCOPED_INFO(p);
    CHECK(problems.empty());
    ++checked;
  }
  CHECK(checked >= 12);
}
