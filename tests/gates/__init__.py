"""Quality gates for the built site, as small helpers for pytest.

Every helper works on a *site dir* (the folder of built HTML, e.g. ``output/``)
or on a Playwright page opened on it, and returns a list of readable problem
strings (empty = pass), so a test can simply ``assert not problems, "\\n".join(problems)``.

Modules:
    server     serve a site dir on 127.0.0.1 (404.html for missing paths)
    browser    headless Debian Chromium + a page that records external requests / errors
    vnu        Nu HTML Checker (HTML + CSS) in one java run
    axe        axe-core, WCAG 2.2 A/AA tags
    links      internal links/fragments resolve; cross-language links
    budgets    byte budgets (raw + gzip) per page, from a YAML file
    rtl        in-browser checks for Arabic pages (direction, nav order, font, bidi isolation)
    a11y_extra checks axe cannot make (one h1, skip link, focus outline, language switcher)
    csp        static CSP / inline-handler / noopener checks
    repro      byte-for-byte comparison of two builds

The package is installed as ``gates`` beside the plugin (pyproject.toml), for the tests and
for scripts/screenshots.py and scripts/bench_search.py.
"""
