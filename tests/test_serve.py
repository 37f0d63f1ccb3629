"""The Datasette site, in-process (no browser): metadata, facets, search, canned queries,
chart assets, escaping, injection through URLs, and loopback by default."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.errors import UsageError
from extract.serve import is_loopback, make_datasette, metadata_for, write_config
from extract.store import add_records
from store_fixtures import XSS, all_records

pytest.importorskip("datasette")


class Site:
    """A started Datasette and a loop to call its in-process client on."""

    def __init__(self, db: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.datasette = make_datasette(db)
        self.loop.run_until_complete(self.datasette.invoke_startup())

    def get(self, path: str) -> Any:
        return self.loop.run_until_complete(self.datasette.client.get(path))

    def json(self, path: str) -> Any:
        response = self.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "council.db"
    add_records(path, all_records())
    return path


@pytest.fixture(scope="module")
def site(db: Path) -> Iterator[Site]:
    served = Site(db)
    yield served
    served.loop.close()


def test_serve_home_links_tables_and_chart(site: Site) -> None:
    html = site.get("/").text
    assert "Council news: extracted facts" in html and 'href="/chart"' in html


def test_serve_database_is_immutable(site: Site) -> None:
    databases = site.json("/-/databases.json")
    council = next(d for d in databases if d["name"] == "council")
    assert council["is_mutable"] is False


def test_serve_metadata_titles_and_column_help(site: Site) -> None:
    html = site.get("/council/figures_view").text
    assert "Workforce figures" in html
    assert "What the number measures" in html  # column help


@pytest.mark.parametrize(("table", "facet", "value"), [
    ("articles", "publisher", "Northshire County Council"),
    ("figures_view", "metric", "caseload"),
    ("awards_view", "level", "winner"),
    ("awards_view", "year", "2020"),
])
def test_serve_default_facets(site: Site, table: str, facet: str, value: str) -> None:
    data = site.json(f"/council/{table}.json?_extra=facet_results")
    results = data["facet_results"]
    results = results.get("results", results)  # newer Datasette nests the facets
    assert value in [str(item["value"]) for item in results[facet]["results"]]


def test_serve_full_text_search_on_articles(site: Site) -> None:
    data = site.json("/council/articles.json?_search=caseloads&_shape=array")
    assert {row["id"] for row in data} == {"nshire-2019-fair", "nshire-2020-award",
                                           "sshire-2020-staff"}


def test_serve_full_text_search_on_quotes(site: Site) -> None:
    data = site.json("/council/quotes.json?_search=proud&_shape=array")
    assert [row["speaker"] for row in data] == ["Ms Smith"]


@pytest.mark.parametrize(("query", "params", "column", "expected"), [
    ("events_between", "since=2020-01-01&until=&council=", "name", ["drop-in session"]),
    ("official_quotes", "name=smith&council=north", "quote",
     ["We need more social workers.", "It is a proud day,"]),
    ("role_holders", "role=leader", "name", ["Jane Smith"]),
    ("figure_series", "metric=caseload&council=", "value", [18.0, 15.0, 22.0]),
    ("awards_by_level", "level=winner&year=2020", "award", ["Team of the Year"]),
    ("search_everything", "q=social+workers", "kind", ["article", "quote"]),
])
def test_serve_canned_queries(site: Site, query: str, params: str, column: str,
                              expected: list[Any]) -> None:
    rows = site.json(f"/council/{query}.json?_shape=array&{params}")
    assert [row[column] for row in rows] == expected


def test_serve_chart_page_and_bundled_script(site: Site) -> None:
    page = site.get("/chart").text
    assert 'src="/council-static/chart.js"' in page
    # Links out (the "Powered by Datasette" footer) are fine; loaded assets must be local.
    assert not re.search(r"""src=["']https?://|<link[^>]+href=["']https?://""", page)
    script = site.get("/council-static/chart.js")
    assert script.status_code == 200 and "createElementNS" in script.text
    assert "http://" not in script.text.replace("http://www.w3.org/2000/svg", "")


def test_serve_article_text_is_escaped(site: Site) -> None:
    for path in ("/council/articles/hostile", "/council/quotes_view",
                 "/council/articles?_search=hostile", "/council/figures_view"):
        html = site.get(path).text
        assert XSS not in html, path
        assert "&lt;script&gt;window.__pwned" in html, path


HOSTILE_SEARCH = ["'; DROP TABLE articles; --", "NEAR(", "\"unbalanced", "a OR OR b", XSS]


@pytest.mark.parametrize("text", HOSTILE_SEARCH)
def test_serve_hostile_search_is_harmless(site: Site, db: Path, text: str) -> None:
    from urllib.parse import quote

    before = _fingerprint(db)
    for path in (f"/council/articles?_search={quote(text)}",
                 f"/council/search_everything?q={quote(text)}",
                 f"/council/events_view?publisher__contains={quote(text)}",
                 f"/council/figure_series?metric={quote(text)}&council="):
        response = site.get(path)
        assert response.status_code in (200, 400), (path, response.status_code)
        assert "Traceback" not in response.text
        assert XSS not in response.text
    assert _fingerprint(db) == before


def test_serve_canned_search_escapes_fts_syntax(site: Site) -> None:
    rows = site.json("/council/search_everything.json?_shape=array&q=NEAR(")
    assert rows == []


@pytest.mark.parametrize("sql", ["DROP TABLE articles", "DELETE FROM articles",
                                 "INSERT INTO articles(id) VALUES ('x')",
                                 "UPDATE people SET name = 'x'"])
def test_serve_arbitrary_sql_cannot_write(site: Site, db: Path, sql: str) -> None:
    from urllib.parse import quote

    before = _fingerprint(db)
    response = site.get(f"/council.json?sql={quote(sql)}")
    assert response.status_code >= 400
    assert _fingerprint(db) == before


def _fingerprint(db: Path) -> list[Any]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [conn.execute(f"SELECT count(*) FROM {t}").fetchone()
                for t in ("articles", "quotes", "people", "figures")]
    finally:
        conn.close()


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False),
])
def test_serve_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_defaults_to_loopback() -> None:
    from extract.cli_db import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_serve_missing_database_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such database" in result.output
    with pytest.raises(UsageError):
        make_datasette(tmp_path / "none.db")


def test_serve_metadata_keyed_by_database_stem() -> None:
    metadata = metadata_for("my-run")
    assert list(metadata["databases"]) == ["my-run"]
    queries = metadata["databases"]["my-run"]["queries"]
    assert {"events_between", "official_quotes", "figure_series", "awards_by_level",
            "search_everything", "role_holders"} <= set(queries)


def test_serve_write_config_for_plain_datasette(tmp_path: Path, db: Path) -> None:
    command = write_config(tmp_path / "cfg", db=db)
    assert command[:4] == ["datasette", "serve", "-i", str(db)]
    metadata = json.loads((tmp_path / "cfg" / "metadata.json").read_text(encoding="utf-8"))
    assert list(metadata["databases"]) == ["council"]
    assert (tmp_path / "cfg" / "templates" / "pages" / "chart.html").is_file()
    assert (tmp_path / "cfg" / "static" / "chart.js").is_file()


def test_serve_write_config_through_cli(tmp_path: Path, db: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--write-config",
                                      str(tmp_path / "cfg")])
    assert result.exit_code == 0 and result.output.startswith("datasette serve -i ")
