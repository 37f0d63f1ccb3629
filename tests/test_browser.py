"""The served site in a real headless browser (Debian's Chromium driven by Playwright).

Skipped with a reason when /usr/bin/chromium or Playwright is missing, unless
COUNCIL_EXTRACT_REQUIRE_BROWSER=1 (CI), which turns the skip into a failure.
Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from extract.store import add_records
from store_fixtures import all_records

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _unavailable(reason: str) -> None:
    if os.environ.get("COUNCIL_EXTRACT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (COUNCIL_EXTRACT_REQUIRE_BROWSER=1 makes this mandatory)")
    pytest.skip(f"{reason}; install it to run the browser test "
                "(apt-get install chromium; pip install playwright)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, server: subprocess.Popen[bytes], *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"serve exited early with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {seconds}s")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "council.db"
    add_records(db, all_records())
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "extract", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/-/versions.json", server, seconds=30)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser_ready() -> None:
    """Checked before the server starts, so a skip costs nothing."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("Playwright for Python is not installed")


@pytest.fixture(scope="module")
def page(browser_ready: None, base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.set_default_timeout(10_000)
        outside: list[str] = []

        def only_loopback(route: Any) -> None:
            if route.request.url.startswith(base_url):
                route.continue_()
            else:  # the site must work offline: record and refuse anything else
                outside.append(route.request.url)
                route.abort()

        tab.route("**/*", only_loopback)
        tab.outside_requests = outside
        yield tab
        browser.close()


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)


def test_browser_full_text_search(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/council/articles")
    page.fill("input[name=_search]", "caseloads")
    page.press("input[name=_search]", "Enter")
    page.wait_for_url("**_search=caseloads**")
    body = page.inner_text("body")
    assert "3 rows where search matches" in body
    assert "Recruitment improving" in body
    _shot(page, "search")


def test_browser_facet(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/council/figures_view")
    facet = page.locator(".facet-info a", has_text="caseload").first
    facet.click()
    page.wait_for_url("**metric=caseload**")
    body = page.inner_text("body")
    assert '3 rows where metric = "caseload"' in page.title()
    assert "18 cases per social worker" in body
    _shot(page, "facet")


def test_browser_canned_query(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/council")
    page.click("text=A figure over time, by council")
    page.wait_for_url("**/council/figure_series**")
    page.fill("input[name=metric]", "vacancy_rate")
    page.click("input[type=submit]")
    page.wait_for_url("**metric=vacancy_rate**")
    table = page.inner_text("table.rows-and-columns")
    assert "vacancy rate is 12 percent" in table and "vacancy rate is 9 percent" in table
    _shot(page, "canned-query")


def test_browser_chart(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/chart")
    page.wait_for_selector("#chart svg g.series")
    assert page.locator("#chart svg g.series").count() == 2
    assert page.locator("#chart svg circle").count() == 3
    assert page.inner_text("#chart-status") == "3 figures from 2 councils."
    legend = page.locator("#chart svg text.legend").all_text_contents()
    assert legend == ["Northshire County Council", "Southshire Council"]
    assert "18 cases per social worker" in page.inner_text("#chart-table")
    page.select_option("#metric", "vacancy_rate")
    page.click("#chart-form input[type=submit]")
    page.wait_for_function("document.getElementById('chart-status').textContent"
                           ".startsWith('2 figures')")
    _shot(page, "chart")


def test_browser_article_text_is_escaped(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/council/articles/hostile")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned = 1</script>" in page.inner_text("body")
    page.goto(f"{base_url}/council/articles?_search=%3Cscript%3E")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _shot(page, "escaped")


def test_browser_sql_injection_in_search_box(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/council/search_everything")
    page.fill("input[name=q]", "'; DROP TABLE articles; --")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{base_url}/council/articles")
    assert "4 rows" in page.inner_text("body")


def test_browser_made_no_outside_requests(page: Any) -> None:
    assert page.outside_requests == []
