"""casegraph: legal-case knowledge graphs, every answer with its evidence.

Each Graph method returns the value of the command's JSON answer (json.loads of
`casegraph ... --format json`). Options are the long option names with '_' for '-'.
"""
from typing import Any, Dict, Iterator, List, Optional, Union
import os

Json = Any
PathLike = Union[str, "os.PathLike[str]"]

class Error(Exception):
    """A request casegraph cannot answer; file, line and column are None without a place."""
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    diagnostics: List[Dict[str, Any]]

class InvalidInputError(Error):
    """The input or the request breaks a rule (a bad case file, option or query)."""

class NotFoundError(Error):
    """Something named does not exist: an entity, a file."""

class IoError(Error):
    """The system could not read or write a file."""

class CorruptError(Error):
    """Stored data is damaged or no longer matches its sources (a snapshot)."""

class UnsupportedError(Error):
    """Valid, but not something casegraph does."""

class Graph:
    """A loaded case graph: immutable, safe to share between threads."""
    @property
    def entity_count(self) -> int: ...
    @property
    def relation_count(self) -> int: ...
    def check(self) -> Dict[str, Json]:
        """Every rule, reference and quote, as `casegraph check` (ok, diagnostics, counts)."""
    def stats(self, **options: Json) -> Dict[str, Json]:
        """Counts by type and status, components, date range."""
    def find(self, text: str) -> Dict[str, Json]:
        """Entities whose id, name or alias matches text, best first."""
    def show(self, entity: str, **options: Json) -> Dict[str, Json]:
        """One entity and every relation in and out, with evidence."""
    def path(self, a: str, b: str, **options: Json) -> Dict[str, Json]:
        """How a is connected to b, each hop with its evidence; no path: an empty "paths".

        Forms: all=True, k=N, simple=True (with max_hops), weighted=True, chronological=True.
        Filters: directed, reverse, via, not_via, status, through_types, avoid, max_hops,
        as_of, since, until; limit.
        """
    def timeline(self, entity: Optional[str] = None, **options: Json) -> Dict[str, Json]:
        """Dated relations in chronological order, of one entity or of all."""
    def neighbors(self, entity: str, depth: int = 1, **options: Json) -> Dict[str, Json]:
        """Entities within depth hops, each with the relations that reach it; count=True counts."""
    def rank(self, by: str = "degree", **options: Json) -> Dict[str, Json]:
        """Entities by degree, pagerank or betweenness; top=N, weighted=True."""
    def brokers(self, **options: Json) -> Dict[str, Json]:
        """Articulation points and bridges."""
    def query(self, text: str, params: Optional[Dict[str, Json]] = None, limit: Optional[int] = None,
              max_steps: Optional[int] = None, **named_params: Json) -> List[Dict[str, Json]]:
        """A read-only Cypher query; the rows as dicts keyed by column (pandas.DataFrame takes them)."""
    def answer(self, request: Dict[str, Json]) -> Dict[str, Json]:
        """The JSON answer to a batch line given as a dict ({"command": "path", "from": ..., "to": ...})."""
    def export(self, to: str, **options: Json) -> str:
        """The case (or around=E, depth=N, or path=[A, B]) as dot, svg, graphml, json, mermaid, csv or cypher."""
    def to_networkx(self) -> Any:
        """A networkx.MultiDiGraph: entities as nodes, relations as edges keyed by relation id."""
    def entities(self) -> Iterator[Dict[str, Json]]:
        """The entities as records: id, name, type, aliases, description, attributes."""
    def relations(self) -> Iterator[Dict[str, Json]]:
        """The relations as records: id, from, to, type, label, date, status, weight, attributes, evidence."""

def load(*paths: PathLike) -> Graph:
    """A Graph from the paths -g takes (no path: ./graphs); raises Error when they do not load."""
