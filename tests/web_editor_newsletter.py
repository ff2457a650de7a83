"""The newsletter an editor writes in the web editor's tests (tests/test_web_editor_forms.py on a
local repository, tests/test_web_editor_github.py through GitHub's API): test-made content, two
photos from a phone, scheduled two months ahead with sending switched on."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PIL import Image

from tests.web_editor import add_photo, insert_block, text_field

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Scheduled: two months from today, so it is always in the future when the test runs.
DAY = dt.date.today() + dt.timedelta(days=60)
TITLE = "Ideeën uit Hengelo"
SLUG = "ideeen-uit-hengelo"
POST = f"docs/nieuwsbrief/posts/{DAY:%Y-%m}-{SLUG}.md"
PHOTOS = [("IMG 2041.JPG", "Twee dansers op een podium in Hengelo", "Anna de Vries", (190, 80, 40)),
          ("IMG 2042.JPG", "Een koor zingt in een dorpskerk", "Bram Jansen", (40, 80, 190))]
def phone_photos(folder):
    for name, _, _, colour in PHOTOS:
        Image.new("RGB", (1600, 1200), colour).save(folder / name, quality=85)
    return folder


def new_newsletter(page, photos) -> None:
    page.get_by_role("button", name="Nieuw").click()
    page.get_by_role("textbox", name="Titel").fill(TITLE)
    page.locator('section[data-key-path="date.created"] input').fill(f"{DAY:%Y-%m-%d}")
    page.get_by_role("textbox", name="Beschrijving").fill("Wat er in Hengelo aan ideeën leeft, in twee foto's.")
    page.get_by_role("checkbox", name="Proces").check()
    page.get_by_role("checkbox", name="redactie").check()
    page.get_by_role("switch", name="Vanzelf versturen op de verschijningsdatum").click()
    text_field(page, "Tekst").locator('[contenteditable="true"]').first.click()
    page.keyboard.type("Een inleiding over de ideeën uit Hengelo.")
    insert_block(page, "Tekst", "Einde van de inleiding")
    for name, description, maker, _ in PHOTOS:
        add_photo(page, photos / name, description, maker)
