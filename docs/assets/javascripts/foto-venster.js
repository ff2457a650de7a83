/*
 * A photo opens larger on click, tap or Enter (the link around it: overrides/content/foto.html).
 *
 * The browser's own modal <dialog> does the hard parts: focus moves into it, the page behind
 * it is inert, Escape closes it. The same <picture> is shown at the width of the screen, so
 * the browser fetches only the size it needs; the caption and alt text come along. On
 * closing, focus goes back to the photo's link.
 */
(function () {
  var dialog = null;
  var opener = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "md-typeset cr-foto-venster";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "cr-foto-venster__sluiten";
    close.textContent = "Sluiten";
    close.autofocus = true;
    close.addEventListener("click", function () { dialog.close(); });
    var figure = document.createElement("figure");
    dialog.append(close, figure);
    // A click on the dark backdrop around the photo closes it too.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
    document.body.append(dialog);
  }

  function show(link) {
    if (!dialog) build();
    opener = link;
    var picture = link.querySelector("picture").cloneNode(true);
    picture.querySelectorAll("source, img").forEach(function (element) {
      element.setAttribute("sizes", "100vw");
      element.removeAttribute("loading");
    });
    var img = picture.querySelector("img");
    var figure = dialog.querySelector("figure");
    figure.replaceChildren(picture);
    var caption = link.closest("figure");
    caption = caption && caption.querySelector("figcaption");
    if (caption) {
      var text = document.createElement("figcaption");
      text.textContent = caption.textContent;
      figure.append(text);
    }
    dialog.setAttribute("aria-label", img.alt || "Foto");
    dialog.showModal();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.cr-foto-vergroten");
    // A new tab or window (Ctrl, Cmd, Shift, middle button) still gets the file itself.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    show(link);
  });
})();
