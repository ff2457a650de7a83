"""Valid HTML on every built page, as an auditor checks it: the W3C's Nu Html Checker
(vnu.jar, pinned in package-lock.json; `make test` installs it with npm and runs it on the
system's Java). Every page a visitor can reach (the 404 page, the blog's overview pages and
the profile page the PDF is printed from included), every e-mail edition and the web editor's
page: 0 errors.

Before the overrides of overrides/base.html, partials/nav-item.html and partials/toc.html
it reported 106 errors on the 28 pages, all from Material's templates (autocomplete on the
two checkbox toggles 56, tabindex="" on section labels 45, a label for a missing toggle 5)."""

from __future__ import annotations

import pytest

from tests.helpers import site_pages
from tests.nu_html import nu_html_errors
from tests.web_editor import EDITOR_PAGE

pytestmark = pytest.mark.slow


def test_the_nu_html_checker_finds_no_error_on_any_page(site):
    pages = [*site_pages(site), *sorted(site.rglob("e-mail.html")), site / EDITOR_PAGE]
    assert {"404.html", "profiel/index.html", "nieuwsbrief/archief/2018/index.html"} <= {
        p.relative_to(site).as_posix() for p in pages}
    report = nu_html_errors(pages, site)
    assert report == [], f"{len(report)} fouten:\n" + "\n".join(report[:30])
