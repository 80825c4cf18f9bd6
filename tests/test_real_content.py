"""The real content, as its one test: it builds without a warning and passes the gates, as it
is now and after an editor's correct changes (a new paragraph in every brief, a person renamed,
another removed, in both languages). Nothing here names a brief, a person or a company: what
the site does with a brief's words is tested on the fixtures (tests/fixtures/), and the last
test below holds every other test file to that, so an editor's correct change fails no test."""

import re

from gates import csp, links, provenance, vnu
from support import (
    LANGS,
    PREFIX,
    REAL,
    ROOT,
    as_lines,
    content_items,
    edit,
    problems_of,
    published_items,
    read,
)

NEW_PARAGRAPH = {
    "ar": "\n\nوأضاف التقرير في تحديث لاحق أن الفريق ما زال يوظّف باحثين جددًا.\n",
    "en": "\n\nThe report added in a later update that the team is still hiring new researchers.\n",
}


RENAMED = {"ar": "سليم المصري", "en": "Salim Masri"}


def add_a_paragraph_to_every_brief(content):
    for path in sorted((content / "articles").glob("*.md")):
        edit(path, append=NEW_PARAGRAPH[path.name.rsplit(".", 2)[-2]])


def people_the_briefs_name(content):
    """[(slug, {lang: name})] of the people the briefs list and name in both texts, who have
    no other names (aliases), in the order the briefs list them."""
    people, found = content_items("people", content), {}
    for versions in content_items("articles", content).values():
        texts = {lang: read(content / f"articles/{versions[lang]['slug']}.{lang}.md")[1] for lang in LANGS}
        for slug in versions["ar"]["people"]:
            names = {lang: people[slug][lang]["name"] for lang in LANGS}
            if all(names[lang] in texts[lang] and not people[slug][lang].get("aliases") for lang in LANGS):
                found.setdefault(slug, names)
    return list(found.items())


def rename_a_person(content):
    """The first such person gets a new name in both languages, wherever the content writes
    the old one (their profile, the briefs' texts, key points and notes, other profiles)."""
    slug, names = people_the_briefs_name(content)[0]
    for path in content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for lang in LANGS:
            text = text.replace(names[lang], RENAMED[lang])
        path.write_text(text, encoding="utf-8")
    return slug


def remove_a_person(content):
    """The last such person is removed: their two profiles, and their slug from the briefs'
    `people` (the texts still name them, as the source does)."""
    slug, _ = people_the_briefs_name(content)[-1]
    for lang in LANGS:
        (content / f"people/{slug}.{lang}.md").unlink()
    for path in sorted((content / "articles").glob("*.md")):
        listed = read(path)[0].get("people") or []
        if slug in listed:
            edit(path, people=[p for p in listed if p != slug])
    return slug


def gate_problems(site, content):
    """What the static gates find on a built site: valid HTML and CSS, links, the security
    policy, every fact's paragraph."""
    reports = vnu.check(vnu.site_files(site.path, css=True))
    return (vnu.problems(reports, warnings=False) + links.check_links(site.path).problems
            + csp.check_site(site.path) + provenance.check(site.path, content))


def test_the_real_content_is_valid_without_a_warning():
    assert as_lines(problems_of(REAL, ROOT)) == []


def test_the_real_content_builds_without_a_warning_and_passes_the_gates(site):
    """The real site's other gates (valid HTML and CSS, links, the security policy) are
    tests/test_gates.py's, on this same build (`site`): `make test` and `make gates` run both."""
    assert site.warnings == []
    assert provenance.check(site.path, REAL) == []


def test_an_editors_changes_build_and_pass_the_gates(variant_site):
    """A new paragraph in every brief, a person renamed and another removed, each in both
    languages: the content stays valid, the site builds without a warning and passes the gates."""
    done = {}

    def change(content):
        add_a_paragraph_to_every_brief(content)
        done.update(renamed=rename_a_person(content), removed=remove_a_person(content))

    changed = variant_site([change], {"SEARCH_INDEX": True}, source=REAL, name="real-edited")
    assert done["renamed"] != done["removed"]
    assert as_lines(problems_of(changed.content, changed.content.parent)) == []
    assert changed.warnings == []
    assert gate_problems(changed, changed.content) == []
    # the edits reached the site: every brief page ends with the new paragraph and links the
    # renamed person by the new name; the removed person has no page
    briefs = published_items("articles", changed.content)
    for slug, lang in ((slug, lang) for slug in briefs for lang in LANGS):
        body = changed.page(f"{PREFIX[lang]}articles/{slug}/").select_one(".nb-brief__body")
        assert body.select("p[id^=p-]")[-1].get_text(strip=True) == NEW_PARAGRAPH[lang].strip(), (slug, lang)
        if done["renamed"] in briefs[slug][lang]["people"]:
            [link] = body.select(f'a.nb-mention[href="{PREFIX[lang]}people/{done["renamed"]}/"]')
            assert RENAMED[lang] in link.get_text(), (slug, lang)
    for lang in LANGS:
        assert changed.page(f"{PREFIX[lang]}people/{done['renamed']}/").h1.get_text(strip=True) == RENAMED[lang]
        assert not changed.file(f"{PREFIX[lang]}people/{done['removed']}/").exists()


# --- the tests name nothing of the real content ------------------------------------------------

ARABIC_PREFIX = "(?:[وفبكل]{0,2}(?:ال)?)"  # «و» «ف» «ب» «ك» «ل» and the article, as mentions read them


def real_words():
    """Every slug, name, alias and title of the real content's briefs, people and companies,
    and the briefs' sources: what an editor may change."""
    words = set()
    for kind in ("articles", "people", "companies"):
        for slug, versions in content_items(kind, REAL).items():
            words.add(slug)
            for meta in versions.values():
                words.update([meta.get("name") or meta["title"], *(meta.get("aliases") or [])])
                words.add((meta.get("source") or {}).get("name"))
    return sorted(word for word in words if word)


def pattern(word):
    """A word as the tests could name it: a slug in a path (`people/x/`, `x.ar.md`) or, when it
    has a hyphen, anywhere; a name as a whole word (in Arabic, also after a proclitic)."""
    escaped = re.escape(word)
    if re.fullmatch(r"[a-z0-9-]+", word):
        whole = rf"(?<![\w-]){escaped}(?![\w-])"
        return whole if "-" in word else rf"(?:(?:people|companies|articles)/{escaped}\b|\b{escaped}\.(?:ar|en)\.md)"
    prefix = ARABIC_PREFIX if re.match(r"[\u0600-\u06ff]", word) else ""
    return rf"(?<!\w){prefix}{escaped}(?!\w)"


def test_no_test_names_the_real_content():
    """Only this file reads the real content: a test that named a real brief, person or
    company would fail when an editor corrects them."""
    words = real_words()
    assert len(words) > 10, "the real content was read"
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == "test_real_content.py":
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: {word}"
                  for word in words for m in re.finditer(pattern(word), text)]
    assert found == []
