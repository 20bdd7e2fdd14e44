"""``graph``: who cites whom (reference lists and in-text citations), and who wrote or is named.

The graph is built once as plain data (the JSON shape of docs/cli.md) and then written as JSON,
Graphviz DOT or a Mermaid flowchart.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from diprefs.errors import NotFoundError
from diprefs.storage import graph as store

#: Node ids of scholars: "scholar:" + the scholar's id (work nodes use the work's key).
SCHOLAR_PREFIX = "scholar:"


def build_graph(db: Any, key: str | None = None, depth: int = 1, scholars: bool = False) -> dict:
    """``{"nodes": [...], "edges": [...]}``: the whole library, or the works within ``depth``
    edges of ``key`` (either direction), with every link among them; with ``scholars``, also
    the scholars who contributed to those works or are mentioned in them."""
    keys = store.work_keys(db)
    lists = store.list_links(db)
    cites = store.cite_links(db)
    if key is None:
        chosen = set(keys)
    else:
        start = next((wid for wid, k in keys.items() if k == key), None)
        if start is None:
            raise _unknown(key, list(keys.values()))
        chosen = _neighbourhood(start, depth, [(a, b) for a, b, _ in lists + cites])
    nodes = [{"id": keys[w], "kind": "work", "label": keys[w]} for w in chosen]
    edges: list[dict[str, Any]] = []
    positions: dict[tuple[int, int], list[int]] = defaultdict(list)
    for citing, cited, position in lists:
        if citing in chosen and cited in chosen:
            positions[citing, cited].append(position)
    for (citing, cited), where in positions.items():
        edges.append(_edge(keys[citing], keys[cited], "lists", positions=sorted(where)))
    for citing, cited, n in cites:
        if citing in chosen and cited in chosen:
            edges.append(_edge(keys[citing], keys[cited], "cites", count=n))
    if scholars:
        _add_scholars(db, chosen, keys, nodes, edges)
    nodes.sort(key=lambda n: (n["kind"] != "work", n["id"]))
    edges.sort(
        key=lambda e: (
            e["source"],
            e["target"],
            e["kind"],
            str(e.get("role", "")),
            str(e.get("group") or ""),
        )
    )
    return {"nodes": nodes, "edges": edges}


def _unknown(key: str, candidates: list[str]) -> NotFoundError:
    import difflib

    near = difflib.get_close_matches(key, sorted(candidates), n=3, cutoff=0.6)
    hint = f" (did you mean: {', '.join(near)}?)" if near else ""
    return NotFoundError(f"no work with key {key!r}{hint}")


def _neighbourhood(start: int, depth: int, links: list[tuple[int, int]]) -> set[int]:
    """Works within ``depth`` links of ``start``, following links in either direction."""
    around: dict[int, set[int]] = defaultdict(set)
    for a, b in links:
        around[a].add(b)
        around[b].add(a)
    seen, frontier = {start}, {start}
    for _ in range(depth):
        frontier = {n for w in frontier for n in around[w]} - seen
        if not frontier:
            break
        seen |= frontier
    return seen


def _edge(source: str, target: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "kind": kind, **extra}


def _add_scholars(db, chosen: set[int], keys: dict[int, str], nodes: list, edges: list) -> None:
    contributed = store.contributions(db, chosen)
    mentioned = store.mentions(db, chosen)
    ids = {s for s, _, _ in contributed} | {s for _, s, _ in mentioned}
    names = store.canonical_names(db, ids)
    for sid in ids:
        label = names[sid].sort_form() if sid in names else f"scholar {sid}"
        nodes.append({"id": f"{SCHOLAR_PREFIX}{sid}", "kind": "scholar", "label": label})
    for sid, wid, role in contributed:
        edges.append(_edge(f"{SCHOLAR_PREFIX}{sid}", keys[wid], "contributes", role=role))
    for wid, sid, group in mentioned:
        edges.append(_edge(keys[wid], f"{SCHOLAR_PREFIX}{sid}", "mentions", group=group))


# --- Writers ------------------------------------------------------------------------------

#: DOT attributes per edge kind: the reference list solid, in-text citations dashed, authorship
#: bold, mentions dotted.
DOT_EDGE_STYLE = {
    "lists": "solid",
    "cites": "dashed",
    "contributes": "bold",
    "mentions": "dotted",
}

#: Mermaid arrows per edge kind (flowchart syntax): -->, -.-> (dotted), ==> (thick).
MERMAID_ARROW = {"lists": "-->", "cites": "-.->", "contributes": "==>", "mentions": "-.->"}


def edge_label(edge: dict[str, Any]) -> str:
    """What an edge says on the picture: "lists 3, 4", "cites ×2", the role, "mentions"."""
    kind = edge["kind"]
    if kind == "lists":
        return "lists " + ", ".join(str(p) for p in edge["positions"])
    if kind == "cites":
        return f"cites ×{edge['count']}"
    if kind == "contributes":
        return edge["role"]
    return f"mentions ({edge['group']})" if edge.get("group") else "mentions"


def dot_string(text: str) -> str:
    """A DOT double-quoted string: backslash and quote escaped, line breaks as \\n."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def to_dot(g: dict) -> str:
    """Graphviz DOT: ``digraph diprefs { ... }``; works as boxes, scholars as ellipses."""
    lines = ["digraph diprefs {", "  rankdir=LR;", "  node [shape=box];"]
    for n in g["nodes"]:
        shape = ", shape=ellipse" if n["kind"] == "scholar" else ""
        lines.append(f"  {dot_string(n['id'])} [label={dot_string(n['label'])}{shape}];")
    for e in g["edges"]:
        lines.append(
            f"  {dot_string(e['source'])} -> {dot_string(e['target'])}"
            f" [label={dot_string(edge_label(e))}, style={DOT_EDGE_STYLE[e['kind']]}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


#: Characters a Mermaid label cannot hold as such, and their entity codes.
_MERMAID_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "|": "#124;",
}


def mermaid_text(text: str) -> str:
    """A Mermaid quoted label: the unsafe characters as entity codes, one line."""
    out = "".join(_MERMAID_ENTITIES.get(ch, ch) for ch in text)
    return '"' + " ".join(out.split()) + '"'


def to_mermaid(g: dict) -> str:
    """A Mermaid ``flowchart LR``: nodes n1, n2, ... in node order, labelled with key or name."""
    ids = {n["id"]: f"n{i}" for i, n in enumerate(g["nodes"], start=1)}
    lines = ["flowchart LR"]
    for n in g["nodes"]:
        label = mermaid_text(n["label"])
        shape = f"([{label}])" if n["kind"] == "scholar" else f"[{label}]"
        lines.append(f"    {ids[n['id']]}{shape}")
    for e in g["edges"]:
        lines.append(
            f"    {ids[e['source']]} {MERMAID_ARROW[e['kind']]}"
            f"|{mermaid_text(edge_label(e))}| {ids[e['target']]}"
        )
    return "\n".join(lines) + "\n"
