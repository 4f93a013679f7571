#include "text/json_quote.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace casegraph {

void AppendJsonQuoted(std::string* out, std::string_view s) {
  if (NeedsNoJsonEscape(s)) {
    out->reserve(out->size() + s.size() + 2);
    *out += '"';
    out->append(s);
    *out += '"';
    return;
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  out->append(buffer.GetString(), buffer.GetSize());
}

}  // namespace casegraph
