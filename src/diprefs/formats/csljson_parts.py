"""CSL-JSON's structured values, names and dates, to and from the model.

Names: CSL name objects <-> ``Name`` (patronymics split off the given names as the BibTeX reader
does; the literal "others" is the et-al. marker). Dates: every form CSL-JSON files use, read back
into EDTF: ``date-parts`` (with ``season`` and ``circa``; months 13-16 are seasons in
citeproc-js), ``literal`` (free text, printed as is, so kept), ``raw`` and bare strings (EDTF, as
CSL 1.0.2 allows; text that is not a date is refused, because its author meant a date). The writer
side of dates is ``DateValue.csl_date_parts()``.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from diprefs.dates import LITERAL, DateValue, parse_date
from diprefs.formats import csljson_map as m
from diprefs.model import DATE_KINDS, Contributor, Name
from diprefs.names.parse import OTHERS, parse_name

_NAME_FIELDS = tuple(f.name for f in fields(Name))


class BadRecord(ValueError):
    """One item cannot be read; the message says which variable and why."""


def kind_of(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


def text_of(value: Any, where: str, numbers: bool = True) -> str:
    if isinstance(value, str):
        return value
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise BadRecord(f"{where} must be text, not {kind_of(value)}")


def split_given(given: str) -> tuple[str, str]:
    """'Mavlonbek Zafarjon ugli' -> ('Mavlonbek', 'Zafarjon ugli'), as the BibTeX reader does."""
    if not given or any(c in given for c in "{}\\,"):
        return given, ""
    name = parse_name(f"X, {given}")
    if name.literal or " ".join(p for p in (name.given, name.patronymic) if p) != given:
        return given, ""
    return name.given, name.patronymic


def read_name(obj: Any, where: str) -> Name:
    """A CSL name object as the model's ``Name``; the literal "others" is the et-al. marker."""
    if not isinstance(obj, dict):
        raise BadRecord(f"{where} must be a name object, not {kind_of(obj)}")
    parts = {
        k: text_of(obj[k], f"{where}.{k}", numbers=False)
        for k in (
            "family",
            "given",
            "non-dropping-particle",
            "dropping-particle",
            "suffix",
            "literal",
        )
        if k in obj
    }
    if parts.get("literal"):
        return OTHERS if parts["literal"] == OTHERS.literal else Name(literal=parts["literal"])
    given, patronymic = split_given(parts.get("given", ""))
    particle = " ".join(
        p for p in (parts.get("dropping-particle"), parts.get("non-dropping-particle")) if p
    )
    return Name(
        family=parts.get("family", ""),
        given=given,
        particle=particle,
        suffix=parts.get("suffix", ""),
        patronymic=patronymic,
    )


def csl_name(name: Name) -> dict[str, str]:
    """The CSL name object a ``Name`` is written as (patronymic after the given names)."""
    if name.literal:
        return {"literal": name.literal}
    given = " ".join(p for p in (name.given, name.patronymic) if p)
    parts = (
        ("family", name.family),
        ("given", given),
        ("non-dropping-particle", name.particle),
        ("suffix", name.suffix),
    )
    return {k: v for k, v in parts if v}


def _custom_name(obj: Any, where: str) -> tuple[dict[str, str], str | None]:
    """A ``custom.names`` entry: model name parts plus ``printed``."""
    if not isinstance(obj, dict) or any(k not in (*_NAME_FIELDS, "printed") for k in obj):
        raise BadRecord(f"{where} must be an object of name parts ({', '.join(_NAME_FIELDS)})")
    parts = {k: text_of(v, f"{where}.{k}", numbers=False) for k, v in obj.items()}
    printed = parts.pop("printed", None)
    return parts, printed


def _contributor(name: Name, role: str, printed: str | None) -> Contributor:
    return Contributor(name, role, name.sort_form() if printed is None else printed)


def read_contributors(item: dict[str, Any], custom: dict[str, Any]) -> tuple[Contributor, ...]:
    """Contributors in the library's order: authors first, then the other roles by name."""
    extra = custom.get("names", {})
    if not isinstance(extra, dict):
        raise BadRecord("custom.names must be an object of role -> list of names")
    roles = {role for role, var in m.NAME_VARIABLES.items() if var in item} | set(extra)
    found: list[Contributor] = []
    for role in sorted(roles, key=lambda r: (r != "author", r)):
        if not role.strip():
            raise BadRecord("custom.names: a role must have a name")
        var = m.NAME_VARIABLES.get(role)
        csl = item.get(var, []) if var else []
        overlay = extra.get(role, [])
        if not isinstance(overlay, list):
            raise BadRecord(f"custom.names.{role} must be a list")
        names = [
            _contributor(read_name(o, f"{var}[{i + 1}]"), role, None) for i, o in enumerate(csl)
        ]
        for i, obj in enumerate(overlay):
            parts, printed = _custom_name(obj, f"custom.names.{role}[{i + 1}]")
            if i >= len(names):
                names.append(_contributor(Name(**parts), role, printed))
                continue
            name = Name(**parts) if parts else names[i].name
            if csl_name(name) == csl[i]:  # still what diprefs wrote: the details apply
                names[i] = _contributor(name, role, printed)
        found.extend(names)
    return tuple(found)


