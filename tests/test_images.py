"""A photo that is described and credited is published in a figure with its caption; a
decorative image says so. (What is refused: tests/test_verdict.py, the image cases.)"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.helpers import build, newsletter, photo

BODY = """Het begin.

<!-- more -->

![Een volle zaal bij het debat over het cultuurprofiel](zaal.jpg)
/// caption
Foto: Testfotograaf
///

![](rand.png){ .decoratief }
"""


@pytest.mark.slow
def test_a_described_and_credited_photo_is_published_in_a_figure(project, tmp_path):
    photo(project, "zaal.jpg")
    photo(project, "rand.png")
    newsletter(project, "2019-03-met-foto.md", body=BODY)
    site = tmp_path / "site"
    result = build(project, site, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    page_dir = site / "nieuwsbrief" / "2019" / "03" / "met-foto"
    content = BeautifulSoup((page_dir / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".md-content")
    figure = content.find("img", alt="Een volle zaal bij het debat over het cultuurprofiel").find_parent("figure")
    assert "Foto: Testfotograaf" in figure.figcaption.get_text()
    decorative = content.select_one("img.decoratief")
    assert decorative["alt"] == ""
    for image in (figure.img, decorative):
        assert (page_dir / image["src"]).resolve().is_file(), image["src"]
