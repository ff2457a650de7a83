/*
 * The search form's submit button (overrides/partials/search.html) does what Enter in the
 * search field does: go to the best result. Material handles that Enter on its keydown and
 * stops the form from submitting; a click or tap on the button submits, so it is turned into
 * that same Enter here, and the page is never reloaded with the query.
 */
(function () {
  "use strict";
  var form = document.forms.namedItem("search");
  var query = form && form.querySelector("[data-md-component='search-query']");
  if (!query) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    query.focus();
    query.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  });
})();
