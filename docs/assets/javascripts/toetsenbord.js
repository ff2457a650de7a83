/*
 * The menu on small screens, by keyboard as well as by touch.
 *
 * Material opens its menu (the "drawer") with a <label> for a hidden checkbox, which a
 * keyboard cannot reach, and leaves the closed menu's links in the tab order while they
 * are off screen. overrides/partials/header.html puts a real button in the label's place;
 * here it opens and closes the menu (Escape closes it too), and the closed menu is inert.
 */
(function () {
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".cr-menuknop");
  var menu = document.querySelector(".md-sidebar--primary");
  if (!drawer || !button || !menu) return;
  // Below this width Material shows the navigation as a drawer (its own breakpoint).
  var small = window.matchMedia("(max-width: 76.2344em)");

  function update() {
    menu.inert = small.matches && !drawer.checked;
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function toggle(open) {
    drawer.checked = open;
    // Material follows the checkbox through its change event.
    drawer.dispatchEvent(new Event("change"));
    update();
  }

  button.addEventListener("click", function () {
    toggle(!drawer.checked);
    var first = menu.querySelector("a[href]");
    // Focus moves in once the opened menu is rendered and can take it.
    if (drawer.checked && first) requestAnimationFrame(function () { first.focus(); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer.checked || !small.matches) return;
    toggle(false);
    button.focus();
  });
  drawer.addEventListener("change", update);
  small.addEventListener("change", update);
  // A page (also one a browser brings back on reload or Back) starts with the menu closed:
  // Material's autocomplete="off" did that, which is invalid on a checkbox (overrides/base.html).
  window.addEventListener("pageshow", function () {
    if (drawer.checked) toggle(false);
  });
  update();
})();
