"""The generated site in headless Chromium: every internal link resolves, no console errors,
and a screenshot of the attendance page for a person to look at (tests/output/attendance.png)."""

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

from helpers import ROOT
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
def served(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(main, ["site", "--db", str(seeded_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    handler = functools.partial(QuietHandler, directory=str(out))
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


def test_screenshot_of_the_attendance_page(served: str, browser):
    out = ROOT / "tests" / "output"
    out.mkdir(exist_ok=True)
    browser.get(served + "attendance.html")
    assert "Oppmøte" in browser.title
    path = out / "attendance.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000


def test_site_search_finds_the_meeting_offline(served: str, browser, seeded_db: Path, tmp_path: Path):
    from selenium.webdriver.common.by import By

    from referat.store import connect

    conn = connect(seeded_db, read_only=True)
    (meeting,) = conn.execute("SELECT id FROM meetings WHERE body = 'Partnermøtet' AND date = '2023-10-23'").fetchone()
    conn.close()

    def hits() -> list[tuple[str, str]]:
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
    box.clear()
    box.send_keys("vurderingskomiteen")  # written only in an exempt case
    assert hits() == [] and browser.find_element(By.ID, "search-count").text == "0 treff"
