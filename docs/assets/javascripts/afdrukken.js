/*
 * On paper a link is only useful with its address. Each link in the content gets its full
 * published address (resolved against the page's canonical URL, not wherever the page is
 * being viewed) in data-afdruk-url, which the print stylesheet shows after the link text.
 */
(function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href : document.baseURI;
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#" || link.matches(".headerlink, .md-content__button, .cr-foto-vergroten")) return;
    var address = new URL(href, base).href;
    if (link.textContent.trim() === address) return;
    link.setAttribute("data-afdruk-url", address);
  });
})();
