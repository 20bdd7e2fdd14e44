"""``new_work`` builds the same Work as ``Work(...)`` (the import's and export's fast path)."""

from __future__ import annotations

import dataclasses

import pytest

from diprefs.model import Contributor, Name, Source, SourceField, Work
from diprefs.model_bulk import new_work


def test_work_is_a_plain_frozen_dataclass():
    """new_work sets the instance dict: Work must not validate in __post_init__ or use slots."""
    assert not hasattr(Work, "__post_init__")
    assert "__slots__" not in vars(Work)
    assert Work.__dataclass_params__.frozen


@pytest.mark.parametrize(
    "values",
    [
        {"key": "a", "dates": {}},
        {
            "key": "komolov2024",
            "type": "article-journal",
            "title": "Мавзу",
            "container_title": "Journal",
            "page": "1–2",
            "dates": {"issued": "2024-02"},
            "contributors": (Contributor(Name("Komolov", "F."), "author", "Komolov, F."),),
            "tags": ("x",),
            "title_supplied": True,
            "source": Source("bibtex", "article", "k", (SourceField("title", "{Мавзу}"),)),
        },
    ],
)
def test_new_work_equals_the_dataclass_constructor(values):
    built = new_work(dict(values))
    made = Work(**values)
    assert built == made
    assert dataclasses.asdict(built) == dataclasses.asdict(made)
    assert vars(built) == vars(made)
    assert dataclasses.replace(built, key="b") == dataclasses.replace(made, key="b")


def test_new_work_is_frozen():
    work = new_work({"key": "a", "dates": {}})
    with pytest.raises(dataclasses.FrozenInstanceError):
        work.title = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "values, wrong",
    [({"key": "a", "dates": {}, "titel": "x"}, "titel"), ({"key": "a"}, "dates"), ({}, "key")],
)
def test_new_work_refuses_what_work_would(values, wrong):
    with pytest.raises(TypeError, match=wrong):
        new_work(values)
