// The expressions of the parser, by precedence from the loosest (OR) to the tightest (a literal).
#include <cctype>
#include <cerrno>
#include <cstdlib>

#include "query/cypher/parser_internal.h"

namespace casegraph::cypher {

ExprPtr Parser::Make(ExprKind kind, const Place& place) const {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->place = place;
  e->end = pos_ > 0 ? tokens_[pos_ - 1].end : place.offset;
  return e;
}

ExprPtr Parser::Binary(ExprKind kind, std::string op, ExprPtr left, ExprPtr right) const {
  ExprPtr e = Make(kind, left->place);
  e->op = std::move(op);
  e->end = right->end;
  e->args.push_back(std::move(left));
  e->args.push_back(std::move(right));
  return e;
}

Result<ExprPtr> Parser::ParseExpression() {
  if (Status s = Deeper(); !s.ok()) return s;
  Result<ExprPtr> e = ParseOr();
  Shallower();
  return e;
}

Result<ExprPtr> Parser::ParseOr() {
  CYPHER_TRY(left, ParseXor());
  ChainGuard guard(this);
  while (TakeKeyword("OR")) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    CYPHER_TRY(right, ParseXor());
    left = Binary(ExprKind::kOr, "OR", std::move(left), std::move(right));
  }
  return left;
}

Result<ExprPtr> Parser::ParseXor() {
  CYPHER_TRY(left, ParseAnd());
  ChainGuard guard(this);
  while (TakeKeyword("XOR")) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    CYPHER_TRY(right, ParseAnd());
    left = Binary(ExprKind::kXor, "XOR", std::move(left), std::move(right));
  }
  return left;
}

Result<ExprPtr> Parser::ParseAnd() {
  CYPHER_TRY(left, ParseNot());
  ChainGuard guard(this);
  while (TakeKeyword("AND")) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    CYPHER_TRY(right, ParseNot());
    left = Binary(ExprKind::kAnd, "AND", std::move(left), std::move(right));
  }
  return left;
}

Result<ExprPtr> Parser::ParseNot() {
  if (!IsKeyword("NOT")) return ParseComparison();
  const Place at = Take().place;
  if (Status s = Deeper(); !s.ok()) return s;
  Result<ExprPtr> operand = ParseNot();
  Shallower();
  if (!operand.ok()) return operand;
  ExprPtr e = Make(ExprKind::kNot, at);
  e->end = operand.value()->end;
  e->args.push_back(std::move(operand).value());
  return e;
}

// a < b < c means a < b AND b < c, each operand evaluated once: one kComparison node holds the
// operands in args and the operators in keys.
Result<ExprPtr> Parser::ParseComparison() {
  CYPHER_TRY(left, ParsePredicate());
  ExprPtr chain;
  static const char* const kOps[] = {"=", "<>", "<=", ">=", "<", ">"};
  for (;;) {
    if (IsSymbol("=~")) {
      return Error(Peek().place, Message("regular expressions (=~) are not supported; use CONTAINS, STARTS WITH or ENDS WITH"));
    }
    const char* op = nullptr;
    for (const char* o : kOps) {
      if (IsSymbol(o)) op = o;
    }
    if (!op) break;
    Take();
    CYPHER_TRY(right, ParsePredicate());
    if (!chain) {
      chain = Make(ExprKind::kComparison, left->place);
      chain->args.push_back(std::move(left));
    }
    chain->keys.push_back(op);
    chain->end = right->end;
    chain->args.push_back(std::move(right));
  }
  return chain ? std::move(chain) : std::move(left);
}

