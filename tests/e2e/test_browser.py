"""End-to-end tests in a real browser: Debian's Chromium, driven by Playwright, on the live server.

Run: .venv/bin/python -m pytest tests/e2e -q -s
Screenshots go to $NEWSARCHIVE_SCREENSHOTS, or <repo>/screenshots/ (git-ignored); the run prints the
folder. Every test also fails on a console error or an uncaught page error.

Playwright's sync API runs an event loop in the test's thread, and Django refuses database calls
while one is running, so each test fills the archive *before* the browser starts (fixture order:
archive -> live_server -> page) and stops the browser before the database is flushed.
"""

import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command

from ..conftest import ROOT, SEEDS

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"{CHROMIUM} is not installed (apt-get install chromium); e2e tests need it",
        allow_module_level=True,
    )

from playwright.sync_api import expect, sync_playwright  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def screenshot_dir(request):
    """Where the PNGs go; printed once so the run shows it."""
    folder = Path(os.environ.get("NEWSARCHIVE_SCREENSHOTS") or ROOT / "screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print(f"\ne2e screenshots: {folder}")
    else:
        print(f"\ne2e screenshots: {folder}")
    return folder


@pytest.fixture
def archive(whoosh_index):
    """The seed archive, ingested and indexed, in a fresh Whoosh index (before any browser runs)."""
    call_command("ingest", str(SEEDS), verbosity=0)
    call_command("drain_index_queue", verbosity=0)
    return whoosh_index


class Browser:
    """A page plus the console/page errors seen on it, and a screenshot helper."""

    def __init__(self, browser, base_url, folder, prefix):
        self.browser = browser
        self.base_url = base_url
        self.folder = folder
        self.prefix = prefix
        self.errors = []
        self.context = None
        self.page = None
        self.shots = 0

    def open(self, viewport):
        self.context = self.browser.new_context(
            viewport=viewport, base_url=self.base_url, color_scheme="light", locale="en-GB"
        )
        self.context.set_default_timeout(TIMEOUT_MS)
        page = self.context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        self.page = page
        return page

    def _console(self, msg):
        if msg.type != "error":
            return
        self.errors.append(f"console error: {msg.text} ({msg.location.get('url', '')})")

    def shot(self, name, full_page=False):
        self.shots += 1
        path = self.folder / f"{self.prefix}-{self.shots:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def browser(request, archive, live_server, screenshot_dir):
    """A fresh headless Chromium for the test; fails the test on any console or page error."""
    prefix = request.node.name.removeprefix("test_").replace("_", "-")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        session = Browser(chromium, live_server.url, screenshot_dir, prefix)
        try:
            yield session
        finally:
            if session.context is not None:
                session.context.close()
            chromium.close()
    if session.errors:
        pytest.fail("browser reported errors:\n" + "\n".join(session.errors), pytrace=False)


def params(url):
    return dict(parse_qsl(urlsplit(url).query))


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1] + 1, (
        f"page scrolls sideways: scrollWidth {widths[0]} > innerWidth {widths[1]}"
    )


