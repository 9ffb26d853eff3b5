// Regiekamer: on a narrow screen (a phone) the main menu folds behind a "Menu" button, so the
// page starts with its content instead of a quarter screen of links. Without this script the
// button stays hidden and the menu simply shows. A file of its own, as the
// Content-Security-Policy allows no inline script. The width matches app.css (48rem).
"use strict";

const button = document.querySelector(".menu-knop");
const panel = button && document.getElementById(button.getAttribute("aria-controls"));

if (button && panel) {
  const narrow = window.matchMedia("(max-width: 47.99rem)");

  const show = () => {
    const open = button.getAttribute("aria-expanded") === "true";
    button.hidden = !narrow.matches;
    panel.hidden = narrow.matches && !open;
  };

  const toggle = (open) => {
    button.setAttribute("aria-expanded", String(open));
    show();
  };

  button.addEventListener("click", () => {
    toggle(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu and returns to its button (WCAG 2.1.2: no keyboard trap).
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && narrow.matches) {
      toggle(false);
      button.focus();
    }
  });
  narrow.addEventListener("change", show);
  show();
}
