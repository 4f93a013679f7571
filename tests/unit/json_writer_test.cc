// The answer writer: what JsonOut writes is what RapidJSON's own writers write for the same calls,
// compact and pretty, whatever bytes its keys and strings hold (it copies the ones that need no
// escaping itself).
#include <catch2/catch.hpp>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <random>
#include <string>

#include "render/json_writer.h"

using namespace casegraph;

namespace {

// Strings mostly plain, some with the characters that are escaped, some with UTF-8 and NULs.
std::string RandomString(std::mt19937& rng) {
  static const std::string pieces[] = {"a", "Roskomnadzor", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f",
                                       std::string("\0", 1), "\xc3\xa9", "\xe2\x80\x94", "/", "\x7f", "{}"};
  std::string s;
  const int n = std::uniform_int_distribution<int>(0, 6)(rng);
  for (int i = 0; i < n; ++i) {
    const bool plain = std::uniform_int_distribution<int>(0, 3)(rng) != 0;
    s += plain ? pieces[std::uniform_int_distribution<size_t>(0, 1)(rng)]
               : pieces[std::uniform_int_distribution<size_t>(0, std::size(pieces) - 1)(rng)];
  }
  return s;
}

// The same random document written through JsonOut and through a RapidJSON writer.
template <typename Writer>
void WriteBoth(std::mt19937& rng, JsonOut* out, Writer* w, int depth) {
  const bool array = depth > 0 && std::uniform_int_distribution<int>(0, 1)(rng);
  if (array) {
    out->StartArray();
    w->StartArray();
  } else {
    out->StartObject();
    w->StartObject();
  }
  const int n = std::uniform_int_distribution<int>(0, 4)(rng);
  for (int i = 0; i < n; ++i) {
    if (!array) {
      std::string k = RandomString(rng);
      if (std::uniform_int_distribution<int>(0, 1)(rng)) {
        out->Key(k);
      } else {
        k = std::string(k.c_str());  // a C string: up to its first NUL
        out->PlainKey(k.c_str());
      }
      w->Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
    }
    switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
      case 0: {
        const std::string s = RandomString(rng);
        out->String(s);
        w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
        break;
      }
      case 1: {
        const std::string s = RandomString(rng);
        out->String(std::string_view(s));
        w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
        break;
      }
      case 2: {
        const int64_t v = std::uniform_int_distribution<int64_t>(-1000, 1000)(rng);
        out->Int(v);
        w->Int64(v);
        break;
      }
      default:
        if (depth < 3) {
          WriteBoth(rng, out, w, depth + 1);
        } else {
          out->Null();
          w->Null();
        }
    }
  }
  if (array) {
    out->EndArray();
    w->EndArray();
  } else {
    out->EndObject();
    w->EndObject();
  }
}

}  // namespace

TEST_CASE("the answer writer writes what RapidJSON writes, escaped strings and keys included") {
  std::mt19937 rng(20261204);
  int escaped = 0;
  for (int round = 0; round < 2000; ++round) {
    const bool pretty = round % 2 == 1;
    JsonOut out(pretty);
    rapidjson::StringBuffer buffer;
    std::string expected;
    if (pretty) {
      rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
      w.SetIndent(' ', 2);
      WriteBoth(rng, &out, &w, 0);
    } else {
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      WriteBoth(rng, &out, &w, 0);
    }
    expected.assign(buffer.GetString(), buffer.GetSize());
    escaped += expected.find('\\') != std::string::npos;
    const std::string text = out.Text();
    INFO("round " << round);
    REQUIRE(text == expected);
  }
  CHECK(escaped > 200);  // the rounds did write strings that need escaping
}
