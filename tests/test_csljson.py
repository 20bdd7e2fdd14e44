"""CSL-JSON: the mapping tables, names, dates, ``custom``, bad input and the schema.

Expected items are worked out from the tables in docs/csljson.md, not copied from the writer.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diprefs.formats import csljson_map
from diprefs.formats.csljson import (
    looks_like_csljson,
    read_csljson,
    work_to_item,
    write_csljson,
)
from diprefs.model import DATE_KINDS, ROLES, WORK_TEXT_FIELDS, Contributor, Name, Work
from diprefs.names.parse import OTHERS

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SCHEMA = CORPORA / "csl" / "csl-data.json"


@pytest.fixture(scope="session")
def validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    if not SCHEMA.exists():
        pytest.skip(f"the CSL-JSON schema is not at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


@pytest.fixture(scope="session")
def seed_works(seeded_template):
    from diprefs.storage import works
    from diprefs.storage.db import open_library

    db = open_library(seeded_template)
    try:
        return [works.get_work(db, key) for key in works.all_keys(db)]
    finally:
        db.conn.close()


def _errors(validator, data) -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]


def _plain(work: Work) -> Work:
    """A work without its source record, contributors in the library's order."""
    order = sorted(work.contributors, key=lambda c: (c.role != "author", c.role))
    return replace(work, source=None, contributors=tuple(order))


def _one(text: str):
    result = read_csljson(text, file="refs.json")
    assert not result.problems, [str(p) for p in result.problems]
    assert len(result.works) == 1
    return result.works[0]


# --- the tables ----------------------------------------------------------------------------


def test_the_variable_tables_match_the_schema(validator):
    properties = set(validator.schema["items"]["properties"])
    assert properties == csljson_map.SCHEMA_VARIABLES
    assert set(csljson_map.TEXT_VARIABLES.values()) <= properties
    assert set(csljson_map.NAME_VARIABLES.values()) <= csljson_map.NAME_LIST_VARIABLES
    assert set(csljson_map.DATE_VARIABLES.values()) == csljson_map.DATE_VARIABLE_NAMES
    names = validator.schema["definitions"]["name-variable"]["anyOf"][0]["properties"]
    assert set(names) == csljson_map.NAME_KEYS


def test_every_model_role_and_date_kind_has_a_home():
    missing_roles = set(ROLES) - set(csljson_map.NAME_VARIABLES)
    assert missing_roles == {"supervisor", "reviewer", "opponent", "commentator", "holder"}
    missing_dates = set(DATE_KINDS) - set(csljson_map.DATE_VARIABLES)
    assert missing_dates == {"adopted", "received", "accepted"}


# --- the seed library -----------------------------------------------------------------------


def test_the_seed_library_validates_against_the_schema(seed_works, validator):
    data = json.loads(write_csljson(seed_works))
    assert [item["id"] for item in data] == [w.key for w in seed_works]
    assert _errors(validator, data) == []


def test_komolov2024_as_csl_json(seed_works):
    work = next(w for w in seed_works if w.key == "komolov2024")
    item = work_to_item(work)
    assert item["type"] == "article-journal"
    assert item["language"] == "en"
    # CSL prints the patronymic as part of the given names; it is not lost, see the next test.
    assert item["author"] == [{"family": "Komolov", "given": "Mavlonbek Zafarjon ugli"}]
    assert item["issued"] == {"date-parts": [[2024, 2, 24]]}
    assert "container-title" not in item
    custom = item["custom"]
    assert custom["dates"] == {"received": "2023-12-20", "accepted": "2024-01-08"}
    # CSL has no supervisor: the role travels in custom, with the name's parts.
    assert custom["names"] == {
        "supervisor": [{"family": "Mominov", "given": "Husanboy", "patronymic": "Madaminjonovich"}]
    }


def test_the_seed_library_reads_back_unchanged(seed_works):
    back = read_csljson(write_csljson(seed_works), file="seed.json")
    assert back.problems == []
    assert [_plain(w) for w in back.works] == [_plain(w) for w in seed_works]
    komolov = next(w for w in back.works if w.key == "komolov2024")
    assert komolov.names("author")[0].name.patronymic == "Zafarjon ugli"


