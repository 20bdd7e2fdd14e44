"""What ``scholars suggest`` compares: every person's names, works, co-authors and venues.

Read in three queries, whatever the size of the library; the comparing is done in memory
(``services.suggest``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from diprefs.model import Name
from diprefs.names.matching import quick_fold

_PARTS = "n.family, n.given, n.particle, n.suffix, n.patronymic, n.literal, n.genitive"


@dataclass
class Profile:
    """One person as the library knows them."""

    id: int
    name: Name  # canonical
    names: list[Name] = field(default_factory=list)  # canonical first, then the variants
    #: (work id, role) of every contribution
    roles: set[tuple[int, str]] = field(default_factory=set)
    #: the names printed beside theirs on their works (other scholars' rows)
    coauthors: list[Name] = field(default_factory=list)
    #: folded container titles of their works
    venues: set[str] = field(default_factory=set)


def person_profiles(db: Database) -> dict[int, Profile]:
    """Every scholar of kind ``person`` with at least one name, by id."""
    profiles: dict[int, Profile] = {}
    for sid, *parts in db.execute(
        f"SELECT n.scholar_id, {_PARTS} FROM names n"
        " JOIN scholars s ON s.id = n.scholar_id WHERE s.kind = 'person'"
        " ORDER BY n.scholar_id, n.canonical DESC, n.id"
    ):
        name = Name(*(p or "" for p in parts))
        profile = profiles.get(sid)
        if profile is None:
            profile = profiles[sid] = Profile(sid, name)
        if name not in profile.names:
            profile.names.append(name)
    by_work: dict[int, list[tuple[int | None, Name]]] = defaultdict(list)
    for wid, role, sid, *parts in db.execute(
        f"SELECT c.work_id, c.role, n.scholar_id, {_PARTS} FROM contributors c"
        " JOIN names n ON n.id = c.name_id ORDER BY c.work_id, c.role, c.position"
    ):
        by_work[wid].append((sid, Name(*(p or "" for p in parts))))
        if sid in profiles:
            profiles[sid].roles.add((wid, role))
    venues = dict(
        db.execute(
            "SELECT id, container_title FROM works"
            " WHERE container_title IS NOT NULL AND container_title <> ''"
        ).fetchall()
    )
    for wid, people in by_work.items():
        venue = quick_fold(venues[wid]) if wid in venues else ""
        for sid, _ in people:
            profile = profiles.get(sid)
            if profile is None:
                continue
            profile.coauthors.extend(name for other, name in people if other != sid)
            if venue:
                profile.venues.add(venue)
    return profiles
