/*
 * Search is paid for only by those who search. Material fetches the whole search index
 * (search/search_index.json) as every page loads; with a large newsletter archive that is
 * most of what a first visit downloads. This script, loaded before Material's bundle
 * (overrides/main.html), holds that one request back until the visitor turns to search:
 * focus in the search field (by click, tap, Tab or the keys f, s and /), opening search,
 * or a pointer over the search button. Until then Material shows that search is starting.
 * Remove it when Material loads its index on demand.
 */
(function () {
  "use strict";
  var request = XMLHttpRequest.prototype;
  var open = request.open;
  var send = request.send;
  var held = [];
  var wanted = false;

  function isSearchIndex(url) {
    return /\/search\/search_index\.json$/.test(new URL(url, document.baseURI).pathname);
  }

  request.open = function (method, url) {
    this.cultuurregioIndex = isSearchIndex(String(url));
    return open.apply(this, arguments);
  };

  request.send = function () {
    if (this.cultuurregioIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function want() {
    if (wanted) {
      return;
    }
    wanted = true;
    held.splice(0).forEach(function (call) {
      send.apply(call[0], call[1]);
    });
  }

  function aimsAtSearch(event) {
    var target = event.target;
    if (target instanceof Element &&
        (target.id === "__search" || target.closest(".md-search, label[for='__search']"))) {
      want();
    }
  }

  document.addEventListener("focusin", aimsAtSearch);
  document.addEventListener("change", aimsAtSearch);
  document.addEventListener("pointerover", aimsAtSearch);
})();
