"""How the code is laid out: rooms that import in one direction, small modules, a build
path that does not hang on plugin order, and a build that also runs on ProperDocs."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from cultuurregio.project import ROOT
from tests.helpers import build, differing, site_files
from tests.source_imports import imported_modules

PACKAGE = ROOT / "scripts" / "cultuurregio"
# What each room may import of the package (README, "Voor ontwikkelaars").
ALLOWED = {
    "site": {"site"},
    "redactie": {"site", "project"},
    "publiceren": {"site", "project"},
    "meten": {"site", "publiceren", "project"},
    "project": set(),
}


def room_of(path: Path, package: Path = PACKAGE) -> str:
    return path.relative_to(package).parts[0].removesuffix(".py")


def imported_rooms(source: str) -> set[str]:
    """The rooms of the package a module's source imports from."""
    return {name.split(".")[1] for name in imported_modules(source)
            if name.startswith("cultuurregio.") and len(name.split(".")) > 1}


# The speed-ups patch library internals: only the hooks install them, only meten measures them.
SPEEDUPS = "cultuurregio.site.speedups"


def speedup_violations(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.startswith(("site/speedups/", "meten/")) or relative == "site/hooks.py":
            continue
        if any(name == SPEEDUPS or name.startswith(SPEEDUPS + ".")
               for name in imported_modules(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(package.parent)} imports the speed-ups")
    return found


def violations(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.parent == package and path.name == "__init__.py":
            continue
        room = room_of(path, package)
        for other in imported_rooms(path.read_text(encoding="utf-8")) - {room} - ALLOWED[room]:
            found.append(f"{path.relative_to(package.parent)}: {room} imports {other}")
    return found


def test_every_module_is_in_a_room():
    assert {room_of(p) for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE or p.name != "__init__.py"} \
        == set(ALLOWED)


def test_imports_go_one_way_only():
    assert violations() == []


def test_the_import_check_catches_a_wrong_direction(tmp_path):
    package = tmp_path / "cultuurregio"
    for room, source in (("site", "from cultuurregio.redactie.check import main\n"),
                         ("publiceren", "import cultuurregio.meten.bench\n"),
                         ("meten", "from cultuurregio import publiceren, site\n")):
        (package / room).mkdir(parents=True)
        (package / room / "module.py").write_text(source, encoding="utf-8")
    assert violations(package) == ["cultuurregio/publiceren/module.py: publiceren imports meten",
                                   "cultuurregio/site/module.py: site imports redactie"]
    assert imported_rooms("from cultuurregio.redactie.check import main") == {"redactie"}
    assert imported_rooms("import cultuurregio.meten.bench") == {"meten"}
    assert imported_rooms("from cultuurregio import publiceren") == {"publiceren"}
    assert imported_rooms("import json\nfrom mkdocs import utils") == set()


def test_only_the_hooks_and_the_benchmarks_import_the_speedups():
    assert speedup_violations() == []


def test_the_speedups_rule_catches_an_import_from_elsewhere(tmp_path):
    package = tmp_path / "cultuurregio"
    for relative, source in (("site/hooks.py", "from cultuurregio.site.speedups import blog_speedup\n"),
                             ("site/macros.py", "from cultuurregio.site.speedups.relative_links import place\n"),
                             ("site/speedups/partial_cache.py", "from cultuurregio.site.speedups import COUNTS\n"),
                             ("meten/bench.py", "import cultuurregio.site.speedups.blog_speedup\n"),
                             ("redactie/check.py", "from cultuurregio.site import speedups\n")):
        (package / relative).parent.mkdir(parents=True, exist_ok=True)
        (package / relative).write_text(source, encoding="utf-8")
    assert speedup_violations(package) == ["cultuurregio/redactie/check.py imports the speed-ups",
                                           "cultuurregio/site/macros.py imports the speed-ups"]


# The wings of site/ and their direction, as site/__init__.py writes them.
SITE = PACKAGE / "site"


def wing_of(path: Path, site: Path) -> str:
    """A module's wing, or its own name for an entry point at the top of site/."""
    parts = path.relative_to(site).parts
    return parts[0].removesuffix(".py")


def wing_violations(site: Path = SITE) -> list[str]:
    """Imports inside site/ that run back up: to a later wing, to an entry point, into or out
    of the speed-ups; and modules that stand in no wing."""
    from cultuurregio.site import ENTRY_POINTS, SEPARATE, WINGS

    found = []
    for path in sorted(site.rglob("*.py")):
        if path == site / "__init__.py":
            continue
        wing, name = wing_of(path, site), path.relative_to(site.parent.parent).as_posix()
        if wing not in (*WINGS, *ENTRY_POINTS, SEPARATE):
            found.append(f"{name}: in no wing of site/__init__.py")
            continue
        others = {module.split(".")[2] for module in imported_modules(path.read_text(encoding="utf-8"))
                  if module.startswith("cultuurregio.site.")} - {wing}
        for other in sorted(others):
            if other in ENTRY_POINTS:
                found.append(f"{name}: imports the entry point {other}")
            elif wing in ENTRY_POINTS:
                continue
            elif SEPARATE in (wing, other):
                found.append(f"{name}: {wing} imports {other}")
            elif other in WINGS and WINGS.index(other) > WINGS.index(wing):
                found.append(f"{name}: {wing} imports {other}, a wing after it")
    return found


def test_every_wing_imports_only_the_wings_before_it():
    assert wing_violations() == []


def test_the_wing_check_catches_an_import_that_runs_back_up(tmp_path):
    site = tmp_path / "cultuurregio" / "site"
    for relative, source in (("content/data.py", "from cultuurregio.site.mail.edition import EDITION\n"),
                             ("common/problems.py", "import cultuurregio.site.hooks\n"),
                             ("media/photos.py", "from cultuurregio.site.speedups import COUNTS\n"),
                             ("outputs/feeds.py", "from cultuurregio.site.media.video import VideoBlock\n"),
                             ("hooks.py", "from cultuurregio.site.mail import edition\n"),
                             ("loose.py", "import json\n")):
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(source, encoding="utf-8")
    assert wing_violations(site) == ["cultuurregio/site/common/problems.py: imports the entry point hooks",
                                     "cultuurregio/site/content/data.py: content imports mail, a wing after it",
                                     "cultuurregio/site/loose.py: in no wing of site/__init__.py",
                                     "cultuurregio/site/media/photos.py: media imports speedups"]


def test_each_wing_has_an_index_that_names_its_modules():
    from cultuurregio.site import SEPARATE, WINGS

    for wing in (*WINGS, SEPARATE):
        index = (SITE / wing / "__init__.py").read_text(encoding="utf-8")
        modules = {p.name for p in (SITE / wing).glob("*.py") if p.name != "__init__.py"}
        assert modules and all(module in index for module in modules), (wing, modules)
        assert f"  {wing}/" in (SITE / "__init__.py").read_text(encoding="utf-8"), wing


def test_no_module_is_longer_than_250_lines():
    long = [f"{p.relative_to(ROOT)}: {len(p.read_text(encoding='utf-8').splitlines())}"
            for folder in (PACKAGE, ROOT / "tests") for p in folder.rglob("*.py")
            if len(p.read_text(encoding="utf-8").splitlines()) > 250]
    assert long == []


def test_the_macros_module_defines_macros_only(config):
    """Build events belong in the hooks module that mkdocs.yml lists."""
    source = (PACKAGE / "site" / "macros.py").read_text(encoding="utf-8")
    functions = {node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}
    assert not {name for name in functions if name.startswith("on_")}
    assert [Path(h.__file__).resolve() for h in config.hooks.values()] == [PACKAGE / "site" / "hooks.py"]


def reversed_plugins(config_file: Path) -> None:
    """Write the plugins of mkdocs.yml in the opposite order."""
    text = config_file.read_text(encoding="utf-8")
    start = text.index("\nplugins:\n") + len("\nplugins:\n")
    end = re.compile(r"^\S", re.M).search(text, start).start()
    entries = re.split(r"(?m)^(?=  - )", text[start:end])
    comments, plugins = entries[0], entries[1:]
    assert len(plugins) > 2
    config_file.write_text(text[:start] + comments + "".join(reversed(plugins)) + text[end:], encoding="utf-8")


@pytest.mark.slow
def test_the_order_of_the_plugins_changes_nothing(project, site, tmp_path, epoch):
    reversed_plugins(project / "mkdocs.yml")
    result = build(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    assert differing(site_files(site), site_files(tmp_path / "site")) == []


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.slow
def test_properdocs_builds_the_same_site(clean_project, site, tmp_path, epoch):
    """ProperDocs, the maintained fork of MkDocs 1.6, builds the same bytes but for the
    generator tag, so the site can move the day MkDocs breaks."""
    properdocs = Path(sys.executable).parent / "properdocs"
    result = build(clean_project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": epoch}, command=[
        str(properdocs), "build", "--strict", "--config-file", str(clean_project / "mkdocs.yml"),
        "--site-dir", str(tmp_path / "site")])
    assert result.returncode == 0, result.stderr
    ours, theirs = ({name: GENERATOR.sub(b"", data) for name, data in site_files(path).items()}
                    for path in (site, tmp_path / "site"))
    assert differing(ours, theirs) == []



def test_the_preview_does_not_promise_to_reload_code(config):
    """MkDocs keeps the hooks and imported modules for a whole `mkdocs serve`: watching
    scripts/ would rebuild with the old code (README: restart after a code change)."""
    watched = {Path(path).resolve() for path in config.watch}
    assert not any(path == PACKAGE or PACKAGE.is_relative_to(path) or path.is_relative_to(PACKAGE.parent)
                   for path in watched), watched
