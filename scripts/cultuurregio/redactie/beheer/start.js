// The web editor at /beheer/ (bundled by make beheer-bijwerken: cultuurregio/redactie/web_editor.py).
// Dutch first: modules run in the order they are imported, so the language is chosen before
// Sveltia CMS reads it.
import "./nederlands.js";
import { init } from "@sveltia/cms";

init();
