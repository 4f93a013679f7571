// The parser's state (internal to parser.cc and expression_parser.cc): the tokens, where it is,
// and helpers that make every error a located Status.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/cypher/ast.h"
#include "query/cypher/lexer.h"

namespace casegraph::cypher {

/// ASCII lower case: keywords and function names are matched without regard to case.
std::string Lower(std::string_view s);

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens) : text_(text), tokens_(std::move(tokens)) {}

  Result<Query> ParseQuery();

  // Expressions (expression_parser.cc).
  Result<ExprPtr> ParseExpression();

 private:
  // Tokens.
  const Token& Peek(size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& Take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool IsKeyword(std::string_view word, size_t ahead = 0) const;
  bool IsSymbol(std::string_view symbol, size_t ahead = 0) const;
  bool TakeKeyword(std::string_view word);
  bool TakeSymbol(std::string_view symbol);
  Status Expect(std::string_view symbol, const char* context);
  Status ExpectKeyword(std::string_view word, const char* context);
  Status Error(const Place& at, Message m) const;
  Status Unexpected(const char* expected) const;
  std::string Describe(const Token& t) const;
  std::string TextOf(uint32_t begin, uint32_t end) const;
  Result<std::string> Name(const char* what);
  // Nesting guard: Deeper() fails past kMaxNesting levels (or kMaxExpressionDepth with operators).
  Status Deeper();
  void Shallower() {
    --depth_;
    --expression_depth_;
  }
  // One more operator in a row: the tree the row builds grows one deeper. The chain's guard puts
  // the depth back when the row ends.
  Status OneMoreOperator();
  struct ChainGuard {
    explicit ChainGuard(Parser* p) : parser(p), depth(p->expression_depth_) {}
    ~ChainGuard() { parser->expression_depth_ = depth; }
    Parser* parser;
    int depth;
  };

  // Clauses (parser.cc).
  Result<SingleQuery> ParseSingleQuery();
  Status ParseClause(SingleQuery* q);
  Status RefuseWrites() const;
  Status ParseMatch(Clause* c);
  Status ParseUnwind(Clause* c);
  Status ParseProjection(Projection* p, bool is_with);
  Status ParseProjectionItems(Projection* p);
  Status ParseOrderBy(Projection* p);
  Result<Pattern> ParsePattern();
  Result<PatternPart> ParsePatternPart();
  Status ParseChain(PatternPart* part);
  Result<NodePattern> ParseNode();
  Result<RelPattern> ParseRel();
  Status ParseRelDetail(RelPattern* r);
  Status ParseLength(RelPattern* r);
  Status ParseProperties(std::vector<std::pair<std::string, ExprPtr>>* out);

  // Expressions by precedence (expression_parser.cc).
  Result<ExprPtr> ParseOr();
  Result<ExprPtr> ParseXor();
  Result<ExprPtr> ParseAnd();
  Result<ExprPtr> ParseNot();
  Result<ExprPtr> ParseComparison();
  Result<ExprPtr> ParsePredicate();
  Result<ExprPtr> ParseAdditive();
  Result<ExprPtr> ParseMultiplicative();
  Result<ExprPtr> ParsePower();
  Result<ExprPtr> ParseUnary();
  Result<ExprPtr> ParsePostfix();
  Result<ExprPtr> ParseAtom();
  Result<ExprPtr> ParseLiteralNumber(const Token& t);
  Result<ExprPtr> ParseListLiteral();
  Result<ExprPtr> ParseComprehension(ExprPtr e, const char* close, const char* why);
  Result<ExprPtr> ParseMapLiteral();
  Result<ExprPtr> ParseFunctionCall(const Token& name);
  Result<ExprPtr> ParseCase();
  Result<ExprPtr> ParseExists();
  ExprPtr Make(ExprKind kind, const Place& place) const;
  ExprPtr Binary(ExprKind kind, std::string op, ExprPtr left, ExprPtr right) const;

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  int expression_depth_ = 0;
};


}  // namespace casegraph::cypher
