"""The real content, as its one test: it builds without a warning and passes the gates, as it
is now and after an editorial change (a new paragraph in every brief, in both languages).
Nothing here names a brief, a person or a company: what the site does with a brief's words is
tested on the fixtures (tests/fixtures/), so an editor's correct change fails no test."""

from gates import csp, links, provenance, vnu
from support import LANGS, PREFIX, REAL, ROOT, as_lines, content_items, edit, problems_of

NEW_PARAGRAPH = {
    "ar": "\n\nوأضاف التقرير في تحديث لاحق أن الفريق ما زال يوظّف باحثين جددًا.\n",
    "en": "\n\nThe report added in a later update that the team is still hiring new researchers.\n",
}


def add_a_paragraph_to_every_brief(content):
    for path in sorted((content / "articles").glob("*.md")):
        edit(path, append=NEW_PARAGRAPH[path.name.rsplit(".", 2)[-2]])


def gate_problems(site, content):
    """What the static gates find on a built site: valid HTML and CSS, links, the security
    policy, every fact's paragraph."""
    reports = vnu.check(vnu.site_files(site.path, css=True))
    return (vnu.problems(reports, warnings=False) + links.check_links(site.path).problems
            + csp.check_site(site.path) + provenance.check(site.path, content))


def test_the_real_content_is_valid_without_a_warning():
    assert as_lines(problems_of(REAL, ROOT)) == []


def test_the_real_content_builds_without_a_warning_and_passes_the_gates(site):
    assert site.warnings == []
    assert gate_problems(site, REAL) == []


def test_a_new_paragraph_in_every_brief_builds_and_passes_the_gates(variant_site):
    changed = variant_site([add_a_paragraph_to_every_brief], {"SEARCH_INDEX": True}, source=REAL, name="real-edited")
    assert as_lines(problems_of(changed.content, changed.content.parent)) == []
    assert changed.warnings == []
    assert gate_problems(changed, changed.content) == []
    # the edit reached the site: every brief page ends with the new paragraph
    briefs = content_items("articles", changed.content)
    for slug, lang in ((slug, lang) for slug in briefs for lang in LANGS):
        paragraphs = changed.page(f"{PREFIX[lang]}articles/{slug}/").select(".nb-brief__body p[id^=p-]")
        assert paragraphs[-1].get_text(strip=True) == NEW_PARAGRAPH[lang].strip(), (slug, lang)
