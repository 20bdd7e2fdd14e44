"""``diprefs graph``: the citation graph of the seed article, as JSON, DOT and Mermaid."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import SEED_KEYS, Run
from diprefs.model import Contributor, Name, ReferenceEntry, Work
from diprefs.services.graph import mermaid_text

# komolov2024's printed list (data/references.toml): 1 mominov2022, 2 juraev2018,
# 3 and 4 caravanserai-archive, 5 usembassy2023, 6 daryo2023; its one citation: mominov2022.
SEED_EDGES = [
    {
        "source": "komolov2024",
        "target": "caravanserai-archive",
        "kind": "lists",
        "positions": [3, 4],
    },
    {"source": "komolov2024", "target": "daryo2023", "kind": "lists", "positions": [6]},
    {"source": "komolov2024", "target": "juraev2018", "kind": "lists", "positions": [2]},
    {"source": "komolov2024", "target": "mominov2022", "kind": "cites", "count": 1},
    {"source": "komolov2024", "target": "mominov2022", "kind": "lists", "positions": [1]},
    {"source": "komolov2024", "target": "usembassy2023", "kind": "lists", "positions": [5]},
]


def graph_json(run: Run, *args: str) -> dict:
    result = run("graph", *args, "--to", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def work_nodes(keys: list[str]) -> list[dict]:
    return [{"id": k, "kind": "work", "label": k} for k in keys]


def test_json_of_the_seed_article(run):
    assert graph_json(run, "komolov2024") == {"nodes": work_nodes(SEED_KEYS), "edges": SEED_EDGES}


def test_whole_library_is_the_default(run):
    assert graph_json(run) == {"nodes": work_nodes(SEED_KEYS), "edges": SEED_EDGES}


def test_depth(run):
    assert graph_json(run, "mominov2022", "--depth", "0") == {
        "nodes": work_nodes(["mominov2022"]),
        "edges": [],
    }
    one = graph_json(run, "mominov2022")  # default depth 1: komolov2024 lists and cites it
    assert one["nodes"] == work_nodes(["komolov2024", "mominov2022"])
    assert one["edges"] == [e for e in SEED_EDGES if e["target"] == "mominov2022"]
    two = graph_json(run, "mominov2022", "--depth", "2")  # through komolov2024 to its list
    assert two == {"nodes": work_nodes(SEED_KEYS), "edges": SEED_EDGES}


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--depth", "2"], 2),  # --depth without KEY
        (["komolov2024", "--depth", "-1"], 2),
        (["komolov2024", "--to", "svg"], 2),
        (["komolov2023"], 3),
    ],
)
def test_errors(run, args, code):
    result = run("graph", *args)
    assert result.exit_code == code
    assert result.stdout == ""


def test_unknown_key_suggests(run):
    assert run("graph", "komolov2023").stderr == (
        "diprefs: error: no work with key 'komolov2023' (did you mean: komolov2024, mominov2022?)\n"
    )


def scholar_id(run: Run, name: str) -> str:
    return f"scholar:{run.json('scholars', 'show', name)['id']}"


def test_scholars_add_authorship_and_mentions(run):
    g = graph_json(run, "komolov2024", "--depth", "0", "--scholars")
    komolov, mominov = scholar_id(run, "Komolov"), scholar_id(run, "Mominov")
    bjola, henick = scholar_id(run, "Bjola"), scholar_id(run, "Henick")
    kinds = [n["kind"] for n in g["nodes"]]
    assert kinds == ["work"] + ["scholar"] * (len(kinds) - 1)
    scholars = [n for n in g["nodes"] if n["kind"] == "scholar"]
    assert [n["id"] for n in scholars] == sorted(n["id"] for n in scholars)
    assert {"id": bjola, "kind": "scholar", "label": "Bjola, Corneliu"} in scholars
    edges = g["edges"]
    assert {
        "source": komolov,
        "target": "komolov2024",
        "kind": "contributes",
        "role": "author",
    } in edges
    assert {
        "source": mominov,
        "target": "komolov2024",
        "kind": "contributes",
        "role": "supervisor",
    } in edges
    assert {
        "source": "komolov2024",
        "target": bjola,
        "kind": "mentions",
        "group": "us-europe",
    } in edges
    assert {"source": "komolov2024", "target": henick, "kind": "mentions", "group": None} in edges
    # The article names 33 people (31 in its three groups, Henick and Mirziyoyev outside them).
    assert sum(e["kind"] == "mentions" for e in edges) == 33
    assert sum(e["kind"] == "contributes" for e in edges) == 2
    assert edges == sorted(edges, key=lambda e: (e["source"], e["target"], e["kind"]))


def test_scholars_of_a_book(run):
    g = graph_json(run, "juraev2018", "--depth", "0", "--scholars")
    juraev = scholar_id(run, "Juraev")
    assert g == {
        "nodes": [
            {"id": "juraev2018", "kind": "work", "label": "juraev2018"},
            {"id": juraev, "kind": "scholar", "label": "Juraev, F. S."},
        ],
        "edges": [
            {"source": juraev, "target": "juraev2018", "kind": "contributes", "role": "author"}
        ],
    }


# --- DOT and Mermaid ------------------------------------------------------------------------

ODD_KEY = 'we"ird\\key'
ODD_NAME = 'Institute "Alpha" <Beta> & #1 | `x` \\N'


@pytest.fixture
def odd_run(library) -> Run:
    """The seed plus a work whose key and author need escaping in DOT and Mermaid."""
    from diprefs.storage import links
    from diprefs.storage.db import open_library, transaction
    from diprefs.storage.works import add_work, work_id

    db = open_library(library)
    with transaction(db):
        author = Contributor(name=Name(literal=ODD_NAME), role="author")
        wid = add_work(db, Work(key=ODD_KEY, title="Odd", contributors=(author,)))
        ids = {ODD_KEY: wid, "komolov2024": work_id(db, "komolov2024")}
        links.add_reference(
            db, ReferenceEntry(citing=ODD_KEY, position=1, cited="komolov2024"), ids
        )
    db.conn.close()
    return Run(library)


def test_dot_default_is_a_digraph(run):
    out = run("graph", "komolov2024").stdout
    assert out.startswith("digraph diprefs {\n") and out.endswith("}\n")
    assert '"komolov2024" -> "caravanserai-archive" [label="lists 3, 4", style=solid];' in out
    assert '"komolov2024" -> "mominov2022" [label="cites ×1", style=dashed];' in out


def _unescape_dot(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz's dot is not installed")
@pytest.mark.parametrize("scholars", [False, True])
def test_graphviz_reads_the_dot(odd_run, scholars):
    args = ["graph", "--scholars"] if scholars else ["graph"]
    text = odd_run(*args).stdout
    expected = graph_json(odd_run, *args[1:])
    out = subprocess.run(["dot", "-Tjson"], input=text, capture_output=True, text=True, check=True)
    parsed = json.loads(out.stdout)
    assert out.stderr == ""
    assert len(parsed["objects"]) == len(expected["nodes"])
    assert len(parsed["edges"]) == len(expected["edges"])
    labels = sorted(_unescape_dot(o["label"]) for o in parsed["objects"])
    assert labels == sorted(n["label"] for n in expected["nodes"])
    assert ODD_KEY in labels and (ODD_NAME in labels) == scholars


# Mermaid flowchart grammar, as far as diprefs writes it: a header, node lines, edge lines.
MERMAID_NODE = re.compile(r'    (n[1-9]\d*)(?:\["([^"]*)"\]|\(\["([^"]*)"\]\))')
MERMAID_EDGE = re.compile(r'    (n[1-9]\d*) (-->|-\.->|==>)\|"([^"]*)"\| (n[1-9]\d*)')
MERMAID_ENTITY = re.compile(r"#(\w+);")
MERMAID_NAMED = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}


def _decode(label: str) -> str:
    assert not set(label) & set('"<>`|'), f"unsafe character in Mermaid label {label!r}"
    assert "#" not in MERMAID_ENTITY.sub("", label), f"bare # in {label!r}"

    def entity(m: re.Match[str]) -> str:
        code = m.group(1)
        return chr(int(code)) if code.isdigit() else MERMAID_NAMED[code]

    return MERMAID_ENTITY.sub(entity, label)


def check_mermaid(text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Every line fits the grammar; returns the decoded node labels and the edges."""
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    labels: list[str] = []
    edges = []
    for line in lines[1:]:
        node, edge = MERMAID_NODE.fullmatch(line), MERMAID_EDGE.fullmatch(line)
        if node:
            assert not edges, "nodes come before edges"
            assert node.group(1) == f"n{len(labels) + 1}"
            labels.append(_decode(node.group(2) if node.group(2) is not None else node.group(3)))
        else:
            assert edge, f"not Mermaid flowchart syntax: {line!r}"
            ids = {f"n{i}" for i in range(1, len(labels) + 1)}
            assert edge.group(1) in ids and edge.group(4) in ids
            edges.append((edge.group(1), edge.group(4), _decode(edge.group(3))))
    return labels, edges


