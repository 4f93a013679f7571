#include "io/quote_check.h"

#include <algorithm>
#include <map>
#include <optional>

#include "io/file_bytes.h"
#include "text/nearest_passage.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

// A source file's text as quotes are compared with it, and where its lines break.
struct SourceFileText {
  std::string text;
  std::vector<uint32_t> newlines;

  size_t LineOf(size_t offset) const {
    return 1 + static_cast<size_t>(std::lower_bound(newlines.begin(), newlines.end(), offset) - newlines.begin());
  }
};

// At most this many bytes of a passage are shown, cut at a character boundary.
std::string Excerpt(const std::string& text, const Passage& p) {
  constexpr size_t kShown = 160;
  size_t length = p.length;
  bool cut = false;
  if (length > kShown) {
    length = kShown;
    while (length > 0 && (static_cast<unsigned char>(text[p.offset + length]) & 0xC0) == 0x80) --length;
    cut = true;
  }
  return (p.offset > 0 ? "..." : "") + text.substr(p.offset, length) +
         (cut || p.offset + p.length < text.size() ? "..." : "");
}

std::string NotFound(const Source& s, const SourceFileText& file, const std::string& quote) {
  std::string message = "quote not found in source '" + s.id + "' (" + s.resolved_file + ")";
  if (std::optional<Passage> p = NearestPassage(file.text, quote)) {
    message += "; nearest passage (line " + std::to_string(file.LineOf(p->offset)) + "): \"" + Excerpt(file.text, *p) + "\"";
  } else {
    message += "; no passage of the source is like it";
  }
  return message;
}

}  // namespace

Diagnostics CheckQuotes(const Case& c) {
  Diagnostics out;
  std::map<std::string, const Source*> sources;
  for (const Source& s : c.sources) sources.emplace(s.id, &s);
  std::map<std::string, std::optional<SourceFileText>> texts;  // by source id
  for (const Relation& r : c.relations) {
    for (const Evidence& e : r.evidence) {
      if (e.quote.empty() || e.source.empty()) continue;
      auto s = sources.find(e.source);
      if (s == sources.end()) {
        out.push_back({e.quote_where, "quote not checked: source '" + e.source + "' is not defined",
                       Diagnostic::Severity::kWarning});
        continue;
      }
      if (s->second->resolved_file.empty()) continue;
      auto [it, inserted] = texts.emplace(e.source, std::nullopt);
      if (inserted) {
        if (Result<std::string> bytes = ReadFileBytes(s->second->resolved_file); bytes.ok()) {
          it->second.emplace();
          it->second->text = NormalizeForQuoteMatch(bytes.value(), &it->second->newlines);
        } else {
          out.push_back({s->second->where, "source '" + e.source + "': file '" + s->second->resolved_file +
                                               "': " + bytes.status().message()});
        }
      }
      if (!it->second) continue;
      const std::string quote = NormalizeForQuoteMatch(e.quote);
      if (it->second->text.find(quote) == std::string::npos) {
        out.push_back({e.quote_where, NotFound(*s->second, *it->second, quote)});
      }
    }
  }
  return out;
}

size_t CountCheckableQuotes(const Case& c) {
  std::map<std::string, const Source*> sources;
  for (const Source& s : c.sources) sources.emplace(s.id, &s);
  size_t n = 0;
  for (const Relation& r : c.relations) {
    for (const Evidence& e : r.evidence) {
      auto s = sources.find(e.source);
      n += !e.quote.empty() && s != sources.end() && !s->second->resolved_file.empty();
    }
  }
  return n;
}

}  // namespace casegraph
