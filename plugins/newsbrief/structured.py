"""Structured data (schema.org JSON-LD) for every page, in the page's language.

Only what the briefs state: a field the content does not give is left out, never filled
with a guess. Things get stable `@id`s (the page URL plus `#article`, `#person`,
`#organization`, `#website`), so a brief's `mentions` point at the very node that the
person's or company's own page defines.
"""

from markupsafe import Markup

from .escaping import script_json

CONTEXT = "https://schema.org"


def node_id(url, kind):
    return f"{url}#{kind}"


class StructuredData:
    """Builds the JSON-LD graph of one page; `absolute(url)` makes a site URL absolute."""

    def __init__(self, talent, absolute, site_name, default_lang):
        self.talent, self.absolute = talent, absolute
        self.site_name, self.default_lang = site_name, default_lang

    # --- the things ----------------------------------------------------------------------

    def website(self, lang, home_url):
        return {"@type": "WebSite", "@id": node_id(self.absolute(home_url), "website"),
                "name": self.site_name(lang), "url": self.absolute(home_url), "inLanguage": lang}

    def person_ref(self, slug, lang):
        person = self.talent.person(slug, lang)
        return {"@id": node_id(self.absolute(person.url), "person")} if person else None

    def company_ref(self, slug, lang):
        company = self.talent.company(slug, lang)
        return {"@id": node_id(self.absolute(company.url), "organization")} if company else None

    def brief(self, brief, home_url):
        lang = brief.lang
        url = self.absolute(brief.url)
        data = {
            "@type": "NewsArticle", "@id": node_id(url, "article"), "url": url,
            "headline": str(brief.title),
            "datePublished": brief.date.date().isoformat(), "inLanguage": lang,
            "publisher": {"@id": node_id(self.absolute(home_url), "publisher")},
        }
        modified = getattr(brief, "modified", None)
        data["dateModified"] = (modified or brief.date).date().isoformat()
        source = getattr(brief.facts if hasattr(brief, "facts") else brief, "source", None) or getattr(brief, "source", None)
        if isinstance(source, dict) and source.get("name"):
            based_on = {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": source["name"]}}
            if source.get("url"):
                based_on["url"] = source["url"]
            if source.get("title"):
                based_on["name"] = source["title"]
            if source.get("published"):  # never the brief's own date: an undated source has none
                based_on["datePublished"] = str(source["published"])
            data["isBasedOn"] = based_on
        people = [self.person_ref(s, lang) for s in _listed(brief, "people")]
        companies = [self.company_ref(s, lang) for s in _listed(brief, "companies")]
        mentions = [ref for ref in people + companies if ref]
        if mentions:
            data["mentions"] = mentions
        for twin in brief.translations:
            key = "translationOfWork" if twin.lang == self.default_lang else "workTranslation"
            data.setdefault(key, []).append({"@id": node_id(self.absolute(twin.url), "article")})
        return data

    def publisher(self, lang, home_url):
        return {"@type": "Organization", "@id": node_id(self.absolute(home_url), "publisher"),
                "name": self.site_name(lang), "url": self.absolute(home_url)}

    def person(self, person):
        lang, facts = person.lang, person.facts
        url = self.absolute(person.url)
        data = {"@type": "Person", "@id": node_id(url, "person"), "url": url, "name": str(person.title)}
        others = [str(t.title) for t in person.translations if str(t.title) != str(person.title)]
        if others:
            data["alternateName"] = others
        works_for, alumni = [], []
        moves = self.talent.moves_of(person.slug)
        for move in moves:  # a move we infer is never asserted here (its page marks it)
            if move.origin and not move.inferred:
                alumni.append(_role(self.company_ref(move.origin, lang), "alumniOf", None))
        if moves and moves[-1].destination and not moves[-1].inferred:  # where the brief last places them
            last = moves[-1]  # its role only: what they went to work on (`working_on`) is not a role
            works_for.append(_role(self.company_ref(last.destination, lang), "worksFor", last.text("role", lang)))
        for affiliation in getattr(facts, "affiliations", None) or []:
            if affiliation.get("basis") == "inferred":
                continue
            role = affiliation.get("role")
            role = role.get(lang) if isinstance(role, dict) else role
            works_for.append(_role(self.company_ref(affiliation.get("org"), lang), "worksFor", role))
        if [w for w in works_for if w]:
            data["worksFor"] = [w for w in works_for if w]
        if [a for a in alumni if a]:
            data["alumniOf"] = _unique([a for a in alumni if a])
        return data

    def company(self, company):
        lang, facts = company.lang, company.facts
        url = self.absolute(company.url)
        # Always the general `Organization`: schema.org has no "lab", and a type no paragraph
        # states is never asserted.
        data = {"@type": "Organization", "@id": node_id(url, "organization"), "url": url, "name": str(company.title)}
        names = [str(t.title) for t in company.translations if str(t.title) != str(company.title)]
        names += [str(a) for a in getattr(company, "aliases", None) or [] if str(a) != str(company.title)]
        if names:
            data["alternateName"] = _unique(names)
        parent = getattr(facts, "parent", None)
        parent_slug = parent.get("slug") if isinstance(parent, dict) else parent
        if parent_slug and getattr(facts, "parent_basis", None) != "inferred" and self.company_ref(parent_slug, lang):
            data["parentOrganization"] = self.company_ref(parent_slug, lang)
        return data

    def breadcrumbs(self, trail):
        """`trail`: [(name, url)] from the home page to this page. The last crumb, this page,
        has no `item`: a search engine takes the address of the page that holds it."""
        return {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": n, "name": str(name), **({"item": self.absolute(url)} if n < len(trail) else {})}
            for n, (name, url) in enumerate(trail, start=1)
        ]}

    # --- a page --------------------------------------------------------------------------

    def page(self, kind, item, lang, home_url, trail):
        graph = [self.breadcrumbs(trail)]
        if kind == "home":
            graph += [self.website(lang, home_url), self.publisher(lang, home_url)]
        elif kind == "article":
            graph += [self.brief(item, home_url), self.publisher(lang, home_url)]
        elif kind == "person":
            graph.append(self.person(item))
        elif kind == "company":
            graph.append(self.company(item))
        return {"@context": CONTEXT, "@graph": graph}


def _listed(brief, field):
    value = getattr(brief, field, None)
    if value is None:
        value = next((getattr(t, field, None) for t in brief.translations if t.in_default_lang), None)
    return list(value or [])


def _role(ref, prop, role_name):
    """`worksFor`/`alumniOf` with the role the brief states, as schema.org's Role pattern."""
    if ref is None:
        return None
    if not role_name:
        return ref
    return {"@type": "OrganizationRole", prop: ref, "roleName": str(role_name)}


def _unique(items):
    """`items` without repeats, in order (names, or `{"@id": …}` nodes): one pass."""
    return list({script_json(item): item for item in items}.values())  # equal items, first place


def script_tag(data):
    """The `<script type="application/ld+json">` block (newsbrief.escaping.script_json: no
    text inside can end it or change how the browser reads it)."""
    return Markup(f'<script type="application/ld+json">{script_json(data)}</script>')
