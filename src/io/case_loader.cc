#include "io/case_loader.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "io/case_merger.h"
#include "io/case_reader.h"
#include "io/csv_export_reader.h"
#include "io/csv_reader.h"
#include "io/duplicate_check.h"
#include "io/ftm_reader.h"
#include "io/quote_check.h"
#include "io/source_text.h"
#include "model/two_parts.h"

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

bool IsCsvEdges(const SourceText& text) { return EndsWith(text.name(), ".csv") && !IsCsvExport(text.text()); }

// Reads the files other than CSV edge lists (which the merger reads itself) on a second thread,
// a few files ahead of the merge, so that reading files and merging them overlap; a file the
// merge needs before that thread has begun it is read by the merge's own thread instead, so
// that both read when reading is the slower. Each file's diagnostics are kept with it and
// handed over in file order, whichever thread read it.
class FilesAhead {
 public:
  static constexpr size_t kAhead = 8;  // files read but not yet merged, at most

  // csv_edges[i]: whether texts[i] is a CSV edge list, decided before (the merger frees each text
  // when done with it, while the other thread may be looking at the next).
  FilesAhead(const std::vector<SourceText>& texts, const std::vector<bool>& csv_edges)
      : texts_(texts), csv_edges_(csv_edges), state_(texts.size(), kWaiting), read_(texts.size()) {
    worker_ = std::thread([this] { Run(); });
  }
  ~FilesAhead() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
  }

  // File i (not a CSV edge list), read; its diagnostics are appended to diagnostics.
  CaseFile Take(size_t i, Diagnostics* diagnostics) {
    std::unique_lock<std::mutex> lock(mutex_);
    Read r;
    if (state_[i] == kWaiting) {  // not begun: read it here
      state_[i] = kReading;
      lock.unlock();
      r = ReadOne(i);
      lock.lock();
    } else {
      changed_.wait(lock, [&] { return state_[i] == kRead; });
      r = std::move(read_[i]);
      read_[i] = Read();
    }
    state_[i] = kTaken;
    taken_ = i + 1;
    lock.unlock();
    changed_.notify_all();
    if (r.error) std::rethrow_exception(r.error);
    diagnostics->insert(diagnostics->end(), std::make_move_iterator(r.diagnostics.begin()),
                        std::make_move_iterator(r.diagnostics.end()));
    return std::move(r.file);
  }

 private:
  enum State : char { kWaiting, kReading, kRead, kTaken };
  struct Read {
    CaseFile file;
    Diagnostics diagnostics;
    std::exception_ptr error;
  };

  Read ReadOne(size_t i) const {
    Read r;
    try {
      r.file = ReadAnyFile(texts_[i], &r.diagnostics);
    } catch (...) {
      r.error = std::current_exception();
    }
    return r;
  }

  void Run() {
    for (size_t i = 0; i < texts_.size(); ++i) {
      if (csv_edges_[i]) continue;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || i < taken_ + kAhead; });
        if (stop_) return;
        if (state_[i] != kWaiting) continue;  // the merge is reading it
        state_[i] = kReading;
      }
      Read r = ReadOne(i);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        read_[i] = std::move(r);
        state_[i] = kRead;
      }
      changed_.notify_all();
    }
  }

  const std::vector<SourceText>& texts_;
  const std::vector<bool>& csv_edges_;
  std::vector<State> state_;
  std::vector<Read> read_;
  size_t taken_ = 0;
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread worker_;
};

Result<Case> Merge(std::vector<SourceText> texts, Diagnostics diagnostics, Diagnostics* warnings,
                   bool thorough = false) {
  CaseMerger merger(&diagnostics);
  std::vector<std::string> order;
  // One file is read on this thread (a large one is split between two by the reader itself).
  std::vector<bool> csv_edges;
  for (const SourceText& text : texts) csv_edges.push_back(IsCsvEdges(text));
  size_t bytes = 0, merged_bytes = 0;
  for (size_t i = 0; i < texts.size(); ++i) bytes += csv_edges[i] ? 0 : texts[i].text().size();
  bool reserved = false;
  std::optional<FilesAhead> ahead;
  if (texts.size() > 1) ahead.emplace(texts, csv_edges);
  for (size_t i = 0; i < texts.size(); ++i) {
    SourceText& text = texts[i];
    order.push_back(text.name());
    if (csv_edges[i]) {
      merger.AddCsv(text);
    } else {
      merger.Add(ahead ? ahead->Take(i, &diagnostics) : ReadAnyFile(text, &diagnostics));
      merged_bytes += text.text().size();
      // Room for the rest, estimated from the first file with relations as if the others were
      // like it (room not filled is address space, not memory).
      if (!reserved && merger.relation_count() > 0 && merged_bytes < bytes) {
        // At most one item per 32 bytes of the files, the least an item is written in.
        const double scale = 1.1 * static_cast<double>(bytes) / static_cast<double>(merged_bytes);
        auto estimate = [&](size_t count) {
          return std::min(static_cast<size_t>(scale * static_cast<double>(count)), bytes / 32);
        };
        merger.Reserve(estimate(merger.entity_count()), estimate(merger.relation_count()));
        reserved = true;
      }
    }
    text = SourceText(text.name(), std::string());  // the bytes are no longer needed
  }
  ahead.reset();
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
  // Near-duplicates only among records without errors: a half-read record would make noise.
  // The entities' are looked for on a second thread while the quotes and relations are checked.
  Diagnostics out, entities, relations;
  InTwoParts(!other_errors, [&](int part) {
    if (part == 0) {
      out = CheckQuotes(c);
      if (!other_errors) relations = FindRepeatedRelations(c);
    } else if (!other_errors) {
      entities = FindNearDuplicateEntities(c);
    }
  });
  out.insert(out.end(), std::make_move_iterator(entities.begin()), std::make_move_iterator(entities.end()));
  out.insert(out.end(), std::make_move_iterator(relations.begin()), std::make_move_iterator(relations.end()));
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
