"""citations add / rm and references add / rm on the seed article's list and citation."""

from __future__ import annotations

import pytest

#: komolov2024's printed list in the seed: (position, label, key)
SEED_LIST = [
    (1, "1.", "mominov2022"),
    (2, "2.", "juraev2018"),
    (3, "2.", "caravanserai-archive"),
    (4, "3.", "caravanserai-archive"),
    (5, "4.", "usembassy2023"),
    (6, "5.", "daryo2023"),
]


def the_list(run, key="komolov2024"):
    rows = run.json("citations", "list", key)["references"]
    return [(r["position"], r["label"], r["key"]) for r in rows]


def the_citations(run, key="komolov2024"):
    return run.json("citations", "list", key)["citations"]


def unchanged(run) -> None:
    assert the_list(run) == SEED_LIST
    assert [c["key"] for c in the_citations(run)] == ["mominov2022"]


# --- citations add ----------------------------------------------------------------------------


def test_add_a_citation_with_page_marker_and_context(run):
    result = run("citations", "add", "komolov2024", "juraev2018", "--page", "80", "--marker",
                 "[2]", "--context", "Juraev describes the digital state.")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert the_citations(run)[1] == {
        "key": "juraev2018",
        "marker": "[2]",
        "locator": "page 80",
        "context": "Juraev describes the digital state.",
    }
    assert run.json("works", "show", "juraev2018")["cited_by"] == ["komolov2024"]


def test_a_cited_work_need_not_be_in_the_list(run):
    assert run("citations", "add", "juraev2018", "mominov2022").exit_code == 0
    assert the_citations(run, "juraev2018") == [
        {"key": "mominov2022", "marker": None, "locator": None, "context": None}
    ]
    assert run.json("works", "show", "mominov2022")["cited_by"] == ["juraev2018", "komolov2024"]
    assert the_list(run, "juraev2018") == []


def test_citations_add_errors(run):
    itself = run("citations", "add", "komolov2024", "komolov2024")
    assert itself.exit_code == 4
    unknown = run("citations", "add", "komolov2024", "juraev2019")
    assert unknown.exit_code == 3
    assert "did you mean: juraev2018" in unknown.stderr
    assert run("citations", "add", "komolov2024", "juraev2018", "--json").exit_code == 2
    unchanged(run)


# --- citations rm -----------------------------------------------------------------------------


@pytest.fixture
def cited_twice(run):
    for page in ("12", "14"):
        assert run("citations", "add", "komolov2024", "juraev2018", "--page", page, "--marker",
                   "[2]").exit_code == 0  # fmt: skip
    return run


def test_rm_the_one_citation(run):
    assert run("citations", "rm", "komolov2024", "mominov2022").exit_code == 0
    assert the_citations(run) == []
    # the list item stays: citations and the list are separate
    assert the_list(run) == SEED_LIST


def test_rm_several_is_ambiguous_and_lists_them(cited_twice):
    result = cited_twice("citations", "rm", "komolov2024", "juraev2018")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[1:] == ["[2]\tpage 12", "[2]\tpage 14"]
    assert len(the_citations(cited_twice)) == 3


def test_rm_narrowed_by_page(cited_twice):
    assert (
        cited_twice("citations", "rm", "komolov2024", "juraev2018", "--page", "12").exit_code == 0
    )
    assert [c["locator"] for c in the_citations(cited_twice)] == ["page 258", "page 14"]


def test_rm_all(cited_twice):
    result = cited_twice("citations", "rm", "komolov2024", "juraev2018", "--marker", "[2]", "--all")
    assert result.exit_code == 0
    assert [c["key"] for c in the_citations(cited_twice)] == ["mominov2022"]
    # the remaining citations are renumbered, so new ones go after them
    assert cited_twice("citations", "add", "komolov2024", "daryo2023").exit_code == 0
    assert [c["key"] for c in the_citations(cited_twice)] == ["mominov2022", "daryo2023"]


