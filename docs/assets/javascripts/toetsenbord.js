/*
 * Keyboard access to Material's menu on small screens.
 *
 * Material opens its menu (the "drawer") with a <label> for a hidden checkbox: a label
 * cannot be reached or pressed with the keyboard, and the closed menu's links stay in the
 * tab order while they are off screen. Here the label becomes a button (Enter or Space
 * opens and closes the menu, Escape closes it), and the closed menu is made inert.
 */
(function () {
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  var menu = document.querySelector(".md-sidebar--primary");
  if (!drawer || !button || !menu) return;
  // Below this width Material shows the navigation as a drawer (its own breakpoint).
  var small = window.matchMedia("(max-width: 76.2344em)");

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-controls", "__drawer");

  function update() {
    menu.inert = small.matches && !drawer.checked;
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    button.click();
    if (drawer.checked) {
      var first = menu.querySelector("a[href], label[tabindex], input");
      if (first) first.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer.checked || !small.matches) return;
    button.click();
    button.focus();
  });
  drawer.addEventListener("change", update);
  small.addEventListener("change", update);
  update();
})();
