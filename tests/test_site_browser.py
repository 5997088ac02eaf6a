"""The generated site in headless Chromium: every internal link resolves, no console errors, no
page scrolls sideways at 375 or 1280 px, tables sort and filters live in the address (also from
file://), the search finds its meeting, and screenshots of the pages for a person to look at (in
the test's tmp_path; pytest prints where)."""

import functools
import http.server
import shutil
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from click.testing import CliRunner

from referat.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)


@pytest.fixture(scope="module")
def built(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(main, ["site", "--db", str(seeded_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def served(built: Path):
    handler = functools.partial(QuietHandler, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def crawl(start: str) -> dict[str, int]:
    """Every internal page and file reachable from the index, with its HTTP status."""
    status: dict[str, int] = {}
    queue = [start + "index.html"]
    while queue:
        url = queue.pop()
        if url in status:
            continue
        try:
            with urllib.request.urlopen(url) as response:
                status[url] = response.status
                body = response.read()
        except urllib.error.HTTPError as exc:
            status[url] = exc.code
            continue
        if url.endswith(".html"):
            parser = Links()
            parser.feed(body.decode("utf-8"))
            for href in parser.hrefs:
                target = urljoin(url, href).split("#")[0]
                if urlparse(target).netloc == urlparse(start).netloc:
                    queue.append(target)
    return status


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def test_every_internal_link_resolves_and_no_page_logs_an_error(served: str, browser):
    status = crawl(served)
    broken = {url: code for url, code in status.items() if code != 200}
    assert not broken
    pages = [url for url in status if url.endswith(".html")]
    assert len(pages) > 50  # index, register, attendance, meetings, people, cases
    errors = []
    for url in pages:
        browser.get(url)
        errors += [(url, entry["message"]) for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_register_filters_in_the_page(served: str, browser):
    from selenium.webdriver.common.by import By

    browser.get(served + "register.html")
    count = browser.find_element(By.ID, "count")
    total = int(count.text.split()[0])
    browser.find_element(By.ID, "q").send_keys("sluttet seg til")
    assert int(count.text.split()[0]) < total


WIDTHS = (375, 1280)


def _screenshot(browser, path: Path, width: int) -> None:
    """The whole page: the window as tall as the page (up to 4,000 px), then back."""
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(max(height, 600), 4000))
    browser.save_screenshot(str(path))
    browser.set_window_size(width, 900)


def test_no_page_scrolls_sideways_at_375_or_1280_px(served: str, browser, tmp_path: Path):
    """Every page at a phone's width and a laptop's: what is wider than the window (a table) scrolls
    in its own box. One page of each kind is saved as a screenshot."""
    pages = sorted(url for url in crawl(served) if url.endswith(".html"))
    assert len(pages) > 50
    kinds: dict[str, str] = {}  # a page's folder (meetings, people, cases) or its own name: its first page
    for url in pages:
        kinds.setdefault(url[len(served):].split("/")[0], url)
    overflowing = []
    try:
        for width in WIDTHS:
            browser.set_window_size(width, 900)
            for url in pages:
                browser.get(url)
                inner, scroll = browser.execute_script(
                    "return [window.innerWidth, document.documentElement.scrollWidth]")
                assert inner <= width
                if scroll > inner:
                    overflowing.append((width, url, scroll))
                if url in kinds.values():
                    _screenshot(browser, tmp_path / f"{width}-{url[len(served):].replace('/', '-')}.png", width)
    finally:
        browser.set_window_size(1280, 1600)
    assert overflowing == []
    shots = sorted(tmp_path.glob("*.png"))
    assert len(shots) == 2 * len(kinds) and all(p.stat().st_size > 10_000 for p in shots)


def test_screenshot_of_the_attendance_page(served: str, browser, tmp_path: Path):
    for width in WIDTHS:
        browser.set_window_size(width, 900)
        browser.get(served + "attendance.html")
        assert "Oppmøte" in browser.title
        path = tmp_path / f"attendance-{width}.png"
        _screenshot(browser, path, width)
        assert path.stat().st_size > 10_000
    browser.set_window_size(1280, 1600)


def test_attendance_filter_and_sort_are_kept_in_the_address(built: Path, served: str, browser):
    from selenium.webdriver.common.by import By

    browser.get(served + "attendance.html")
    # the index links each body's year to its page (the report's pages, in the site's frame)
    browser.find_element(By.CSS_SELECTOR, 'a[href="attendance/styringsgruppen-2023.html"]').click()
    assert browser.current_url == served + "attendance/styringsgruppen-2023.html"
    assert browser.title.startswith("Oppmøte – Styringsgruppen 2023")
    members = browser.find_element(By.ID, "members")
    everyone = len(members.find_elements(By.CSS_SELECTOR, "tbody tr"))
    search = browser.find_element(By.NAME, "q")
    search.send_keys("Bergen")
    assert "q=Bergen" in browser.current_url
    rate = members.find_elements(By.CSS_SELECTOR, "thead th")[9]
    assert rate.text == "Oppmøte"
    rate.click()
    rate.click()  # highest rate first
    assert rate.get_attribute("aria-sort") == "descending" and "sort-members=-9" in browser.current_url

    def shown(table) -> list[list[str]]:
        return [[c.text for c in r.find_elements(By.TAG_NAME, "td")]
                for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]

    first = shown(members)
    assert 0 < len(first) < everyone and all("Bergen" in " ".join(r[:2]) for r in first)
    rates = [int(r[9].rstrip(" %")) for r in first if r[9] != "–"]
    assert rates == sorted(rates, reverse=True) and rates[0] == 100
    # the link reproduces the view, also from disk, where the site must work without a server
    address = browser.current_url
    on_disk = (built / "attendance" / "styringsgruppen-2023.html").as_uri() + "#" + address.split("#", 1)[1]
    for url in (address, on_disk):
        browser.get("about:blank")
        browser.get(url)
        assert browser.find_element(By.NAME, "q").get_attribute("value") == "Bergen"
        assert shown(browser.find_element(By.ID, "members")) == first
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_site_search_finds_the_meeting_offline(built: Path, served: str, browser, seeded_db: Path, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from referat.store import connect

    conn = connect(seeded_db, read_only=True)
    (meeting,) = conn.execute("SELECT id FROM meetings WHERE body = 'Partnermøtet' AND date = '2023-10-23'").fetchone()
    conn.close()

    def hits() -> list[tuple[str, str]]:
        # the hits are shown once the files of what they show (search/N.js) are loaded
        WebDriverWait(browser, 10).until(
            lambda b: b.find_element(By.ID, "search-hits").get_attribute("aria-busy") == "false")
        return [(li.find_element(By.TAG_NAME, "a").get_attribute("href").rsplit("/", 1)[-1], li.text)
                for li in browser.find_elements(By.CSS_SELECTOR, "#search-hits > li")]

    browser.get(served + "search.html?q=samarbeidsmidlene")  # inflected: the text says 'samarbeidsmidler'
    found = hits()
    assert f"{meeting}.html" in [href for href, _ in found] and any("Sak 07-23" in text for _, text in found)
    assert "samarbeidsmidler" in [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-hits mark")]
    box = browser.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys("midler")  # a compound's last part
    assert any("Sak 12-23" in text for _, text in hits()) and "q=midler" in browser.current_url
    box.clear()
    box.send_keys("Partnermgtet")  # OCR damage
    assert f"{meeting}.html" in [href for href, _ in hits()]
    browser.save_screenshot(str(tmp_path / "search.png"))
    assert (tmp_path / "search.png").stat().st_size > 10_000
    browser.set_window_size(375, 900)  # the hits on a phone: long snippets wrap, nothing scrolls sideways
    try:
        browser.get(served + "search.html?q=samarbeidsmidlene")
        assert f"{meeting}.html" in [href for href, _ in hits()]
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        _screenshot(browser, tmp_path / "search-375.png", 375)
    finally:
        browser.set_window_size(1280, 1600)
    box = browser.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys("vurderingskomiteen")  # written only in an exempt case
    assert hits() == [] and browser.find_element(By.ID, "search-count").text == "0 treff"
    # opened from disk, where the page loads the index and what the hits show as <script> files
    browser.get((built / "search.html").as_uri() + "?q=samarbeidsmidlene")
    found = hits()
    assert f"{meeting}.html" in [href for href, _ in found] and any("Sak 07-23" in text for _, text in found)
    assert "samarbeidsmidler" in [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-hits mark")]
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
