"""What `mkdocs build` runs. Imports nothing from the other rooms.

Entry points, at the top (they may import every wing):
  hooks.py      MkDocs' events, with explicit priorities (mkdocs.yml `hooks:`)
  macros.py     the macros pages call (mkdocs-macros-plugin); macros only
  verdict.py    the strict build in this process, every problem in Dutch

Wings, each with its own index in its __init__.py. A wing imports only itself and the wings
before it in WINGS, never an entry point; `speedups` imports no other wing and only
hooks.py (and meten/) import it. tests/test_structure.py enforces both.
  common/    what every wing stands on: a problem (file, line, message), dates and the build
             date rule, where outputs go, the content templates, file sizes
  content/   reading and validating what editors write: YAML files, schemas, data/,
             newsletters, sending settings, the accessibility status, "let op"
  media/     photos (variants, pages, checks) and the video block
  guards/    the promises checked before and after rendering: no outside requests, SVG,
             the menu, the Content-Security-Policy, MkDocs' messages in Dutch, and
             validation.py, which runs every content check before anything renders
  outputs/   what the build writes besides pages: feeds, calendar, search index,
             structured data, the map of Twente, security.txt
  mail/      the newsletter's e-mail edition, its text part and its message
  pages/     each page's content parsed once and handed to the checks, videos, photos,
             feed item and e-mail edition in turn
  speedups/  library patches that make the archive fast (its own index says which)
"""

WINGS = ("common", "content", "media", "guards", "outputs", "mail", "pages")
ENTRY_POINTS = ("hooks", "macros", "verdict")
SEPARATE = "speedups"
