"""The pinned facts of the seed article (issue 2), read back through the CLI's JSON."""

from __future__ import annotations

import pytest

from conftest import SEED_KEYS


def test_the_seed_holds_six_works(run):
    rows = run.json("works", "list")
    assert [r["key"] for r in rows] == SEED_KEYS


def test_komolov2024(run):
    w = run.json("works", "show", "komolov2024")
    assert w["type"] == "article-journal"
    assert w["title"] == "The development of digital diplomacy and its study in Uzbekistan"
    assert w["language"] == "en"
    assert w["dates"] == {
        "issued": "2024-02-24",
        "received": "2023-12-20",
        "accepted": "2024-01-08",
    }
    assert "container_title" not in w  # the journal is not named in the text
    assert w["abstract"].startswith("This article examines the work being done in Uzbekistan")
    assert w["keywords"] == (
        "Digital diplomacy, e-diplomacy, FLIR, ICT, F.M. Mukhtorov, D.B. Saifullayev, "
        "A.S. Sayfiddinov, S.A. Jurayev"
    )
    roles = {(c["role"], c["name"]) for c in w["contributors"]}
    assert roles == {
        ("author", "Komolov, Mavlonbek Zafarjon ugli"),
        ("supervisor", "Mominov, Husanboy Madaminjonovich"),
    }


def test_komolovs_patronymic_is_kept_apart(library):
    from diprefs.storage.db import open_library

    db = open_library(library)
    row = next(db.query("SELECT * FROM names WHERE family = 'Komolov'"))
    assert (row["given"], row["patronymic"]) == ("Mavlonbek", "Zafarjon ugli")


def test_the_supervisor_is_the_author_of_digital_history(run):
    w = run.json("works", "show", "komolov2024")
    m = run.json("works", "show", "mominov2022")
    supervisor = next(c for c in w["contributors"] if c["role"] == "supervisor")
    author = m["contributors"][0]
    assert author["printed"] == "Mominov, Khusanboy"
    assert supervisor["scholar_id"] == author["scholar_id"]
    s = run.json("scholars", "show", "Mominov")
    assert s["name"] == "Mominov, Husanboy Madaminjonovich"
    assert s["affiliation"] == "Andijan State University"
    assert {"Mominov, Husanboy", "Mominov, Khusanboy"} <= set(s["variants"])


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            "mominov2022",
            {
                "type": "book",
                "title": "Digital History",
                "publisher_place": "Tashkent",
                "publisher": "Nurafshon business",
                "language": "en",
            },
        ),
        (
            "juraev2018",
            {
                "type": "book",
                "title": "Digital diplomacy in the foreign policy of a national state",
                "title_addon": "Monograph",
                "publisher_place": "Tashkent",
                "publisher": "Institute of Strategic and Interregional Studies under the President"
                " of the Republic of Uzbekistan",
                "number_of_pages": "80",
                "language": "en",
            },
        ),
        (
            "caravanserai-archive",
            {
                "type": "webpage",
                "url": "https://central.asia-news.com/uz-Latn/archives",
                "publisher": "United States Central Command",
            },
        ),
        (
            "usembassy2023",
            {
                "type": "webpage",
                "url": "https://uz.usembassy.gov/uz/united-states-presents-equipment-to-uzbek-"
                "border-troops-2-uz/",
            },
        ),
        (
            "daryo2023",
            {
                "type": "webpage",
                "title_supplied": True,
                "url": "https://daryo.uz/2023/11/02/uzbekistan-palestin-halqiga-humanitarian-aid-"
                "to-show-for-15-million-dollars-ajratadi?ysclid=lr06u8sgca695150561",
            },
        ),
    ],
)
def test_listed_works(run, key, expected):
    w = run.json("works", "show", key)
    assert {k: w.get(k) for k in expected} == expected
    assert "accessed" not in w["dates"]  # no access dates are printed


def test_seed_years(run):
    years = {r["key"]: r["year"] for r in run.json("works", "list")}
    assert years == {
        "komolov2024": 2024,
        "mominov2022": 2022,
        "juraev2018": 2018,
        "caravanserai-archive": None,
        "usembassy2023": 2023,
        "daryo2023": 2023,
    }
    w = run.json("works", "show", "usembassy2023")
    assert w["dates"]["issued"] == "2023-01-17"
    assert run.json("works", "show", "daryo2023")["dates"]["issued"] == "2023-11-02"


