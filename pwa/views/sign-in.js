// Practitioner sign-in: work email and password, then (where it is set up or
// the organisation requires it) the 6-digit code from an authenticator app.
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { languageSwitcher } from "../shell/languages.js";
import { phoneReplacedNotice } from "./phone-replaced.js";

const ASKS_FOR_CODE = /\/second-factor-(needed|setup-needed)$/;

export function signInView(ctx) {
  const second = secondFactorPart();
  const providers = el("div", { class: "stack" });
  showProviders(providers);
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
    second.node,
    el("button", { type: "submit", class: "button" }, t("Sign in")),
  );
  const section = el(
    "section",
    { class: "stack" },
    heading(t("Sign in")),
    phoneReplacedNotice(),
    el("p", { class: "lead" }, t("For practitioners working with families.")),
    form,
    forgotPassword(),
    providers,
    el("p", { class: "other-way" }, el("a", { href: "#/join" }, t("I have an invitation code"))),
    languageSwitcher({ after: () => ctx.go("sign-in") }),
  );
  onSubmit(form, {
    check: ({ email, password, code }) => [
      !email.trim() && { field: "email", message: t("Enter your work email address.") },
      !password && { field: "password", message: t("Enter your password.") },
      !second.node.hidden && !code.trim() && { field: "code", message: t("Enter the 6-digit code.") },
    ].filter(Boolean),
    send: async ({ email, password, code }) => {
      let me;
      try {
        me = await api.signInPractitioner(email.trim(), password, second.node.hidden ? "" : code.trim());
      } catch (error) {
        if (!ASKS_FOR_CODE.test(error.type || "")) throw error;
        return second.ask(error);
      }
      if (me.recovery_codes) {
        section.replaceChildren(...recoveryCodes(me.recovery_codes, () => ctx.signedIn(me)));
        return section.querySelector("h1").focus();
      }
      return ctx.signedIn(me);
    },
  });
  return section;
}

/** The code field, hidden until the server asks for it; with a QR code to scan when setting up. */
function secondFactorPart() {
  const message = el("p", { class: "hint", id: "second-factor-message" });
  const picture = el("div", { class: "stack", hidden: true });
  const codeField = field({
    name: "code",
    label: t("Code from your authenticator app"),
    inputMode: "numeric",
    autocomplete: "one-time-code",
    spellcheck: false,
    dir: "ltr",
  });
  const node = el("div", { class: "stack", hidden: true }, message, picture, codeField);
  return {
    node,
    ask(problem) {
      node.hidden = false;
      message.textContent = problem.title;
      const url = problem.problem.otpauth_url;
      picture.hidden = !url;
      if (url) {
        const key = new URL(url).searchParams.get("secret") || "";
        picture.replaceChildren(
          el("img", {
            src: problem.problem.qr_code,
            alt: t("A QR code to scan with your authenticator app"),
            class: "qr-code",
            width: 200,
            height: 200,
          }),
          el("p", {}, t("If you cannot scan it, type this key into the app:")),
          el("p", { class: "secret-key", dir: "ltr" }, key),
        );
      }
      node.querySelector("input").focus();
    },
  };
}

/** Shown once, after setting up an authenticator app (at sign-in, or in settings). */
export function recoveryCodes(codes, onDone) {
  return [
    heading(t("Keep these recovery codes")),
    el(
      "p",
      {},
      t("If you lose the phone with your authenticator app, each of these codes lets you sign in once. Keep them somewhere safe."),
    ),
    el("ul", { class: "recovery-codes", dir: "ltr", "data-shown-once": "" }, codes.map((code) => el("li", {}, code))),
    el("button", { type: "button", class: "button", onclick: onDone }, t("Continue")),
  ];
}

/** "Sign in with …" for each organisation's single sign-on (a page redirect, not an API call). */
async function showProviders(place) {
  let answer;
  try {
    answer = await api.signInProviders();
  } catch {
    return; // offline: password sign-in still shows
  }
  if (!answer.providers.length) return;
  place.replaceChildren(
    el("p", {}, t("Or sign in with your organisation's account:")),
    ...answer.providers.map((provider) =>
      el(
        "a",
        { class: "button secondary", href: `/auth/oidc/${encodeURIComponent(provider.key)}/start` },
        t("Sign in with {name}", { name: provider.name }),
      ),
    ),
  );
}

/** A one-time link to choose a new password, by email; the answer is the same for any address. */
function forgotPassword() {
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    field({ name: "reset-email", label: t("Email address for the link"), type: "email", autocomplete: "username", dir: "ltr" }),
    el("button", { type: "submit", class: "button secondary" }, t("Email me a link")),
  );
  const done = el("p", { role: "status" });
  onSubmit(form, {
    check: (values) =>
      values["reset-email"].trim() ? [] : [{ field: "reset-email", message: t("Enter your work email address.") }],
    send: async (values) => {
      await api.forgotPassword(values["reset-email"].trim());
      done.textContent = t("If that address belongs to an account, we have sent it a link to choose a new password.");
    },
  });
  return el("details", { class: "forgot" }, el("summary", {}, t("Forgot your password?")), form, done);
}
