"""The web editor's files in docs/beheer/, made from the npm package package-lock.json pins.

    make beheer-bijwerken

Sveltia CMS (npm `@sveltia/cms`, the exact version and its sha512 in package-lock.json) is
served from the site itself, never from a CDN: its ES module build, bundled by esbuild with
our two lines of start (beheer/start.js), into docs/beheer/:

- `editor.js` and the chunks it loads when needed (the Dutch words among them);
- `assets/`: the fonts and image workers the package ships. The icon font (750 kB) is cut
  down to the icons the editor can show: the names in its code and in our configuration;
- `licenties/`: the licence of each package bundled and of each font;
- `BRON.json`: the package, its version and integrity, and the sha256 of every file here.

Left out of the bundle, so they can never load: the code highlighter's 300 grammars, the
map and the SVG optimiser, for fields this site does not use.

The same package gives the same files: tests/test_web_editor.py makes them again and
compares them byte for byte with those in the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from cultuurregio.project import ROOT
from cultuurregio.site.outputs.editor_config import ICONS

PACKAGE = "@sveltia/cms"
TARGET = Path("docs/beheer")
START = Path(__file__).parent / "beheer" / "start.js"
MANIFEST = "BRON.json"
# Widgets this site does not configure, whose libraries the editor imports only when shown.
LEFT_OUT = ("@shikijs/*", "leaflet", "leaflet/*", "terra-draw", "terra-draw-leaflet-adapter", "svgo/browser")
ICON_FONT = re.compile(r"material-symbols-outlined-.*\.woff2$")
# What the bundle would do that this site does not allow, and what it does instead. Each text
# must be found exactly once (an upgrade that moves one stops `make beheer-bijwerken`, to be
# looked at again); remove one when the package no longer needs it.
# - Its interface's stylesheet names the fonts on jsdelivr as well as in the package: the
#   package's own copies, relative to /beheer/ (the page the stylesheet is in).
# - Its own viewport meta forbids zooming in (maximum-scale=1): an editor must be able to enlarge
#   the text (WCAG 1.4.4; axe: meta-viewport).
# - For fields this site does not use (code highlighting, maps) it would fetch code from unpkg.com;
#   those addresses point into the site instead (at nothing it ships), so even `make serve`,
#   which has no policy to refuse them, sends nothing elsewhere.
# - Every five minutes it asks githubstatus.com (Atlassian's Statuspage, another party)
#   whether GitHub has an outage; from the start, signed in or not. The answer "no outage"
#   is read from a data: address instead, so no request leaves.
FONTS = {"source-sans-3:vf@5.3.0/latin-wght-normal": "source-sans-3-latin-wght-normal-BqRLTx4X",
         "noto-mono@5.3.0/latin-400-normal": "noto-mono-latin-400-normal-DiC8lJru",
         "material-symbols-outlined:vf@5.3.7/latin-wght-normal": "material-symbols-outlined-latin-wght-normal-_Z1IJPLg"}
REPLACEMENTS = {
    **{f"https://cdn.jsdelivr.net/fontsource/fonts/{cdn}.woff2": f"assets/{local}.woff2" for cdn, local in FONTS.items()},
    '"initial-scale=1","maximum-scale=1",': '"initial-scale=1",',
    **{f"{quote}https://unpkg.com/{name}": f"{quote}./niet-meegeleverd/{name}"
       for quote, name in (('"', "@shikijs"), ('"', "@sveltia/ui"), ('"', "@sveltia/cms"), ("`", "${e}"))},
    # {"status":{"indicator":"none"}}, percent-encoded: it stands inside a quoted string.
    "https://www.githubstatus.com/api/v2/status.json":
        "data:application/json,%7B%22status%22:%7B%22indicator%22:%22none%22%7D%7D",
}
# The characters an icon's name is typed with (the font draws the name as a ligature).
NAME_CHARACTERS = range(0x20, 0x7F)


def package_lock(root: Path) -> dict:
    entry = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    return entry[f"node_modules/{PACKAGE}"]


def bundle(root: Path, out: Path) -> dict:
    """esbuild's bundle of start.js into `out`; its metafile (which packages went in)."""
    meta = out.parent / "meta.json"
    command = [str(root / "node_modules/.bin/esbuild"), str(START), "--bundle", "--splitting",
               "--format=esm", "--minify", "--charset=utf8", "--log-level=warning",
               f"--outdir={out}", "--entry-names=editor", "--chunk-names=[name]-[hash]",
               f"--metafile={meta}", "--legal-comments=none",
               *(f"--external:{name}" for name in LEFT_OUT)]
    # NODE_PATH: start.js lives in scripts/, the package in the project's node_modules.
    subprocess.run(command, check=True, cwd=root, env={"PATH": "/usr/bin:/bin", "NODE_PATH": str(root / "node_modules")})
    return json.loads(meta.read_text(encoding="utf-8"))


