"""MkDocs' strict build, run in this process, with every problem it meets as a Dutch Problem.

`make build` (publiceren/build.py) and `make check` (redactie/check.py) both call
`strict_build`, so the check is the build's own verdict: the content checks of hooks.py,
the links and anchors as mkdocs.yml's `validation:` says, the macros, the blog.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from cultuurregio.site.common.problems import NOT_BUILT, Problem
from cultuurregio.site.content.symlinks import symlink_problems
from cultuurregio.site.guards.library_messages import translate
from cultuurregio.site.guards.nav_check import unreadable

_PLUGINS = dict(MkDocsConfig._schema)["plugins"]


@dataclass
class Verdict:
    """What stops the build (`problems`) and what an editor should look at (`warnings`)."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


class _Collector(logging.Handler):
    """Every warning and error of the build as a problem, and the notes of stale content."""

    def __init__(self, config_file: Path) -> None:
        super().__init__(logging.INFO)
        self.config_file = config_file
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        if hasattr(record, "stale"):
            self.warnings.append(record.stale)
            return
        if record.levelno < logging.WARNING:
            return
        problem = getattr(record, "problem", None)
        message = record.getMessage()
        if problem is None and message.startswith(NOT_BUILT):
            return  # the closing sentence; the problems were recorded one by one
        self.problems.append(problem or self.unknown(message))

    def unknown(self, message: str) -> Problem:
        docs = self.config_file.parent / "docs"
        return translate(message, docs) or Problem(
            self.config_file.name, None, f"MkDocs meldt iets dat deze site nog niet vertaalt; vraag een "
            f"ontwikkelaar om hulp. De melding: {message.splitlines()[0] if message else '(leeg)'}")


def strict_build(config_file: Path, site_dir: Path, console: logging.Handler | None = None) -> Verdict:
    """Build strictly into `site_dir`; every problem, in Dutch (none: the site is complete).

    `console`, if given, also receives the build's messages (already in Dutch)."""
    # A link to a file of the machine is refused before MkDocs reads anything (site/content/symlinks.py).
    early = symlink_problems(config_file.parent) or unreadable(config_file)
    if early:
        # MkDocs would stop at once, in English and without the line.
        return Verdict(early)
    logger = logging.getLogger("mkdocs")
    collector = _Collector(config_file)
    handlers = [collector] + ([console] if console else [])
    level = logger.level
    # INFO too: MkDocs reports a link to an unpublished page at INFO, which the Dutch
    # messages turn into a warning.
    logger.setLevel(min(level or logging.INFO, logging.INFO))
    for handler in handlers:
        logger.addHandler(handler)
    config = None
    stopped = None  # how the build stopped early, if it did
    # Each build its own plugins, as `mkdocs build` has in a process of its own. MkDocs keeps the
    # instances of plugins with on_startup/on_shutdown for `mkdocs serve`'s rebuilds, in the schema
    # of its config class (one per process); Material's blog plugin makes its temporary folder in
    # __init__ and removes it on shutdown, so a second build in this process (the morning's post
    # builds one per day; the tests' warm build worker, one per copy) would find it gone.
    _PLUGINS.plugin_cache.clear()
    try:
        # As `mkdocs build` does: plugins prepare in on_startup and clean up in on_shutdown.
        config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    except Abort:
        # Strict mode stops at the end: the warnings collected are the reasons.
        stopped = "Abort"
    except MkDocsException as error:
        collector.problems.append(collector.unknown(str(error)))
    except SystemExit as error:
        # mkdocs-macros exits after reporting a broken macro, which was collected.
        stopped = f"SystemExit({error.code!r})"
    except Exception as error:  # a fault in the site's own code or templates, not in content
        logging.getLogger("mkdocs.plugins.cultuurregio").debug("De bouw liep vast", exc_info=True)
        collector.problems.append(Problem(config_file.name, None, (
            f"de bouw liep vast op een fout in de code of de sjablonen van de site ({type(error).__name__}: "
            f"{error}); dit is geen fout in de inhoud: vraag een ontwikkelaar, die met 'mkdocs build "
            "--verbose' de technische melding ziet")))
    finally:
        if config is not None:
            config.plugins.on_shutdown()
        for handler in handlers:
            logger.removeHandler(handler)
        logger.setLevel(level)
    if stopped and not collector.problems:
        # A stop that named no reason must not pass for a complete site.
        collector.problems.append(Problem(config_file.name, None, (
            f"de bouw stopte zonder melding ({stopped}); er is niets gepubliceerd. Dit is geen fout in "
            "de inhoud: vraag een ontwikkelaar, die met 'mkdocs build --verbose' ziet waar hij stopte")))
    return Verdict(sorted(set(collector.problems)), sorted(set(collector.warnings)))