def test_mermaid_syntax_and_labels(odd_run):
    for args in ([], ["--scholars"], ["komolov2024", "--depth", "0", "--scholars"]):
        expected = graph_json(odd_run, *args)
        labels, edges = check_mermaid(odd_run("graph", *args, "--to", "mermaid").stdout)
        assert labels == [n["label"] for n in expected["nodes"]]
        assert len(edges) == len(expected["edges"])
    labels, _ = check_mermaid(odd_run("graph", "--scholars", "--to", "mermaid").stdout)
    assert ODD_KEY in labels and ODD_NAME in labels


def test_mermaid_of_the_seed_article(run):
    labels, edges = check_mermaid(run("graph", "komolov2024", "--to", "mermaid").stdout)
    assert labels == SEED_KEYS
    n = {key: f"n{i}" for i, key in enumerate(SEED_KEYS, start=1)}
    assert (n["komolov2024"], n["caravanserai-archive"], "lists 3, 4") in edges
    assert (n["komolov2024"], n["mominov2022"], "cites ×1") in edges


def test_mermaid_text_escapes():
    assert mermaid_text('a "b" #1 <c> & d|e `f`') == (
        '"a #quot;b#quot; #35;1 #lt;c#gt; #amp; d#124;e #96;f#96;"'
    )
    assert mermaid_text("two\nlines") == '"two lines"'
