"""newsbrief: people and company profiles, site pages and the bilingual interface.

`register()` only connects signals; the work lives in the generators and objects.
"""

from pelican import signals

from . import story
from .cards import ShareCardGenerator
from .drafts import drop_drafts, mark_draft
from .generators import CompaniesGenerator, PeopleGenerator, SiteGenerator
from .i18n import Interface
from .incremental import get_writer
from .listings import (
    ArchiveGenerator, CompaniesIndexGenerator, CompanyMovesGenerator, MovesGenerator,
    PeopleIndexGenerator,
)
from .opendata import OpenDataGenerator
from .reader import YamlMarkdownReader
from .reader import logger as reader_logger


def add_readers(readers):
    readers.reader_classes["md"] = YamlMarkdownReader
    cache = readers.settings.get("NEWSBRIEF_CACHE")
    if cache is not None:  # the content cache checks files by the hashes the build already took
        readers._filestamp_func = cache.digest


def keep_urls(generators):
    """Every content object's URL is final once all have been read: keep it, rather than
    format it from the settings at each of the many times the pages ask for it."""
    context = generators[0].context if generators else {}
    for name in ("articles", "pages", "people", "companies"):
        for item in context.get(name, []):
            for version in (item, *getattr(item, "translations", ())):
                if not hasattr(version, "override_url"):
                    version.override_url = version.url


def give_content_warnings(content):
    for message in getattr(content, "content_warnings", None) or ():
        reader_logger.warning(message)


def add_generators(pelican):
    # SiteGenerator first: it builds the talent graph the listings, data and cards read.
    return [
        PeopleGenerator, CompaniesGenerator, SiteGenerator, ArchiveGenerator, MovesGenerator,
        CompanyMovesGenerator, PeopleIndexGenerator, CompaniesIndexGenerator,
        OpenDataGenerator, ShareCardGenerator,
    ]


def install_interface(generator):
    settings = generator.settings
    if "NEWSBRIEF_INTERFACE" not in settings:
        settings["NEWSBRIEF_INTERFACE"] = Interface(settings)
    settings["NEWSBRIEF_INTERFACE"].install(generator.env)
    story.install(generator.env, settings["NEWSBRIEF_INTERFACE"], settings)


def register():
    signals.readers_init.connect(add_readers)
    signals.get_generators.connect(add_generators)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(keep_urls)
    signals.generator_init.connect(install_interface)
    signals.content_object_init.connect(mark_draft)
    signals.content_object_init.connect(give_content_warnings)
    signals.article_generator_finalized.connect(drop_drafts)
    signals.page_generator_finalized.connect(drop_drafts)
