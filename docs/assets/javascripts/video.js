/*
 * A video plays only when the visitor asks (overrides/content/video.html, site/media/video.py).
 *
 * Until then nothing of YouTube or Vimeo is loaded: no player, no poster from them, no
 * cookie. The button (hidden without JavaScript, when the plain link is the way to watch)
 * puts the player in place of the poster and moves focus to it, so a keyboard user can
 * go on with Space or K in the player. The page's Content-Security-Policy allows this
 * player's host as a frame on pages with a video only.
 */
(function () {
  document.querySelectorAll(".cr-video[data-speler]").forEach(function (video) {
    var button = video.querySelector(".cr-video__afspelen");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = video.getAttribute("data-speler");
      frame.title = "Video: " + video.querySelector(".cr-video__titel").textContent;
      frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
      frame.allowFullscreen = true;
      // The players refuse to play without knowing the site (no path, no query).
      frame.referrerPolicy = "strict-origin";
      frame.className = "cr-video__speler";
      video.querySelector(".cr-video__beeld").replaceChildren(frame);
      button.remove();
      frame.focus();
    });
  });
})();
