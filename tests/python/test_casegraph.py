"""The Python module against the command line: every function's value is json.loads of the
command's --format json answer, on the bundled case and on random graphs; errors; threads.

Run by CTest with PYTHONPATH=build/python, CASEGRAPH=build/casegraph and CASEGRAPH_SOURCE=the
project directory."""
import concurrent.futures
import json
import os
import random
import subprocess

import pytest

import casegraph

CLI = os.environ["CASEGRAPH"]
SOURCE = os.environ["CASEGRAPH_SOURCE"]
BUNDLED = os.path.join(SOURCE, "graphs")


def cli_json(graph, *args):
    """The command line's JSON answer (exit 0 or 1), as json.loads gives it."""
    run = subprocess.run([CLI, "-g", graph, *args, "--format", "json"], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def cli_text(graph, *args):
    run = subprocess.run([CLI, "-g", graph, *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def g():
    return casegraph.load(BUNDLED)


# (method call on the graph, the same question on the command line)
BUNDLED_QUESTIONS = [
    (lambda g: g.check(), ["check"]),
    (lambda g: g.stats(), ["stats"]),
    (lambda g: g.stats(as_of="2021-03-09"), ["stats", "--as-of", "2021-03-09"]),
    (lambda g: g.find("RKN"), ["find", "RKN"]),
    (lambda g: g.find("nobody at all"), ["find", "nobody at all"]),
    (lambda g: g.show("Роскомнадзор"), ["show", "Роскомнадзор"]),
    (lambda g: g.path("Navalny", "NCOSE"), ["path", "Navalny", "NCOSE"]),
    (lambda g: g.path("Navalny", "NCOSE", all=True), ["path", "Navalny", "NCOSE", "--all"]),
    (lambda g: g.path("Navalny", "NCOSE", k=3), ["path", "Navalny", "NCOSE", "-k", "3"]),
    (lambda g: g.path("Navalny", "NCOSE", simple=True, max_hops=4, limit=5),
     ["path", "Navalny", "NCOSE", "--simple", "--max-hops", "4", "--limit", "5"]),
    (lambda g: g.path("RKN", "NCOSE", weighted=True), ["path", "RKN", "NCOSE", "--weighted"]),
    (lambda g: g.path("RKN", "NCOSE", chronological=True, undated="allow"),
     ["path", "RKN", "NCOSE", "--chronological", "--undated", "allow"]),
    (lambda g: g.path("Navalny", "NCOSE", via=["jailed", "lawsuit"], status=["reported", "fact"]),
     ["path", "Navalny", "NCOSE", "--via", "jailed,lawsuit", "--status", "reported,fact"]),
    (lambda g: g.path("Navalny", "NCOSE", avoid=["twitter"]), ["path", "Navalny", "NCOSE", "--avoid", "twitter"]),
    (lambda g: g.path("Navalny", "NCOSE", directed=True), ["path", "Navalny", "NCOSE", "--directed"]),
    (lambda g: g.path("RKN", "Twitter", as_of="2021-03-09"), ["path", "RKN", "Twitter", "--as-of", "2021-03-09"]),
    (lambda g: g.path("RKN", "Twitter", since="2021-03-10", until="2021-03-31"),
     ["path", "RKN", "Twitter", "--from", "2021-03-10", "--to", "2021-03-31"]),
    (lambda g: g.timeline(), ["timeline"]),
    (lambda g: g.timeline("Twitter", via=["lawsuit"]), ["timeline", "Twitter", "--via", "lawsuit"]),
    (lambda g: g.neighbors("Twitter"), ["neighbors", "Twitter"]),
    (lambda g: g.neighbors("Twitter", depth=2, count=True), ["neighbors", "Twitter", "--depth", "2", "--count"]),
    (lambda g: g.rank(), ["rank"]),
    (lambda g: g.rank(by="pagerank", top=0), ["rank", "--by", "pagerank", "--top", "0"]),
    (lambda g: g.rank(by="betweenness", weighted=True), ["rank", "--by", "betweenness", "--weighted"]),
    (lambda g: g.brokers(), ["brokers"]),
    (lambda g: g.answer({"command": "query", "text": "MATCH (n:regulator) RETURN n.name, n", "params": {}}),
     ["query", "MATCH (n:regulator) RETURN n.name, n"]),
]


@pytest.mark.parametrize("index", range(len(BUNDLED_QUESTIONS)))
def test_every_function_answers_as_the_command_line(g, index):
    ask, args = BUNDLED_QUESTIONS[index]
    assert ask(g) == cli_json(BUNDLED, *args)


def test_query_rows_are_dicts_keyed_by_column(g):
    text = "MATCH (a)-[r]->(t {id: $who}) RETURN a.name AS who, type(r) AS what, r ORDER BY who, what"
    rows = g.query(text, who="twitter")
    answer = cli_json(BUNDLED, "query", text, "--param", "who=twitter")
    assert rows == [dict(zip(answer["columns"], row)) for row in answer["rows"]]
    assert rows and all(set(r) == {"who", "what", "r"} for r in rows)
    assert g.query(text, params={"who": "twitter"}) == rows
    assert rows[0]["r"]["evidence"], "a relationship comes with its evidence"
    assert len(g.query("UNWIND range(1, 50) AS x RETURN x", limit=7)) == 7


def test_query_rows_make_a_dataframe(g):
    pandas = pytest.importorskip("pandas")
    rows = g.query("MATCH (n)-[:lawsuit]->(t) RETURN n.name AS plaintiff, t.name AS defendant ORDER BY plaintiff, defendant")
    frame = pandas.DataFrame(rows)
    assert list(frame.columns) == ["plaintiff", "defendant"]
    assert len(frame) == len(rows) > 0


@pytest.mark.parametrize("to", ["dot", "svg", "mermaid", "json", "graphml", "cypher"])
def test_export_is_the_command_lines_text(g, to):
    assert g.export(to) == cli_text(BUNDLED, "export", "--to", to)


def test_export_to_a_directory(g, tmp_path):
    assert g.export("csv", output=str(tmp_path / "csv")) == ""
    assert sorted(os.listdir(tmp_path / "csv"))[:2] == ["nodes.csv", "relationships.csv"] or os.listdir(tmp_path / "csv")


def test_export_around_and_path(g):
    assert g.export("dot", around="Twitter", depth=1) == cli_text(BUNDLED, "export", "--to", "dot", "--around", "Twitter", "--depth", "1")
    assert g.export("mermaid", path=["Navalny", "NCOSE"]) == cli_text(BUNDLED, "export", "--to", "mermaid", "--path", "Navalny", "NCOSE")


def test_to_networkx_has_every_entity_and_relation_with_their_fields(g):
    nx_graph = g.to_networkx()
    exported = json.loads(cli_text(BUNDLED, "export", "--to", "json"))  # NetworkX node-link data
    assert nx_graph.number_of_nodes() == len(exported["nodes"]) == g.entity_count
    assert nx_graph.number_of_edges() == len(exported["links"]) == g.relation_count
    for link in exported["links"]:
        data = nx_graph.edges[link["source"], link["target"], link["key"]]
        want = {k: v for k, v in link.items() if k not in ("source", "target", "key", "highlighted")}
        assert data == {"id": link["key"], **want}
    for node in exported["nodes"]:
        assert nx_graph.nodes[node["id"]] == {k: v for k, v in node.items() if k != "id"}
    assert [r["id"] for r in g.relations()] == [link["key"] for link in exported["links"]]
    assert [e["id"] for e in g.entities()] == [node["id"] for node in exported["nodes"]]


def test_a_snapshot_answers_as_the_case_files(tmp_path, g):
    snapshot = tmp_path / "case.snapshot"
    subprocess.run([CLI, "-g", BUNDLED, "build", "-o", str(snapshot)], check=True, capture_output=True)
    s = casegraph.load(snapshot)
    assert s.path("Navalny", "NCOSE", all=True) == g.path("Navalny", "NCOSE", all=True)
    assert s.query("MATCH (n) RETURN count(*) AS n") == g.query("MATCH (n) RETURN count(*) AS n")


def random_case(seed):
    rnd = random.Random(seed)
    n, m = rnd.randint(3, 12), rnd.randint(2, 30)
    types = ["t0", "t1", "t2"]
    entities = [{"id": f"e{i}", "name": f"Entity {i}", "type": rnd.choice(["person", "org"])} for i in range(n)]
    relations = []
    for i in range(m):
        r = {"id": f"r{i}", "type": rnd.choice(types), "from": f"e{rnd.randrange(n)}", "to": f"e{rnd.randrange(n)}",
             "status": rnd.choice(["fact", "reported", "alleged", "claimed", "denied"]), "weight": rnd.choice([0.5, 1, 2])}
        date = rnd.choice([None, "2021", "2021-03", "2021-03-10", "2020-12"])
        if date:
            r["date"] = date
        relations.append(r)
    vocabulary = {"relation_types": {t: {"label": t, "inverse": f"{t} by", "symmetric": t == "t2"} for t in types}}
    return {"casegraph": 1, "vocabulary": vocabulary, "entities": entities, "relations": relations}, n


def test_random_graphs_answer_as_batch(tmp_path):
    """On 40 random graphs, every pair's path (several forms and filters), neighbourhood and a query,
    asked of the module and of `casegraph batch`: the same answers."""
    compared = 0
    for seed in range(40):
        case, n = random_case(seed)
        path = tmp_path / f"case{seed}.json"
        path.write_text(json.dumps(case))
        rnd = random.Random(1000 + seed)
        requests = []
        for _ in range(12):
            a, b = f"e{rnd.randrange(n)}", f"e{rnd.randrange(n)}"
            options = rnd.choice([{}, {"all": True}, {"k": 2}, {"directed": True}, {"via": ["t0", "t2"]},
                                  {"weighted": True}, {"status": ["fact", "reported"]}, {"as_of": "2021-02"},
                                  {"simple": True, "max_hops": 3}, {"chronological": True}])
            requests.append({"command": "path", "from": a, "to": b, **options})
            requests.append({"command": "neighbors", "entity": a, "depth": rnd.randint(1, 3)})
        requests.append({"command": "query", "text": "MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*) AS c ORDER BY t", "params": {}})
        requests.append({"command": "rank", "by": "pagerank", "top": 0})
        batch = subprocess.run([CLI, "-g", str(path), "batch"], input="\n".join(json.dumps(r) for r in requests),
                               capture_output=True, text=True, check=True)
        answers = [json.loads(line) for line in batch.stdout.splitlines()]
        g = casegraph.load(path)
        assert len(answers) == len(requests)
        for request, expected in zip(requests, answers):
            if "error" in expected:
                with pytest.raises(casegraph.Error) as raised:
                    g.answer(request)
                assert str(raised.value) == expected["error"]
                continue
            fields = {k: v for k, v in request.items() if k not in ("command", "from", "to", "entity")}
            if request["command"] == "path":
                assert g.path(request["from"], request["to"], **fields) == expected
            elif request["command"] == "neighbors":
                assert g.neighbors(request["entity"], **fields) == expected
            else:
                assert g.answer(request) == expected
            compared += 1
    assert compared > 900


def test_no_path_is_an_empty_answer_not_an_error(g):
    answer = g.path("Navalny", "Putin", via=["lawsuit"])
    assert answer["paths"] == []


def test_an_unknown_entity_is_not_found_with_suggestions(g):
    with pytest.raises(casegraph.NotFoundError) as raised:
        g.path("Navalni", "NCOSE")
    assert "did you mean 'Alexei Navalny'" in str(raised.value)
    assert isinstance(raised.value, casegraph.Error)


def test_a_misspelt_option_is_invalid_input_with_a_suggestion(g):
    with pytest.raises(casegraph.InvalidInputError, match=r"unknown option 'max_hop' for path; did you mean 'max_hops'\?"):
        g.path("Navalny", "NCOSE", max_hop=3)
    with pytest.raises(casegraph.InvalidInputError, match="must be a whole number of at least 1"):
        g.path("Navalny", "NCOSE", all=True, limit=0)
    with pytest.raises(casegraph.InvalidInputError, match="via must be None, a bool, a number"):
        g.path("Navalny", "NCOSE", via=object())
    with pytest.raises(casegraph.InvalidInputError, match="max_hops is too large a number"):
        g.path("Navalny", "NCOSE", max_hops=10**30)


def test_a_bad_query_is_located(g):
    with pytest.raises(casegraph.InvalidInputError) as raised:
        g.query("MATCH (n:regulatr)\nRETURN n")
    e = raised.value
    assert (e.file, e.line, e.column) == ("query", 1, 10)
    assert "did you mean 'regulator'" in str(e)
    with pytest.raises(casegraph.InvalidInputError, match="source of truth"):
        g.query("MATCH (n) DELETE n")


def test_a_case_that_does_not_load_raises_every_diagnostic(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"casegraph": 1,\n "entities": [{"id": "a", "name": "A", "type": "person"}],\n'
                   ' "relations": [{"id": "r1", "type": "x", "from": "a", "to": "nobody"},\n'
                   '               {"id": "r2", "type": "x", "from": "ghost", "to": "a"}]}\n')
    with pytest.raises(casegraph.InvalidInputError) as raised:
        casegraph.load(bad)
    e = raised.value
    assert e.file == str(bad) and e.line == 3
    assert len([d for d in e.diagnostics if d["severity"] == "error"]) >= 2
    assert all(d["file"] == str(bad) and d["line"] and d["column"] for d in e.diagnostics)
    assert "more in diagnostics" in str(e)


def test_a_missing_file_raises(tmp_path):
    with pytest.raises(casegraph.Error) as raised:
        casegraph.load(tmp_path / "nothing.json")
    assert "nothing.json" in str(raised.value)


def test_threads_share_one_graph(g):
    """Paths and queries from eight threads on one graph give the answers they give one by one."""
    names = ["Navalny", "NCOSE", "RKN", "Twitter", "Putin", "Subbotin", "Lotuseaters"]
    jobs = [("path", a, b) for a in names for b in names if a != b] + [("query", a, None) for a in names]

    def run(job):
        if job[0] == "path":
            return g.path(job[1], job[2], all=True)
        return g.query("MATCH (a)-[r]-(b) WHERE a.name CONTAINS $n OR $n IN a.aliases RETURN b.id ORDER BY b.id", n=job[1])

    alone = [run(job) for job in jobs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(run, jobs * 4))
    assert together == alone * 4


def test_docstrings_and_stubs():
    for name in ["load", "Graph", "Error"]:
        assert getattr(casegraph, name).__doc__
    for name in ["check", "stats", "find", "show", "path", "timeline", "neighbors", "rank", "brokers", "query",
                 "answer", "export", "to_networkx", "entities", "relations"]:
        assert getattr(casegraph.Graph, name).__doc__, name
    stub = os.path.join(os.path.dirname(casegraph.__file__), "casegraph.pyi")
    with open(stub, encoding="utf-8") as f:
        text = f.read()
    for name in ["def path", "def query", "def load", "class Error", "class NotFoundError", "def to_networkx"]:
        assert name in text
