"""newsbrief: people and company profiles, site pages and the bilingual interface.

`register()` only connects signals; the work lives in the generators and objects.
"""

from pelican import signals

from . import cssbundles, keypoints, mentions, search, story
from .cards import ShareCardGenerator
from .drafts import drop_drafts, mark_draft
from .feeds import ProfileFeedGenerator
from .generators import CompaniesGenerator, PeopleGenerator, SiteGenerator, connect
from .i18n import Interface
from .listings import (
    ArchiveGenerator,
    CompaniesIndexGenerator,
    CompanyMovesGenerator,
    MovesGenerator,
    PeopleIndexGenerator,
)
from .memo import writer_class
from .minify import compact_pages, minify_stylesheets
from .opendata import OpenDataGenerator
from .provenance import install as install_provenance
from .reader import YamlMarkdownReader
from .templates import compile_once


def add_readers(readers):
    readers.reader_classes["md"] = YamlMarkdownReader


def add_generators(pelican):
    # The work across types (mentions, the talent graph) runs in generators.connect, once all
    # have read their content; the listings plan their pages there.
    return [
        PeopleGenerator, CompaniesGenerator, SiteGenerator, ArchiveGenerator, MovesGenerator,
        CompanyMovesGenerator, PeopleIndexGenerator, CompaniesIndexGenerator,
        ProfileFeedGenerator, OpenDataGenerator, ShareCardGenerator,
    ]


def install_interface(generator):
    """One Interface for the whole build, kept in the context every generator shares (and
    templates see as `interface`); each generator's Jinja environment gets its `_()`."""
    interface = generator.context.get("interface")
    if interface is None:
        interface = generator.context["interface"] = Interface(generator.settings)
    interface.install(generator.env)
    install_provenance(generator.env, generator.settings)
    story.install(generator.env, interface, generator.settings)


def fixed_templates(generator):
    """The theme does not change while a build runs: Jinja need not look at a template's
    file again at every `include` (280,000 stat calls at 1,000 briefs)."""
    generator.env.auto_reload = False


def register():
    signals.readers_init.connect(add_readers)
    signals.get_generators.connect(add_generators)
    signals.generator_init.connect(compact_pages)
    signals.generator_init.connect(fixed_templates)
    signals.generator_init.connect(compile_once)
    signals.generator_init.connect(cssbundles.install)
    signals.generator_init.connect(install_interface)
    signals.generator_init.connect(search.install)
    signals.generator_init.connect(mentions.install)
    signals.generator_init.connect(keypoints.install)
    signals.content_object_init.connect(mark_draft)
    signals.article_generator_finalized.connect(drop_drafts)
    signals.page_generator_finalized.connect(drop_drafts)
    signals.all_generators_finalized.connect(connect)
    signals.get_writer.connect(writer_class)
    signals.finalized.connect(minify_stylesheets)