def test_supplied_titles_addons_and_organisations_travel_in_custom(seed_works):
    items = {i["id"]: i for i in json.loads(write_csljson(seed_works))}
    assert items["daryo2023"]["custom"] == {"title_supplied": True}
    assert items["juraev2018"]["custom"] == {"title_addon": "Monograph"}
    assert items["juraev2018"]["number-of-pages"] == "80"
    assert items["usembassy2023"]["author"] == [{"literal": "US Embassy in Uzbekistan"}]
    # the name as printed in the .bib file had braces: that spelling is kept too
    assert items["usembassy2023"]["custom"]["names"] == {
        "author": [{"literal": "US Embassy in Uzbekistan", "printed": "{US Embassy in Uzbekistan}"}]
    }


# --- every field and role ------------------------------------------------------------------


def _full_work() -> Work:
    text = {f: f"{f} value" for f in WORK_TEXT_FIELDS if f not in ("type", "language")}
    roles = tuple(
        Contributor(Name(family=f"Family{i}", given=f"Given{i}"), role, f"Family{i}, Given{i}")
        for i, role in enumerate(ROLES)
    )
    dates = {kind: f"20{10 + i:02d}-0{1 + i % 9}-1{i % 9}" for i, kind in enumerate(DATE_KINDS)}
    return Work(
        key="full2020",
        type="thesis",
        language="ru",
        title_supplied=True,
        dates=dates,
        contributors=roles,
        tags=("phd", "to-read"),
        **text,
    )


def test_every_model_field_and_role_goes_somewhere_and_comes_back(validator):
    work = _full_work()
    item = work_to_item(work)
    assert _errors(validator, [item]) == []
    assert item["title"] == "title value: subtitle value"
    for field_name, var in csljson_map.TEXT_VARIABLES.items():
        if field_name != "title":
            assert item[var] == f"{field_name} value", field_name
    custom = item["custom"]
    for field_name in (
        "subtitle",
        "title_addon",
        "title_translated",
        "container_title_latin",
        "degree",
        "speciality_code",
        "speciality",
        "institution",
        "legal_kind",
    ):
        assert custom[field_name] == f"{field_name} value"
    assert custom["title_supplied"] is True
    assert custom["tags"] == ["phd", "to-read"]
    assert set(custom["dates"]) == {"adopted", "received", "accepted"}
    assert set(custom["names"]) == {"supervisor", "reviewer", "opponent", "commentator", "holder"}
    for role in csljson_map.NAME_VARIABLES:
        assert len(item[role]) == 1
    assert item["event-date"]["date-parts"][0][0] == 2013
    back = _one(json.dumps([item]))
    assert _plain(back) == _plain(work)