def replace_outside_addresses(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    for address, instead in REPLACEMENTS.items():
        if text.count(address) != 1:
            raise SystemExit(f"{script.name} noemt {address} {text.count(address)} keer, niet één keer: "
                             "kijk in web_editor.py (REPLACEMENTS) wat er nu nodig is")
        text = text.replace(address, instead)
    script.write_text(text, encoding="utf-8")


def bundled_packages(meta: dict) -> list[str]:
    """The npm packages whose code is in the bundle, by the folders its inputs came from."""
    found = set()
    for source in meta["inputs"]:
        parts = source.split("node_modules/")[-1].split("/") if "node_modules/" in source else []
        if parts:
            found.add("/".join(parts[:2]) if parts[0].startswith("@") else parts[0])
    return sorted(found)


def icon_names(font: TTFont) -> dict[str, str]:
    """Each icon's name (the text its ligature replaces) and its glyph."""
    characters = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    names = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = table.ExtSubTable if lookup.LookupType == 7 else table
            for first, ligatures in getattr(table, "ligatures", {}).items():
                for ligature in ligatures:
                    name = characters[first] + "".join(characters[c] for c in ligature.Component)
                    names[name] = ligature.LigGlyph
    return names


def cut_icon_font(source: Path, target: Path, used: set[str]) -> int:
    """The icon font with only the icons in `used` (and the letters that spell them)."""
    # The original's date stays: a new one at each run would make other bytes from the same package.
    font = TTFont(source, recalcTimestamp=False)
    names = icon_names(font)
    options = subset.Options()
    # Without the closure, a ligature whose icon is not kept is dropped with it.
    options.layout_closure = False
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    kept = sorted(name for name in names if name in used)
    subsetter.populate(glyphs=[names[name] for name in kept],
                       unicodes=[code for code in font.getBestCmap() if code in NAME_CHARACTERS])
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    target.write_bytes(buffer.getvalue())
    return len(kept)


def words_in_code(out: Path) -> set[str]:
    """Every string literal of the bundle that could be an icon's name."""
    words = set()
    for script in out.glob("*.js"):
        words |= set(re.findall(r"[`\"']([a-z0-9_]+)[`\"']", script.read_text(encoding="utf-8")))
    return words


def make(root: Path, target: Path) -> dict:
    """The editor's files, made in a scratch folder and put in `target` whole."""
    lock = package_lock(root)
    package = root / "node_modules" / PACKAGE
    installed = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != lock["version"]:
        raise SystemExit(f"node_modules heeft {PACKAGE} {installed}, package-lock.json {lock['version']}: "
                         "draai eerst npm ci --ignore-scripts")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "beheer"
        meta = bundle(root, out)
        replace_outside_addresses(out / "editor.js")
        (out / "assets").mkdir()
        (out / "licenties").mkdir()
        icons = 0
        for asset in sorted((package / "npm" / "assets").iterdir()):
            if asset.suffix == ".map":
                continue
            if ICON_FONT.match(asset.name):
                icons = cut_icon_font(asset, out / "assets" / asset.name, words_in_code(out) | ICONS)
            elif asset.name.endswith(".LICENSE.txt"):
                shutil.copyfile(asset, out / "licenties" / asset.name.replace(".LICENSE", ""))
            else:
                shutil.copyfile(asset, out / "assets" / asset.name)
        for name in bundled_packages(meta):
            licence = next((p for p in sorted((root / "node_modules" / name).glob("LICEN[CS]E*"))), None)
            if licence is None:
                raise SystemExit(f"{name} heeft geen licentiebestand; zoek uit onder welke licentie het valt")
            shutil.copyfile(licence, out / "licenties" / (name.replace("/", "__") + ".txt"))
        files = {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                 for p in sorted(out.rglob("*")) if p.is_file()}
        manifest = {"pakket": PACKAGE, "versie": lock["version"], "integriteit": lock["integrity"],
                    "pakketten_in_de_bundel": bundled_packages(meta), "iconen": icons, "bestanden": files}
        (out / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(out, target)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak de bestanden van de webeditor in docs/beheer/.")
    parser.add_argument("--doel", type=Path, default=ROOT / TARGET)
    args = parser.parse_args(argv)
    manifest = make(ROOT, args.doel)
    size = sum((args.doel / name).stat().st_size for name in manifest["bestanden"])
    print(f"{PACKAGE} {manifest['versie']}: {len(manifest['bestanden'])} bestanden, {size / 1e6:.1f} MB, "
          f"{manifest['iconen']} iconen, in {args.doel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
