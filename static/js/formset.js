// Regiekamer: a formset with a button "… toevoegen" (data-rij-toevoegen="<prefix>") gets a row
// more on each click, as many as needed, without reloading the page. The new row is a copy of
// the formset's empty form (<template id="<prefix>-leeg">), numbered by the management form's
// TOTAL_FORMS, which goes up by one. Without this script the button stays hidden and the form's
// empty rows serve. A file of its own, as the Content-Security-Policy allows no inline script.
"use strict";

document.querySelectorAll("button[data-rij-toevoegen]").forEach((button) => {
  if (button.dataset.gebonden) return; // the script is loaded once per formset
  button.dataset.gebonden = "ja";
  const prefix = button.dataset.rijToevoegen;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const template = document.getElementById(`${prefix}-leeg`);
  const rows = document.getElementById(`${prefix}-rijen`);
  const max = document.getElementById(`id_${prefix}-MAX_NUM_FORMS`);
  if (!total || !template || !rows) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    if (max && index >= Number(max.value)) return;
    const html = template.innerHTML
      .replaceAll("__prefix__", String(index))
      .replaceAll("__rij__", String(index + 1));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const first = rows.querySelector(`[name^="${prefix}-${index}-"]:not([type=hidden])`);
    if (first) first.focus();
  });
});
