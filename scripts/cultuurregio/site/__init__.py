"""What `mkdocs build` runs. Imports nothing from the other rooms.

Where the build starts
  hooks.py            MkDocs' events, with explicit priorities (mkdocs.yml `hooks:`)
  macros.py           the macros pages call (mkdocs-macros-plugin); macros only
  verdict.py          the strict build in this process, every problem in Dutch

Content and its checks
  yamlfile.py, schema.py (schemas/), content.py   read, validate and load data/
  validation.py       every check before anything renders; newsletters.py, image_checks.py,
                      staleness.py ("let op"), problems.py (file, line, message)
  symlinks.py         only what is in the repository: every symbolic link refused, before anything is read
  yaml_messages.py    the YAML parsers' errors in Dutch (a tab its own sentence)
  library_messages.py MkDocs' and mkdocs-macros' English messages in Dutch
  dates.py            dates in Dutch, and the one build date rule

What the build writes
  feeds.py, category_feeds.py   the RSS feeds; ical.py the calendar files
  photos.py, photo_pages.py     published photo variants; search_index.py folded words
  structured_data.py, twente_map.py, templates.py, sizes.py, outputs.py (where files go)

speedups/             library patches that make the archive fast (its own index says which)
"""
