"""Drafts: `status: draft` keeps a brief, page, person or company out of the published
build entirely; a preview build (SHOW_DRAFTS, `make html DRAFTS=1`) shows them everywhere,
each draft page with a banner. On the mini fixture, with drafts of our own added."""

import pytest
from newsbrief.build import BuildFailed
from pelican import Pelican
from pelican.settings import read_settings
from support import MINI, ROOT, Site, build, copy_content, edit, read, write

BRIEF = "acme-hires"
SOURCE = {"article": "draft-brief", "paragraph": 1}
# Strings that only the drafts contain (made-up names, so that no real content holds them):
# none of them may appear in a published build.
DRAFT_STRINGS = ("dana-draftwell", "draftco", "draft-brief", "draft-page", "Draftwell", "درافتويل",
                 "Draftco", "درافتكو", "A Draftco brief", "موجز درافتكو", "A Draftco page", "صفحة درافتكو")
BANNER = {"ar": "مسودة: غير منشورة", "en": "Draft: not published"}
DRAFT_URLS = {
    "ar": ["/people/dana-draftwell/", "/companies/draftco/", "/articles/draft-brief/", "/draft-page/"],
    "en": ["/en/people/dana-draftwell/", "/en/companies/draftco/", "/en/articles/draft-brief/", "/en/draft-page/"],
}


def add_drafts(content):
    """A draft person, company, brief and page, in both languages, that name only each
    other and published profiles."""
    write(content / "people/dana-draftwell.ar.md", {
        "name": "دانا درافتويل", "slug": "dana-draftwell", "lang": "ar", "status": "draft",
        "role": "باحثة", "role_source": SOURCE, "summary": "انضمت إلى درافتكو.", "aliases": [], "sources": [SOURCE],
        "moves": [{"from": "globex", "to": "draftco", "source": SOURCE}],
    }, "\nسيرة قصيرة.\n")
    write(content / "people/dana-draftwell.en.md", {
        "name": "Dana Draftwell", "slug": "dana-draftwell", "lang": "en", "status": "draft",
        "role": "Researcher", "summary": "Joined Draftco.", "aliases": [],
    }, "\nA short biography.\n")
    write(content / "companies/draftco.ar.md", {
        "name": "درافتكو", "slug": "draftco", "lang": "ar", "status": "draft", "type": "startup", "type_source": SOURCE,
        "summary": "شركة ناشئة.", "aliases": [], "sources": [SOURCE],
    }, "\nشركة ناشئة.\n")
    write(content / "companies/draftco.en.md", {
        "name": "Draftco", "slug": "draftco", "lang": "en", "status": "draft",
        "summary": "A start-up.", "aliases": [],
    }, "\nA start-up.\n")
    for lang, title, body in (
        ("ar", "موجز درافتكو", "\nانضمت دانا درافتويل إلى درافتكو بعد غلوبكس، كما فعلت جين دو.\n"),
        ("en", "A Draftco brief", "\nDana Draftwell joined Draftco after Globex, as Jane Doe did.\n"),
    ):
        write(content / f"articles/draft-brief.{lang}.md", {
            "title": title, "slug": "draft-brief", "lang": lang, "date": "2026-12-01", "status": "draft",
            "summary": title, "source": {"name": "Example News"},
            "people": ["dana-draftwell", "jane-doe"], "companies": ["draftco", "globex"],
        }, body)
    for lang, title in (("ar", "صفحة درافتكو"), ("en", "A Draftco page")):
        write(content / f"pages/draft-page.{lang}.md", {
            "title": title, "slug": "draft-page", "lang": lang, "status": "draft", "summary": title,
        }, f"\n{title}.\n")


@pytest.fixture(scope="module")
def draft_content(tmp_path_factory):
    content = copy_content(tmp_path_factory.mktemp("drafts-content"), MINI)
    add_drafts(content)
    return content


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    return build(tmp_path_factory.mktemp("plain"), content=MINI)


@pytest.fixture(scope="module")
def published(tmp_path_factory, draft_content):
    return build(tmp_path_factory.mktemp("published"), content=draft_content)


@pytest.fixture(scope="module")
def preview(tmp_path_factory, draft_content):
    return build(tmp_path_factory.mktemp("preview"), content=draft_content, overrides={"SHOW_DRAFTS": True})


def every_file_text(site):
    for path in sorted(site.path.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".txt", ".json"):
            yield path.relative_to(site.path).as_posix(), path.read_text(encoding="utf-8")


