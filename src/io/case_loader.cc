#include "io/case_loader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "io/case_merger.h"
#include "io/case_reader.h"
#include "io/csv_export_reader.h"
#include "io/csv_reader.h"
#include "io/duplicate_check.h"
#include "io/ftm_reader.h"
#include "io/quote_check.h"
#include "io/source_text.h"

namespace casegraph {

namespace fs = std::filesystem;

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

CaseFile ReadAnyFile(const SourceText& text, Diagnostics* diagnostics) {
  if (EndsWith(text.name(), ".csv") && IsCsvExport(text.text())) return ReadCsvExport(text, diagnostics);
  if (EndsWith(text.name(), ".csv")) return ReadCsvEdges(text, diagnostics);
  if (IsFtmFileName(text.name())) return ReadFtm(text, diagnostics);
  return ReadCaseFile(text, diagnostics);
}

// Whether a file starts with the header of casegraph's CSV export.
bool IsExportFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char head[512];
  const size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  return IsCsvExport(std::string_view(head, n));
}

// Sorts diagnostics by file (in load order), line and column, keeping the order of equal places.
void SortDiagnostics(const std::vector<std::string>& file_order, Diagnostics* diagnostics) {
  std::unordered_map<std::string, size_t> rank;
  for (size_t i = 0; i < file_order.size(); ++i) rank.emplace(file_order[i], i);
  auto key = [&](const Diagnostic& d) {
    auto it = rank.find(d.where.file);
    return std::tuple(it == rank.end() ? size_t(-1) : it->second, d.where.line, d.where.column);
  };
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

Result<Case> Merge(std::vector<SourceText> texts, Diagnostics diagnostics, Diagnostics* warnings,
                   bool thorough = false) {
  CaseMerger merger(&diagnostics);
  std::vector<std::string> order;
  for (SourceText& text : texts) {
    order.push_back(text.name());
    if (EndsWith(text.name(), ".csv") && !IsCsvExport(text.text())) {
      merger.AddCsv(text);
    } else {
      merger.Add(ReadAnyFile(text, &diagnostics));
    }
    text = SourceText(text.name(), std::string());  // the bytes are no longer needed
  }
  Case merged = merger.Finish();
  if (thorough) {
    for (Diagnostic& d : ThoroughChecks(merged, ErrorCount(diagnostics) > 0)) diagnostics.push_back(std::move(d));
  }
  SortDiagnostics(order, &diagnostics);
  if (ErrorCount(diagnostics) > 0) return Status::FromDiagnostics(std::move(diagnostics));
  if (warnings) warnings->insert(warnings->end(), diagnostics.begin(), diagnostics.end());
  return merged;
}

}  // namespace

Diagnostics ThoroughChecks(const Case& c, bool other_errors) {
  Diagnostics out = CheckQuotes(c);
  // Near-duplicates only among records without errors: a half-read record would make noise.
  if (!other_errors) {
    for (Diagnostic& d : FindNearDuplicates(c)) out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::string> ExpandGraphPath(const std::string& path, Diagnostics* diagnostics) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      const std::string name = entry.path().filename().string();
      // Case files, and casegraph's own CSV export (export --to csv writes a case.json beside it).
      const bool exported = (name == "nodes.csv" || name == "relationships.csv") && IsExportFile(entry.path().string());
      if ((EndsWith(name, ".json") || exported) && entry.is_regular_file(ec)) files.push_back(name);
    }
    if (ec) {
      diagnostics->push_back({Location{path}, "cannot read directory: " + ec.message()});
      return {};
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) diagnostics->push_back({Location{path}, "no case files (*.json) in this directory"});
    const std::string prefix = EndsWith(path, "/") ? path : path + "/";
    for (std::string& f : files) f = prefix + f;
    return files;
  }
  return {path};
}

Result<Case> LoadCase(const std::vector<std::string>& paths, Diagnostics* warnings, bool thorough) {
  Diagnostics diagnostics;
  std::vector<SourceText> texts;
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    for (const std::string& file : ExpandGraphPath(path, &diagnostics)) {
      std::error_code ec;
      const fs::path canonical = fs::weakly_canonical(file, ec);
      if (!seen.insert(ec ? file : canonical.string()).second) continue;
      Result<SourceText> text = SourceText::Open(file);
      if (!text.ok()) {
        diagnostics.push_back({Location{file}, text.status().message()});
        continue;
      }
      texts.push_back(std::move(text).value());
    }
  }
  return Merge(std::move(texts), std::move(diagnostics), warnings, thorough);
}

Case RebuildCase(const std::vector<StoredFile>& files, EdgeTable edges,
                 const std::vector<std::pair<std::string, Location>>& implied_types, Diagnostics* diagnostics) {
  CaseMerger merger(diagnostics);
  for (const StoredFile& f : files) {
    if (f.csv) {
      merger.AddStoredCsv(f.name);
    } else {
      merger.Add(ReadAnyFile(SourceText(f.name, f.text), diagnostics));
    }
  }
  return merger.FinishWithStoredEdges(std::move(edges), implied_types);
}

Result<Case> LoadCaseFromTexts(const std::vector<std::pair<std::string, std::string>>& files, Diagnostics* warnings) {
  std::vector<SourceText> texts;
  for (const auto& [name, text] : files) texts.emplace_back(name, text);
  return Merge(std::move(texts), {}, warnings);
}

}  // namespace casegraph
