/* The phone menu (layout/header.html, layout/nav.html). Without this script « Menu »
   is a link to #menu-principal, opened by the :target rule of nav.css. With it, a
   button opens and closes the menu: aria-expanded, focus moved to the first link,
   Escape or « Menu » again closes it and gives focus back to the button. On wide
   screens the menu is always shown and the button is not displayed (CSS). */
(function () {
  "use strict";
  var button = document.querySelector(".h32-menu-button");
  var link = document.querySelector(".h32-menu-link");
  var menu = document.getElementById("menu-principal");
  if (!button || !link || !menu) { return; }
  var close = menu.querySelector(".h32-nav__close");

  function setOpen(open, focusBack) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("h32-nav--open", open);
    if (open) {
      var first = menu.querySelector("a");
      if (first) { first.focus(); }
    } else if (focusBack) {
      button.focus();
    }
  }

  button.hidden = false;
  link.hidden = true;
  if (close) { close.hidden = true; }
  document.documentElement.classList.add("h32-menu-js");
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true", true);
  });
  [menu, button].forEach(function (node) {
    node.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        setOpen(false, true);
      }
    });
  });
}());
