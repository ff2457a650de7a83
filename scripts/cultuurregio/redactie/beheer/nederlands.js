// Sveltia CMS takes its language from the editor's own choice (its settings, kept in
// localStorage) and otherwise from the browser's. Editors here work in Dutch, whatever
// language their browser asks for; a language chosen in the settings still wins.
const KEY = "sveltia-cms.prefs";

let prefs = {};
try {
  prefs = JSON.parse(localStorage.getItem(KEY) || "{}") || {};
} catch {
  prefs = {};
}
if (!prefs.locale) {
  localStorage.setItem(KEY, JSON.stringify({ ...prefs, locale: "nl" }));
}
