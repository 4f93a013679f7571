#include "cli/batch_decode.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.h"
#include "cli/query_options.h"

namespace casegraph::cli {

namespace {

// Whether a key, spelled with '_' or '-' between words, is the option name dashed.
bool KeyIs(std::string_view key, std::string_view dashed) {
  if (key.size() != dashed.size()) return false;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] != dashed[i] && !(key[i] == '_' && dashed[i] == '-')) return false;
  }
  return true;
}

// Whether the parser takes a string as it stands: not empty, not an option ('-...'), not a
// list in brackets ('[...]', which it splits).
bool Plain(const rapidjson::Value& v) {
  return v.IsString() && v.GetStringLength() > 0 && v.GetString()[0] != '-' && v.GetString()[0] != '[';
}

// A word as the option parser takes it unchanged.
bool Word(const rapidjson::Value& v, std::string* out) {
  if (!Plain(v)) return false;
  out->assign(v.GetString(), v.GetStringLength());
  return true;
}

// A list option's value: a word or an array of words, each split at commas; no piece empty.
bool Items(const rapidjson::Value& v, std::vector<std::string>* out) {
  auto split = [out](const rapidjson::Value& word) {
    if (!Plain(word)) return false;
    const std::string_view text(word.GetString(), word.GetStringLength());
    for (size_t from = 0;;) {
      const size_t comma = text.find(',', from);
      const std::string_view piece = text.substr(from, comma == std::string_view::npos ? comma : comma - from);
      if (piece.empty()) return false;
      out->emplace_back(piece);
      if (comma == std::string_view::npos) return true;
      from = comma + 1;
    }
  };
  if (!v.IsArray()) return split(v);
  if (v.Empty()) return false;
  for (const rapidjson::Value& item : v.GetArray()) {
    if (!split(item)) return false;
  }
  return true;
}

// A whole number of at least min, within int.
bool Number(const rapidjson::Value& v, int min, int* out) {
  if (!v.IsInt() || v.GetInt() < min) return false;
  *out = v.GetInt();
  return true;
}

// A flag: true sets it, false leaves it unset (as batch gives no flag for false).
bool Flag(const rapidjson::Value& v, bool* out) {
  if (!v.IsBool()) return false;
  *out = *out || v.GetBool();
  return true;
}

// The option a key names among the command's (names as the command line spells them, the
// first of each option's names), or nullptr.
const char* OptionOf(std::string_view key, const std::vector<std::vector<const char*>>& options) {
  for (const std::vector<const char*>& names : options) {
    for (const char* name : names) {
      if (KeyIs(key, name)) return names.front();
    }
  }
  return nullptr;
}

// Calls decode(option, value) for each key but "command" and "format" (batch answers in JSON
// whatever it says), skipping options whose value is null, as batch does; false when a key names
// no option, an option is named twice, or decode refuses a value. Positional arguments are
// never null here: their keys are named only by the command.
template <typename Decode>
bool EachKey(const rapidjson::Value& q, const std::vector<std::vector<const char*>>& options,
             std::initializer_list<const char*> positional, Decode&& decode) {
  // The options met so far, each once: no command here has 32 options, so a fixed array holds them.
  std::array<const char*, 32> seen;
  size_t seen_count = 0;
  for (auto it = q.MemberBegin(); it != q.MemberEnd(); ++it) {
    const std::string_view key(it->name.GetString(), it->name.GetStringLength());
    if (key == "command" || key == "format") continue;
    const char* option = nullptr;
    for (const char* p : positional) {
      if (key == p) option = p;
    }
    const bool is_positional = option != nullptr;
    if (!option) option = OptionOf(key, options);
    if (!option || seen_count == seen.size() ||
        std::find(seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(seen_count), option) !=
            seen.begin() + static_cast<std::ptrdiff_t>(seen_count)) {
      return false;
    }
    seen[seen_count++] = option;
    if (it->value.IsNull() && !is_positional) continue;
    if (!decode(std::string_view(option), it->value)) return false;
  }
  return true;
}

