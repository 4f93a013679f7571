#include "io/quote_check.h"

#include <map>
#include <optional>

#include "io/file_bytes.h"
#include "text/unicode.h"

namespace casegraph {

Diagnostics CheckQuotes(const Case& c) {
  Diagnostics out;
  std::map<std::string, const Source*> sources;
  for (const Source& s : c.sources) sources.emplace(s.id, &s);
  std::map<std::string, std::optional<std::string>> texts;  // source id -> normalised text
  for (const Relation& r : c.relations) {
    for (const Evidence& e : r.evidence) {
      auto s = sources.find(e.source);
      if (e.quote.empty() || s == sources.end() || s->second->resolved_file.empty()) continue;
      auto [it, inserted] = texts.emplace(e.source, std::nullopt);
      if (inserted) {
        if (Result<std::string> bytes = ReadFileBytes(s->second->resolved_file); bytes.ok()) {
          it->second = NormalizeForQuoteMatch(bytes.value());
        } else {
          out.push_back({s->second->where, "source '" + e.source + "': file '" + s->second->resolved_file +
                                               "': " + bytes.status().message()});
        }
      }
      if (!it->second) continue;
      if (it->second->find(NormalizeForQuoteMatch(e.quote)) == std::string::npos) {
        out.push_back({e.quote_where, "quote not found in source '" + e.source + "' (" +
                                          s->second->resolved_file + ")"});
      }
    }
  }
  return out;
}

}  // namespace casegraph
