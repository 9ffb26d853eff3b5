// Regiekamer: accessibility repairs of the Django admin that a template cannot make.
// Django's filter_horizontal widget (SelectFilter2.js) names its search icon with aria-label
// on a <span> without a role, which assistive technology ignores (axe: aria-prohibited-attr).
// This script is deferred, so its load handler runs after the widget has been drawn.
"use strict";
window.addEventListener("load", () => {
  document.querySelectorAll("span.search-label-icon[aria-label]").forEach((icon) => {
    icon.setAttribute("role", "img");
  });
});
