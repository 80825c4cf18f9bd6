"""Profiles: people and companies, content types of their own.

The file in the default language (Arabic) holds the language-independent facts (moves,
type, parent, sources); its translation holds only translated text (name, role, summary,
bio). Every front-matter field becomes an attribute (Pelican's habit), and `facts` gives
each language version the one set of facts: `person.facts.moves`, `company.facts.type`.
"""

from pelican.contents import Content


class Profile(Content):
    mandatory_properties = ("title",)
    allowed_statuses = ("published", "draft")
    default_status = "published"

    @property
    def facts(self):
        """The version in the default language, which carries the facts."""
        if self.in_default_lang:
            return self
        return next((t for t in self.translations if t.in_default_lang), self)


class Person(Profile):
    default_template = "person"


class Company(Profile):
    default_template = "company"


def freeze_urls(generators):
    """Once every generator has read its content, a page's URL no longer changes: keep it
    as Pelican's `override_url`, so it is not formatted again from the URL settings each
    time a template asks (350,000 times, a quarter of the build, at 1,000 briefs)."""
    for generator in generators:
        for name in ("articles", "translations", "pages", "hidden_pages", "hidden_translations",
                     "profiles"):
            for item in getattr(generator, name, None) or ():
                for version in (item, *getattr(item, "translations", ())):
                    if not hasattr(version, "override_url"):
                        version.override_url = version.url
