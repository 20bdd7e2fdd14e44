"""``diprefs serve``: the library in Datasette, read-only, with search and canned queries."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

SERVE_LINE = "diprefs: serving {path} at http://127.0.0.1:{port}/ (Ctrl-C to stop)"
LIST_KEYS = [
    "mominov2022",
    "juraev2018",
    "caravanserai-archive",
    "caravanserai-archive",
    "usembassy2023",
    "daryo2023",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- without Datasette, and bad options ------------------------------------------------------


def test_without_the_web_extra_one_line_and_exit_1(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette", None)  # import datasette -> ImportError
    result = run("serve")
    assert result.exit_code == 1
    assert (
        result.stderr == "diprefs: error: serve needs the web extra: pip install 'diprefs[web]'\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_bad_port_is_a_usage_error(run, port):
    assert run("serve", "--port", port).exit_code == 2


def test_a_port_in_use_is_refused_with_one_line(run):
    pytest.importorskip("datasette", reason="the web extra is in the test extra")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"diprefs: error: cannot serve on 127.0.0.1:{port}: ")
    assert len(result.stderr.splitlines()) == 1


def test_a_non_loopback_host_is_warned_about(run, monkeypatch):
    pytest.importorskip("datasette", reason="the web extra is in the test extra")
    from diprefs.services import serve

    served = []
    monkeypatch.setattr(serve, "serve", lambda *args: served.append(args))
    port = _free_port()
    result = run("serve", "--host", "0.0.0.0", "--port", str(port))
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0].startswith("diprefs: warning: 0.0.0.0 is not a loopback address")
    assert lines[1] == f"diprefs: serving {run.db} at http://0.0.0.0:{port}/ (Ctrl-C to stop)"
    assert served == [(run.db, "0.0.0.0", port)]


# --- in-process: what Datasette is given -----------------------------------------------------


@pytest.fixture
def datasette(library):
    pytest.importorskip("datasette", reason="the web extra is in the test extra")
    from diprefs.services.serve import datasette_app

    return datasette_app(library)


def _get_json(ds, path: str):
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("name", ["Juraev", "Jurayev", "Жураев", "juraev f. s."])
def test_scholar_works_finds_every_spelling(datasette, name):
    rows = _get_json(datasette, f"/library/scholar_works.json?_shape=array&name={name}")
    assert [(r["key"], r["printed_as"], r["canonical_name"]) for r in rows] == [
        ("juraev2018", "Juraev, F. S.", "Juraev, F. S.")
    ]


def test_scholar_works_lists_a_scholar_under_each_printed_variant(datasette):
    rows = _get_json(datasette, "/library/scholar_works.json?_shape=array&name=Mominov")
    assert [(r["key"], r["role"], r["printed_as"]) for r in rows] == [
        ("mominov2022", "author", "Mominov, Khusanboy"),
        ("komolov2024", "supervisor", "Mominov, Husanboy Madaminjonovich"),
    ]


def test_reference_list_is_in_printed_order(datasette):
    rows = _get_json(datasette, "/library/reference_list.json?_shape=array&key=komolov2024")
    assert [r["position"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r["label"] for r in rows] == ["1.", "2.", "2.", "3.", "4.", "5."]
    assert [r["cited_key"] for r in rows] == LIST_KEYS


def test_most_cited_counts_distinct_citing_works(datasette):
    rows = _get_json(datasette, "/library/most_cited.json?_shape=array")
    assert [(r["key"], r["cited_by"]) for r in rows] == [
        ("caravanserai-archive", 1),
        ("daryo2023", 1),
        ("juraev2018", 1),
        ("mominov2022", 1),
        ("usembassy2023", 1),
    ]


def test_full_text_search_on_works(datasette):
    rows = _get_json(datasette, "/library/works.json?_shape=array&_search=diplomacy&_col=key")
    assert sorted(r["key"] for r in rows) == ["juraev2018", "komolov2024"]
    rows = _get_json(datasette, "/library/works.json?_shape=array&_search=Khusanboy&_col=key")
    assert sorted(r["key"] for r in rows) == ["komolov2024", "mominov2022"]  # all variants


def test_not_even_datasette_itself_can_write(datasette, library):
    import sqlite3

    db = datasette.get_database("library")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(db.execute_write("DELETE FROM works"))
    response = asyncio.run(datasette.client.get("/library.json?sql=DELETE+FROM+works"))
    assert response.status_code == 400
    assert sqlite3.connect(library).execute("SELECT count(*) FROM works").fetchone() == (6,)


# --- a real server in a subprocess -----------------------------------------------------------


def _fetch(url: str, deadline: float) -> bytes:
    """GET with retries until the server answers or the deadline passes."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_json_and_html_and_stops_on_ctrl_c(library):
    pytest.importorskip("datasette", reason="the web extra is in the test extra")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "diprefs", "--db", str(library), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        query = urllib.parse.urlencode({"key": "komolov2024", "_shape": "array"})
        rows = json.loads(_fetch(f"{base}/library/reference_list.json?{query}", deadline))
        assert [r["cited_key"] for r in rows] == LIST_KEYS
        page = _fetch(f"{base}/library/works?_search=diplomacy", deadline).decode()
        assert "<html" in page and "komolov2024" in page and "juraev2018" in page
        assert "mominov2022" not in page
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate(timeout=10)
            pytest.fail(f"serve did not stop on Ctrl-C: {err}")
    assert process.returncode == 0, err
    assert err.splitlines()[0] == SERVE_LINE.format(path=library, port=port)
    assert out == ""


def test_what_another_command_writes_while_serving_is_seen(datasette, library):
    import sqlite3

    before = _get_json(datasette, "/library/works.json?_shape=array&_col=key")
    conn = sqlite3.connect(library)
    with conn:
        conn.execute(
            "UPDATE works SET title = 'Digital History, 2nd ed.' WHERE key = 'mominov2022'"
        )
    conn.close()
    rows = _get_json(datasette, "/library/works.json?_shape=array&key=mominov2022&_col=title")
    assert len(before) == 6
    assert [r["title"] for r in rows] == ["Digital History, 2nd ed."]