def test_a_thesis_university_is_printed_from_publisher_and_read_back_as_institution():
    work = Work(key="t", type="thesis", title="T", institution="Andijan State University")
    item = work_to_item(work)
    assert item["publisher"] == "Andijan State University"
    back = _one(json.dumps([item]))
    assert (back.publisher, back.institution) == ("", "Andijan State University")
    both = replace(work, publisher="Andijan State University")
    assert _plain(_one(json.dumps([work_to_item(both)]))) == _plain(both)


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "csl"),
    [
        (Name(family="Gogh", given="Vincent", particle="van"), {
            "family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}),
        (Name(family="King", given="Martin Luther", suffix="Jr."), {
            "family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        (Name(family="Иванов", given="Иван", patronymic="Иванович"), {
            "family": "Иванов", "given": "Иван Иванович"}),
        (Name(literal="Oʻzbekiston Respublikasi Oliy Majlisi"), {
            "literal": "Oʻzbekiston Respublikasi Oliy Majlisi"}),
    ],
)  # fmt: skip
def test_names(name, csl):
    work = Work(key="k", type="book", title="T", contributors=(Contributor(name, "author"),))
    item = work_to_item(work)
    assert item["author"] == [csl]
    assert _plain(_one(json.dumps([item]))) == _plain(work)


def test_a_genitive_and_an_unusual_patronymic_split_travel_in_custom():
    name = Name(family="Петров", given="Пётр Петрович", genitive="Петрова П. П.")
    work = Work(key="k", type="book", contributors=(Contributor(name, "editor", "Петров П."),))
    item = work_to_item(work)
    assert item["editor"] == [{"family": "Петров", "given": "Пётр Петрович"}]
    assert item["custom"]["names"]["editor"] == [
        {
            "family": "Петров",
            "given": "Пётр Петрович",
            "genitive": "Петрова П. П.",
            "printed": "Петров П.",
        }
    ]
    assert _plain(_one(json.dumps([item]))) == _plain(work)


def test_and_others_ends_the_csl_list_and_is_kept_in_custom():
    authors = (
        Contributor(Name(family="Doe", given="J."), "author", "Doe, J."),
        Contributor(OTHERS, "author", "others"),
    )
    work = Work(key="k", type="book", contributors=authors)
    item = work_to_item(work)
    assert item["author"] == [{"family": "Doe", "given": "J."}]
    assert item["custom"]["names"] == {"author": [{}, {"literal": "others"}]}
    assert _one(json.dumps([item])).contributors == (
        Contributor(Name(family="Doe", given="J."), "author", "Doe, J."),
        Contributor(OTHERS, "author", "others"),
    )


def test_foreign_names_split_patronymics_and_merge_particles():
    item = {
        "id": "x",
        "type": "book",
        "author": [
            {"family": "Иванов", "given": "Иван Иванович"},
            {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
        ],
    }
    work = _one(json.dumps([item]))
    assert work.contributors[0].name == Name(family="Иванов", given="Иван", patronymic="Иванович")
    # CSL's dropping/non-dropping distinction is one of the things the model does not keep
    assert work.contributors[1].name == Name(family="Beethoven", given="Ludwig", particle="van")


def test_an_edit_made_in_another_tool_wins_over_stale_custom_details():
    work = Work(
        key="k", type="book", contributors=(Contributor(Name(literal="UN"), "author", "{UN}"),)
    )
    item = work_to_item(work)
    item["author"] = [{"literal": "UNESCO"}]  # renamed in Zotero
    back = _one(json.dumps([item]))
    assert back.contributors == (Contributor(Name(literal="UNESCO"), "author", "UNESCO"),)
    work = Work(key="k", type="book", dates={"issued": "2019?"})
    item = work_to_item(work)
    assert item["issued"] == {"date-parts": [[2019]], "circa": True}
    assert item["custom"]["dates"] == {"issued": "2019?"}
    assert _one(json.dumps([item])).issued == "2019?"
    item["issued"] = {"date-parts": [[2020]]}
    assert _one(json.dumps([item])).issued == "2020"


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "csl", "status"),
    [
        ("2019", {"date-parts": [[2019]]}, None),
        ("2019-05", {"date-parts": [[2019, 5]]}, None),
        ("2019-05-03", {"date-parts": [[2019, 5, 3]]}, None),
        ("2019~", {"date-parts": [[2019]], "circa": True}, None),
        ("2019/2020", {"date-parts": [[2019], [2020]]}, None),
        ("2019-05/2019-06", {"date-parts": [[2019, 5], [2019, 6]]}, None),
        ("2019/..", {"date-parts": [[2019], [0]]}, None),
        ("2019-21", {"date-parts": [[2019]], "season": 1}, None),
        ("201X", {"literal": "201X"}, None),
        ("../2000", {"literal": "../2000"}, None),
        ("spring of 1950", {"literal": "spring of 1950"}, None),
        ("in press", None, "in press"),
        ("forthcoming", None, "forthcoming"),
        ("n.d.", None, None),
    ],
)
def test_issued_dates(edtf, csl, status):
    work = Work(key="k", type="book", title="T", dates={"issued": edtf})
    item = work_to_item(work)
    assert item.get("issued") == csl
    assert item.get("status") == status
    assert _one(json.dumps([item])).dates == {"issued": edtf}


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ({"date-parts": [["2019", "5", "3"]]}, "2019-05-03"),
        ({"date-parts": [[2019, 13]]}, "2019-21"),
        ({"date-parts": [[2019]], "season": "winter"}, "2019-24"),
        ({"date-parts": [[2019], [2020]], "circa": True}, "2019~/2020~"),
        ({"raw": "2019-05-03"}, "2019-05-03"),
        ({"raw": "2019/2020"}, "2019/2020"),
        ("2019-05", "2019-05"),
        ({"literal": "Spring 2019"}, "Spring 2019"),
        ({}, ""),
    ],
)
def test_date_forms_other_tools_write(value, edtf):
    work = _one(json.dumps([{"id": "k", "type": "book", "issued": value}]))
    assert work.issued == edtf


