"""Drafts: `status: draft` in the front-matter of a brief, page, person or company.

Published build (the default): a draft is read but never written, and it is in none of
the lists the site is made from (`articles`, `pages`, `people`, `companies`), so it is on
no page, index, feed or sitemap, its moves are not in the TalentGraph, and a published
page that names it simply does not link it. Pelican keeps draft briefs and pages in lists
of their own (`drafts`, `draft_pages`) and would write them to `DRAFT_*SAVE_AS`: those lists
are emptied once read (`drop_drafts`), and pelicanconf sets `DRAFT_*SAVE_AS` to "" as well.

Preview build (`make html DRAFTS=1`, i.e. the SHOW_DRAFTS setting): every draft is treated
as published from the moment it is read, so it is written at its normal URL and appears in
every list, as it will once published; `is_draft` stays true and the page shows a banner.
"""


def mark_draft(content):
    """Connected to `content_object_init`: runs for every piece of content as it is read."""
    content.is_draft = getattr(content, "status", None) == "draft"
    if content.is_draft and content.settings.get("SHOW_DRAFTS"):
        content.status = "published"


def drop_drafts(generator):
    """Connected to `article_generator_finalized` and `page_generator_finalized`: in a
    published build Pelican's own lists of draft briefs and pages are emptied, so nothing
    writes them (Pelican's draft writer would also need a category, which we do not use).
    In a preview build they are already empty: every draft was read as published."""
    for name in ("drafts", "drafts_translations", "draft_pages", "draft_translations"):
        if hasattr(generator, name):
            setattr(generator, name, [])
    for name in ("drafts", "draft_pages"):
        if name in generator.context:
            generator.context[name] = []
