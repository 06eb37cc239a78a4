// Joining a circle with an invitation code and choosing a secret number (PIN).
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { pinField, checkPin } from "./pin.js";

export function joinView(ctx) {
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    field({
      name: "code",
      label: t("Invitation code"),
      hint: t("Your worker gave you this code."),
      value: ctx.code || "",
      autocomplete: "off",
      autocapitalize: "characters",
      spellcheck: false,
    }),
    pinField(
      "pin",
      t("Choose a secret number you will remember"),
      t("4 to 6 numbers. Keep it to yourself."),
      "new-password",
    ),
    pinField("pin_again", t("Type your secret number again"), null, "new-password"),
    el("button", { type: "submit", class: "button" }, t("Join")),
  );
  onSubmit(form, {
    check: checkJoin,
    send: async ({ code, pin }) => ctx.signedIn(await api.redeemInvitation(code.trim(), pin)),
  });
  return el(
    "section",
    { class: "stack" },
    heading(t("Join your circle")),
    el("p", { class: "lead" }, t("Your circle is you, your family and the people who help you.")),
    form,
    el("p", { class: "other-way" }, el("a", { href: "#/sign-in" }, t("I am a practitioner"))),
  );
}

function checkJoin({ code, pin, pin_again: again }) {
  const problems = [];
  if (!code.trim()) problems.push({ field: "code", message: t("Type the code your worker gave you.") });
  const pinProblem = checkPin("pin", pin);
  if (pinProblem) problems.push(pinProblem);
  else if (pin !== again) problems.push({ field: "pin_again", message: t("The two numbers are not the same. Try again.") });
  return problems;
}
