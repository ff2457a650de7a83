// pa11y's HTML_CodeSniffer (WCAG2AA) on a list of pages, in the light and the dark palette,
// for tests/test_pa11y.py. One Chromium for all pages: Debian's, handed over by the test
// (puppeteer's own browser is never downloaded: npm ci runs with --ignore-scripts).
//
// stdin: {"chromium": path, "args": [...], "urls": [...]}
// stdout: [{"url", "scheme", "palette", "issues": [{"code", "message", "selector"}]}]
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { chromium, args, urls } = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const browser = await puppeteer.launch({ executablePath: chromium, args, headless: true });
// Both palettes at once, each in its own context: Material keeps the palette it chose in
// localStorage.
async function inScheme(scheme) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  // What a visitor's system setting does: Material follows prefers-color-scheme.
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
  const results = [];
  for (const url of urls) {
    // Loaded as the axe test loads a page; pa11y's own navigation waits for the network
    // to be idle for half a second, on every page.
    await page.goto(url, { waitUntil: "load" });
    const report = await pa11y(url, {
      browser,
      page,
      ignoreUrl: true,
      standard: "WCAG2AA",
      runners: ["htmlcs"],
      includeNotices: false,
      includeWarnings: false,
      timeout: 60000,
    });
    // The palette the page really showed, so a scheme that was not applied cannot pass.
    const palette = await page.evaluate(() => document.body.getAttribute("data-md-color-scheme"));
    results.push({
      url,
      scheme,
      palette,
      issues: report.issues.map(({ code, message, selector }) => ({ code, message, selector })),
    });
  }
  await context.close();
  return results;
}

let results;
try {
  results = (await Promise.all(["light", "dark"].map(inScheme))).flat();
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
