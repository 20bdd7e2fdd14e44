"""Recording decisions about scholars: add, edit, alias, merge, remove (docs/cli.md#scholars).

NAME arguments are resolved exactly as ``scholars show`` resolves them (one scholar, else exit 3
or 4 with the candidates). Each function is one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlite_utils import Database

from diprefs.errors import ConflictError
from diprefs.model import Name, Scholar
from diprefs.names.initials import is_initials
from diprefs.names.parse import parse_name
from diprefs.names.script import detect_script
from diprefs.services.library import scholar_show
from diprefs.storage import scholar_edits as edits
from diprefs.storage.db import transaction
from diprefs.storage.links import works_of_scholar
from diprefs.storage.scholars import add_scholar, scholar_names

_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


def valid_orcid(orcid: str) -> bool:
    """``0000-0000-0000-000X`` with the ISO 7064 MOD 11-2 check character ORCID uses."""
    if not _ORCID.fullmatch(orcid):
        return False
    total = 0
    for digit in orcid.replace("-", "")[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return orcid[-1] == ("X" if check == 10 else str(check))


def resolve(db: Database, query: str) -> int:
    """The one scholar NAME names (by the rule of ``scholars show``); else exit 3 or 4."""
    return scholar_show(db, query)["id"]


def read_name(text: str, kind: str = "person") -> Name:
    """A typed name, literal for an organisation; for a person "Family, Given", "Given Family",
    "{Organisation}", or "Family I. O." as CIS lists print it ("Жураев Ф. С.", where BibTeX
    would take "С." for the family name)."""
    text = text.strip()
    if kind == "organisation":
        return Name(literal=text.removeprefix("{").removesuffix("}").strip())
    words = text.split()
    if (
        "," not in text
        and len(words) > 1
        and not is_initials(words[0])
        and is_initials(" ".join(words[1:]))
    ):
        text = f"{words[0]}, {' '.join(words[1:])}"
    return parse_name(text)


def _works(count: int) -> str:
    return f"{count} work" if count == 1 else f"{count} works"


def _display(db: Database, scholar_id: int) -> str:
    return scholar_names(db, scholar_id)[0].sort_form()


@dataclass(frozen=True)
class Details:
    """Optional scholar fields as typed: None = not given, "" = clear."""

    kind: str | None = None
    gender: str | None = None  # "m", "f", "unknown"
    genitive: str | None = None
    affiliation: str | None = None
    country: str | None = None
    orcid: str | None = None


def add(db: Database, text: str, details: Details, force: bool = False) -> int:
    """A new scholar; refused (exit 4) when a scholar already has this name, unless ``force``."""
    kind = details.kind or "person"
    name = read_name(text, kind)
    with transaction(db):
        owners = edits.owners_of(db, name)
        if owners and not force:
            who = "; ".join(f"{_display(db, i)} (id {i})" for i in sorted(owners))
            raise ConflictError(
                f"{name.sort_form()!r} is already a name of {who} (use --force to add a namesake)"
            )
        if details.genitive:
            name = replace(name, genitive=details.genitive)
        return add_scholar(
            db,
            Scholar(
                name=name,
                kind=kind,
                gender="" if details.gender in (None, "unknown") else details.gender,
                affiliation=details.affiliation or "",
                country=details.country or "",
                orcid=details.orcid or "",
            ),
        )


def edit(db: Database, query: str, new_name: str | None, details: Details) -> int:
    """Change a scholar's canonical name and fields; returns its id."""
    with transaction(db):
        sid = resolve(db, query)
        row = edits.scholar_row(db, sid)
        kind = details.kind or row["kind"]
        if new_name is not None:
            name = read_name(new_name, kind)
            others = edits.owners_of(db, name) - {sid}
            if others:
                who = "; ".join(f"{_display(db, i)} (id {i})" for i in sorted(others))
                raise ConflictError(f"{name.sort_form()!r} is a name of {who}")
            edits.set_canonical(db, sid, name)
        elif kind != row["kind"]:
            edits.replace_canonical_parts(db, sid, _reread(scholar_names(db, sid)[0], kind))
        values: dict[str, str | None] = {"kind": kind}
        for field in ("affiliation", "country", "orcid"):
            value = getattr(details, field)
            if value is not None:
                values[field] = value or None
        if details.gender is not None:
            values["gender"] = None if details.gender in ("", "unknown") else details.gender
        edits.set_fields(db, sid, values)
        if details.genitive is not None:
            edits.set_genitive(db, sid, details.genitive, detect_script(details.genitive))
        return sid


def _reread(name: Name, kind: str) -> Name:
    """The canonical name read again under another kind (an organisation stored as a person)."""
    if kind == "organisation":
        words = (name.given, name.patronymic, name.particle, name.family, name.suffix)
        return Name(literal=" ".join(w for w in words if w))
    return parse_name(name.literal) if name.literal else name


def alias(db: Database, query: str, variant: str) -> tuple[int, bool]:
    """Add a variant spelling; (scholar id, whether anything was added)."""
    with transaction(db):
        sid = resolve(db, query)
        name = read_name(variant, edits.scholar_row(db, sid)["kind"])
        owners = edits.owners_of(db, name)
        others = owners - {sid}
        if others:
            other = min(others)
            raise ConflictError(
                f"{name.sort_form()!r} is already a name of {_display(db, other)}"
                f" (id {other}); to make them one scholar: diprefs scholars merge"
                f" {sid} {other}"
            )
        if sid in owners:
            return sid, False
        edits.add_variant(db, sid, name)
        return sid, True


def merge(db: Database, keep_query: str, other_query: str) -> tuple[int, int]:
    """Merge OTHER into KEEP; returns (keep id, other id)."""
    with transaction(db):
        keep, other = resolve(db, keep_query), resolve(db, other_query)
        if keep == other:
            raise ConflictError(
                f"{keep_query!r} and {other_query!r} are the same scholar"
                f" ({_display(db, keep)}, id {keep})"
            )
        edits.merge(db, keep, other)
        return keep, other


def remove(db: Database, query: str, force: bool) -> tuple[int, str]:
    """Remove a scholar (refused while they have works, unless ``force``); (id, name)."""
    with transaction(db):
        sid = resolve(db, query)
        name = _display(db, sid)
        keys = sorted({w["key"] for w in works_of_scholar(db, sid)})
        if keys and not force:
            raise ConflictError(
                f"{name} (id {sid}) has {_works(len(keys))} (use --force to remove the scholar"
                " and keep the printed names unlinked):",
                keys,
            )
        edits.remove(db, sid)
        return sid, name