# --- bad input ------------------------------------------------------------------------------

GOOD = {"id": "good", "type": "book", "title": "Good"}
BAD = {"id": "b", "type": "book"}


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"id": "b", "title": "No type"}, "record 2: no type"),
        ({**BAD, "type": "novel"}, "record 2: unknown type 'novel'"),
        ({**BAD, "title": ["A", "B"]}, "record 2: title must be text, not a list"),
        ({**BAD, "author": "Smith, J."}, "record 2: author must be a list of names"),
        ({**BAD, "author": ["Smith"]}, "record 2: author[1] must be a name object"),
        (
            {**BAD, "issued": {"raw": "spring 2019"}},
            "record 2: issued: 'spring 2019' is not a date",
        ),
        ({**BAD, "issued": {"date-parts": [[2019, 2, 30]]}}, "record 2: issued:"),
        ({**BAD, "issued": {"date-parts": [["20x9"]]}}, "record 2: issued:"),
        ({**BAD, "custom": {"tags": "a, b"}}, "record 2: custom.tags must be a list"),
        ([1, 2], "record 2: an item must be an object, not a list"),
    ],
)
def test_a_bad_item_is_a_problem_naming_its_record_and_the_rest_is_read(item, message):
    lines = [json.dumps(x) for x in (GOOD, item, {**GOOD, "id": "good2"})]
    text = "[\n" + ",\n".join(lines) + "\n]\n"  # the bad item is on line 3
    result = read_csljson(text, file="refs.json")
    assert [w.key for w in result.works] == ["good", "good2"]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.message.startswith(message)
    assert problem.file == "refs.json"
    assert problem.line == 3
    assert problem.key == ("b" if isinstance(item, dict) else "")


def test_a_key_given_twice_in_one_item_is_refused():
    text = '[{"id": "a", "type": "book", "title": "One", "title": "Two"}]'
    result = read_csljson(text, file="refs.json")
    assert result.works == []
    assert [p.message for p in result.problems] == ["record 1: item: 'title' is given twice"]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{"id": "a", "type": "book"}', "not CSL-JSON: the top level is an object", 1),
        ('"hello"', "not CSL-JSON: the top level is a str", 1),
        ('[{"id": "a", "type": "book"},\n {"id": "b" "type": "book"}]', "not valid JSON", 2),
        ('[{"id": "a", "type": "book"}', "not valid JSON", 1),
        ("[\n NaN]", "not valid JSON: NaN", 2),
        ("", "not valid JSON", 1),
    ],
)
def test_text_that_is_not_csl_json_reads_nothing(text, message, line):
    result = read_csljson(text, file="refs.json")
    assert result.works == []
    assert [p.line for p in result.problems] == [line]
    assert result.problems[0].message.startswith(message)


def test_an_item_without_id_is_read_with_an_empty_key_for_the_importer_to_fill():
    work = _one('[{"type": "book", "title": "Anonymous"}]')
    assert work.key == ""


def test_a_byte_order_mark_is_ignored():
    assert _one("\ufeff" + json.dumps([GOOD])).key == "good"


# --- what diprefs does not map is kept -------------------------------------------------------


