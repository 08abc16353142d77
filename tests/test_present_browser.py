"""The web app in a real browser: Debian's chromium driven by Playwright (never a downloaded
browser). `make test` installs chromium where it can (root with apt-get, as in CI); elsewhere these
tests are skipped with the reason `make test` prints before the run (BROWSER_SKIP in the Makefile).

One ledger holds the seed article and hostile documents whose text, title, outlet and URL carry
script payloads; a source name and a proposition label are then overwritten with payloads too,
so that every page shows attacker-chosen strings. None may run."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

from conftest import ROOT, SEED

pytestmark = pytest.mark.model

CHROMIUM = "/usr/bin/chromium"
SKIP = (f"{CHROMIUM} is missing, so the browser tests (tests/test_present_browser.py) are skipped; "
        "install it with: sudo apt-get install -y chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("STORYLEDGER_SHOTS", "/tmp/storyledger-shots"))

PAYLOADS = {
    "script": "<script>window.pwned='script';alert(1)</script>",
    "img": "<img src=x onerror=\"window.pwned='img';alert(2)\">",
    "svg": "<svg onload=\"window.pwned='svg'\"></svg>",
    "js": "javascript:window.pwned='href';alert(3)",
}
HOSTILE = [
    {"id": "hostile-1" + PAYLOADS["script"], "published": "2024-10-29", "title": "Troops " + PAYLOADS["img"],
     "outlet": PAYLOADS["svg"], "url": PAYLOADS["js"],
     "text": "Defence minister Jan Kowalski said that \"North Korean troops " + PAYLOADS["script"] + " crossed into Kursk Oblast "
             + PAYLOADS["img"] + " last week\".\n\nAccording to Reuters, " + PAYLOADS["svg"] + " the troops were seen in Kursk.\n"},
    {"id": "hostile-2", "published": "2024-10-30", "title": PAYLOADS["script"], "outlet": "Wire", "url": "https://example.org/2",
     "text": "Pentagon spokesman Pat Ryder denied that North Korean troops were in Kursk Oblast.\n\n"
             "\"They are " + PAYLOADS["img"] + " not there,\" Ryder said.\n"},
]


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(SKIP)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    d = tmp_path_factory.mktemp("browser")
    docs = d / "hostile.jsonl"
    docs.write_text("".join(json.dumps(x) + "\n" for x in HOSTILE), encoding="utf-8")
    db = d / "ledger.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run([sys.executable, "-m", "storyledger", "ingest", str(SEED), str(docs), "--db", str(db), "--quiet"],
                   check=True, env=env, capture_output=True)
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE sources SET name = ? WHERE id = (SELECT source FROM claims WHERE document = 'hostile-2' LIMIT 1)",
                    ("Ryder " + PAYLOADS["script"],))
        con.execute("UPDATE propositions SET label = ? WHERE id = (SELECT proposition FROM claims WHERE document = 'hostile-2' LIMIT 1)",
                    ("Label " + PAYLOADS["img"],))
    con.close()
    return db


@pytest.fixture(scope="module")
def server(ledger):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "storyledger", "serve", "--db", str(ledger), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stdout.read().decode())
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture()
def page(chromium):
    context = chromium.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    # Nothing may be fetched from anywhere but the app itself.
    page.outside = []
    page.route("**/*", lambda route: (page.outside.append(route.request.url), route.abort())
               if not route.request.url.startswith(("http://127.0.0.1:", "file://")) else route.continue_())
    yield page
    context.close()


def test_overview_to_proposition_to_article(server, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/propositions")
    assert page.locator("#propositions tbody tr").count() > 3
    page.screenshot(path=str(SHOTS / "overview.png"))
    # the troop-count proposition: the one with a number range and the most claims
    overview = json.loads(urlopen(server + "/api/overview").read())
    wanted = max((p for p in overview["propositions"] if p["low"] is not None and p["unit"] in ("soldiers", "soldier")), key=lambda p: p["claims"])
    page.click(f"a.plink[href='/proposition/{wanted['id']}']")
    page.wait_for_selector("#timeline .vis-item")
    assert int(page.get_attribute("#timeline", "data-rendered")) >= 2
    assert page.locator("li.claim").count() >= 2
    assert page.locator("svg.numbers rect.bar").count() >= 1
    page.screenshot(path=str(SHOTS / "proposition.png"), full_page=True)
    page.locator("li.claim a[href^='/article']").first.click()
    page.wait_for_selector("mark.span")
    assert page.locator("mark.span").count() > 10
    mark = page.locator("mark.span").nth(3)
    mark.hover()
    n = mark.get_attribute("data-claim")
    assert page.locator(f"#claim-{n}").is_visible()
    assert page.locator(".claim-detail.shown").count() == 1
    page.screenshot(path=str(SHOTS / "article.png"))
    assert not page.errors and not page.outside


def test_search_and_map(server, page):
    page.goto(server + "/search?q=troops")
    assert page.locator("table.results tbody tr").count() >= 2
    page.select_option("select[name=stance]", "denied")
    page.click("form.search button")
    page.wait_for_url("**stance=denied**")
    assert page.locator("table.results tbody tr").count() >= 1
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-countries]")
    assert int(page.get_attribute("#map", "data-countries")) > 150
    assert page.locator("svg.world .places circle").count() >= 3
    page.screenshot(path=str(SHOTS / "map.png"))
    assert not page.errors and not page.outside


def test_no_payload_runs_anywhere(server, page, ledger):
    db = sqlite3.connect(ledger)
    hostile_prop = db.execute("SELECT proposition FROM claims WHERE document = 'hostile-2' LIMIT 1").fetchone()[0]
    source = db.execute("SELECT source FROM claims WHERE document = 'hostile-2' LIMIT 1").fetchone()[0]
    db.close()
    from urllib.parse import quote

    story = db_story(ledger, "hostile-2")
    urls = ["/", "/propositions", "/propositions?sort=recent", f"/story/{quote(story, safe='')}", "/changes",
            f"/changes?story={quote(story)}", f"/proposition/{hostile_prop}", f"/source/{source}", "/sources",
            "/article?id=" + quote(HOSTILE[0]["id"]), "/article?id=hostile-2", "/search?q=troops", "/search?q=Kursk&outlet=Wire", "/map"]
    for url in urls:
        page.goto(server + url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None, url
        assert page.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length") == 0, url
    page.goto(server + "/article?id=" + quote(HOSTILE[0]["id"]))
    text = page.inner_text("article.text")
    assert "<script>window.pwned='script';alert(1)</script>" in text
    assert page.locator("a[href^='javascript:']").count() == 0
    assert "<img src=x onerror" in page.inner_text("h1")
    page.screenshot(path=str(SHOTS / "hostile-article.png"))
    page.goto(server + f"/proposition/{hostile_prop}")
    assert "Label <img src=x onerror" in page.inner_text("h1")
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []


def db_story(ledger: Path, document: str) -> str:
    db = sqlite3.connect(ledger)
    try:
        return db.execute("SELECT story FROM doc_terms WHERE document = ?", (document,)).fetchone()[0]
    finally:
        db.close()


def test_stories_to_a_story_and_its_changes(server, page, ledger):
    """The front door lists the stories; a story's page shows its propositions, contradictions and
    changes; the changes list links each change to its proposition, whose breadcrumb leads back."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    rows = page.locator("#stories tbody tr")
    assert rows.count() >= 1
    page.screenshot(path=str(SHOTS / "stories.png"))
    seed_story = db_story(ledger, str(SEED))
    seed = next(s for s in json.loads(urlopen(server + "/api/stories").read())["stories"] if s["id"] == seed_story)
    from urllib.parse import quote

    page.click(f"a.slink[href='/story/{quote(seed['id'], safe='')}']")
    page.wait_for_selector("#propositions")
    assert page.locator("#propositions tbody tr").count() == seed["propositions"]
    assert page.locator("ul.contradictions > li").count() >= 1
    changes = page.locator("ol.change-list li.change")
    assert changes.count() >= 5
    reversal = page.locator("li.change.kind-reversal")
    assert reversal.count() >= 1 and "Pentagon" in reversal.first.inner_text() and "Lloyd Austin" in reversal.first.inner_text()
    assert page.locator("link[rel=alternate][type='application/atom+xml']").count() == 1
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)
    # the whole ledger's changes, newest first, each linking to its proposition
    page.click("header.top a[href='/changes']")
    page.wait_for_selector("ol.change-list")
    dates = [d for d in page.locator("li.change > span.date").all_inner_texts() if d != "undated"]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 5
    page.screenshot(path=str(SHOTS / "changes.png"), full_page=True)
    page.locator("li.change.kind-reversal a.plink").first.click()
    page.wait_for_selector("p.crumbs")
    assert "story" in page.inner_text("p.crumbs")
    page.click(f"p.crumbs a[href='/story/{quote(seed['id'], safe='')}']")
    page.wait_for_selector("ol.change-list")
    assert not page.errors and not page.outside


