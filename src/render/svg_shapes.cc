#include "render/svg_shapes.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <vector>

#include "render/json_writer.h"

namespace casegraph {

namespace {

// Character references as Graphviz writes them (&amp; &lt; &gt; &quot; &apos;, &#N; and
// &#xH;) back to UTF-8; anything else is kept as written.
std::string XmlUnescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const size_t end = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (end == std::string_view::npos || end - i > 10) {
      out += text[i];
      continue;
    }
    const std::string_view name = text.substr(i + 1, end - i - 1);
    static const std::map<std::string_view, char> kNamed = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    if (auto named = kNamed.find(name); named != kNamed.end()) {
      out += named->second;
    } else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* stop = nullptr;
      const long code = std::strtol(digits.c_str(), &stop, hex ? 16 : 10);
      utf8proc_uint8_t bytes[4];
      if (digits.empty() || *stop != '\0' || !utf8proc_codepoint_valid(code)) {
        out.append(text.substr(i, end - i + 1));
      } else {
        out.append(reinterpret_cast<const char*>(bytes), utf8proc_encode_char(code, bytes));
      }
    } else {
      out.append(text.substr(i, end - i + 1));
    }
    i = end;
  }
  return out;
}

struct Tag {
  std::string_view name;
  std::map<std::string_view, std::string_view> attributes;
  bool closing = false;       // </name>
  bool self_closing = false;  // <name .../>
};

// The tag starting at svg[at] ('<'); *next is set past its '>'.
Tag ReadTag(std::string_view svg, size_t at, size_t* next) {
  Tag tag;
  size_t i = at + 1;
  if (i < svg.size() && svg[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  size_t start = i;
  while (i < svg.size() && !is_space(svg[i]) && svg[i] != '>' && svg[i] != '/') ++i;
  tag.name = svg.substr(start, i - start);
  while (i < svg.size() && svg[i] != '>') {
    if (is_space(svg[i])) {
      ++i;
    } else if (svg[i] == '/') {
      tag.self_closing = true;
      ++i;
    } else {
      start = i;
      while (i < svg.size() && svg[i] != '=' && svg[i] != '>' && !is_space(svg[i])) ++i;
      const std::string_view key = svg.substr(start, i - start);
      if (i < svg.size() && svg[i] == '=' && i + 1 < svg.size() && (svg[i + 1] == '"' || svg[i + 1] == '\'')) {
        const size_t close = svg.find(svg[i + 1], i + 2);
        if (close == std::string_view::npos) break;
        tag.attributes[key] = svg.substr(i + 2, close - i - 2);
        i = close + 1;
      }
    }
  }
  *next = i < svg.size() ? i + 1 : svg.size();
  return tag;
}

std::vector<double> Numbers(std::string_view text) {
  std::vector<double> out;
  const std::string s(text);
  const char* p = s.c_str();
  while (*p) {
    if ((*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '+') {
      char* end = nullptr;
      const double d = std::strtod(p, &end);
      if (end == p) {
        ++p;
        continue;
      }
      out.push_back(d);
      p = end;
    } else {
      ++p;
    }
  }
  return out;
}

struct Box {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  void Add(double x, double y) {
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x);
    y1 = std::max(y1, y);
  }
};

std::string Attribute(const Tag& tag, std::string_view key) {
  auto it = tag.attributes.find(key);
  return it == tag.attributes.end() ? std::string() : XmlUnescape(it->second);
}

struct Shape {
  bool text = false;
  double x = 0, y = 0;
  std::vector<std::pair<const char*, std::string>> fields;  // short key, value as written
};

struct Item {
  std::string kind, id, title;
  Box box;
  std::vector<Shape> shapes;
};

void Keep(const Tag& tag, std::initializer_list<std::pair<const char*, const char*>> keys, Shape* shape) {
  for (const auto& [svg_key, key] : keys) {
    if (tag.attributes.count(svg_key)) shape->fields.emplace_back(key, Attribute(tag, svg_key));
  }
}

std::string Number(double d) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", d);
  return text;
}

// A polygon, polyline or ellipse as SVG path data; the box grows by its points.
std::string PathData(const Tag& tag, Box* box) {
  if (tag.name == "path") {
    const std::string d = Attribute(tag, "d");
    const std::vector<double> n = Numbers(d);
    for (size_t i = 0; i + 1 < n.size(); i += 2) box->Add(n[i], n[i + 1]);
    return d;
  }
  if (tag.name == "ellipse") {
    const double cx = std::atof(Attribute(tag, "cx").c_str()), cy = std::atof(Attribute(tag, "cy").c_str());
    const double rx = std::atof(Attribute(tag, "rx").c_str()), ry = std::atof(Attribute(tag, "ry").c_str());
    box->Add(cx - rx, cy - ry);
    box->Add(cx + rx, cy + ry);
    std::string arc = "A";
    arc.append(Number(rx)).append(",").append(Number(ry)).append(" 0 1,0 ");
    const std::string left = Number(cx - rx) + "," + Number(cy), right = Number(cx + rx) + "," + Number(cy);
    std::string d = "M";
    d.append(left).append(arc).append(right).append(arc).append(left).append("Z");
    return d;
  }
  // Points after a moveto are lines to each in turn.
  const std::string points = Attribute(tag, "points");
  const std::vector<double> n = Numbers(points);
  for (size_t i = 0; i + 1 < n.size(); i += 2) box->Add(n[i], n[i + 1]);
  if (n.size() < 2) return "";
  return "M" + points + (tag.name == "polygon" ? "Z" : "");
}

// The text up to the element's end tag, without any tags inside it.
std::string ElementText(std::string_view svg, size_t from, std::string_view name, size_t* next) {
  const std::string close = "</" + std::string(name) + ">";
  const size_t end = std::min(svg.find(close, from), svg.size());
  std::string text;
  for (size_t i = from; i < end; ++i) {
    if (svg[i] == '<') {
      const size_t gt = svg.find('>', i);
      i = gt == std::string_view::npos ? end : gt;
    } else {
      text += svg[i];
    }
  }
  *next = std::min(end + close.size(), svg.size());
  return XmlUnescape(text);
}

}  // namespace

