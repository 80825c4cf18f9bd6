"""newsbrief: people and company profiles, site pages and the bilingual interface.

`register()` only connects signals; the work lives in the generators and objects.
"""

from pelican import signals

from . import story
from .cards import ShareCardGenerator
from .contents import freeze_urls
from .drafts import drop_drafts, mark_draft
from .generators import CompaniesGenerator, PeopleGenerator, SiteGenerator
from .i18n import Interface
from .listings import (
    ArchiveGenerator, CompaniesIndexGenerator, CompanyMovesGenerator, MovesGenerator,
    PeopleIndexGenerator,
)
from .opendata import OpenDataGenerator
from .provenance import install as install_provenance
from .reader import YamlMarkdownReader
from . import search


def add_readers(readers):
    readers.reader_classes["md"] = YamlMarkdownReader


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
    install_provenance(generator.env, settings)
    story.install(generator.env, settings["NEWSBRIEF_INTERFACE"], settings)


def register():
    signals.readers_init.connect(add_readers)
    signals.get_generators.connect(add_generators)
    signals.generator_init.connect(install_interface)
    signals.generator_init.connect(search.install)
    signals.content_object_init.connect(mark_draft)
    signals.article_generator_finalized.connect(drop_drafts)
    signals.page_generator_finalized.connect(drop_drafts)
    signals.all_generators_finalized.connect(freeze_urls)
