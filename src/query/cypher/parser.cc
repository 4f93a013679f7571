#include "query/cypher/parser.h"

#include <algorithm>
#include <cctype>

#include "query/cypher/parser_internal.h"

namespace casegraph::cypher {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

bool Equal(std::string_view a, std::string_view b) { return a.size() == b.size() && Lower(a) == Lower(b); }

}  // namespace

bool Parser::IsKeyword(std::string_view word, size_t ahead) const {
  const Token& t = Peek(ahead);
  return t.kind == TokenKind::kIdentifier && !t.quoted && Equal(t.text, word);
}

bool Parser::IsSymbol(std::string_view symbol, size_t ahead) const {
  const Token& t = Peek(ahead);
  return t.kind == TokenKind::kSymbol && t.text == symbol;
}

bool Parser::TakeKeyword(std::string_view word) {
  if (!IsKeyword(word)) return false;
  Take();
  return true;
}

bool Parser::TakeSymbol(std::string_view symbol) {
  if (!IsSymbol(symbol)) return false;
  Take();
  return true;
}

Status Parser::Error(const Place& at, Message m) const { return Status::InvalidInput(std::move(m)).At(QueryLocation(at)); }

std::string Parser::Describe(const Token& t) const {
  switch (t.kind) {
    case TokenKind::kEnd: return "the end of the query";
    case TokenKind::kString: return "a string";
    case TokenKind::kParameter: return "$" + t.text;
    default: return "'" + t.text + "'";
  }
}

Status Parser::Unexpected(const char* expected) const {
  return Error(Peek().place, Message("expected ", expected, ", found ", Describe(Peek())));
}

Status Parser::Expect(std::string_view symbol, const char* context) {
  if (TakeSymbol(symbol)) return Status();
  return Error(Peek().place, Message("expected '", std::string(symbol), "' ", context, ", found ", Describe(Peek())));
}

Status Parser::ExpectKeyword(std::string_view word, const char* context) {
  if (TakeKeyword(word)) return Status();
  return Error(Peek().place, Message("expected ", std::string(word), " ", context, ", found ", Describe(Peek())));
}

std::string Parser::TextOf(uint32_t begin, uint32_t end) const {
  return std::string(text_.substr(begin, end > begin ? end - begin : 0));
}

Result<std::string> Parser::Name(const char* what) {
  if (Peek().kind != TokenKind::kIdentifier) return Unexpected(what);
  return Take().text;
}

Status Parser::Deeper() {
  if (++depth_ > kMaxNesting) {
    return Error(Peek().place, Message("the query nests deeper than ", kMaxNesting, " levels"));
  }
  return OneMoreOperator();
}

Status Parser::OneMoreOperator() {
  if (++expression_depth_ > kMaxExpressionDepth) {
    return Error(Peek().place, Message("the expression is more than ", kMaxExpressionDepth, " operators deep (for many "
                                       "alternatives, write x IN [a, b, ...])"));
  }
  return Status();
}

Result<Query> Parser::ParseQuery() {
  Query q;
  for (;;) {
    CYPHER_TRY(single, ParseSingleQuery());
    q.parts.push_back(std::move(single));
    if (!IsKeyword("UNION")) break;
    const Place at = Take().place;
    q.union_all.push_back(TakeKeyword("ALL"));
    if (q.union_all.back() != q.union_all.front()) {
      return Error(at, Message("UNION and UNION ALL cannot be mixed in one query"));
    }
  }
  TakeSymbol(";");
  if (Peek().kind != TokenKind::kEnd) return Unexpected("the end of the query, UNION or a clause");
  return q;
}