// Decodes the options the filters share (--via, --not-via, --status, --through-types, --avoid,
// --as-of, --from/--since, --to/--until); false for any other.
bool FilterOption(std::string_view option, const rapidjson::Value& v, FilterSpec* f) {
  if (option == "via") return Items(v, &f->via);
  if (option == "not-via") return Items(v, &f->not_via);
  if (option == "status") return Items(v, &f->status);
  if (option == "through-types") return Items(v, &f->through_types);
  if (option == "avoid") return Items(v, &f->avoid);
  if (option == "as-of") return Word(v, &f->as_of);
  if (option == "since") return Word(v, &f->since);
  if (option == "until") return Word(v, &f->until);
  return false;
}

std::function<int()> DecodeNeighbors(const rapidjson::Value& q, const Context* ctx) {
  static const std::vector<std::vector<const char*>> kOptions = {
      {"depth"}, {"count"}, {"directed"}, {"reverse"}, {"via"}, {"not-via"}, {"status"}, {"through-types"},
      {"avoid"}, {"as-of"}, {"since", "from"}, {"until", "to"}};
  AnalysisOptions o;
  bool has_entity = false;
  const bool ok = EachKey(q, kOptions, {"entity"}, [&](std::string_view option, const rapidjson::Value& v) {
    if (option == "entity") return has_entity = Word(v, &o.entity);
    if (option == "depth") return Number(v, 0, &o.depth);
    if (option == "count") return Flag(v, &o.count);
    if (option == "directed") return Flag(v, &o.directed);
    if (option == "reverse") return Flag(v, &o.reverse);
    return FilterOption(option, v, &o.filter);
  });
  if (!ok || !has_entity || (o.directed && o.reverse)) return {};
  return [ctx, o = std::move(o)] { return RunNeighbors(*ctx, o); };
}

std::function<int()> DecodePath(const rapidjson::Value& q, const Context* ctx) {
  static const std::vector<std::vector<const char*>> kOptions = {
      {"k"}, {"limit"}, {"max-hops"}, {"all"}, {"simple"}, {"weighted"}, {"directed"}, {"reverse"},
      {"chronological"}, {"undated"}, {"via"}, {"not-via"}, {"status"}, {"through-types"}, {"avoid"},
      {"as-of"}, {"since"}, {"until"}};
  PathOptions o;
  PathFormSpec& f = o.form;
  bool has_from = false, has_to = false, has_k = false;
  const bool ok = EachKey(q, kOptions, {"from", "to"}, [&](std::string_view option, const rapidjson::Value& v) {
    if (option == "from") return has_from = Word(v, &o.from);
    if (option == "to") return has_to = Word(v, &o.to);
    if (option == "k") return has_k = Number(v, 1, &f.k);
    if (option == "limit") return Number(v, 1, &f.limit);
    if (option == "max-hops") return Number(v, 0, &f.max_hops);
    if (option == "all") return Flag(v, &f.all);
    if (option == "simple") return Flag(v, &f.simple);
    if (option == "weighted") return Flag(v, &f.weighted);
    if (option == "directed") return Flag(v, &f.directed);
    if (option == "reverse") return Flag(v, &f.reverse);
    if (option == "chronological") return Flag(v, &f.chronological);
    if (option == "undated") return Word(v, &f.undated) && (f.undated == "skip" || f.undated == "allow");
    return FilterOption(option, v, &o.filter);
  });
  // The exclusions of the parser (--all, -k and --simple; --directed and --reverse) are its to word.
  if (!ok || !has_from || !has_to || (f.all && (has_k || f.simple)) || (has_k && f.simple) ||
      (f.directed && f.reverse)) {
    return {};
  }
  return [ctx, o = std::move(o)] { return RunPath(*ctx, o); };
}

}  // namespace

std::function<int()> DecodeDirectly(const rapidjson::Value& q, const Context* ctx) {
  if (!q.IsObject()) return {};
  auto command = q.FindMember("command");
  if (command == q.MemberEnd() || !command->value.IsString()) return {};
  const std::string_view name(command->value.GetString(), command->value.GetStringLength());
  if (name == "neighbors") return DecodeNeighbors(q, ctx);
  if (name == "path") return DecodePath(q, ctx);
  return {};
}

}  // namespace casegraph::cli
