"""Only what is in the repository is published: no symbolic link in what the build reads.

Git stores a symbolic link as the path it points to, and the GitHub web editor and any pull
request can add one. MkDocs follows links when it reads pages and copies static files, Jinja
when it loads templates, PyYAML's callers when they read data: a link to ../../.git/config,
/etc/passwd or /proc/self/environ would put that file on the site, in the pull request's
artifact and in its preview. So every link in the parts of the project the build reads is
refused before anything else is read (verdict.py before MkDocs starts, validation.py in
`on_config` for a plain `mkdocs build` or `mkdocs serve`), naming the link and its target.

Decided: no link at all, not even one that stays inside docs/. An editor never needs one (a
page links to any other page or image by its path), a link that is harmless today can be
pointed elsewhere by a one-line change whose diff shows no content, and GitHub shows a link
as a line of text, so a reviewer cannot see what it would publish. One rule, with nothing to
resolve, also cannot be talked round by `..` or an absolute path.
"""

from __future__ import annotations

import os
from pathlib import Path

from cultuurregio.site.common.problems import Problem

# What the build reads: the configuration, pages, theme overrides, data and the site's code
# (the hooks and macros modules, their templates and schemas).
READ_BY_BUILD = ("mkdocs.yml", "docs", "overrides", "data", "scripts")


def symlink_problem(path: Path, name: str) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return Problem(name, None, (
        f"dit is geen bestand maar een snelkoppeling (symbolische link) naar '{target}'; de site publiceert "
        "alleen wat zelf in de repository staat. Haal de link weg (git rm) en zet er zo nodig een kopie van "
        "het bestand zelf neer"))


def symlink_problems(project: Path) -> list[Problem]:
    """Every symbolic link among the files and folders the build reads, sorted. A linked folder
    is named, never entered."""
    problems: list[Problem] = []
    for part in READ_BY_BUILD:
        top = project / part
        found = [top] if top.is_symlink() else []
        if not found and top.is_dir():
            for folder, folders, files in os.walk(top):  # followlinks=False: links are not entered
                found += [Path(folder) / name for name in folders + files if (Path(folder) / name).is_symlink()]
        problems += [symlink_problem(path, path.relative_to(project).as_posix()) for path in found]
    return sorted(problems)
