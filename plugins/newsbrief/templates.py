"""Templates compiled once per process, not once per generator and build.

Pelican gives every generator a Jinja environment of its own, and each compiled the theme's
templates again (a generator's pages use most of them): about 170 compilations a build, 1.5 s
of CPU whatever changed. The environments are made alike (the settings' JINJA_ENVIRONMENT,
the same filters, tests and extensions from `generator_init`), and Jinja's compiled code
depends only on the template's source and on those: every environment takes its code from
one table of the process (in memory, never written to the cache), by the template's name,
file and source and the environment's options, so the next build of the process (a
devserver's, each of the tests' hundreds) compiles nothing it compiled before, and an edited
template is compiled again. Each environment still makes its own Template object from the
code, bound to its own globals and filters.
"""

import functools

COMPILED = {}  # (source, name, file, options…) -> code, for every build of the process
LIMIT = 2000  # entries: past it the table starts again (a devserver's edits, the tests' theme copies)


def fingerprint(env):
    """What Jinja's compiler reads of an environment, besides the source."""
    options = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
               "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
               "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
               "is_async", "code_generator_class", "template_class", "autoescape", "finalize")
    # which filters and tests take the context or environment is compiled in: their markers too
    calls = tuple(sorted((kind, name, repr(getattr(call, "jinja_pass_arg", None)))
                         for kind, table in (("filter", env.filters), ("test", env.tests))
                         for name, call in table.items()))
    return tuple(repr(getattr(env, name, None)) for name in options), calls, tuple(sorted(env.extensions))


def compile_once(generator):
    """Pelican's `generator_init`: the generator's environment compiles through the process's table."""
    env, table = generator.env, COMPILED
    compile_here = env.compile

    @functools.wraps(compile_here)
    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        if not isinstance(source, str):  # a parsed template: no source to key it by
            return compile_here(source, name, filename, raw, defer_init)
        key = (source, name, filename, raw, defer_init, fingerprint(env))
        if key not in table:
            if len(table) >= LIMIT:
                table.clear()
            table[key] = compile_here(source, name, filename, raw, defer_init)
        return table[key]

    env.compile = compile
