// Practitioner sign-in: work email and password.
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { languageSwitcher } from "../shell/languages.js";
import { phoneReplacedNotice } from "./phone-replaced.js";

export function signInView(ctx) {
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    field({
      name: "email",
      label: t("Work email address"),
      type: "email",
      autocomplete: "username",
      spellcheck: false,
      dir: "ltr",
    }),
    field({ name: "password", label: t("Password"), type: "password", autocomplete: "current-password" }),
    el("button", { type: "submit", class: "button" }, t("Sign in")),
  );
  onSubmit(form, {
    check: ({ email, password }) => [
      !email.trim() && { field: "email", message: t("Enter your work email address.") },
      !password && { field: "password", message: t("Enter your password.") },
    ].filter(Boolean),
    send: async ({ email, password }) => ctx.signedIn(await api.signInPractitioner(email.trim(), password)),
  });
  return el(
    "section",
    { class: "stack" },
    heading(t("Sign in")),
    phoneReplacedNotice(),
    el("p", { class: "lead" }, t("For practitioners working with families.")),
    form,
    el("p", { class: "other-way" }, el("a", { href: "#/join" }, t("I have an invitation code"))),
    languageSwitcher({ after: () => ctx.go("sign-in") }),
  );
}
