"""Where a build will be published, as a line for $GITHUB_OUTPUT (the workflows' `adres`):

    python -m cultuurregio.publiceren.addresses                 adres=<site_url>
    python -m cultuurregio.publiceren.addresses --voorbeeld 12  adres=<site_url>voorbeeld/pr-12/

GitHub shows it as the deployment's address ("View deployment") on main and on the pull
request (.github/workflows/gh-pages.yml).
"""

from __future__ import annotations

import argparse
import sys

from cultuurregio.project import read_config
from cultuurregio.site.common.preview import Preview


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Het adres waarop deze bouw gepubliceerd wordt.")
    parser.add_argument("--voorbeeld", type=int, help="het nummer van de pull request")
    args = parser.parse_args(argv)
    config = read_config()
    address = Preview(args.voorbeeld, config.repo_url).address(config.site_url) if args.voorbeeld else config.site_url
    print(f"adres={address}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
