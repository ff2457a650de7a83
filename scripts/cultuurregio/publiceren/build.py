"""Build the site all or nothing: `python -m cultuurregio.publiceren.build --site-dir site`.

MkDocs writes into its output folder as it goes, and in strict mode it only stops after
everything is written. So the build goes to a fresh folder next to the target, and only
a build that succeeded replaces the target. After a failed build the target is removed
too: an old site left in place would look as if it were the current one.

The build is MkDocs' strict build in this process (site/verdict.py, the same as `make
check`), so every message comes out in Dutch, down to the last line.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path


def build(config_file: Path, site_dir: Path) -> int:
    # Material prints a notice about its successor when it loads; editors need not see it.
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from cultuurregio.site.common.dates import pin_build_moment
    from cultuurregio.site.verdict import strict_build

    pin_build_moment(config_file.parent)

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    # mkdtemp makes a private folder; a published site must be readable by the web server.
    staging.chmod(0o755)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    problems = strict_build(config_file, staging, console).problems
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(site_dir, ignore_errors=True)
        count = len(problems)
        print(f"\nDe site is NIET gebouwd: {count} {'probleem' if count == 1 else 'problemen'}. "
              f"{site_dir.name}/ is leeggemaakt zodat er niets half of verouderd gepubliceerd wordt.",
              file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    shutil.rmtree(site_dir, ignore_errors=True)
    staging.rename(site_dir)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site in één keer, of helemaal niet.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    return build(args.config_file.resolve(), args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
