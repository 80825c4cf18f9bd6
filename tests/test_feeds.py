"""A feed per person and per company (newsbrief.feeds), on a synthetic archive: each is Atom
with what Atom requires, holds exactly the newest briefs that name its profile (newest first,
at most PROFILE_FEED_MAX_ITEMS) with the moves each states about it and the source's credit,
and is linked from its profile page in both languages; a rebuild after an edit of one brief
rewrites only the feeds of the profiles that brief names."""

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from newsbrief.build import build_site
from newsbrief.feeds import ProfileFeed, new_feed
from support import ROOT, Site, edit, keep_aside, read, stats, tree

BRIEFS = 30  # a company of the archive is named in more than 10 of them
MAX_ITEMS = 10
ATOM = "{http://www.w3.org/2005/Atom}"
PREFIX = {"ar": "", "en": "en/"}
KINDS = {"people": "person", "companies": "company"}
FOLLOW = {"ar": "تابِع", "en": "Follow"}
MOVE = {"ar": "{person}: من {origin} إلى {destination}", "en": "{person}: from {origin} to {destination}"}
CREDIT = {"ar": "مستند إلى", "en": "Based on"}


def make_archive(folder):
    content = folder / "content"
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(BRIEFS), str(content)],
                   check=True, capture_output=True)
    return content


def build(content, output, cache, **settings):
    return build_site(str(ROOT / "pelicanconf.py"), str(output),
                      {"PATH": str(content), "CACHE_PATH": str(cache), "SEARCH_INDEX": False, **settings})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The archive built once (in one process: the edit test counts the feeds it renders),
    kept aside (support.keep_aside): the tests read the copy (`archive`); the edit test puts
    it back and edits it."""
    folder = tmp_path_factory.mktemp("feeds")
    build(make_archive(folder), folder / "site", folder / "cache", RENDER_PROCESSES=1)
    saved = tmp_path_factory.mktemp("feeds-saved")
    return folder, keep_aside(folder, saved), (saved / "content", Site(saved / "site"))


@pytest.fixture(scope="module")
def archive(built):
    return built[2]


def front(content, kind, slug, lang):
    return read(content / kind / f"{slug}.{lang}.md")[0]


def slugs(content, kind):
    return sorted(p.name.split(".")[0] for p in (content / kind).glob("*.ar.md"))


def naming(content, slug):
    """The briefs whose `people` or `companies` name `slug`, newest first (from the files)."""
    found = [(f["date"], brief) for brief in slugs(content, "articles")
             for f in [front(content, "articles", brief, "ar")]
             if slug in (f.get("people") or []) + (f.get("companies") or [])]
    return [brief for _, brief in sorted(found, reverse=True)]


def feed_of(site, kind, slug, lang):
    return site.path / f"{PREFIX[lang]}{kind}/{slug}/feed.xml"


def parse_atom(path):
    """The feed's root, after checking what RFC 4287 requires of a feed and its entries."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert (element.findtext(f"{ATOM}{required}") or "").strip(), (path, element.tag, required)
        assert element.find(f"{ATOM}link[@rel='alternate']").get("href"), (path, element.tag)
    return root


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("kind", KINDS)
def test_each_feed_is_atom_and_holds_the_newest_briefs_that_name_its_profile(archive, kind, lang):
    content, site = archive
    longest = 0
    for slug in slugs(content, kind):
        root = parse_atom(feed_of(site, kind, slug, lang))
        name = front(content, kind, slug, lang)["name"]
        assert name in root.findtext(f"{ATOM}title")
        assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"/{PREFIX[lang]}{kind}/{slug}/feed.xml"
        assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == f"/{PREFIX[lang]}{kind}/{slug}/"
        expected = naming(content, slug)
        links = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
        assert links == [f"/{PREFIX[lang]}articles/{brief}/" for brief in expected[:MAX_ITEMS]], slug
        longest = max(longest, len(expected))
    if kind == "companies":  # the limit was met, not only stayed under
        assert longest > MAX_ITEMS


def names(content, kind, lang):
    return {slug: front(content, kind, slug, lang)["name"] for slug in slugs(content, kind)}