def read_dates(item: dict[str, Any], custom: dict[str, Any]) -> dict[str, str]:
    """CSL date variables as EDTF; ``custom.dates`` adds the kinds CSL lacks and exact forms."""
    try:
        dates = {
            kind: edtf_from_csl(item[var], var)
            for kind, var in m.DATE_VARIABLES.items()
            if var in item
        }
    except ValueError as exc:
        raise BadRecord(str(exc)) from None
    status = item.get("status", "")
    if "issued" not in dates and status.lower() in m.STATUSES:
        dates["issued"] = parse_date(status).to_edtf()
    extra = custom.get("dates", {})
    if not isinstance(extra, dict):
        raise BadRecord("custom.dates must be an object of kind -> EDTF")
    for kind, text in extra.items():
        if kind not in DATE_KINDS or not isinstance(text, str):
            raise BadRecord(f"custom.dates.{kind} is not a date kind with EDTF text")
        var = m.DATE_VARIABLES.get(kind)
        if var is None or written_date(kind, text) == (item.get(var), _status(item, kind)):
            dates[kind] = text
    return {kind: text for kind, text in dates.items() if text}


def _status(item: dict[str, Any], kind: str) -> str | None:
    status = item.get("status")
    return status if kind == "issued" and status in m.STATUSES else None


def written_date(kind: str, text: str) -> tuple[dict[str, Any] | None, str | None]:
    """The CSL date variable (and, for ``issued``, ``status``) that the writer makes of ``text``."""
    value = parse_date(text)
    status = value.status if value.status in m.STATUSES else None
    return csl_date(value), status if kind == "issued" else None


_HINT = "write date-parts, or EDTF such as 2019-05, 2019/2020 or 2019-21 (spring)"


def csl_date(value: DateValue) -> dict[str, Any] | None:
    """The CSL date object the writer makes of a date, or None when CSL has none."""
    return value.csl_date_parts() or None


def _number(part: Any, what: str) -> int:
    if isinstance(part, bool) or not isinstance(part, int | str):
        raise ValueError(what)
    text = str(part).strip()
    if not text.lstrip("-").isdigit():
        raise ValueError(what)
    return int(text)


def _side(parts: Any, season: int | None, circa: bool) -> str:
    if not isinstance(parts, list) or not 1 <= len(parts) <= 3:
        raise ValueError("each date-parts entry must be a list of year, month, day")
    year, *rest = (_number(p, "date-parts must hold numbers") for p in parts)
    if not -9999 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    if rest and 13 <= rest[0] <= 16 and len(rest) == 1:
        season, rest = rest[0] - 12, []
    for number in rest:
        text += f"-{number:02d}"
    if season and not rest:
        text += f"-{season + 20}"
    return text + ("~" if circa else "")


def _season(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().lower() in m.SEASON_NAMES:
        return m.SEASON_NAMES[value.strip().lower()]
    number = _number(value, f"season {json.dumps(value)} is not 1-4 or a season name")
    if not 1 <= number <= 4:
        raise ValueError(f"season {number} is not 1-4")
    return number


def _from_parts(value: dict[str, Any]) -> str:
    parts = value["date-parts"]
    if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
        raise ValueError("date-parts must be a list of one or two dates")
    circa = bool(value.get("circa"))
    season = _season(value.get("season"))
    start = _side(parts[0], season, circa)
    if len(parts) == 1:
        return start
    if parts[1] in ([0], ["0"], [""], []):
        return f"{start}/.."
    return f"{start}/{_side(parts[1], None, circa)}"


def edtf_from_csl(value: Any, var: str) -> str:
    """The EDTF string of a CSL date variable ("" for an empty one); raises ValueError."""
    shown = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        raise ValueError(f"{var} must be a date object")
    if value.get("date-parts") not in (None, [], [[]]):
        try:
            text = _from_parts(value)
        except ValueError as exc:
            raise ValueError(f"{var}: {shown} is not a date: {exc}") from None
        parsed = parse_date(text)
        if parsed.status == LITERAL:
            raise ValueError(f"{var}: {shown} is not a real date")
        return parsed.to_edtf()
    literal = value.get("literal")
    if isinstance(literal, str) and literal.strip():
        return parse_date(literal).to_edtf()
    raw = value.get("raw")
    if isinstance(raw, str) and raw.strip():
        parsed = parse_date(raw)
        if parsed.status == LITERAL:
            raise ValueError(f"{var}: {raw!r} is not a date ({_HINT})")
        return parsed.to_edtf()
    if any(k in value for k in ("literal", "raw")) and not all(
        isinstance(value.get(k, ""), str) for k in ("literal", "raw")
    ):
        raise ValueError(f"{var}: literal and raw must be text")
    return ""
