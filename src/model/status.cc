#include "model/status.h"

namespace casegraph {

void Message::Append(const Field& f) {
  fields_.emplace_back(text_.size(), f.name.size());
  text_ += f.name;
}

void Message::Append(const Message& m) {
  for (const auto& [offset, length] : m.fields_) fields_.emplace_back(text_.size() + offset, length);
  text_ += m.text_;
}

std::string Message::Worded(const std::function<std::string(std::string_view field)>& name_of) const {
  std::string out;
  size_t done = 0;
  for (const auto& [offset, length] : fields_) {
    out.append(text_, done, offset - done);
    out += name_of(std::string_view(text_).substr(offset, length));
    done = offset + length;
  }
  out.append(text_, done, std::string::npos);
  return out;
}

std::vector<std::string_view> Message::fields() const {
  std::vector<std::string_view> out;
  for (const auto& [offset, length] : fields_) out.push_back(std::string_view(text_).substr(offset, length));
  return out;
}

Status Status::FromDiagnostics(Diagnostics diagnostics) {
  const size_t errors = ErrorCount(diagnostics);
  assert(errors > 0);
  Status s(Kind::kInvalidInput, Message(errors, errors == 1 ? " error" : " errors"));
  for (const Diagnostic& d : diagnostics) {
    if (d.IsError()) {
      s.where_ = d.where;
      break;
    }
  }
  s.diagnostics_ = std::move(diagnostics);
  return s;
}

Status Status::At(Location where) && {
  where_ = std::move(where);
  return std::move(*this);
}

std::string Status::ToString() const {
  if (!has_place()) return message();
  return FormatLocation(where_) + ": " + message();
}

const char* StatusKindName(Status::Kind kind) {
  switch (kind) {
    case Status::Kind::kOk: return "ok";
    case Status::Kind::kInvalidInput: return "invalid input";
    case Status::Kind::kNotFound: return "not found";
    case Status::Kind::kIo: return "input/output";
    case Status::Kind::kCorrupt: return "corrupt";
    case Status::Kind::kUnsupported: return "unsupported";
  }
  return "error";
}

}  // namespace casegraph
