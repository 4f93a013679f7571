// `help query`: the subset of Cypher that casegraph query reads, from the engine's own tables.
#include <string>

#include "cli/help.h"
#include "query/cypher/functions.h"
#include "query/cypher/properties.h"

namespace casegraph::cli {

std::string QuerySummary() {
  std::string out = R"(Pattern queries: a read-only subset of openCypher, over the loaded case.

The graph as a query sees it
  (n:TYPE)        a node is an entity; its one label is its entity type
  -[r:TYPE]->     a relationship is a relation; its type is the relation type (a symmetric
                  relation matches both ways); [:a|b] either type
  node properties:  )";
  for (const std::string& p : cypher::NodePropertyNames()) out += p + " ";
  out += "and each attribute by its key\n  relationship properties:  ";
  for (const std::string& p : cypher::RelationshipPropertyNames()) out += p + " ";
  out += R"(and each attribute
                  (status is its effective value: reported when unwritten; weight 1 when unwritten;
                  evidence a list of {source, quote, locator})

Clauses
  MATCH pattern [WHERE condition]          OPTIONAL MATCH ... (nulls when nothing matches)
  WITH [DISTINCT] items [ORDER BY ...] [SKIP n] [LIMIT n] [WHERE condition]
  UNWIND list AS name                      RETURN [DISTINCT] items [ORDER BY e [DESC], ...] [SKIP n] [LIMIT n]
  query UNION [ALL] query                  EXISTS { MATCH pattern [WHERE ...] } in conditions

Patterns
  (a:regulator {id: 'roskomnadzor'})-[r:throttle|lawsuit]->(b)<-[:lawsuit]-(c), (d)
  -[*1..3]-  variable length (a trail: no relationship twice); an upper bound is required
  p = (a)-[r]->(b)   a path;  shortestPath((a)-[*]-(b)), allShortestPaths(...) use casegraph's
                     path engine and need no bound
  one relationship is never used twice in one MATCH

Expressions
  literals 1 2.5 'text' "text" true false null [1, 2] {k: v};  $name parameters (--param name=VALUE)
  a.prop  list[i]  list[i..j]  + - * / % ^  = <> < <= > >= (a < b < c)  AND OR XOR NOT
  IS [NOT] NULL  IN  STARTS WITH  ENDS WITH  CONTAINS  CASE [x] WHEN ... THEN ... [ELSE ...] END
  n:label  r:type  [x IN list WHERE condition | expression]  (a list comprehension)
  any(x IN list WHERE condition), all(...), none(...), single(...)  (true, false or null)
  a string + a number or boolean: the text of both;  a list + a value: the list with it
  three-valued logic: null compares to nothing; WHERE keeps a row only when its condition is true

Functions
)";
  for (const cypher::FunctionInfo& f : cypher::Functions()) {
    std::string name = std::string("  ") + f.written + "()";
    name.resize(std::max<size_t>(name.size() + 1, 18), ' ');
    out += name + f.summary + (f.aggregate ? " (aggregate; DISTINCT allowed)" : "") + "\n";
  }
  out += R"(
Answers: a table (text), JSON (--format json: nodes as {entity, name, type}, relationships as path
hops with their evidence, paths as path answers), or CSV (--format csv). Exit status 0 with rows,
1 with none, 2 for an error, which says where: query:LINE:COL. A query that writes (CREATE, MERGE,
SET, DELETE, REMOVE) is refused: the case files are the source of truth. Rows stop at --limit
(10,000) and say so; a query that matches for more than --max-steps steps stops with an error.

Examples (on the bundled case)
  casegraph query 'MATCH (a:regulator)-[r:throttle]->(p:platform) RETURN a.name, p.name, r'
  casegraph query 'MATCH (p:platform)<-[t:throttle]-(), (p)<-[s:lawsuit]-(n)
                   WHERE first_day(s) < first_day(t) RETURN p.name, n.name, s'
  casegraph query 'MATCH (a:regulator) WHERE NOT EXISTS { MATCH (a)-[:lawsuit]->() } RETURN a.name'
  casegraph query 'MATCH (n)-[r]->(m) RETURN type(r) AS type, count(*) AS n ORDER BY n DESC LIMIT 5'
  casegraph query 'MATCH p = shortestPath((a {id: $from})-[*]-(b {id: $to})) RETURN p' \
      --param from=navalny --param to=ncose
)";
  return out;
}

}  // namespace casegraph::cli