Result<SingleQuery> Parser::ParseSingleQuery() {
  SingleQuery q;
  while (Peek().kind != TokenKind::kEnd && !IsKeyword("UNION") && !IsSymbol(";")) {
    if (!q.clauses.empty() && q.clauses.back().kind == Clause::Kind::kReturn) {
      return Error(Peek().place, Message("RETURN ends a query: nothing may follow it but UNION"));
    }
    if (Status s = ParseClause(&q); !s.ok()) return s;
  }
  if (q.clauses.empty()) return Unexpected("a clause (MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN)");
  if (q.clauses.back().kind != Clause::Kind::kReturn) {
    return Error(Peek().place, Message("a query ends with RETURN"));
  }
  return q;
}

Status Parser::RefuseWrites() const {
  static const char* const kWrites[] = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD", "CALL", "DROP"};
  for (const char* w : kWrites) {
    if (IsKeyword(w)) {
      return Error(Peek().place, Message(w, " is not supported: casegraph query only reads; the case files are the source "
                                            "of truth (edit them, then run the query again)"));
    }
  }
  return Status();
}

Status Parser::ParseClause(SingleQuery* q) {
  if (Status s = RefuseWrites(); !s.ok()) return s;
  Clause c;
  c.place = Peek().place;
  if (TakeKeyword("OPTIONAL")) {
    if (Status s = ExpectKeyword("MATCH", "after OPTIONAL"); !s.ok()) return s;
    c.kind = Clause::Kind::kOptionalMatch;
    if (Status s = ParseMatch(&c); !s.ok()) return s;
  } else if (TakeKeyword("MATCH")) {
    c.kind = Clause::Kind::kMatch;
    if (Status s = ParseMatch(&c); !s.ok()) return s;
  } else if (TakeKeyword("UNWIND")) {
    c.kind = Clause::Kind::kUnwind;
    if (Status s = ParseUnwind(&c); !s.ok()) return s;
  } else if (TakeKeyword("WITH")) {
    c.kind = Clause::Kind::kWith;
    if (Status s = ParseProjection(&c.projection, true); !s.ok()) return s;
  } else if (TakeKeyword("RETURN")) {
    c.kind = Clause::Kind::kReturn;
    if (Status s = ParseProjection(&c.projection, false); !s.ok()) return s;
  } else {
    return Unexpected("a clause (MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN)");
  }
  q->clauses.push_back(std::move(c));
  return Status();
}

Status Parser::ParseMatch(Clause* c) {
  CYPHER_TRY(pattern, ParsePattern());
  c->pattern = std::move(pattern);
  if (TakeKeyword("WHERE")) {
    CYPHER_TRY(where, ParseExpression());
    c->where = std::move(where);
  }
  return Status();
}

Status Parser::ParseUnwind(Clause* c) {
  CYPHER_TRY(list, ParseExpression());
  c->unwind = std::move(list);
  if (Status s = ExpectKeyword("AS", "after UNWIND's list"); !s.ok()) return s;
  CYPHER_TRY(name, Name("a variable name after AS"));
  c->unwind_var = std::move(name);
  return Status();
}

Status Parser::ParseProjection(Projection* p, bool is_with) {
  p->distinct = TakeKeyword("DISTINCT");
  if (Status s = ParseProjectionItems(p); !s.ok()) return s;
  if (IsKeyword("ORDER")) {
    if (Status s = ParseOrderBy(p); !s.ok()) return s;
  }
  if (TakeKeyword("SKIP")) {
    CYPHER_TRY(skip, ParseExpression());
    p->skip = std::move(skip);
  }
  if (TakeKeyword("LIMIT")) {
    CYPHER_TRY(limit, ParseExpression());
    p->limit = std::move(limit);
  }
  if (is_with && TakeKeyword("WHERE")) {
    CYPHER_TRY(where, ParseExpression());
    p->where = std::move(where);
  }
  return Status();
}

Status Parser::ParseProjectionItems(Projection* p) {
  if (TakeSymbol("*")) {
    p->star = true;
    if (!TakeSymbol(",")) return Status();
  }
  do {
    ProjectionItem item;
    const uint32_t begin = Peek().place.offset;
    CYPHER_TRY(expr, ParseExpression());
    item.name = TextOf(begin, expr->end);
    item.expr = std::move(expr);
    if (TakeKeyword("AS")) {
      CYPHER_TRY(alias, Name("a name after AS"));
      item.name = std::move(alias);
      item.aliased = true;
    }
    p->items.push_back(std::move(item));
  } while (TakeSymbol(","));
  return Status();
}

