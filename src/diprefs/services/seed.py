"""Load the bundled seed article (``diprefs/data``) into a library.

The data files are meant for people: BibLaTeX for the works, TOML for scholars, reference lists,
citations and mentions. They go in through the same reader and storage calls as any import, so the
seed is also the first end-to-end test of the model.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from sqlite_utils import Database

from diprefs.errors import DiprefsError
from diprefs.formats.bibtex import read_bibtex
from diprefs.model import Citation, Mention, ReferenceEntry, Scholar
from diprefs.names.parse import parse_name
from diprefs.storage import links, scholars, works

DATA = resources.files("diprefs") / "data"


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def _scholar(entry: dict[str, Any]) -> Scholar:
    kind = entry.get("kind", "person")
    name = parse_name("{" + entry["name"] + "}" if kind == "organisation" else entry["name"])
    return Scholar(
        name=name,
        kind=kind,
        gender=entry.get("gender", ""),
        affiliation=entry.get("affiliation", ""),
        country=entry.get("country", ""),
        orcid=entry.get("orcid", ""),
        variants=tuple(parse_name(v) for v in entry.get("variants", [])),
    )


def load_seed(db: Database) -> None:
    """Fill an empty library with the seed article's scholars, works and links."""
    for entry in _toml("scholars.toml")["scholar"]:
        scholars.add_scholar(db, _scholar(entry))
    bib = DATA / "works.bib"
    result = read_bibtex(bib.read_text(encoding="utf-8"), file="works.bib")
    if result.problems:
        raise DiprefsError(f"bundled seed data is broken: {result.problems[0]}")
    source_id = works.add_source(db, "diprefs:data/works.bib", result.dialect, "utf-8")
    works.add_blocks(db, source_id, result.blocks)
    ids = {
        work.key: works.add_work(db, work, source_id, position)
        for position, work in enumerate(result.works)
    }
    for entry in _toml("references.toml")["reference"]:
        links.add_reference(db, ReferenceEntry(**entry), ids)
    for entry in _toml("citations.toml")["citation"]:
        links.add_citation(db, Citation(**entry), ids)
    mentions = _toml("mentions.toml")
    for group in mentions["group"]:
        links.add_group(db, ids[group["work"]], group["id"], group.get("label", ""))
    for entry in mentions["mention"]:
        name = parse_name(entry["name"])
        if scholars.scholar_for_variant(db, name) is None:
            raise DiprefsError(f"bundled seed data is broken: no scholar for {entry['name']!r}")
        mention = Mention(
            work=entry["work"],
            printed=entry["printed"],
            group=entry.get("group", ""),
            sentence=entry.get("sentence", ""),
        )
        links.add_mention(db, mention, scholars.name_for(db, name), ids)
