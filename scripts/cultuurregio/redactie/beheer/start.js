// The web editor at /beheer/ (bundled by make beheer-bijwerken: cultuurregio/redactie/web_editor.py).
// Dutch first: modules run in the order they are imported, so the language is chosen before
// Sveltia CMS reads it.
import "./nederlands.js";
import "./onderdelen.js";
import { init, registerEventListener } from "@sveltia/cms";

// A new newsletter's slug (its address, /nieuwsbrief/JJJJ/MM/<slug>/) is made from its title,
// as the file name is (the collection's slug and path in /beheer/config.json). Once published
// it never changes: an existing slug is kept.
registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const data = entry.get("data");
    if (entry.get("collection") !== "nieuwsbrief" || data.get("slug")) return data;
    return data.set("slug", entry.get("slug"));
  },
});

init();
