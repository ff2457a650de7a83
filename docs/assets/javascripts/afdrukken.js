/*
 * On paper a link is only useful with its address. Each link in the content gets its
 * full address in data-afdruk-url, which the print stylesheet shows after the link text.
 */
(function () {
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
    if (link.textContent.trim() === link.href) return;
    link.setAttribute("data-afdruk-url", link.href);
  });
})();