def test_citations_rm_errors(cited_twice):
    assert cited_twice("citations", "rm", "komolov2024", "daryo2023").exit_code == 3
    assert (
        cited_twice("citations", "rm", "komolov2024", "juraev2018", "--page", "99").exit_code == 3
    )
    assert cited_twice("citations", "rm", "komolov2024", "nothing").exit_code == 3
    assert len(the_citations(cited_twice)) == 3


# --- references add ---------------------------------------------------------------------------


def test_add_at_the_end_with_label_and_text(run):
    result = run("references", "add", "komolov2024", "juraev2018", "--label", "6.", "--printed",
                 "Juraev F.S. Digital diplomacy. – Tashkent, 2018.")  # fmt: skip
    assert result.exit_code == 0, result.output
    last = run.json("citations", "list", "komolov2024")["references"][-1]
    assert last == {
        "position": 7,
        "label": "6.",
        "key": "juraev2018",
        "printed": "Juraev F.S. Digital diplomacy. – Tashkent, 2018.",
    }


def test_insert_moves_later_items_down_and_keeps_their_labels(run):
    assert (
        run("references", "add", "komolov2024", "usembassy2023", "--position", "1").exit_code == 0
    )
    assert the_list(run) == [(1, "", "usembassy2023")] + [
        (position + 1, label, key) for position, label, key in SEED_LIST
    ]


def test_add_to_an_empty_list(run):
    assert run("references", "add", "juraev2018", "mominov2022", "--position", "1").exit_code == 0
    assert the_list(run, "juraev2018") == [(1, "", "mominov2022")]


@pytest.mark.parametrize("position", ["0", "8", "-1"])
def test_a_position_outside_the_list_is_a_usage_error(run, position):
    result = run("references", "add", "komolov2024", "juraev2018", "--position", position)
    assert result.exit_code == 2
    assert "--position" in result.stderr
    unchanged(run)


def test_references_add_errors(run):
    assert run("references", "add", "komolov2024", "komolov2024").exit_code == 4
    assert run("references", "add", "komolov2024", "nothing").exit_code == 3
    assert run("references", "add", "nothing", "juraev2018").exit_code == 3
    unchanged(run)


# --- references rm ----------------------------------------------------------------------------


def test_rm_moves_later_items_up_and_leaves_citations(run):
    assert run("references", "rm", "komolov2024", "mominov2022").exit_code == 0
    assert the_list(run) == [(p - 1, label, key) for p, label, key in SEED_LIST[1:]]
    assert [c["key"] for c in the_citations(run)] == ["mominov2022"]
    assert run.json("works", "show", "mominov2022")["cited_by"] == ["komolov2024"]  # cited still


def test_an_item_standing_twice_is_ambiguous(run):
    result = run("references", "rm", "komolov2024", "caravanserai-archive")
    assert result.exit_code == 4
    assert result.stderr.splitlines()[1:] == ["3", "4"]
    unchanged(run)


def test_rm_at_a_position(run):
    result = run("references", "rm", "komolov2024", "caravanserai-archive", "--position", "4")
    assert result.exit_code == 0
    assert the_list(run) == [
        (1, "1.", "mominov2022"),
        (2, "2.", "juraev2018"),
        (3, "2.", "caravanserai-archive"),
        (4, "4.", "usembassy2023"),
        (5, "5.", "daryo2023"),
    ]


def test_rm_all_of_them(run):
    assert run("references", "rm", "komolov2024", "caravanserai-archive", "--all").exit_code == 0
    assert [key for _, _, key in the_list(run)] == [
        "mominov2022",
        "juraev2018",
        "usembassy2023",
        "daryo2023",
    ]
    assert run.json("works", "show", "caravanserai-archive")["cited_by"] == []


def test_references_rm_errors(run):
    wrong_place = run("references", "rm", "komolov2024", "caravanserai-archive", "--position", "2")
    assert wrong_place.exit_code == 3
    assert "3, 4" in wrong_place.stderr
    assert run("references", "rm", "komolov2024", "komolov2024").exit_code == 3  # not listed
    assert run("references", "rm", "juraev2018", "mominov2022").exit_code == 3
    both = run("references", "rm", "komolov2024", "daryo2023", "--position", "6", "--all")
    assert both.exit_code == 2
    unchanged(run)
