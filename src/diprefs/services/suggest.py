"""``scholars suggest``: pairs of scholars that may be one person, scored, with the reasons.

Candidates are blocked by the transliteration match key of the family name (only scholars who
share one are compared, so a large library stays fast), then:

- a pair whose given names conflict in every pairing of their spellings is never suggested
  (``names.agreement``: F. S. Juraev and S. A. Jurayev share the key ``juraev`` and stay apart);
- nor is a pair that appears side by side on one work in the same role (two co-authors named
  Ivanov are two people).

The score combines independent pieces of evidence as 1 - Π(1 - weight) (a "noisy or"), with
the weights in ``WEIGHTS``: a shared key alone stays below the default threshold, and each
further reason raises it. docs/scholars.md gives the measured precision and recall.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any

from sqlite_utils import Database

from diprefs.model import Name
from diprefs.names.agreement import Agreement, compare_tokens, given_tokens
from diprefs.names.keys import name_key
from diprefs.names.matching import family_key
from diprefs.names.parse import OTHERS
from diprefs.storage.profiles import Profile, person_profiles

DEFAULT_MIN_SCORE = 0.5
SAME_KEY = "same match key"
INITIALS = "compatible initials"
COAUTHORS = "shared co-authors"
VENUE = "shared venue"

#: Weight of each piece of evidence (0-1). Given names: the best agreement found.
WEIGHTS = {
    SAME_KEY: 0.4,
    "one initial": 0.5,  # "F." fits "F. S." or "Farrukh"
    "initials": 0.75,  # two or more positions fit ("F. S." = "Ф. С.")
    "near given name": 0.6,  # Zachary = Zahary
    "same given name": 0.8,  # Igor = Игорь
    COAUTHORS: 0.5,
    VENUE: 0.3,
}


@dataclass(frozen=True)
class Suggestion:
    score: float
    a: Profile
    b: Profile
    reasons: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "a": {"id": self.a.id, "name": self.a.name.sort_form()},
            "b": {"id": self.b.id, "name": self.b.name.sort_form()},
            "reasons": list(self.reasons),
        }


def _best_given(a: _Keys, b: _Keys) -> Agreement | None:
    """The strongest agreement over all pairings of their spellings; None if all conflict."""
    best: Agreement | None = None
    for x in a.given:
        for y in b.given:
            found = compare_tokens(x, y)
            if not found.conflict and (best is None or _given_weight(found) > _given_weight(best)):
                best = found
    return best


def _given_weight(agreement: Agreement) -> float:
    if agreement.exact:
        return WEIGHTS["same given name"]
    if agreement.fuzzy:
        return WEIGHTS["near given name"]
    if agreement.initials >= 2:
        return WEIGHTS["initials"]
    return WEIGHTS["one initial"] if agreement.initials else 0.0


@lru_cache(maxsize=131072)
def _person_key(name: Name) -> str:
    """Family key and first initial: how a co-author is recognised under any spelling (cached:
    the co-authors of a large library's papers recur across hundreds of profiles)."""
    if name.literal:
        return "" if name == OTHERS else family_key(name)
    return name_key(name.family, name.given)


@dataclass(frozen=True)
class _Keys:
    """What a profile brings to every pair it is in, worked out once: a common family name
    (Chen, Wang) puts one profile in hundreds of pairs."""

    own: frozenset[str]
    coauthors: frozenset[str]
    sort: tuple[str, int]
    #: ``given_tokens`` of each of its spellings
    given: tuple[tuple, ...]

    @classmethod
    def of(cls, profile: Profile) -> _Keys:
        own = frozenset(_person_key(n) for n in profile.names)
        coauthors = frozenset(_person_key(n) for n in profile.coauthors) - {""}
        sort = (profile.name.sort_form().casefold(), profile.id)
        return cls(own, coauthors, sort, tuple(given_tokens(n) for n in profile.names))


def score_pair(a: Profile, b: Profile, keys_a: _Keys, keys_b: _Keys) -> Suggestion | None:
    """The suggestion for two profiles that share a family key, or None when they cannot be one."""
    if a.roles & b.roles:
        return None
    given = _best_given(keys_a, keys_b)
    if given is None:
        return None
    weights = [WEIGHTS[SAME_KEY]]
    reasons = [SAME_KEY]
    if given.compared:
        weights.append(_given_weight(given))
        reasons.append(INITIALS)
    if (keys_a.coauthors - keys_a.own - keys_b.own) & keys_b.coauthors:
        weights.append(WEIGHTS[COAUTHORS])
        reasons.append(COAUTHORS)
    if a.venues & b.venues:
        weights.append(WEIGHTS[VENUE])
        reasons.append(VENUE)
    rest = 1.0
    for weight in weights:
        rest *= 1 - weight
    return Suggestion(round(1 - rest, 2), a, b, tuple(reasons))


def suggest(db: Database, min_score: float = DEFAULT_MIN_SCORE) -> list[Suggestion]:
    """Pairs scoring at least ``min_score``: by score, descending, then a's name, then b's."""
    profiles = person_profiles(db)
    by_key: dict[str, set[int]] = defaultdict(set)
    for profile in profiles.values():
        for name in profile.names:
            key = family_key(name)
            if key:
                by_key[key].add(profile.id)
    pairs = {pair for ids in by_key.values() for pair in combinations(sorted(ids), 2)}
    keys = {pid: _Keys.of(profiles[pid]) for pid in {pid for pair in pairs for pid in pair}}
    out = []
    for x, y in pairs:
        if keys[y].sort < keys[x].sort:
            x, y = y, x
        found = score_pair(profiles[x], profiles[y], keys[x], keys[y])
        if found is not None and found.score >= min_score:
            out.append(found)
    out.sort(key=lambda s: (-s.score, keys[s.a.id].sort[0], keys[s.b.id].sort[0]))
    return out