def test_published_build_has_no_trace_of_drafts(published, plain):
    assert published.warnings == []
    assert published.html_files() == plain.html_files(), "exactly the pages of the site without them"
    assert not (published.path / "drafts").exists()
    for name, text in every_file_text(published):
        leaks = [s for s in DRAFT_STRINGS if s in text]
        assert leaks == [], (name, leaks)
        assert "nb-draft-banner" not in text, name


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_preview_writes_drafts_at_their_urls_with_a_banner(preview, lang):
    assert preview.warnings == []
    for url in DRAFT_URLS[lang]:
        page = preview.page(url)
        banner = page.select("main .nb-draft-banner")
        assert len(banner) == 1, url
        assert banner[0].name == "p" and banner[0]["role"] == "status"
        assert banner[0].get_text(strip=True) == BANNER[lang]
    for url in ("", "people/", f"articles/{BRIEF}/", "people/jane-doe/", "companies/globex/", "about/"):
        url = ("/en/" if lang == "en" else "/") + url
        assert preview.page(url).select(".nb-draft-banner") == [], url


def test_preview_lists_drafts_everywhere(preview):
    assert {"/people/dana-draftwell/", "/companies/draftco/"} <= {
        a["href"] for url in ("/people/", "/companies/") for a in preview.page(url).select(".nb-index__name")}
    assert preview.page("/").select_one(".nb-lead__title a")["href"] == "/articles/draft-brief/"
    assert "A Draftco brief" in (preview.path / "en/feeds/atom.xml").read_text(encoding="utf-8")
    sitemap = "".join(f.read_text(encoding="utf-8") for f in (preview.path / "sitemaps").glob("*.xml"))
    assert all(f"<loc>{url}</loc>" in sitemap for urls in DRAFT_URLS.values() for url in urls)
    joined = preview.page("/companies/draftco/").select('[data-flow="in"] a[data-person]')
    assert [a["data-person"] for a in joined] == ["dana-draftwell"]
    body = preview.page("/en/articles/draft-brief/").select_one(".nb-brief__body")
    assert [a["href"] for a in body.select("a.nb-mention")] == [
        "/en/people/dana-draftwell/", "/en/companies/draftco/", "/en/companies/globex/", "/en/people/jane-doe/"]


def test_published_pages_that_name_a_draft_do_not_break_the_site(tmp_path):
    """A published brief or profile that names a draft (the validator's to report): the
    site still builds (with Pelican alone if the validator refuses it) and leaves the draft
    out: no link, no name, no page."""
    content = copy_content(tmp_path, MINI)
    add_drafts(content)
    for lang in ("ar", "en"):
        brief = content / f"articles/{BRIEF}.{lang}.md"
        edit(brief, people=read(brief)[0]["people"] + ["dana-draftwell"])
    jane, john = content / "people/jane-doe.ar.md", content / "people/john-roe.ar.md"
    edit(jane, sources=read(jane)[0]["sources"] + [SOURCE],
         moves=read(jane)[0]["moves"] + [{"from": "acme-ai", "to": "draftco", "source": SOURCE}])
    edit(john, affiliations=read(john)[0]["affiliations"]
         + [{"org": "draftco", "role": {"ar": "مستشار", "en": "Adviser"}, "source": SOURCE}])
    edit(content / "companies/globex.ar.md", parent="draftco", parent_source=SOURCE)

    try:
        site = build(tmp_path, content=content)
    except BuildFailed as refused:  # the validator may refuse it: then build without it
        assert all("draft" in problem for problem in refused.problems), refused.problems
        output = tmp_path / "pelican-only"
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), "THEME": str(ROOT / "theme"), "OUTPUT_PATH": str(output)})
        Pelican(settings).run()
        site = Site(output)
    for name, text in every_file_text(site):
        leaks = [s for s in DRAFT_STRINGS if s in text]
        assert leaks == [], (name, leaks)
    for lang in ("", "en/"):
        assert site.page(f"/{lang}articles/{BRIEF}/").select(".nb-mentions a[href$='/dana-draftwell/']") == []
        moves = site.page(f"/{lang}people/jane-doe/").select(".nb-timeline__item")
        assert len(moves) == 2, "the move to a draft company is kept, without its draft end"
        assert moves[1].select(".nb-timeline__source") == [], "its source is a draft brief"
        assert site.page(f"/{lang}people/john-roe/").select(".nb-list a[href$='/draftco/']") == []
