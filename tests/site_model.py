"""A built site, read back for tests: its pages as parsed HTML, and the content's facts."""

import pathlib

import yaml
from bs4 import BeautifulSoup

ROOT = pathlib.Path(__file__).resolve().parent.parent


class Site:
    def __init__(self, path, warnings=()):
        self.path = pathlib.Path(path)
        self.warnings = list(warnings)
        self._pages = {}

    def html_files(self):
        return sorted(p.relative_to(self.path).as_posix() for p in self.path.rglob("*.html"))

    def file(self, url):
        """The file a root-relative URL such as `/en/people/` is served from."""
        path = url.split("#")[0].lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        return self.path / path

    def page(self, url):
        if url not in self._pages:
            self._pages[url] = BeautifulSoup(self.file(url).read_text(encoding="utf-8"), "lxml")
        return self._pages[url]

    def url_of(self, relative_file):
        return "/" + relative_file.removesuffix("index.html")


def front_matter(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def content_items(kind, content=ROOT / "content"):
    """{slug: {lang: front-matter}} of `kind` (articles, people, companies, pages)."""
    items = {}
    for path in sorted((pathlib.Path(content) / kind).glob("*.md")):
        meta = front_matter(path)
        items.setdefault(meta["slug"], {})[meta["lang"]] = meta
    return items
