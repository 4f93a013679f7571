#include "io/quote_check.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "io/file_bytes.h"
#include "text/nearest_passage.h"
#include "text/substring_index.h"
#include "text/unicode.h"

namespace casegraph {

namespace {

constexpr size_t kIndexedFrom = 4;  // quotes of one source from which its text is indexed

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
  std::unordered_map<std::string_view, const Source*> sources;
  for (const Source& s : c.sources) sources.emplace(s.id, &s);
  // The quotes to look up, in the case's order, then grouped by source: each source is read,
  // indexed if it has many quotes, checked and let go before the next.
  struct Quote {
    const Source* source;
    const Evidence* evidence;
    size_t order;
  };
  std::vector<Quote> quotes;
  std::vector<std::pair<size_t, Diagnostic>> found;  // by the order of the quote that made it
  for (const Relation& r : c.relations) {
    for (const Evidence& e : r.evidence) {
      if (e.quote.empty() || e.source.empty()) continue;
      const size_t order = quotes.size() + found.size();
      auto s = sources.find(e.source);
      if (s == sources.end()) {
        found.emplace_back(order, Diagnostic{e.quote_where, "quote not checked: source '" + e.source + "' is not defined",
                                             Diagnostic::Severity::kWarning});
      } else if (!s->second->resolved_file.empty()) {
        quotes.push_back({s->second, &e, order});
      }
    }
  }
  std::stable_sort(quotes.begin(), quotes.end(), [](const Quote& a, const Quote& b) { return a.source < b.source; });
  for (size_t x = 0; x < quotes.size();) {
    size_t y = x + 1;
    while (y < quotes.size() && quotes[y].source == quotes[x].source) ++y;
    const Source& source = *quotes[x].source;
    Result<std::string> bytes = ReadFileBytes(source.resolved_file);
    if (!bytes.ok()) {
      found.emplace_back(quotes[x].order, Diagnostic{source.where, "source '" + source.id + "': file '" +
                                                                       source.resolved_file + "': " + bytes.status().message()});
      x = y;
      continue;
    }
    SourceFileText file;
    file.text = NormalizeForQuoteMatch(bytes.value(), &file.newlines);
    // An index pays for itself after a few quotes; past 16 MB of text it would cost more memory
    // than scanning costs time.
    std::optional<SubstringIndex> index;
    if (y - x >= kIndexedFrom && file.text.size() <= (size_t{16} << 20)) index.emplace(file.text);
    for (size_t k = x; k < y; ++k) {
      const std::string quote = NormalizeForQuoteMatch(quotes[k].evidence->quote);
      if (index ? !index->Contains(quote) : file.text.find(quote) == std::string::npos) {
        found.emplace_back(quotes[k].order, Diagnostic{quotes[k].evidence->quote_where, NotFound(source, file, quote)});
      }
    }
    x = y;
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Diagnostics out;
  for (auto& [order, d] : found) out.push_back(std::move(d));
  return out;
}

size_t CountCheckableQuotes(const Case& c) {
  std::unordered_map<std::string_view, const Source*> sources;
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
