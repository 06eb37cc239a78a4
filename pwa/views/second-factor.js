// A practitioner's sign-in code (an authenticator app, TOTP): turn it on (scan the
// server's QR code or type its key, then confirm with a code; the recovery codes
// are shown once) or off (with a current code, unless the organisation requires it).
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { recoveryCodes } from "./sign-in.js";

export async function secondFactorView(ctx) {
  const state = await api.secondFactor();
  const section = el("section", { class: "stack" }, heading(t("Sign-in code")));
  section.append(
    el("p", { class: "lead" }, t("A code from an app on your phone, as well as your password, keeps your account safe.")),
    ...(state.turned_on ? turnedOn(state, ctx) : await turningOn(section, ctx)),
    el("a", { href: "#/settings", class: "button secondary" }, t("Back to settings")),
  );
  return section;
}

function codeField(name = "code") {
  return field({
    name,
    label: t("Code from your authenticator app"),
    inputMode: "numeric",
    autocomplete: "one-time-code",
    spellcheck: false,
    dir: "ltr",
    maxLength: 13,
  });
}

const needsCode = ({ code }) => (code.trim() ? [] : [{ field: "code", message: t("Enter the 6-digit code.") }]);

function turnedOn(state, ctx) {
  const said = el("p", { class: "state-text" }, t("A sign-in code is on for you."));
  if (state.required) return [said, el("p", {}, t("Your organisation asks everyone to use a code, so it stays on."))];
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "turn-off-title" },
    el("h2", { id: "turn-off-title" }, t("Turn off the sign-in code")),
    formMessage(),
    codeField(),
    el("button", { type: "submit", class: "button secondary" }, t("Turn off the sign-in code")),
  );
  onSubmit(form, {
    check: needsCode,
    fieldForProblem: "code",
    send: async ({ code }) => {
      await api.turnOffSecondFactor(code.trim());
      await ctx.go("second-factor");
      announce(t("The sign-in code is off."));
    },
  });
  return [said, form];
}

async function turningOn(section, ctx) {
  const setup = await api.startSecondFactor();
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "turn-on-title" },
    el("h2", { id: "turn-on-title" }, t("Turn on a sign-in code")),
    el("p", {}, t("Scan this picture with an authenticator app, then type the 6-digit code it shows.")),
    el("img", {
      src: setup.qr_code,
      alt: t("A QR code to scan with your authenticator app"),
      class: "qr-code",
      width: 200,
      height: 200,
    }),
    el("p", {}, t("If you cannot scan it, type this key into the app:")),
    el("p", { class: "secret-key", dir: "ltr" }, setup.secret),
    formMessage(),
    codeField(),
    el("button", { type: "submit", class: "button" }, t("Turn on the sign-in code")),
  );
  onSubmit(form, {
    check: needsCode,
    fieldForProblem: "code",
    send: async ({ code }) => {
      const { recovery_codes: codes } = await api.confirmSecondFactor(code.trim());
      section.replaceChildren(...recoveryCodes(codes, () => ctx.go("settings")));
      section.querySelector("h1").focus();
    },
  });
  return [el("p", { class: "state-text" }, t("A sign-in code is off for you.")), form];
}
