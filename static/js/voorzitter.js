// Regiekamer: the chair of a meeting is one of its gremium's members. The select of the chair
// (data-leden: JSON {gremium: [[persoon, naam], ...]}, data-gremium: the id of the gremium's
// select) offers the members of the gremium chosen, again when another gremium is
// chosen, without a reload. Without this script the page offers the members of the gremium it
// was opened with, and the server refuses any other chair. A file of its own (CSP).
"use strict";

document.querySelectorAll("select[data-leden]").forEach((select) => {
  const gremium = document.getElementById(select.dataset.gremium);
  if (!gremium) return;
  const leden = JSON.parse(select.dataset.leden);
  const leeg = select.querySelector('option[value=""]');

  function bied_leden_aan() {
    const lijst = leden[gremium.value];
    if (!gremium.value) return; // no gremium chosen yet: the list stays as it is
    const gekozen = select.value;
    select.replaceChildren(...(leeg ? [leeg] : []));
    for (const [pk, naam] of lijst || []) {
      const option = new Option(naam, String(pk));
      option.selected = String(pk) === gekozen;
      select.add(option);
    }
  }

  gremium.addEventListener("change", bied_leden_aan);
  bied_leden_aan();
});
