"""One visit of every page of a site in Chromium, per colour scheme, that several checks read
(tests/test_every_page.py): what axe-core finds, every request the page makes and every
answer of 400 or more, the Content-Security-Policy violations it reports, the palette it
shows, and the cookies afterwards; requests answered with 400 or more or not answered at all. A helper of the tests, not a test."""

from __future__ import annotations

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

from tests.helpers import AXE_TAGS, page_urls

# Collected in every frame before the page's own scripts run.
WATCH = ("window.__violations = [];"
         "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
         "e.violatedDirective + ' ' + e.blockedURI + ' ' + location.pathname));")


@dataclass
class Visit:
    scheme: str
    urls: list[str]
    palettes: dict[str, str] = field(default_factory=dict)
    axe: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)


def visit_every_page(browser, base: str, site, scheme: str, disabled_rules=(), urls: list[str] | None = None) -> Visit:
    """Each page (or each of `urls`) loaded once: axe runs on it, then the page may finish
    loading what it loads (network idle) before its policy violations are read."""
    visit = Visit(scheme, urls or page_urls(site, base))
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(WATCH)
    page = context.new_page()
    page.on("request", lambda request: visit.requests.append((page.url, request.url)))
    # A page's own scripts must not ask for what is not there (a 404 costs a visitor bytes).
    page.on("response", lambda response: response.status >= 400 and visit.failed.append(
        f"{page.url} -> {response.url} ({response.status})"))
    # And a request that got no answer at all (refused, blocked, cut off).
    page.on("requestfailed", lambda request: visit.failed.append(f"{page.url} -> {request.url} ({request.failure})"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS},
               "rules": {rule: {"enabled": False} for rule in disabled_rules}, "resultTypes": ["violations"]}
    axe = Axe()
    for url in visit.urls:
        page.goto(url, wait_until="load")
        shown = url.removeprefix(base) or "/"
        visit.palettes[shown] = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        for violation in axe.run(page, options=options).response["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
            visit.axe.append(f"{shown}: {violation['id']} ({violation['impact']}) {violation['help']} -> {targets}")
        page.wait_for_load_state("networkidle")
        visit.violations.extend(page.evaluate("window.__violations"))
        if page.evaluate("document.cookie"):
            visit.cookies.append(f"{shown}: document.cookie")
    visit.cookies.extend(context.cookies())
    context.close()
    return visit


# Counts the queries Material's page sends its search worker and the answers that came back.
# The worker answers in order, and this listener is added after Material's (at the first
# query, when Material already listens for the worker's "ready"): when the two counts agree,
# what the results show is the last query's answer. Material's message types: QUERY 2, RESULT 3.
SEARCH_PROBE = """(() => {
  const probe = window.__search = {asked: 0, answered: 0};
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 2) {
      if (!this.__counted) {
        this.__counted = true;
        this.addEventListener('message', event => { if (event.data.type === 3) probe.answered += 1; });
      }
      probe.asked += 1;
    }
    return post.call(this, message, ...rest);
  };
})();"""


def results_for(page, query: str) -> list[str]:
    """What the search box finds for `query`: the results' addresses, of this query and no other.
    The page carries SEARCH_PROBE (an init script). The box is emptied first and the wait is for
    Material's placeholder with every query answered (an earlier query's answer arriving later
    would show a count for this one); then the whole query goes in with one keyup (Material
    searches on keyup), and the results are read once its answer has come and shows a count."""
    assert page.evaluate("window.__search !== undefined"), "the page needs SEARCH_PROBE before it loads"
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")
    said = page.evaluate("() => JSON.parse(document.getElementById('__config').textContent).translations")
    meta = "document.querySelector('.md-search-result__meta')?.textContent.trim()"
    settled = "window.__search.asked === window.__search.answered"
    box.fill("")
    box.press("End")
    page.wait_for_function(f"text => {settled} && {meta} === text", arg=said["search.result.placeholder"])
    box.fill(query)
    box.press("End")
    # A count ("Geen …", "1 …", "# …"): Material shows it and the first results in one turn
    # (components/search/result).
    counts = [said["search.result.none"], said["search.result.one"], said["search.result.other"]]
    page.wait_for_function(f"""counts => {{ const shown = {meta};
        return {settled} && counts.some(([before, after]) => after === null ? shown === before
            : shown.startsWith(before) && shown.endsWith(after)
              && /^[0-9.,]+$/.test(shown.slice(before.length, shown.length - after.length))); }}""",
                           arg=[text.split("#", 1) if "#" in text else [text, None] for text in counts])
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    page.keyboard.press("Escape")
    return hrefs