@pytest.mark.parametrize("lang", PREFIX)
def test_an_entry_gives_the_moves_its_brief_states_about_the_person_and_credits_the_source(archive, lang):
    content, site = archive
    companies = names(content, "companies", lang)
    checked = 0
    for slug in slugs(content, "people"):
        person = front(content, "people", slug, lang)
        root = parse_atom(feed_of(site, "people", slug, lang))
        for move in front(content, "people", slug, "ar").get("moves") or []:
            brief = move["source"]["article"]
            entry = next(e for e in root.findall(f"{ATOM}entry")
                         if e.find(f"{ATOM}link").get("href") == f"/{PREFIX[lang]}articles/{brief}/")
            html = BeautifulSoup(entry.findtext(f"{ATOM}content"), "lxml")
            if "to" not in move or "from" not in move:
                continue
            line = MOVE[lang].format(person=person["name"], origin=companies[move["from"]],
                                     destination=companies[move["to"]])
            item = next(li for li in html.select("ul > li") if line in li.get_text())
            assert item.select_one("a")["href"] == f"/{PREFIX[lang]}articles/{brief}/#p-{move['source']['paragraph']}"
            assert any(p.get_text().startswith(CREDIT[lang]) for p in html.select("p")), entry.findtext(f"{ATOM}content")
            others = [li for li in html.select("ul > li") if not li.get_text().startswith(person["name"])]
            assert others == []  # only this person's moves
            checked += 1
    assert checked > 10


def test_a_company_entry_lists_the_moves_into_or_out_of_it_and_its_labs(archive):
    content, site = archive
    parents = {slug: front(content, "companies", slug, "ar").get("parent") for slug in slugs(content, "companies")}
    moves = [move for person in slugs(content, "people") for move in front(content, "people", person, "ar").get("moves") or []]
    listed = 0
    for company in parents:
        parts = {company} | {lab for lab, parent in parents.items() if parent == company}
        root = parse_atom(feed_of(site, "companies", company, "en"))
        for entry in root.findall(f"{ATOM}entry"):
            brief = entry.find(f"{ATOM}link").get("href").split("/")[-2]
            expected = [m for m in moves if m["source"]["article"] == brief and {m.get("from"), m.get("to")} & parts]
            html = BeautifulSoup(entry.findtext(f"{ATOM}content"), "lxml")
            assert len(html.select("ul > li")) == len(expected), (company, brief)
            listed += len(expected)
    assert listed > 20


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("kind", KINDS)
def test_every_profile_page_links_its_feed(archive, kind, lang):
    content, site = archive
    for slug, name in names(content, kind, lang).items():
        page = site.page(f"/{PREFIX[lang]}{kind}/{slug}/")
        href = f"/{PREFIX[lang]}{kind}/{slug}/feed.xml"
        assert page.select_one(f'head link[rel="alternate"][type="application/atom+xml"][href="{href}"]'), slug
        follow = page.select_one(f'a.nb-follow__link[href="{href}"]')
        assert FOLLOW[lang] in follow.get_text() and name in follow.get_text(), slug


def test_an_edit_of_a_brief_rewrites_only_the_feeds_of_the_profiles_it_names(built, tmp_path, monkeypatch):
    folder, put_back, _ = built
    put_back()  # as its first build left it (RENDER_PROCESSES=1: the same settings in both builds)
    content, site, cache = folder / "content", folder / "site", folder / "cache"
    before, files = tree(site), stats(site)
    newest = max(slugs(content, "articles"), key=lambda b: (front(content, "articles", b, "ar")["date"], b))
    named = front(content, "articles", newest, "ar")
    for lang, mark in (("ar", " (مُعدَّل)"), ("en", " (edited)")):
        path = content / "articles" / f"{newest}.{lang}.md"
        edit(path, title=read(path)[0]["title"] + mark)
    rendered = []  # the feeds rendered again (in this process: RENDER_PROCESSES=1)
    render = ProfileFeed.render
    monkeypatch.setattr(ProfileFeed, "render", lambda self, context: rendered.append(
        (self.kind, context[self.kind].slug, context[self.kind].lang)) or render(self, context))
    build(content, site, cache, RENDER_PROCESSES=1)
    expected = {(KINDS[kind], slug, lang) for lang in PREFIX for kind in KINDS for slug in named[kind]}
    assert len(rendered) == len(expected) and set(rendered) == expected
    after = tree(site)
    changed = {name for name in after if name.endswith("/feed.xml") and after[name] != before.get(name)}
    assert changed == {f"{PREFIX[lang]}{kind}/{slug}/feed.xml" for lang in PREFIX for kind in KINDS
                       for slug in named[kind]}
    now = stats(site)
    kept = [p for p in now if p.name == "feed.xml" and p.relative_to(site).as_posix() not in changed]
    assert len(kept) > 100 and all(files[p] == now[p] for p in kept)  # the same file, not a copy
    build(content, tmp_path / "clean", tmp_path / "clean-cache")
    assert after == tree(tmp_path / "clean")


def test_a_feed_without_entries_does_not_read_the_clock():
    """A profile no brief names yet has an empty feed: its `updated` is fixed, not now."""
    feed = new_feed({"SITEURL": ""}, "A company", "companies/a/", "companies/a/feed.xml", "en")
    updated = ET.fromstring(feed.writeString("utf-8")).findtext(f"{ATOM}updated")
    assert updated == "1970-01-01T00:00:00+00:00"
