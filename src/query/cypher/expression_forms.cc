// The parser's compound expressions: list comprehensions and quantifiers, list and map literals,
// function calls, CASE and EXISTS { MATCH ... }.
#include "query/cypher/parser_internal.h"

namespace casegraph::cypher {

// [x IN list WHERE condition | expression]: WHERE and | each optional.
Result<ExprPtr> Parser::ParseComprehension(ExprPtr e, const char* close, const char* why) {
  e->kind = ExprKind::kComprehension;
  e->name = Take().text;
  Take();  // IN
  CYPHER_TRY(list, ParseExpression());
  e->args.push_back(std::move(list));
  for (const char* part : {"WHERE", "|"}) {
    const bool given = part[0] == '|' ? TakeSymbol("|") : TakeKeyword("WHERE");
    (part[0] == '|' ? e->case_else : e->case_subject) = given;  // has a projection; has a condition
    if (!given) {
      e->args.push_back(Make(ExprKind::kLiteral, e->place));
      continue;
    }
    CYPHER_TRY(x, ParseExpression());
    e->args.push_back(std::move(x));
  }
  if (Status s = Expect(close, why); !s.ok()) return s;
  e->end = tokens_[pos_ - 1].end;
  return e;
}

Result<ExprPtr> Parser::ParseListLiteral() {
  ExprPtr e = Make(ExprKind::kList, Take().place);
  if (Peek().kind == TokenKind::kIdentifier && IsKeyword("IN", 1)) return ParseComprehension(std::move(e), "]", "to close the list comprehension");
  if (!IsSymbol("]")) {
    do {
      CYPHER_TRY(item, ParseExpression());
      e->args.push_back(std::move(item));
    } while (TakeSymbol(","));
  }
  if (Status s = Expect("]", "to close the list"); !s.ok()) return s;
  e->end = tokens_[pos_ - 1].end;
  return e;
}

Result<ExprPtr> Parser::ParseMapLiteral() {
  ExprPtr e = Make(ExprKind::kMap, Take().place);
  if (!IsSymbol("}")) {
    do {
      CYPHER_TRY(key, Name("a key"));
      if (Status s = Expect(":", "after the key"); !s.ok()) return s;
      CYPHER_TRY(value, ParseExpression());
      e->keys.push_back(std::move(key));
      e->args.push_back(std::move(value));
    } while (TakeSymbol(","));
  }
  if (Status s = Expect("}", "to close the map"); !s.ok()) return s;
  e->end = tokens_[pos_ - 1].end;
  return e;
}

Result<ExprPtr> Parser::ParseFunctionCall(const Token& name) {
  Take();  // (
  ExprPtr e = Make(ExprKind::kFunction, name.place);
  e->name = Lower(name.text);
  const bool quantifier = e->name == "any" || e->name == "all" || e->name == "none" || e->name == "single";
  if (quantifier && Peek().kind == TokenKind::kIdentifier && IsKeyword("IN", 1)) {
    e->op = e->name;  // any(x IN list WHERE condition): a comprehension that answers true, false or null
    CYPHER_TRY(q, ParseComprehension(std::move(e), ")", "to close the quantifier"));
    if (!q->case_subject || q->case_else) {
      return Error(q->place, Message(name.text, "(", q->name, " IN list WHERE condition) needs WHERE and no '|'"));
    }
    return q;
  }
  if (e->name == "reduce") {
    return Error(name.place, Message("reduce() is not supported; sum() or size() over a list comprehension often says the same"));
  }
  if (e->name == "count" && IsSymbol("*") && IsSymbol(")", 1)) {
    Take();
    Take();
    e->kind = ExprKind::kCountStar;
    e->end = tokens_[pos_ - 1].end;
    return e;
  }
  e->distinct = TakeKeyword("DISTINCT");
  if (!IsSymbol(")")) {
    do {
      CYPHER_TRY(arg, ParseExpression());
      e->args.push_back(std::move(arg));
    } while (TakeSymbol(","));
  }
  if (Status s = Expect(")", "to close the function's arguments"); !s.ok()) return s;
  e->end = tokens_[pos_ - 1].end;
  return e;
}

Result<ExprPtr> Parser::ParseCase() {
  ExprPtr e = Make(ExprKind::kCase, Take().place);
  if (!IsKeyword("WHEN")) {
    CYPHER_TRY(subject, ParseExpression());
    e->args.push_back(std::move(subject));
    e->case_subject = true;
  }
  if (!IsKeyword("WHEN")) return Unexpected("WHEN");
  while (TakeKeyword("WHEN")) {
    CYPHER_TRY(when, ParseExpression());
    if (Status s = ExpectKeyword("THEN", "after WHEN's condition"); !s.ok()) return s;
    CYPHER_TRY(then, ParseExpression());
    e->args.push_back(std::move(when));
    e->args.push_back(std::move(then));
  }
  if (TakeKeyword("ELSE")) {
    CYPHER_TRY(otherwise, ParseExpression());
    e->args.push_back(std::move(otherwise));
    e->case_else = true;
  }
  if (Status s = ExpectKeyword("END", "to close CASE"); !s.ok()) return s;
  e->end = tokens_[pos_ - 1].end;
  return e;
}

Result<ExprPtr> Parser::ParseExists() {
  ExprPtr e = Make(ExprKind::kExists, Take().place);
  Take();  // {
  e->exists = std::make_unique<ExistsQuery>();
  TakeKeyword("MATCH");
  CYPHER_TRY(pattern, ParsePattern());
  e->exists->pattern = std::move(pattern);
  if (TakeKeyword("WHERE")) {
    CYPHER_TRY(where, ParseExpression());
    e->exists->where = std::move(where);
  }
  if (Status s = Expect("}", "to close EXISTS {"); !s.ok()) return s;
  e->end = tokens_[pos_ - 1].end;
  return e;
}

}  // namespace casegraph::cypher