Result<ExprPtr> Parser::ParsePredicate() {
  CYPHER_TRY(left, ParseAdditive());
  ChainGuard guard(this);
  for (;;) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    if (IsKeyword("IS")) {
      Take();
      const bool negated = TakeKeyword("NOT");
      if (Status s = ExpectKeyword("NULL", negated ? "after IS NOT" : "after IS"); !s.ok()) return s;
      ExprPtr e = Make(ExprKind::kIsNull, left->place);
      e->negated = negated;
      e->args.push_back(std::move(left));
      left = std::move(e);
      continue;
    }
    ExprKind kind;
    if (TakeKeyword("IN")) {
      kind = ExprKind::kIn;
    } else if (IsKeyword("STARTS") && IsKeyword("WITH", 1)) {
      Take();
      Take();
      kind = ExprKind::kStartsWith;
    } else if (IsKeyword("ENDS") && IsKeyword("WITH", 1)) {
      Take();
      Take();
      kind = ExprKind::kEndsWith;
    } else if (TakeKeyword("CONTAINS")) {
      kind = ExprKind::kContains;
    } else {
      return left;
    }
    CYPHER_TRY(right, ParseAdditive());
    left = Binary(kind, "", std::move(left), std::move(right));
  }
}

Result<ExprPtr> Parser::ParseAdditive() {
  CYPHER_TRY(left, ParseMultiplicative());
  ChainGuard guard(this);
  while (IsSymbol("+") || IsSymbol("-")) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    const std::string op = Take().text;
    CYPHER_TRY(right, ParseMultiplicative());
    left = Binary(ExprKind::kArithmetic, op, std::move(left), std::move(right));
  }
  return left;
}

Result<ExprPtr> Parser::ParseMultiplicative() {
  CYPHER_TRY(left, ParsePower());
  ChainGuard guard(this);
  while (IsSymbol("*") || IsSymbol("/") || IsSymbol("%")) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    const std::string op = Take().text;
    CYPHER_TRY(right, ParsePower());
    left = Binary(ExprKind::kArithmetic, op, std::move(left), std::move(right));
  }
  return left;
}

Result<ExprPtr> Parser::ParsePower() {
  CYPHER_TRY(left, ParseUnary());
  ChainGuard guard(this);
  while (TakeSymbol("^")) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    CYPHER_TRY(right, ParseUnary());
    left = Binary(ExprKind::kArithmetic, "^", std::move(left), std::move(right));
  }
  return left;
}

Result<ExprPtr> Parser::ParseUnary() {
  if (IsSymbol("-") || IsSymbol("+")) {
    const Token sign = Take();
    if (sign.text == "-" && (Peek().kind == TokenKind::kInteger || Peek().kind == TokenKind::kFloat)) {
      Token number = Take();
      number.text = "-" + number.text;
      number.place = sign.place;
      return ParseLiteralNumber(number);
    }
    if (Status s = Deeper(); !s.ok()) return s;
    Result<ExprPtr> operand = ParseUnary();
    Shallower();
    if (!operand.ok() || sign.text == "+") return operand;
    ExprPtr e = Make(ExprKind::kNegate, sign.place);
    e->end = operand.value()->end;
    e->args.push_back(std::move(operand).value());
    return e;
  }
  return ParsePostfix();
}

Result<ExprPtr> Parser::ParsePostfix() {
  CYPHER_TRY(e, ParseAtom());
  ChainGuard guard(this);
  for (;;) {
    if (Status s = OneMoreOperator(); !s.ok()) return s;
    if (TakeSymbol(".")) {
      CYPHER_TRY(key, Name("a property name after '.'"));
      ExprPtr p = Make(ExprKind::kProperty, e->place);
      p->name = std::move(key);
      p->args.push_back(std::move(e));
      e = std::move(p);
    } else if (e->kind == ExprKind::kVariable && IsSymbol("{")) {
      return Error(Peek().place, Message("map projections (", e->name, " {.name}) are not supported; write a map: {name: ", e->name,
                                         ".name}"));
    } else if (e->kind == ExprKind::kVariable && IsSymbol(":")) {
      ExprPtr has = Make(ExprKind::kHasLabels, e->place);
      has->args.push_back(std::move(e));
      while (TakeSymbol(":")) {
        has->label_places.push_back(Peek().place);
        CYPHER_TRY(label, Name("a label after ':'"));
        has->keys.push_back(std::move(label));
      }
      has->end = tokens_[pos_ - 1].end;
      e = std::move(has);
    } else if (IsSymbol("[")) {
      Take();
      ExprPtr index = Make(ExprKind::kIndex, e->place);
      index->args.push_back(std::move(e));
      ExprPtr from;
      if (!IsSymbol("..")) {
        CYPHER_TRY(start, ParseExpression());
        from = std::move(start);
      }
      if (TakeSymbol("..")) {
        index->kind = ExprKind::kSlice;
        index->args.push_back(from ? std::move(from) : Make(ExprKind::kLiteral, index->place));
        if (IsSymbol("]")) {
          index->args.push_back(Make(ExprKind::kLiteral, index->place));
        } else {
          CYPHER_TRY(to, ParseExpression());
          index->args.push_back(std::move(to));
        }
      } else {
        if (!from) return Unexpected("an index");
        index->args.push_back(std::move(from));
      }
      if (Status s = Expect("]", "to close the index"); !s.ok()) return s;
      index->end = tokens_[pos_ - 1].end;
      e = std::move(index);
    } else {
      return e;
    }
  }
}