Status Parser::ParseOrderBy(Projection* p) {
  Take();  // ORDER
  if (Status s = ExpectKeyword("BY", "after ORDER"); !s.ok()) return s;
  do {
    SortItem item;
    CYPHER_TRY(expr, ParseExpression());
    item.expr = std::move(expr);
    if (TakeKeyword("DESC") || TakeKeyword("DESCENDING")) {
      item.descending = true;
    } else if (!TakeKeyword("ASC")) {
      TakeKeyword("ASCENDING");
    }
    p->order.push_back(std::move(item));
  } while (TakeSymbol(","));
  return Status();
}

Result<Pattern> Parser::ParsePattern() {
  Pattern pattern;
  do {
    CYPHER_TRY(part, ParsePatternPart());
    pattern.parts.push_back(std::move(part));
  } while (TakeSymbol(","));
  return pattern;
}

Result<PatternPart> Parser::ParsePatternPart() {
  PatternPart part;
  part.place = Peek().place;
  if (Peek().kind == TokenKind::kIdentifier && IsSymbol("=", 1)) {
    part.path_var = Take().text;
    Take();
  }
  const bool shortest = IsKeyword("shortestPath"), all = IsKeyword("allShortestPaths");
  if ((shortest || all) && IsSymbol("(", 1)) {
    part.kind = shortest ? PatternPart::Kind::kShortest : PatternPart::Kind::kAllShortest;
    Take();
    Take();
    if (Status s = ParseChain(&part); !s.ok()) return s;
    if (Status s = Expect(")", "to close shortestPath("); !s.ok()) return s;
    if (part.rels.size() != 1) {
      return Error(part.place, Message("shortestPath and allShortestPaths take one relationship pattern between two nodes"));
    }
    return part;
  }
  if (Status s = ParseChain(&part); !s.ok()) return s;
  return part;
}

Status Parser::ParseChain(PatternPart* part) {
  if (Status s = Deeper(); !s.ok()) return s;
  CYPHER_TRY(first, ParseNode());
  part->nodes.push_back(std::move(first));
  while (IsSymbol("-") || (IsSymbol("<") && IsSymbol("-", 1))) {
    if (part->rels.size() >= static_cast<size_t>(kMaxNesting)) {
      return Error(Peek().place, Message("a pattern of more than ", kMaxNesting, " relationships is too long"));
    }
    CYPHER_TRY(rel, ParseRel());
    part->rels.push_back(std::move(rel));
    CYPHER_TRY(node, ParseNode());
    part->nodes.push_back(std::move(node));
  }
  Shallower();
  return Status();
}

Result<NodePattern> Parser::ParseNode() {
  NodePattern n;
  n.place = Peek().place;
  if (Status s = Expect("(", "to start a node pattern"); !s.ok()) return s;
  if (Peek().kind == TokenKind::kIdentifier) n.var = Take().text;
  if (TakeSymbol(":")) {
    bool both = false;  // :a:b
    for (;;) {
      n.label_places.push_back(Peek().place);
      CYPHER_TRY(label, Name("a label (an entity type) after ':'"));
      n.labels.push_back(std::move(label));
      if (TakeSymbol("|")) {
        n.label_alternatives = true;
        TakeSymbol(":");
      } else if (TakeSymbol(":")) {
        both = true;
      } else {
        break;
      }
      if (both && n.label_alternatives) {
        return Error(n.label_places.back(), Message("labels are either alternatives (:a|b) or all required (:a:b), not both"));
      }
    }
  }
  if (IsSymbol("{")) {
    if (Status s = ParseProperties(&n.properties); !s.ok()) return s;
  } else if (Peek().kind == TokenKind::kParameter) {
    return Error(Peek().place, Message("a parameter cannot stand for a node's properties: write {key: $", Peek().text, "}"));
  }
  if (Status s = Expect(")", "to close the node pattern"); !s.ok()) return s;
  return n;
}

