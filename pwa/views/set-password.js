// A practitioner's one-time link (#/set-password/TOKEN, from an invitation email or
// `alongside admin create-partnership-admin`): choose a password, then signed in.
// The token is sent in the request body only, never in an address the server logs.
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api, ProblemError } from "../shell/api.js";
import { t } from "../shell/i18n.js";

const SHORTEST = 12;

export async function setPasswordView(ctx) {
  const token = ctx.code;
  let welcome = null;
  try {
    welcome = token ? await api.lookAtLink(token) : null;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return linkNotWorking(error.message);
  }
  if (!welcome) return linkNotWorking(t("We could not find that link. Please ask your administrator for a new one."));
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    field({
      name: "password",
      label: t("Choose a password"),
      hint: t("At least 12 characters. A few words you will remember work well."),
      type: "password",
      autocomplete: "new-password",
    }),
    field({ name: "again", label: t("Type your password again"), type: "password", autocomplete: "new-password" }),
    el("button", { type: "submit", class: "button" }, t("Save my password and sign in")),
  );
  onSubmit(form, {
    check: ({ password, again }) =>
      [
        password.length < SHORTEST && { field: "password", message: t("Use at least 12 characters.") },
        password.length >= SHORTEST && password !== again && { field: "again", message: t("The two passwords are not the same.") },
      ].filter(Boolean),
    send: async ({ password }) => ctx.signedIn(await api.acceptLink(token, password)),
  });
  return el(
    "section",
    { class: "stack" },
    heading(t("Choose your password")),
    el("p", { class: "lead" }, t("Welcome to Alongside, {name}.", { name: welcome.name })),
    el("p", {}, t("You will sign in with {email}.", { email: welcome.email })),
    form,
  );
}

function linkNotWorking(message) {
  return el(
    "section",
    { class: "stack" },
    heading(t("This link does not work")),
    el("p", { role: "alert" }, message),
    el("p", { class: "other-way" }, el("a", { href: "#/sign-in" }, t("Sign in"))),
  );
}
