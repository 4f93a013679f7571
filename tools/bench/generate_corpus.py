#!/usr/bin/env python3
"""A corpus of related cases: FILES case files in one directory, each with ENTITIES entities and
RELATIONS relations, SHARED (a fraction) of each file's entities drawn from a pool that all files
share (the same id, name and type wherever it appears, as a real corpus of related cases names the
same actors), a vocabulary file, and, with --sources, one source text of about 20 KB per file from
which every relation quotes an exact passage (so `check` verifies FILES x RELATIONS quotes).

Usage: generate_corpus.py DIR [--files 2000] [--entities 200] [--relations 500] [--shared 0.3]
                               [--sources] [--seed 1]
Standard library only; the same arguments give the same files."""
import argparse
import json
import os
import random

TYPES = ["lawsuit", "fine", "demand", "statement", "block", "appeal"]
WORDS = ("court regulator platform ruling appeal fine order removal content request deadline "
         "ministry agency statement lawsuit complaint hearing evidence judge filing notice "
         "published report article witness contract payment transfer account").split()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--files", type=int, default=2000)
    p.add_argument("--entities", type=int, default=200)
    p.add_argument("--relations", type=int, default=500)
    p.add_argument("--shared", type=float, default=0.3)
    p.add_argument("--sources", action="store_true")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.dir, exist_ok=True)
    if a.sources:
        os.makedirs(os.path.join(a.dir, "sources"), exist_ok=True)
    vocabulary = {"relation_types": {t: {"label": t + "d", "inverse": t + "d by"} for t in TYPES}}
    with open(os.path.join(a.dir, "0-vocabulary.json"), "w") as f:
        json.dump({"casegraph": 1, "vocabulary": vocabulary}, f)
    shared_per_file = int(a.entities * a.shared)
    pool = max(shared_per_file, a.files * shared_per_file // 10)  # each shared actor in ~10 files
    for n in range(a.files):
        ids = [f"actor-{k}" for k in rng.sample(range(pool), shared_per_file)]
        entities = [{"id": i, "name": "Actor " + i[6:], "type": "org"} for i in ids]
        for k in range(a.entities - shared_per_file):
            entities.append({"id": f"c{n}-e{k}", "name": f"Party {k} of case {n}", "type": "person"})
        case = {"casegraph": 1, "title": f"Generated case {n}", "entities": entities, "relations": []}
        text = ""
        if a.sources:
            words = [rng.choice(WORDS) for _ in range(3000)]  # about 20 KB
            text = " ".join(words)
            case["sources"] = [{"id": f"s{n}", "title": f"Record {n}", "file": f"sources/case-{n}.txt"}]
            with open(os.path.join(a.dir, "sources", f"case-{n}.txt"), "w") as f:
                f.write(text + "\n")
        for k in range(a.relations):
            x, y = rng.sample(entities, 2)
            r = {"id": f"c{n}-r{k}", "type": rng.choice(TYPES), "from": x["id"], "to": y["id"],
                 "date": f"20{rng.randint(10, 21)}-{rng.randint(1, 12):02d}"}
            if a.sources:
                start = rng.randrange(0, len(text) - 60)
                start = text.index(" ", start) + 1
                r["evidence"] = [{"source": f"s{n}", "quote": text[start:start + 40].rsplit(" ", 1)[0]}]
            case["relations"].append(r)
        with open(os.path.join(a.dir, f"case-{n:05d}.json"), "w") as f:
            json.dump(case, f)


if __name__ == "__main__":
    main()
