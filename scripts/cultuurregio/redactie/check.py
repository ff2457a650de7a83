"""Check all content without building the site: `make check`.

Prints every problem at once, one per line as `file:line: message`, and exits non-zero
when there is any. The build runs the same checks (site/hooks.py) before it renders.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cultuurregio.project import read_config
from cultuurregio.site.validation import check_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer alle inhoud zonder de site te bouwen.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    _, problems = check_site(read_config(args.config_file.resolve()))
    for problem in problems:
        print(problem.as_line())
    if problems:
        count = len(problems)
        print(f"\n{count} {'probleem' if count == 1 else 'problemen'} gevonden; pas ze aan en "
              "draai 'make check' opnieuw.", file=sys.stderr)
        return 1
    print("Alles in orde: de gegevens en nieuwsbrieven kloppen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