def test_variables_diprefs_does_not_map_are_exported_again(validator):
    item = {
        **GOOD,
        "title-short": "Good",
        "PMID": "123",
        "composer": [{"family": "Bach"}],
        "translated-title": "Хорошая",  # not in the CSL 1.0.2 schema
        "custom": {"zotero-key": "ABCD"},
    }
    work = _one(json.dumps([item]))
    assert work.source.dialect == "csljson"
    assert [f.name for f in work.source.fields][-1] == "custom"
    again = work_to_item(work)
    assert again["title-short"] == "Good"
    assert again["PMID"] == "123"
    assert again["composer"] == [{"family": "Bach"}]
    assert again["custom"] == {"zotero-key": "ABCD", "translated-title": "Хорошая"}
    assert _errors(validator, [again]) == []


def test_detection_by_content():
    assert looks_like_csljson('\ufeff  [\n{"id": "a"}]')
    assert looks_like_csljson('{"items": []}')
    assert not looks_like_csljson("@article{a, title = {T}}")
    assert not looks_like_csljson("TY  - JOUR\nER  - \n")
    assert not looks_like_csljson("")


# --- property tests -------------------------------------------------------------------------

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)
_variables = st.sampled_from(
    sorted(
        csljson_map.SCHEMA_VARIABLES | {"date-parts", "season", "literal", "raw", "names", "dates"}
    )
)
_items = st.dictionaries(_variables | st.text(max_size=5), _json, max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_items | _json, max_size=4))
def test_random_items_never_raise_and_every_rejection_names_its_record(items):
    result = read_csljson(json.dumps(items), file="x.json")
    assert len(result.works) + len(result.problems) == len(items)
    for problem in result.problems:
        assert problem.message.startswith("record "), problem
    for work in result.works:
        assert _plain(_one(write_csljson([work]))) == _plain(work)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_seed_text_never_raises(seed_works, data):
    text = write_csljson(seed_works[:3])
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 12)))
    mutated = text[:start] + data.draw(st.text(max_size=6)) + text[end:]
    result = read_csljson(mutated, file="x.json")
    for problem in result.problems:
        assert problem.line is not None
        assert problem.message.startswith(("record ", "not valid JSON", "not CSL-JSON"))


def test_work_fields_are_all_covered():
    """A new model field must be placed in a CSL variable or custom (this test then changes)."""
    names = {f.name for f in fields(Work)}
    placed = set(csljson_map.TEXT_VARIABLES) | {
        "subtitle", "title_addon", "title_translated", "container_title_latin", "degree",
        "speciality_code", "speciality", "institution", "legal_kind",
        "key", "type", "language", "title_supplied", "dates", "contributors", "tags", "source",
    }  # fmt: skip
    assert names == placed


# --- the command line ------------------------------------------------------------------------


