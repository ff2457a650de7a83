"""The Cultuurregio Twente site's Python, in rooms by role (README, "Voor ontwikkelaars").

site/        what `mkdocs build` runs: data, checks, macros, hooks, feed, calendar, search
redactie/    editors' tools: `make check`, the scaffolds
publiceren/  all-or-nothing build, the profile PDF, and the Chromium and local server it uses
meten/       benchmarks: `make bench`, `make lighthouse`

An import goes down this list, never up or sideways: `site` imports only itself;
`redactie` and `publiceren` import `site`; `meten` imports `site` and `publiceren`;
`project` (the project on disk) imports none of them and serves all but `site`.
tests/test_structure.py enforces it.
"""
