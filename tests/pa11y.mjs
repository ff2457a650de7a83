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
const results = [];
try {
  for (const scheme of ["light", "dark"]) {
    // A fresh context per scheme: Material keeps the palette it chose in localStorage.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // What a visitor's system setting does: Material follows prefers-color-scheme.
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    for (const url of urls) {
      const report = await pa11y(url, {
        browser,
        page,
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
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