Result<ExprPtr> Parser::ParseLiteralNumber(const Token& t) {
  ExprPtr e = Make(ExprKind::kLiteral, t.place);
  errno = 0;
  char* end = nullptr;
  if (t.kind == TokenKind::kInteger) {
    const long long v = std::strtoll(t.text.c_str(), &end, 10);
    if (errno == ERANGE) return Error(t.place, Message("the integer ", t.text, " is too large (integers are 64-bit)"));
    e->literal = Value::Int(v);
  } else {
    e->literal = Value::Float(std::strtod(t.text.c_str(), &end));
    if (errno == ERANGE) return Error(t.place, Message("the number ", t.text, " is out of range"));
  }
  return e;
}

Result<ExprPtr> Parser::ParseAtom() {
  const Token& t = Peek();
  switch (t.kind) {
    case TokenKind::kInteger:
    case TokenKind::kFloat: return ParseLiteralNumber(Take());
    case TokenKind::kString: {
      ExprPtr e = Make(ExprKind::kLiteral, t.place);
      e->literal = Value::String(Take().text);
      e->end = t.end;
      return e;
    }
    case TokenKind::kParameter: {
      ExprPtr e = Make(ExprKind::kParameter, t.place);
      e->name = Take().text;
      e->end = tokens_[pos_ - 1].end;
      return e;
    }
    case TokenKind::kEnd: return Unexpected("an expression");
    default: break;
  }
  if (TakeSymbol("(")) {
    const size_t open = pos_ - 1;
    CYPHER_TRY(inner, ParseExpression());
    if (Status s = Expect(")", "to close the parenthesis"); !s.ok()) return s;
    inner->end = tokens_[pos_ - 1].end;
    const bool pattern = (IsSymbol("-") && (IsSymbol("[", 1) || IsSymbol(">", 1) || (IsSymbol("-", 1) && IsSymbol("(", 2)))) ||
                         (IsSymbol("<") && IsSymbol("-", 1));
    if (pattern && (inner->kind == ExprKind::kVariable || inner->kind == ExprKind::kHasLabels)) {
      return Error(tokens_[open].place, Message("a pattern is a condition only inside EXISTS { MATCH ... }: write WHERE EXISTS { MATCH (n)-[...]->() }"));
    }
    return inner;
  }
  if (IsSymbol("[")) return ParseListLiteral();
  if (IsSymbol("{")) return ParseMapLiteral();
  if (t.kind != TokenKind::kIdentifier) return Unexpected("an expression");
  if (!t.quoted) {
    for (const char* word : {"TRUE", "FALSE", "NULL"}) {
      if (IsKeyword(word)) {
        ExprPtr e = Make(ExprKind::kLiteral, Take().place);
        e->end = tokens_[pos_ - 1].end;
        if (word[0] != 'N') e->literal = Value::Bool(word[0] == 'T');
        return e;
      }
    }
    if (IsKeyword("CASE")) return ParseCase();
    if (IsKeyword("EXISTS") && IsSymbol("{", 1)) return ParseExists();
  }
  const Token name = Take();
  if (IsSymbol("(")) return ParseFunctionCall(name);
  ExprPtr e = Make(ExprKind::kVariable, name.place);
  e->name = name.text;
  e->end = name.end;
  return e;
}

}  // namespace casegraph::cypher