def test_reader_journey_home_article_person_country_search_facet(browser):
    page = browser.open(DESKTOP)

    # Home: the first story tagged with Xi Jinping.
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name="Latest stories")).to_be_visible()
    story = (
        page.locator("article.story-item")
        .filter(has=page.locator("a.tag-person", has_text=re.compile(r"^\s*Xi Jinping\s*$")))
        .first
    )
    expect(story).to_be_visible()
    headline = story.locator(".story-title a").inner_text().strip()
    assert headline
    browser.shot("home")
    story.locator(".story-title a").click()

    # Article page: its headline, then the person tag.
    page.wait_for_url(re.compile(r"/articles/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(headline)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    browser.shot("article")
    page.locator(".story-footer").get_by_role("link", name="Xi Jinping", exact=True).click()

    # Person page: name, Chinese alias, and the stories that mention him.
    page.wait_for_url(re.compile(r"/people/xi-jinping/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Xi Jinping")
    expect(page.locator(".aliases").get_by_text("習近平", exact=True)).to_be_visible()
    expect(page.locator(".entity-header .meta").first).to_contain_text(
        re.compile(r"\d+ stor(y|ies)")
    )
    browser.shot("person")
    # A country mentioned with him, from the co-mentions panel.
    co_mentioned = page.get_by_role("complementary", name="Mentioned with Xi Jinping")
    country_tag = (
        co_mentioned.locator("section", has_text="Countries mentioned with")
        .get_by_role("link", name=re.compile(r"^(China|Myanmar)$"))
        .first
    )
    expect(country_tag).to_be_visible()
    country = country_tag.inner_text().strip()
    country_tag.click()

    # Country page: search within it.
    page.wait_for_url(re.compile(r"/countries/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(country)
    within = page.get_by_label(f"Search stories about {country}")
    expect(within).to_have_id("within-q")
    within.fill("Xi")
    browser.shot("country")
    within.press("Enter")

    # Results: a count and at least one hit, scoped to the country.
    page.wait_for_url(re.compile(r"/search/\?"))
    before = params(page.url)
    assert before.get("q") == "Xi" and before.get("country"), page.url
    count = page.locator("#results-heading")
    expect(count).to_contain_text(re.compile(r"\d+ stor(y|ies)"))
    hits = page.locator("section.primary article.story-item")
    expect(hits.first).to_be_visible()
    assert hits.count() >= 1
    assert int(re.match(r"\s*(\d+)", count.inner_text()).group(1)) >= 1
    browser.shot("results")

    # A facet that is not already active narrows the search: one more parameter in the URL.
    sidebar = page.get_by_role("complementary", name="Narrow the results")
    expect(sidebar).to_be_visible()
    facet = sidebar.locator("ul.facet a:not(.active)").first
    expect(facet).to_be_visible()
    facet.click()
    page.wait_for_url(lambda url: len(params(url)) > len(before))
    after = params(page.url)
    assert set(before.items()) < set(after.items()), (before, after)
    expect(page.locator("#results-heading")).to_be_visible()
    expect(page.locator("#results-heading")).to_contain_text(re.compile(r"\d+ stor(y|ies)"))
    expect(page.locator(".filters")).to_contain_text("Narrowed to:")
    browser.shot("facet")


def test_type_ahead_suggests_person_and_opens_it_with_the_keyboard(browser):
    page = browser.open(DESKTOP)
    page.goto("/")
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("xi", delay=200)

    listbox = page.locator("#site-search-suggestions")
    expect(listbox).to_be_visible()
    expect(listbox).to_have_attribute("role", "listbox")
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.filter(has_text="Xi Jinping")).to_have_count(1)
    expect(options.first).to_contain_text("Xi Jinping")
    browser.shot("list-open")

    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "site-search-suggestions-0")
    browser.shot("option-selected")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/people/xi-jinping/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Xi Jinping")


def test_search_did_you_mean_highlights_and_fits_a_phone(browser):
    page = browser.open(PHONE)
    page.goto("/search/?q=Albanian%20electoin")
    did_you_mean = page.locator(".did-you-mean")
    expect(did_you_mean).to_be_visible()
    expect(did_you_mean).to_contain_text("Did you mean")
    suggestion = did_you_mean.get_by_role("link")
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_contain_text(re.compile("election", re.I))
    assert_no_horizontal_scroll(page)
    browser.shot("did-you-mean", full_page=True)

    suggestion.click()
    page.wait_for_url(lambda url: params(url).get("q", "").lower() != "albanian electoin")
    expect(page.locator("#results-heading")).to_contain_text(re.compile(r"[1-9]\d* stor(y|ies)"))
    mark = page.locator("section.primary .snippet mark").first
    expect(mark).to_be_visible()
    assert mark.inner_text().strip()
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    assert_no_horizontal_scroll(page)
    browser.shot("results", full_page=True)
    browser.shot("results-viewport")


def test_first_tab_focuses_a_visible_skip_link(browser):
    page = browser.open(DESKTOP)
    page.goto("/")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    expect(skip).to_be_visible()
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 10, box
    browser.shot("skip-link")
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