Result<RelPattern> Parser::ParseRel() {
  RelPattern r;
  r.place = Peek().place;
  const bool left = TakeSymbol("<");
  if (Status s = Expect("-", "in a relationship pattern"); !s.ok()) return s;
  if (IsSymbol("[")) {
    if (Status s = ParseRelDetail(&r); !s.ok()) return s;
  }
  if (Status s = Expect("-", "to end a relationship pattern"); !s.ok()) return s;
  const bool right = TakeSymbol(">");
  if (left && right) return Error(r.place, Message("a relationship points one way (<-[]- or -[]->), or either way (-[]-), not both"));
  r.direction = left ? ArrowDirection::kLeft : right ? ArrowDirection::kRight : ArrowDirection::kBoth;
  return r;
}

Status Parser::ParseRelDetail(RelPattern* r) {
  Take();  // [
  if (Peek().kind == TokenKind::kIdentifier) r->var = Take().text;
  if (TakeSymbol(":")) {
    do {
      TakeSymbol(":");  // [:a|:b] as well as [:a|b]
      r->type_places.push_back(Peek().place);
      CYPHER_TRY(type, Name("a relationship type (a relation type) after ':'"));
      r->types.push_back(std::move(type));
    } while (TakeSymbol("|"));
  }
  if (IsSymbol("*")) {
    if (Status s = ParseLength(r); !s.ok()) return s;
  }
  if (IsSymbol("{")) {
    if (Status s = ParseProperties(&r->properties); !s.ok()) return s;
  } else if (Peek().kind == TokenKind::kParameter) {
    return Error(Peek().place, Message("a parameter cannot stand for a relationship's properties: write {key: $", Peek().text, "}"));
  }
  return Expect("]", "to close the relationship pattern");
}

Status Parser::ParseLength(RelPattern* r) {
  r->length_place = Take().place;  // *
  r->variable_length = true;
  r->min_hops = 1;
  r->max_hops = -1;
  auto bound = [&](int* out) -> Status {
    const Token& t = Take();
    if (t.text.size() > 9) return Error(t.place, Message("a hop bound of ", t.text, " is too large"));
    *out = std::stoi(t.text);
    return Status();
  };
  if (Peek().kind == TokenKind::kInteger) {
    if (Status s = bound(&r->min_hops); !s.ok()) return s;
    r->max_hops = r->min_hops;
  }
  if (TakeSymbol("..")) {
    r->max_hops = -1;
    if (Peek().kind == TokenKind::kInteger) {
      if (Status s = bound(&r->max_hops); !s.ok()) return s;
    }
  } else if (IsSymbol("-") && Peek(1).kind == TokenKind::kInteger) {
    return Error(Peek().place, Message("hop bounds cannot be negative"));
  }
  if (r->max_hops >= 0 && r->max_hops < r->min_hops) {
    return Error(r->length_place, Message("the hop range *", r->min_hops, "..", r->max_hops, " is empty"));
  }
  return Status();
}

Status Parser::ParseProperties(std::vector<std::pair<std::string, ExprPtr>>* out) {
  Take();  // {
  if (TakeSymbol("}")) return Status();
  do {
    CYPHER_TRY(key, Name("a property name"));
    if (Status s = Expect(":", "after the property name"); !s.ok()) return s;
    CYPHER_TRY(value, ParseExpression());
    out->emplace_back(std::move(key), std::move(value));
  } while (TakeSymbol(","));
  return Expect("}", "to close the properties");
}

Result<Query> Parse(std::string_view text) {
  CYPHER_TRY(tokens, Tokenize(text));
  return Parser(text, std::move(tokens)).ParseQuery();
}

}  // namespace casegraph::cypher
