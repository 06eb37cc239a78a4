// Labelled form fields, and errors shown next to the field they are about, listed
// too in a summary at the top of the form that links to each (as on GOV.UK).
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { nameThePage } from "./layout.js";

/** A label, an optional hint, the input and a (hidden until needed) error line. */
export function field({ name, label, hint, ...inputProps }) {
  const id = "field-" + name;
  const hintId = hint ? id + "-hint" : null;
  const errorId = id + "-error";
  // Words people type keep their own direction (an English name on an Urdu screen).
  const typed = !inputProps.type || inputProps.type === "text";
  const input = el("input", { id, name, "aria-describedby": hintId, dir: typed ? "auto" : undefined, ...inputProps });
  return el(
    "div",
    { class: "field", "data-field": name },
    el("label", { for: id }, label),
    hint ? el("p", { id: hintId, class: "hint" }, hint) : null,
    el("p", { id: errorId, class: "field-error", hidden: true }),
    input,
  );
}

/** The line at the top of a form for problems that are not about one field. */
export function formMessage() {
  return el("p", { class: "form-message", role: "alert", hidden: true });
}

export function clearErrors(form) {
  for (const error of form.querySelectorAll(".field-error")) {
    error.hidden = true;
    error.textContent = "";
    const owner = document.getElementById(error.id.replace(/-error$/, ""));
    if (owner && (owner.getAttribute("aria-describedby") || "").includes(error.id)) {
      owner.removeAttribute("aria-invalid");
      owner.setAttribute("aria-describedby", describedBy(owner, false));
    }
  }
  const message = form.querySelector(".form-message");
  message.hidden = true;
  message.textContent = "";
  form.querySelector(".error-summary")?.remove();
  nameThePage();
}

// "There is a problem", then one link per field error: a link takes focus to its field.
function showSummary(form, linked) {
  const link = ({ target, message }) => {
    const go = (event) => {
      event.preventDefault(); // the address's fragment is the router's
      focusField(target);
    };
    return el("li", {}, el("a", { href: "#" + target.id, onclick: go }, message));
  };
  const summary = el(
    "div",
    { class: "error-summary", "aria-labelledby": "error-summary-title" },
    el("h2", { id: "error-summary-title", class: "error-summary-title" }, t("There is a problem")),
    el("ul", { class: "error-summary-list" }, linked.map(link)),
  );
  form.prepend(summary);
  nameThePage({ error: true });
}

/**
 * Shows errors ([{field, message}]) beside their fields and moves focus to the
 * first one, so a screen reader reads its label and message together. Errors
 * for fields this form does not have go to the form's message line.
 */
export function showErrors(form, errors) {
  const elsewhere = [];
  const linked = [];
  let first = null;
  for (const { field: name, message } of errors) {
    const target = fieldFor(form, name);
    if (!target) {
      elsewhere.push(message);
      continue;
    }
    const error = document.getElementById(target.id + "-error");
    error.textContent = error.textContent ? error.textContent + " " + message : message;
    error.hidden = false;
    // A group of choices is described by its error; each input in it is not "invalid".
    if (target.tagName !== "FIELDSET") target.setAttribute("aria-invalid", "true");
    target.setAttribute("aria-describedby", describedBy(target, true));
    linked.push({ target, message });
    first = first || target;
  }
  if (linked.length) showSummary(form, linked);
  if (elsewhere.length) showFormMessage(form, elsewhere.join(" "));
  if (first) focusField(first);
}

// The field (an input, or a fieldset of choices) with the id "field-<name>", if it
// is on show and has an error line.
function fieldFor(form, name) {
  const found = form.querySelector("#field-" + CSS.escape(name)) || form.elements.namedItem(name);
  if (!found || !found.id || found.closest("[hidden]")) return null;
  return document.getElementById(found.id + "-error") ? found : null;
}

function focusField(target) {
  if (target.tagName !== "FIELDSET") return target.focus();
  const choice = target.querySelector("input:checked") || target.querySelector("input, textarea, button");
  if (choice) choice.focus();
}

export function showFormMessage(form, text) {
  const message = form.querySelector(".form-message");
  message.textContent = text;
  message.hidden = false;
  nameThePage({ error: true });
}

function describedBy(input, withError) {
  const hint = document.getElementById(input.id + "-hint") ? input.id + "-hint" : "";
  return [withError ? input.id + "-error" : "", hint].filter(Boolean).join(" ");
}

/**
 * Handles a form's submit: checks it, sends it once (a second tap while sending
 * does nothing) and shows what the server said. `fieldForProblem` names the
 * field a problem without field errors is about (such as a wrong PIN).
 */
export function onSubmit(form, { check = () => [], send, fieldForProblem = null }) {
  let sending = false;
  form.noValidate = true;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form);
    const values = Object.fromEntries(new FormData(form));
    const problems = check(values);
    if (problems.length) return showErrors(form, problems);
    sending = true;
    form.setAttribute("aria-busy", "true");
    const buttons = [...form.querySelectorAll("button[type=submit]")];
    // Disabled while sending, so a double tap cannot send twice.
    for (const button of buttons) button.disabled = true;
    try {
      await send(values);
    } catch (error) {
      const aboutOneField = fieldForProblem && error.status > 0;
      if (error.errors && error.errors.length) showErrors(form, error.errors);
      else if (aboutOneField) showErrors(form, [{ field: fieldForProblem, message: error.message }]);
      else showFormMessage(form, error.message);
    } finally {
      sending = false;
      form.removeAttribute("aria-busy");
      for (const button of buttons) button.disabled = false;
      // Disabling the focused button dropped focus: give it back, so a keyboard user can try again.
      if (document.activeElement === document.body && buttons[0] && buttons[0].isConnected) buttons[0].focus();
    }
  });
}
