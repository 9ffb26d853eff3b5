// Regiekamer: a form marked data-waarschuw-bij-verlaten (the formation grid) asks before the
// page is left while a field differs from what the page was opened with. Saving the form does
// not ask. A file of its own, as the Content-Security-Policy allows no inline script.
"use strict";

function differs(field) {
  if (field.type === "checkbox" || field.type === "radio") {
    return field.checked !== field.defaultChecked;
  }
  if (field.tagName === "SELECT") {
    return Array.from(field.options).some((option) => option.selected !== option.defaultSelected);
  }
  if (field.type === "hidden" || field.type === "submit" || field.type === "button") {
    return false;
  }
  return "defaultValue" in field && field.value !== field.defaultValue;
}

document.querySelectorAll("form[data-waarschuw-bij-verlaten]").forEach((form) => {
  let saving = false;
  form.addEventListener("submit", (event) => {
    saving = true;
    // Another script may stop this submit (to ask for a confirmation): then it is not saved.
    setTimeout(() => {
      if (event.defaultPrevented) saving = false;
    }, 0);
  });
  window.addEventListener("beforeunload", (event) => {
    if (!saving && Array.from(form.elements).some(differs)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
});
