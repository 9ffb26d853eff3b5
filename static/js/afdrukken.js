// Regiekamer: an "Afdrukken" button (class "afdrukken", hidden until this script shows it)
// opens the browser's print dialog. A file of its own: the Content-Security-Policy allows no
// inline script. Without the script the browser's own print command still works.
"use strict";

for (const button of document.querySelectorAll("button.afdrukken")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
