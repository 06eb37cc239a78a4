// Coming back on the same phone: the family member's secret number (PIN).
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";

export function pinField(name, label, hint, autocomplete) {
  return field({
    name,
    label,
    hint,
    type: "password",
    inputMode: "numeric",
    autocomplete,
    maxLength: 6,
    class: "pin",
  });
}

/** A secret number is 4 to 6 digits; returns the problem, or null. */
export function checkPin(name, pin) {
  if (/^[0-9]{4,6}$/.test(pin)) return null;
  return { field: name, message: t("Use 4 to 6 numbers.") };
}

/** The secret-number form that signs a family member in again on this phone. */
export function pinSignInForm(ctx) {
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    pinField("pin", t("Your secret number"), null, "current-password"),
    el("button", { type: "submit", class: "button" }, t("Open")),
  );
  onSubmit(form, {
    check: ({ pin }) => [checkPin("pin", pin)].filter(Boolean),
    send: async ({ pin }) => ctx.signedIn(await api.signInFamily(pin)),
    fieldForProblem: "pin",
  });
  return form;
}

export function pinView(ctx) {
  return el(
    "section",
    { class: "stack" },
    heading(t("Welcome back")),
    pinSignInForm(ctx),
    el("p", { class: "other-way" }, el("a", { href: "#/join" }, t("I have a new invitation code"))),
  );
}
