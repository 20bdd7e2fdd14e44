"""CSL-JSON reader and writer: the format of Zotero, pandoc and citeproc.

What CSL has a variable for goes into that variable (tables in ``csljson_map``); everything else a
work holds goes into the item's ``custom`` object, so an export validates against the CSL-JSON
schema and reads back into the same work. The writer puts into ``custom`` exactly what the reader
would otherwise get wrong, and the reader applies a ``custom`` value that shadows a CSL variable
only while that variable still says what diprefs wrote (so an edit made in Zotero wins). An item
that cannot be read becomes a ``Problem`` naming its record number; nothing of it is imported.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any

from diprefs.controls import escape_controls
from diprefs.formats import csljson_map as m
from diprefs.formats.csljson_parts import (
    BadRecord,
    csl_name,
    kind_of,
    read_contributors,
    read_dates,
    text_of,
    written_date,
)
from diprefs.formats.records import Problem, ReadResult
from diprefs.model import WORK_TEXT_FIELDS, WORK_TYPES, Source, SourceField, Work
from diprefs.names.parse import OTHERS

#: Model text fields read from ``custom`` (type and language always come from CSL variables).
_CUSTOM_TEXT = tuple(f for f in WORK_TEXT_FIELDS if f not in ("type", "language"))
_OURS = frozenset((*_CUSTOM_TEXT, "title_supplied", *m.CUSTOM_STRUCTURED))
_MANAGED = frozenset(
    {"id", "citation-key", "type", "language", m.EVENT_ALIAS}
    | set(m.TEXT_VARIABLES.values())
    | set(m.NAME_VARIABLES.values())
    | set(m.DATE_VARIABLES.values())
)
#: Types whose institution (university, issuing body) CSL processors print from ``publisher``.
_INSTITUTION_TYPES = ("thesis", "report")
_WS = re.compile(r"[ \t\n\r]*")
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
#: A JSON escape of a UTF-16 surrogate: the text may hold one without its pair.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def looks_like_csljson(text: str) -> bool:
    """JSON (an array or object), not BibTeX or RIS: the first character decides."""
    return text.lstrip("\ufeff \t\r\n")[:1] in ("[", "{")


# --- reading -------------------------------------------------------------------------------


class _Object(dict):
    """A JSON object that remembers the keys it saw twice (``json`` keeps the last silently)."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        keys = [k for k, _ in pairs]
        obj.duplicates = tuple(k for i, k in enumerate(keys) if k in keys[:i])
    return obj


class _Constant(ValueError):
    """NaN or Infinity: Python's json accepts them, JSON does not."""


def _no_constant(name: str) -> None:
    raise _Constant(name)


_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_constant=_no_constant)


def _refuse_lone_surrogates(item: Any) -> None:
    """A ``\\ud800`` escape without its pair decodes to no character: no file can hold it."""
    try:
        _ENCODE(item).encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(exc.object[exc.start])
        raise BadRecord(f"\\u{code:04x} is half of a surrogate pair, not a character") from None


def _records(text: str) -> list[tuple[int, Any]]:
    """The top-level array's items with the line each starts on; raises ValueError."""
    end = _WS.match(text, 0).end()
    if text[end : end + 1] != "[":
        value = _DECODER.decode(text)  # raises for invalid JSON
        kind = "an object" if isinstance(value, dict) else f"a {type(value).__name__}"
        raise ValueError(f"not CSL-JSON: the top level is {kind}, not an array of items")
    items: list[tuple[int, Any]] = []
    line, counted = 1, 0
    pos = _WS.match(text, end + 1).end()
    if text[pos : pos + 1] == "]":
        pos += 1
    else:
        while True:
            line += text.count("\n", counted, pos)
            counted = pos
            value, pos = _DECODER.raw_decode(text, pos)
            items.append((line, value))
            pos = _WS.match(text, pos).end()
            if text[pos : pos + 1] == ",":
                pos = _WS.match(text, pos + 1).end()
                continue
            if text[pos : pos + 1] != "]":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos += 1
            break
    if _WS.match(text, pos).end() != len(text):
        raise json.JSONDecodeError("Extra data", text, pos)
    return items


