"""Headless Chromium (Debian's /usr/bin/chromium) through Playwright's sync API.

    with launch() as browser:
        page, record = open_page(browser, base_url + "/", width=375)
        ...
        assert not record.external_requests
        page.close()

Never run ``playwright install``: the browser is the system one
(``CHROMIUM`` env var overrides the path). Every request of a page to a host other
than 127.0.0.1/localhost is recorded and aborted, so a test can never reach the network
and any third-party load shows up. Pages opened with the same context options share one
context (a new context costs more than the page and its load together): the site keeps
nothing in cookies or storage, and a routed page never uses the HTTP cache, so each page
still loads as a first visit.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Route, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
_LOCAL_SCHEMES = {"data", "blob", "about"}


@dataclass
class PageRecord:
    """What a page did while open. Lists grow as the page runs."""

    external_requests: list[str] = field(default_factory=list)  # URLs, aborted
    console_errors: list[str] = field(default_factory=list)  # console.error + browser errors (CSP, failed loads)
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions
    bad_responses: list[str] = field(default_factory=list)  # "404 http://127.0.0.1:.../x.css" for subresources

    def problems(self) -> list[str]:
        """All of the above as readable lines (empty = clean page)."""
        return (
            [f"external request: {u}" for u in self.external_requests]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"bad response: {r}" for r in self.bad_responses]
        )


def is_local(url: str) -> bool:
    """True for loopback http(s) URLs and for data:/blob:/about: URLs."""
    parts = urlsplit(url)
    return parts.scheme in _LOCAL_SCHEMES or (parts.hostname or "") in _LOCAL_HOSTS


@contextlib.contextmanager
def launch(executable_path: str = CHROMIUM, headless: bool = True) -> Iterator[Browser]:
    """Yield a Playwright Chromium browser; closes it (and Playwright) on exit."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable_path, headless=headless, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


_CONTEXTS: dict = {}  # (id of the browser, its options) -> the context its pages share


def shared_context(browser: Browser, **options):
    """The browser's context for these options, made once (again if a caller closed it)."""
    key = (id(browser), repr(sorted(options.items())))
    context = _CONTEXTS.get(key)
    if context is None or context.browser is not browser or context not in browser.contexts:
        context = _CONTEXTS[key] = browser.new_context(**options)
    return context


def open_page(
    browser: Browser,
    url: str,
    width: int = 1280,
    height: int = 900,
    wait_until: str = "load",
    ignore_favicon: bool = True,
    **context_options,
) -> tuple[Page, PageRecord]:
    """Open ``url`` in a new page (viewport ``width`` x ``height``); return (page, record).

    The caller closes it with ``page.close()`` (or use :func:`opened`).
    Chromium fetches ``/favicon.ico`` on its own after load when a page declares
    no icon; its 404 console error is ignored unless ``ignore_favicon=False``.
    ``context_options`` go to ``browser.new_context`` (e.g. ``color_scheme="dark"``,
    ``reduced_motion="reduce"``, ``locale="ar"``).
    """
    record = PageRecord()
    page = shared_context(browser, **context_options).new_page()
    page.set_viewport_size({"width": width, "height": height})

    def route(r: Route) -> None:
        if is_local(r.request.url):
            r.continue_()
        else:
            record.external_requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)  # routed: no HTTP cache either
    def on_console(message) -> None:
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        if ignore_favicon and urlsplit(source).path == "/favicon.ico":
            return  # requested by the browser itself after load: timing-dependent, so ignored
        record.console_errors.append(f"{message.text} ({source})" if source else message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: record.page_errors.append(str(e)))

    def on_response(response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            record.bad_responses.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    page.goto(url, wait_until=wait_until)
    return page, record


@contextlib.contextmanager
def opened(browser: Browser, url: str, width: int = 1280, **kwargs) -> Iterator[tuple[Page, PageRecord]]:
    """:func:`open_page` as a context manager that closes the page afterwards."""
    page, record = open_page(browser, url, width, **kwargs)
    try:
        yield page, record
    finally:
        page.close()


ARTIFACTS = pathlib.Path(__file__).resolve().parents[2] / "test-artifacts"


def screenshot(page, name, folder=ARTIFACTS):
    """The one screenshot producer (tests and scripts/screenshots.py): the full page with its
    fonts loaded, into <folder>/<name>.png so a failing run can be looked at."""
    path = pathlib.Path(folder) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=path, full_page=True)
    return path