def test_export_format_csljson_validates_and_covers_the_library(run, validator, tmp_path):
    result = run("export", "--format", "csljson")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [item["id"] for item in data] == [r["key"] for r in run.json("works", "list")]
    assert _errors(validator, data) == []
    out = tmp_path / "refs.json"
    result = run("export", "--format", "csljson", "komolov2024", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == f"diprefs: exported 1 works to {out}\n"
    assert [i["id"] for i in json.loads(out.read_text(encoding="utf-8"))] == ["komolov2024"]


def test_an_empty_library_exports_an_empty_array(tmp_path):
    from conftest import Run

    empty = Run(tmp_path / "empty.db")
    assert empty("init", "--empty").exit_code == 0
    result = empty("export", "--format", "csljson")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_ascii_is_for_bibtex_only(run):
    assert run("export", "--format", "csljson", "--ascii").exit_code == 2


def test_an_exported_library_imports_into_an_empty_one_unchanged(run, tmp_path):
    from conftest import Run

    out = tmp_path / "refs.json"
    assert run("export", "--format", "csljson", "-o", str(out)).exit_code == 0
    empty = Run(tmp_path / "empty.db")
    assert empty("init", "--empty").exit_code == 0
    result = empty("import", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("diprefs: imported 6, updated 0, skipped 0, problems 0\n")
    for key in ("komolov2024", "usembassy2023", "juraev2018"):
        before, after = run.json("works", "show", key), empty.json("works", "show", key)
        for part in ("references", "citations", "cited_by", "source"):
            before.pop(part), after.pop(part)  # links are not part of a CSL-JSON file
        for c in before["contributors"] + after["contributors"]:
            c.pop("scholar_id")
        assert after == before


REFS = [
    {"id": "karimov2021", "type": "article-journal", "title": "Raqamli diplomatiya",
     "author": [{"family": "Karimov", "given": "Akmal Rustamovich"}],
     "issued": {"date-parts": [[2021, 3]]}, "language": "uz-Latn"},
    {"id": "bad2020", "type": "article-journal", "issued": {"raw": "spring 2019"}},
    {"id": "tashkent2019", "type": "book", "title": "Тошкент тарихи", "language": "uz-Cyrl",
     "author": [{"literal": "Oʻzbekiston Fanlar akademiyasi"}]},
]  # fmt: skip


def _refs_file(tmp_path, items=REFS) -> Path:
    path = tmp_path / "refs.json"
    path.write_text("[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n]\n")
    return path


def test_import_refs_json_reports_the_bad_record_and_imports_the_rest(run, tmp_path):
    path = _refs_file(tmp_path)
    result = run("import", str(path))
    assert result.exit_code == 6
    assert result.stderr.splitlines() == [
        f"{path}:3: bad2020: record 2: issued: 'spring 2019' is not a date"
        " (write date-parts, or EDTF such as 2019-05, 2019/2020 or 2019-21 (spring))",
        "diprefs: imported 2, updated 0, skipped 1, problems 1",
    ]
    karimov = run.json("works", "show", "karimov2021")
    assert karimov["dates"] == {"issued": "2021-03"}
    assert karimov["language"] == "uz-Latn"
    assert karimov["contributors"][0]["name"] == "Karimov, Akmal Rustamovich"
    assert run.json("works", "show", "tashkent2019")["title"] == "Тошкент тарихи"
    assert run("works", "show", "bad2020").exit_code == 3


def test_strict_imports_nothing_when_a_record_is_bad(run, tmp_path):
    result = run("import", "--strict", str(_refs_file(tmp_path)))
    assert result.exit_code == 5
    assert run("works", "show", "karimov2021").exit_code == 3


def test_a_dry_run_writes_nothing(run, tmp_path):
    result = run("import", "--dry-run", "--json", str(_refs_file(tmp_path)))
    assert result.exit_code == 6
    assert json.loads(result.stdout)["imported"] == 2
    assert run("works", "show", "karimov2021").exit_code == 3


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"items": []}', ":1: (no key): not CSL-JSON: the top level is an object"),
        ("[1, 2, 3]", ":1: (no key): record 1: an item must be an object, not a number"),
        ('[{"id": "a",\n "type": "book"', ":2: (no key): not valid JSON: Expecting ',' delimiter"),
    ],
)
def test_json_that_is_not_csl_json_imports_nothing(run, tmp_path, text, line):
    path = tmp_path / "refs.json"
    path.write_text(text)
    result = run("import", str(path))
    assert result.exit_code == 5
    lines = result.stderr.splitlines()
    assert lines[0] == "diprefs: error: nothing importable: every entry has a problem"
    assert lines[1].startswith(f"{path}{line}")
    assert len(run.json("works", "list")) == 6


def test_on_duplicate_applies_to_csljson_too(run, tmp_path):
    item = {"id": "mominov2022", "type": "book", "title": "Digital History, 2nd ed."}
    path = _refs_file(tmp_path, [item])
    assert run("import", str(path)).exit_code == 0
    assert run.json("works", "show", "mominov2022")["title"] == "Digital History"
    assert run("import", "--on-duplicate", "update", str(path)).exit_code == 0
    assert run.json("works", "show", "mominov2022")["title"] == "Digital History, 2nd ed."