std::string SvgShapesJson(std::string_view svg) {
  std::vector<double> view_box, transform = {1, 1, 0, 0};
  std::vector<Item> items;
  std::vector<bool> opened_item;  // per open <g>: whether it began an item
  bool in_item = false;
  for (size_t at = svg.find('<'); at != std::string_view::npos; at = svg.find('<', at)) {
    if (svg.substr(at, 2) == "<!" || svg.substr(at, 2) == "<?") {
      const size_t end = svg.find('>', at);
      at = end == std::string_view::npos ? svg.size() : end + 1;
      continue;
    }
    size_t next = 0;
    const Tag tag = ReadTag(svg, at, &next);
    at = next;
    if (tag.name == "svg" && !tag.closing) {
      view_box = Numbers(Attribute(tag, "viewBox"));
      view_box.resize(4, 0);
    } else if (tag.name == "g" && tag.closing) {
      if (!opened_item.empty() && opened_item.back()) in_item = false;
      if (!opened_item.empty()) opened_item.pop_back();
    } else if (tag.name == "g") {
      const std::string kind = Attribute(tag, "class");
      const bool item = kind == "graph" || kind == "cluster" || kind == "node" || kind == "edge";
      if (kind == "graph" && items.empty()) {
        // "scale(sx sy) rotate(0) translate(tx ty)": the drawing's own coordinates to the viewBox's.
        const std::string t = Attribute(tag, "transform");
        const auto numbers_in = [&t](const char* function) {
          const size_t at = t.find(function);
          if (at == std::string::npos) return std::vector<double>{};
          const size_t open = at + std::char_traits<char>::length(function);
          return Numbers(std::string_view(t).substr(open, t.find(')', open) - open));
        };
        const std::vector<double> scale = numbers_in("scale("), translate = numbers_in("translate(");
        if (!scale.empty()) transform[0] = transform[1] = scale[0];
        if (scale.size() > 1) transform[1] = scale[1];
        if (translate.size() > 1) {
          transform[2] = translate[0];
          transform[3] = translate[1];
        }
      }
      if (item) {
        items.push_back(Item{kind, Attribute(tag, "id"), "", Box(), {}});
        in_item = true;  // Graphviz does not nest its groups; if it did, each would stand alone
      }
      if (!tag.self_closing) opened_item.push_back(item);
    } else if (tag.closing || !in_item) {
      continue;
    } else if (tag.name == "title") {
      items.back().title = ElementText(svg, at, "title", &at);
    } else if (tag.name == "path" || tag.name == "polygon" || tag.name == "polyline" || tag.name == "ellipse") {
      Shape shape;
      shape.fields.emplace_back("d", PathData(tag, &items.back().box));
      Keep(tag, {{"fill", "f"}, {"stroke", "st"}, {"stroke-width", "w"}, {"stroke-dasharray", "da"},
                 {"fill-opacity", "fo"}, {"stroke-opacity", "so"}}, &shape);
      items.back().shapes.push_back(std::move(shape));
    } else if (tag.name == "text") {
      Shape shape;
      shape.text = true;
      shape.x = std::atof(Attribute(tag, "x").c_str());
      shape.y = std::atof(Attribute(tag, "y").c_str());
      shape.fields.emplace_back("t", tag.self_closing ? std::string() : ElementText(svg, at, "text", &at));
      Keep(tag, {{"text-anchor", "a"}, {"font-family", "ff"}, {"font-size", "fs"}, {"font-weight", "fw"},
                 {"font-style", "fi"}, {"fill", "f"}}, &shape);
      items.back().shapes.push_back(std::move(shape));
    }
  }

  JsonOut json(false);
  json.StartObject();
  const auto numbers = [&json](std::initializer_list<double> list) {
    json.StartArray();
    for (const double d : list) json.Double(std::isfinite(d) ? d : 0);
    json.EndArray();
  };
  json.Key("viewBox");
  if (view_box.empty()) view_box.resize(4, 0);
  numbers({view_box[0], view_box[1], view_box[2], view_box[3]});
  json.Key("transform");
  numbers({transform[0], transform[1], transform[2], transform[3]});
  json.Key("items");
  json.StartArray();
  for (const Item& item : items) {
    json.StartObject();
    json.Field("k", item.kind);
    // A node is known by its title (the entity's id), a relation by its group's id (its key).
    if (item.kind == "node") {
      json.Field("title", item.title);
    } else {
      json.Field("id", item.id);
    }
    json.Key("b");
    numbers({item.box.x0, item.box.y0, item.box.x1, item.box.y1});
    json.Key("s");
    json.StartArray();
    for (const Shape& shape : item.shapes) {
      json.StartObject();
      if (shape.text) {
        json.Key("x");
        json.Double(shape.x);
        json.Key("y");
        json.Double(shape.y);
      }
      for (const auto& [key, value] : shape.fields) json.Field(key, value);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return json.Text();
}

}  // namespace casegraph
