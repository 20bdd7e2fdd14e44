"""crossref and xdata: the fields an entry inherits from its parents in the same file.

The entry keeps its own fields as written; inherited fields are added after them, marked with the
parent's key, so the model sees the whole work while an export writes only the entry's own fields
(the parent is exported with it). BibLaTeX renames some fields on the way down (a book's title is
the booktitle of its chapters; tables in ``bibtex_map``); BibTeX inherits every field it lacks.
"""

from __future__ import annotations

from diprefs.formats.bibtex_map import ALSO_INHERITED, INHERITANCE, NOT_INHERITED

#: key (lower-case) -> (entry type lower-case, key as written, [(field name, raw value)])
Entries = dict[str, tuple[str, str, list[tuple[str, str]]]]
#: (field name, raw value, key of the entry it came from)
Inherited = list[tuple[str, str, str]]


def _parents(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(how, parent key) in the order they apply: xdata first, then crossref."""
    out: list[tuple[str, str]] = []
    values = {name.lower(): value for name, value in fields}
    for how in ("xdata", "crossref"):
        raw = values.get(how, "").strip()
        if len(raw) >= 2 and raw[0] in '{"' and raw[-1] in '}"':
            raw = raw[1:-1]
        out.extend((how, key.strip()) for key in raw.split(",") if key.strip())
    return out


class Resolver:
    """Inherited fields of every entry of one file, each parent resolved once."""

    def __init__(self, entries: Entries, dialect: str) -> None:
        self.entries = entries
        self.biblatex = dialect == "biblatex"
        self._done: dict[str, Inherited] = {}

    def inherited(
        self,
        key: str,
        entry_type: str,
        own: list[tuple[str, str]],
        _seen: frozenset[str] = frozenset(),
    ) -> Inherited:
        """Fields an entry inherits, in order; a cycle or a missing parent adds nothing."""
        lower = key.lower()
        have = {name.lower() for name, _ in own}
        out: Inherited = []
        for how, parent_key in _parents(own):
            parent = self.entries.get(parent_key.lower())
            if parent is None or parent_key.lower() in _seen | {lower}:
                continue
            parent_type, parent_written, parent_own = parent
            pairs = [(n, v, parent_written) for n, v in parent_own]
            pairs += self._of_parent(parent_key.lower(), _seen | {lower})
            renames = INHERITANCE.get((parent_type, entry_type), {}) if self.biblatex else {}
            extra = ALSO_INHERITED.get((parent_type, entry_type), {}) if self.biblatex else {}
            if how == "xdata":
                renames, extra = {}, {}
            for name, value, origin in pairs:
                low = name.lower()
                if low in NOT_INHERITED:
                    continue
                targets = [renames.get(low, name)]
                if low in extra:
                    targets.append(extra[low])
                for target in targets:
                    if target is not None and target.lower() not in have:
                        have.add(target.lower())
                        out.append((target, value, origin))
        return out

    def _of_parent(self, lower: str, seen: frozenset[str]) -> Inherited:
        """What a parent itself inherits (its own parents), computed once per parent."""
        if lower not in self._done:
            entry_type, written, own = self.entries[lower]
            self._done[lower] = self.inherited(written, entry_type, own, seen)
        return self._done[lower]
