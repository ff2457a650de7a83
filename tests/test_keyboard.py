"""Everything works with a keyboard: skip link first, a visible focus ring everywhere,
and the mobile menu and search open and close without a mouse."""

from __future__ import annotations

import pytest

from tests.helpers import published_newsletters

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}

# What the focused element shows: its own outline or shadow, or for Material's hidden
# palette radio button, the outline of the label that stands for it.
FOCUS_STATE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const shown = element.matches('input.md-option') ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    tag: element.tagName, text: (element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 40),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)',
    shadow: style.boxShadow !== 'none',
    visible: box.width > 0 && box.height > 0 && shown.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    inMain: !!element.closest('.md-content'),
  };
}"""


AFTER_TWO_FRAMES = f"""() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
  done(({FOCUS_STATE})()))))"""


# Material fades focus rings, permalinks and the skip link in; the end state is what counts.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def open_page(browser, web, path: str, viewport: dict):
    page = browser.new_page(viewport=viewport)
    page.goto(web.base + path, wait_until="networkidle")
    # A constructed stylesheet: the page's Content-Security-Policy refuses a <style> added to it.
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }", NO_TRANSITIONS)
    return page


def tab_stops(page, limit: int = 250) -> list[dict]:
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        # Material reacts to focus a frame later (search opens when its box gets focus): read the
        # focus after two frames have been drawn, in the same call.
        state = page.evaluate(AFTER_TWO_FRAMES)
        if state is None or (stops and state == stops[0]):
            break
        stops.append(state)
    return stops


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_tab_stop_is_a_skip_link_to_the_content(browser, web, viewport):
    page = open_page(browser, web, "proces/", viewport)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STATE)
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), first
    assert first["visible"] and first["outline"]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_STATE)["inMain"], "after the skip link, focus goes on in the content"
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["", "proces/", "agenda/", "nieuwsbrief/", published_newsletters()[0]["url"]])
def test_every_tab_stop_is_visible_and_shows_focus(browser, web, viewport, path):
    page = open_page(browser, web, path, viewport)
    stops = tab_stops(page)
    assert len(stops) > 10
    hidden = [s for s in stops if not s["visible"]]
    unmarked = [s for s in stops if s["visible"] and not (s["outline"] or s["shadow"])]
    assert not hidden, f"focus lands on something not visible: {hidden}"
    assert not unmarked, f"no visible focus indicator: {unmarked}"
    page.close()


def test_the_phone_menu_opens_and_closes_by_keyboard(browser, web):
    page = open_page(browser, web, "", PHONE)
    menu = page.locator("button.cr-menuknop")
    on_menu_button = "document.activeElement.classList.contains('cr-menuknop')"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(on_menu_button):
            break
    else:
        pytest.fail("the menu button is not reachable with Tab")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked", timeout=2000)
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')", timeout=2000)
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__drawer').checked", timeout=2000)
    assert page.evaluate(on_menu_button)
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('__drawer').checked", timeout=2000)
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_opens_and_closes_by_keyboard(browser, web, viewport):
    page = open_page(browser, web, "", viewport)
    search_open = "document.getElementById('__search').checked"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("the search box is not reachable with Tab")
    page.wait_for_function(search_open, timeout=2000)
    page.keyboard.type("werkgroep")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").first.is_visible()
    page.keyboard.press("Escape")
    page.wait_for_function(f"!{search_open}", timeout=2000)
    page.close()