def test_organisation_author(run):
    rows = {r["key"]: r for r in run.json("works", "list")}
    assert rows["usembassy2023"]["authors"] == ["US Embassy in Uzbekistan"]
    s = run.json("scholars", "show", "US Embassy in Uzbekistan")
    assert s["kind"] == "organisation"


def test_printed_reference_list(run):
    data = run.json("citations", "list", "komolov2024")
    refs = data["references"]
    assert [r["label"] for r in refs] == ["1.", "2.", "2.", "3.", "4.", "5."]
    assert [r["key"] for r in refs] == [
        "mominov2022",
        "juraev2018",
        "caravanserai-archive",
        "caravanserai-archive",
        "usembassy2023",
        "daryo2023",
    ]
    assert refs[2]["printed"] == "United States Central Command (USCENTCOM)"
    assert (
        refs[0]["printed"]
        == 'Mominov Khusanboy "Digital History". Tashkent "Nurafshon business" 2022'
    )


def test_the_one_citation(run):
    data = run.json("citations", "list", "komolov2024")
    assert data["citations"] == [
        {
            "key": "mominov2022",
            "marker": "[1]",
            "locator": "page 258",
            "context": "Within the framework of digital diplomacy, the possibilities of new media,"
            " social networks, blogs and similar media spaces in global networks are used.",
        }
    ]
    assert run.json("citations", "list", "mominov2022")["cited_by"] == ["komolov2024"]


GROUPS = {
    "uzbekistan": [
        "Arapov, Sh. D.",
        "Faizullayev, A. O.",
        "Juraev, F. S.",
        "Jurayev, S. A.",
        "Mukhtorov, F. M.",
        "Saifullayev, D. B.",
        "Sayfiddinov, A. S.",
        "Yakubov, M. S.",
    ],
    "russia-cis": [
        "Barshnikov, D. N.",
        "Novikov, N. V.",
        "Surma, I. V.",
        "Tsvetkova, N. A.",
        "Vlasov, A. A.",
        "Volkova, V. V.",
        "Zinovyeva, E. S.",
        "Zonova, T. V.",
    ],
    "us-europe": [
        "Bjola, Corneliu",
        "Castells, M.",
        "Dizard, W.",
        "Fitzpatrick, K.",
        "Hallams, Ellen",
        "Hanson, F.",
        "Hocking, Brian",
        "Holmes, M.",
        "Kampf, R.",
        "Manor, I.",
        "Melissen, Jan",
        "Pamment, J.",
        "Potter, E.",
        "Segev, E.",
        "Seib, Philip",
    ],
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_mention_groups(run, group):
    names = [s["name"] for s in run.json("scholars", "list", "--group", group)]
    assert names == GROUPS[group]


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Byola", "Bjola, Corneliu"),
        ("Hawking", "Hocking, Brian"),
        ("Zaib", "Seib, Philip"),
        ("Svetkova", "Tsvetkova, N. A."),
        ("Цветкова", "Tsvetkova, N. A."),
        ("Yes. Melissen", "Melissen, Jan"),
        ("Ye. Hallams", "Hallams, Ellen"),
        ("Jurayev, F. S.", "Juraev, F. S."),
    ],
)
def test_garbled_names_lead_to_the_corrected_scholar(run, printed, canonical):
    assert run.json("scholars", "show", printed)["name"] == canonical


def test_s_a_jurayev_is_not_f_s_juraev(run):
    s = run.json("scholars", "show", "Jurayev, S. A.")
    f = run.json("scholars", "show", "Juraev, F. S.")
    assert s["id"] != f["id"]
    assert [w["key"] for w in f["works"]] == ["juraev2018"]
    assert s["works"] == []


def test_mentions_outside_the_groups(run):
    for name in ("Henick", "Mirziyoyev"):
        s = run.json("scholars", "show", name)
        assert s["groups"] == []
        assert [m["work"] for m in s["mentions"]] == ["komolov2024"]


def test_every_mention_is_a_scholar_of_the_article(run):
    rows = run.json("scholars", "list")
    mentioned = [r for r in rows if r["groups"]]
    assert len(mentioned) == sum(len(v) for v in GROUPS.values())
