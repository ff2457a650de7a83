"""What MkDocs and mkdocs-macros tell editors, in Dutch, with the file and the line.

Their messages are English and name no line: "Doc file 'contact.md' contains a link
'oud.md', but the target is not found among documentation files." A logging filter on the
loggers that say such things (installed by hooks.py in `on_config`) turns each into a
Problem with the line of the offending link in the Markdown, and rewrites the record, so
`mkdocs build`, `mkdocs serve` and `make check` all show the same Dutch sentence. The
English original stays available at debug level (`mkdocs build --verbose`).

Matched against MkDocs 1.6 and mkdocs-macros 1.x; a message that no longer matches is
passed on unchanged and shows up, untranslated, in tests/test_verdict.py.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable

from cultuurregio.site.common.problems import Problem, line_in_page

log = logging.getLogger("mkdocs.plugins.cultuurregio")

# The loggers whose messages are translated: MkDocs' link checks, its menu, and mkdocs-macros.
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.plugins.mkdocs_macros.util")
# Messages that a check of this site already gives in Dutch, with the line: kept at debug level.
SAID_ALREADY = (
    # site/guards/nav_check.py names the menu entry and its line in mkdocs.yml.
    re.compile(r"A reference to '[^']+' is included in the 'nav' configuration, which is not found"),
)

_DOC = r"Doc file '(?P<file>[^']+)' contains "
_Rule = tuple[re.Pattern, Callable[[re.Match], str], str]
RULES: list[_Rule] = [
    (re.compile(_DOC + r"a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found among "
                r"documentation files\."),
     lambda m: f"de link '{m['link']}' wijst naar een pagina of bestand dat niet bestaat; controleer de "
               "naam en de map (een pagina schrijft u als naam.md, een afbeelding met haar bestandsnaam)",
     "link"),
    (re.compile(_DOC + r"a link '(?P<link>[^']+)', but there is no such anchor on this page\."),
     lambda m: f"de link '{m['link']}' wijst naar een kopje dat niet op deze pagina staat; een kopje "
               "'## Wat nu volgt' heet '#wat-nu-volgt'",
     "link"),
    (re.compile(_DOC + r"a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not contain an "
                r"anchor '#(?P<anchor>[^']+)'\."),
     lambda m: f"de link '{m['link']}' wijst naar een kopje '#{m['anchor']}' dat niet op "
               f"docs/{m['target']} staat; controleer het kopje",
     "link"),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<link>[^']+)', it was left as is\."),
     lambda m: f"de link '{m['link']}' wijst niet naar een bestand; schrijf de pagina met .md erachter, "
               "bijvoorbeeld '../contact.md'",
     "link"),
    (re.compile(_DOC + r"an absolute link '(?P<link>[^']+)', it was left as is\."),
     lambda m: f"de link '{m['link']}' begint met '/'; schrijf hem vanaf deze pagina, bijvoorbeeld "
               "'../contact.md'",
     "link"),
    (re.compile(_DOC + r"a link to '(?P<link>[^']+)' which is excluded from the built site\."),
     lambda m: f"de link naar '{m['link']}' wijst naar een nieuwsbrief die nog niet verschijnt (datum in "
               "de toekomst); haal de link weg of zet hem pas op of na die dag",
     "link"),
    (re.compile(r"# _Macro Syntax Error_\s+_File_: `(?P<file>[^`]+)`.*?```markdown\n(?P<line>.*?)\n", re.S),
     lambda m: "hier staat '{{' of '{%' dat geen geldige macro is; bedoelt u gewone tekst, zet die dan "
               "tussen {% raw %} en {% endraw %}",
     "line"),
    (re.compile(r"# _Macro Rendering Error_\s+_File_: `(?P<file>[^`]+)`\s+_UndefinedError_: "
                r"(?:'[^']*' (?:object )?has no attribute |)'(?P<name>[^']+)'", re.S),
     lambda m: f"een macro op deze pagina gebruikt de naam '{m['name']}', die niet bestaat; controleer de "
               "spelling",
     "name"),
    (re.compile(r"# _Macro Rendering Error_\s+_File_: `(?P<file>[^`]+)`\s+_MacroProblem_: "
                r"(?P<message>[^\n]*?'(?P<name>[^']+)'[^\n]*)\n", re.S),
     lambda m: m["message"],
     "name"),
    (re.compile(r"# _Macro Rendering Error_\s+_File_: `(?P<file>[^`]+)`", re.S),
     lambda m: "een macro op deze pagina liep vast; vraag een ontwikkelaar om hulp "
               "(de technische melding staat in 'mkdocs build --verbose')",
     ""),
]


def translate(message: str, docs_dir: Path) -> Problem | None:
    """The Dutch problem behind a message of MkDocs or mkdocs-macros, if it is one we know."""
    for pattern, dutch, locate in RULES:
        found = pattern.search(message)
        if found:
            source = docs_dir / found["file"]
            needle = found[locate] if locate else None
            return Problem(f"docs/{found['file']}", line_in_page(source, needle), dutch(found))
    return None


class DutchMessages(logging.Filter):
    """Rewrites the records it knows into Dutch and attaches the Problem (`record.problem`)."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "problem"):
            return True
        original = record.getMessage()
        if any(pattern.search(original) for pattern in SAID_ALREADY):
            log.debug("%s", original)
            return False
        problem = translate(original, self.docs_dir)
        if problem is None:
            return True
        log.debug("%s", original)
        record.problem = problem
        record.msg, record.args = str(problem), ()
        # A link to a newsletter that is not out yet is an INFO to MkDocs; here it is a
        # broken link on the published site, so it counts as strict mode's warning.
        if record.levelno < logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def install(docs_dir: Path) -> None:
    """Translate from now on (again for each build of `mkdocs serve`, for its docs_dir)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, DutchMessages)]:
            logger.removeFilter(old)
        logger.addFilter(DutchMessages(docs_dir))