def test_changes_pages_and_feed_keep_article_text_escaped(server, page, ledger):
    """The hostile documents' payloads reach change notes and claims: shown as text, never run."""
    page.goto(server + "/changes")
    page.wait_for_load_state("load")
    assert "<script>window.pwned='script';alert(1)</script>" in page.inner_text("main") or "<img src=x onerror" in page.inner_text("main")
    assert page.evaluate("window.pwned") is None
    feed = urlopen(server + "/changes.atom").read().decode()
    assert "<script>" not in feed and "&lt;script&gt;" in feed
    import feedparser

    assert not feedparser.parse(feed).bozo
    assert page.dialogs == []


def test_report_runs_no_payload(ledger, page, tmp_path):
    out = tmp_path / "report.html"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run([sys.executable, "-m", "storyledger", "report", "--html", str(out), "--db", str(ledger)], check=True, env=env,
                   capture_output=True)
    page.goto(out.as_uri())
    assert page.locator("section.prop").count() >= 3
    page.fill("#filter", "north korean")  # the one inline script, allowed by its hash, works
    assert page.locator("#propositions tbody tr:not([hidden])").count() < page.locator("#propositions tbody tr").count()
    assert page.evaluate("window.pwned") is None and page.dialogs == []
    page.screenshot(path=str(SHOTS / "report.png"))