def _duplicates(value: Any, where: str) -> None:
    """A key given twice anywhere in an item is refused, as a duplicate BibTeX field is."""
    if isinstance(value, _Object) and value.duplicates:
        raise BadRecord(f"{where}: {value.duplicates[0]!r} is given twice")
    if isinstance(value, dict):
        for k, v in value.items():
            _duplicates(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _duplicates(v, f"{where}[{i + 1}]")


def _check_types(item: dict[str, Any]) -> None:
    """The schema's types for the variables it knows; other keys are kept as they are."""
    for var, value in item.items():
        if var in m.STRING_VARIABLES:
            text_of(value, var, numbers=False)
        elif var in m.NUMBER_VARIABLES:
            text_of(value, var)
        elif var in m.NAME_LIST_VARIABLES and not isinstance(value, list):
            raise BadRecord(f"{var} must be a list of names, not {kind_of(value)}")
        elif var in m.DATE_VARIABLE_NAMES and not isinstance(value, dict | str):
            raise BadRecord(f"{var} must be a date object, not {kind_of(value)}")
        elif var == "custom" and not isinstance(value, dict):
            raise BadRecord(f"custom must be an object, not {kind_of(value)}")


def read_text(item: dict[str, Any], custom: dict[str, Any]) -> dict[str, str]:
    """The model's text fields from CSL variables, then from ``custom`` (which wins)."""
    out = dict.fromkeys(_CUSTOM_TEXT, "")
    out.update({f: text_of(item.get(var, ""), var) for f, var in m.TEXT_VARIABLES.items()})
    if not out["event_title"] and m.EVENT_ALIAS in item:
        out["event_title"] = text_of(item[m.EVENT_ALIAS], m.EVENT_ALIAS)
    for f in _CUSTOM_TEXT:
        if f in custom:
            out[f] = text_of(custom[f], f"custom.{f}")
    subtitle = out["subtitle"]
    if "title" not in custom and subtitle and out["title"].endswith(": " + subtitle):
        out["title"] = out["title"][: -len(subtitle) - 2]
    institution = out["institution"]
    substituted = institution and out["publisher"] == institution and "publisher" not in custom
    if substituted and item.get("type") in _INSTITUTION_TYPES:
        out["publisher"] = ""  # the writer put the university where CSL processors look
    return out


def _key(item: dict[str, Any]) -> str:
    """``citation-key``, else ``id``; "" when there is none (the importer then makes one up)."""
    for var in ("citation-key", "id"):
        key = item.get(var)
        if isinstance(key, str | int) and not isinstance(key, bool) and str(key).strip():
            return str(key).strip()
    return ""


def item_to_work(item: Any, *, file: str = "", line: int | None = None) -> Work:
    """One CSL-JSON item as a ``Work``, with the item kept verbatim as its source."""
    if not isinstance(item, dict):
        raise BadRecord(f"an item must be an object, not {kind_of(item)}")
    _duplicates(item, "item")
    _check_types(item)
    key = _key(item)
    kind = item.get("type")
    if kind not in WORK_TYPES:
        raise BadRecord(f"unknown type {kind!r}" if kind else "no type")
    custom = item.get("custom", {})
    tags = custom.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise BadRecord("custom.tags must be a list of text")
    supplied = custom.get("title_supplied", False)
    if not isinstance(supplied, bool):
        raise BadRecord("custom.title_supplied must be true or false")
    source = Source(
        dialect="csljson",
        entry_type=kind,
        key=key,
        fields=tuple(SourceField(k, _ENCODE(v)) for k, v in item.items()),
        file=file,
        line=line,
    )
    return Work(
        key=key,
        type=kind,
        language=text_of(item.get("language", ""), "language", numbers=False),
        title_supplied=supplied,
        dates=read_dates(item, custom),
        contributors=read_contributors(item, custom),
        tags=tuple(tags),
        source=source,
        **read_text(item, custom),
    )


def read_csljson(text: str, *, file: str = "") -> ReadResult:
    """Read a CSL-JSON array. Invalid JSON reads nothing; a bad item is a problem, not imported."""
    result = ReadResult(dialect="csljson")
    text = text.removeprefix("\ufeff")
    try:
        records = _records(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        result.problems.append(
            Problem(file, exc.lineno, "", f"not valid JSON: {exc.msg} ({where})")
        )
        return result
    except _Constant as exc:
        line = text.count("\n", 0, max(text.find(str(exc)), 0)) + 1
        result.problems.append(Problem(file, line, "", f"not valid JSON: {exc} is not a number"))
        return result
    except ValueError as exc:  # "not CSL-JSON: ..."
        result.problems.append(Problem(file, 1, "", str(exc)))
        return result
    except RecursionError:
        result.problems.append(Problem(file, 1, "", "not valid JSON: nested too deeply"))
        return result
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    for number, (line, item) in enumerate(records, start=1):
        try:
            if surrogates:
                _refuse_lone_surrogates(item)
            work = item_to_work(item, file=file, line=line)
        except BadRecord as exc:
            key = _key(item) if isinstance(item, dict) else ""
            result.problems.append(Problem(file, line, key, f"record {number}: {exc}"))
            continue
        result.works.append(work)
    return result


# --- writing -------------------------------------------------------------------------------


def _names_custom(work: Work, item: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """What ``custom.names`` must add to the CSL name variables to give back every contributor.

    An entry is the whole name (its non-empty parts) plus ``printed`` when that differs from the
    name's sort form; ``{}`` where the CSL name reads back right as it is.
    """
    default = read_contributors(item, {})
    out: dict[str, list[dict[str, str]]] = {}
    for role in dict.fromkeys(c.role for c in work.contributors):
        have = [c for c in default if c.role == role]
        entries = []
        for i, c in enumerate(work.names(role)):
            if i < len(have) and have[i].name == c.name and have[i].printed == c.printed:
                entries.append({})
                continue
            entry = {k: v for k, v in asdict(c.name).items() if v}
            if c.printed != c.name.sort_form():
                entry["printed"] = c.printed
            entries.append(entry)
        while entries and not entries[-1]:
            entries.pop()
        if entries:
            out[role] = entries
    return out


def work_to_item(work: Work) -> dict[str, Any]:
    """One work as a CSL-JSON item that validates against csl-data.json."""
    item: dict[str, Any] = {"id": work.key, "citation-key": work.key, "type": work.type}
    if work.language:
        item["language"] = work.language
    for f, var in m.TEXT_VARIABLES.items():
        value = getattr(work, f)
        if f == "title":
            value = ": ".join(p for p in (work.title, work.subtitle) if p)
        elif f == "publisher" and not value and work.type in _INSTITUTION_TYPES:
            value = work.institution  # CSL processors print the university from publisher
        if value:
            item[var] = value
    for role in dict.fromkeys(c.role for c in work.contributors):
        names = [c.name for c in work.names(role)]
        if names and names[-1] == OTHERS:
            names.pop()  # "and others": the name list stops; custom.names keeps the marker
        if role in m.NAME_VARIABLES and names:
            item[m.NAME_VARIABLES[role]] = [csl_name(n) for n in names]
    for kind, text in work.dates.items():
        var = m.DATE_VARIABLES.get(kind)
        if var:
            value, status = written_date(kind, text)
            if value:
                item[var] = value
            if status:
                item["status"] = status
    custom: dict[str, Any] = {
        f: getattr(work, f) for f in _CUSTOM_TEXT if f not in m.TEXT_VARIABLES
    }
    custom = {f: v for f, v in custom.items() if v}
    text = read_text(item, custom)
    custom.update({f: getattr(work, f) for f in _CUSTOM_TEXT if text[f] != getattr(work, f)})
    if work.title_supplied:
        custom["title_supplied"] = True
    if work.tags:
        custom["tags"] = list(work.tags)
    dates = read_dates(item, {})
    exact = {kind: text for kind, text in work.dates.items() if dates.get(kind) != text}
    if exact:
        custom["dates"] = exact
    names = _names_custom(work, item)
    if names:
        custom["names"] = names
    _restore(work, item, custom)
    if custom:
        item["custom"] = custom
    return item


def _restore(work: Work, item: dict[str, Any], custom: dict[str, Any]) -> None:
    """A work that came from CSL-JSON gets back the variables diprefs does not map."""
    if work.source is None or work.source.dialect != "csljson":
        return
    for f in work.source.fields:
        if f.name in _MANAGED or (f.name == "status" and f.value.strip('"') in m.STATUSES):
            continue
        try:
            value = json.loads(f.value)
        except ValueError:
            value = f.value
        if f.name == "custom" and isinstance(value, dict):
            for k, v in value.items():
                if k not in _OURS:
                    custom.setdefault(k, v)
        elif f.name in m.SCHEMA_VARIABLES and f.name != "custom":
            item.setdefault(f.name, value)
        else:
            custom.setdefault(f.name, value)


def _json_escape(character: str) -> str:
    return f"\\u{ord(character):04x}"


def write_csljson(works: list[Work]) -> str:
    """A CSL-JSON array of ``works`` in the order given, one item per line (diff-friendly).

    Control and bidi control characters are written as JSON escapes (``\\u202e``): the data
    travels whole, and the file holds none of them raw (``diprefs.controls``).
    """
    items = [escape_controls(_ENCODE(work_to_item(w)), _json_escape) for w in works]
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
