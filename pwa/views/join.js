// Joining a circle with an invitation code and choosing a secret number (PIN).
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { languageSwitcher } from "../shell/languages.js";
import { phoneReplacedNotice } from "./phone-replaced.js";
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
      t("Pick a secret number you will not forget"),
      t("4 to 6 numbers. Keep it to yourself."),
      "new-password",
    ),
    pinField("pin_again", t("Type your secret number again"), null, "new-password"),
    el("button", { type: "submit", class: "button" }, t("Join")),
  );
  let again = null; // shown when the server says this person joined before
  onSubmit(form, {
    check: (values) => [...checkJoin(values), ...(again ? checkAgain(values) : [])],
    send: async (values) => {
      try {
        ctx.signedIn(await api.redeemInvitation(values.code.trim(), values.pin, joiningAgain(values)));
      } catch (error) {
        if (!again && (error.type || "").endsWith("/joining-again")) {
          again = joinAgainPart();
          form.querySelector("button[type=submit]").before(again);
        }
        throw error;
      }
    },
  });
  return el(
    "section",
    { class: "stack" },
    heading(t("Join your circle")),
    phoneReplacedNotice(),
    el("p", { class: "lead" }, t("Your circle is you, your family and the people who help you.")),
    form,
    el("p", { class: "other-way" }, el("a", { href: "#/sign-in" }, t("I am a practitioner"))),
    // The code typed so far stays when the screen changes language.
    languageSwitcher({ after: () => ctx.go("join/" + encodeURIComponent(form.elements.code.value.trim())) }),
  );
}

// Someone who joined before (a new phone, a forgotten number) brings their earlier
// words only with their old secret number: a code alone must never open them,
// because their worker made the code. Both ways are offered with the same weight.
function joinAgainPart() {
  const choice = (value, label, description) =>
    el(
      "label",
      { class: "choice", for: "again-" + value },
      el("input", { type: "radio", id: "again-" + value, name: "again", value }),
      el(
        "span",
        { class: "choice-text" },
        el("span", { class: "choice-label" }, label),
        el("span", { class: "choice-description" }, description),
      ),
    );
  return el(
    "fieldset",
    { id: "field-again", class: "choices stack", "data-field": "again" },
    el("legend", {}, t("You have used Alongside before")),
    el("p", { id: "field-again-error", class: "field-error", hidden: true }),
    el(
      "div",
      { class: "choice-list" },
      choice("bring", t("I know my old secret number"), t("Your words come to this phone.")),
      choice("fresh", t("I forgot it"), t("Start again without them. Your earlier words will not come to this phone.")),
    ),
    pinField("old_pin", t("Your old secret number"), null, "current-password"),
  );
}

function joiningAgain({ again, old_pin: oldPin }) {
  if (again === "bring") return { old_pin: oldPin };
  if (again === "fresh") return { start_fresh: true };
  return {};
}

function checkAgain({ again, old_pin: oldPin }) {
  if (!again) return [{ field: "again", message: t("Choose one.") }];
  if (again === "bring") return [checkPin("old_pin", oldPin || "")].filter(Boolean);
  return [];
}

function checkJoin({ code, pin, pin_again: again }) {
  const problems = [];
  if (!code.trim()) problems.push({ field: "code", message: t("Type the code your worker gave you.") });
  const pinProblem = checkPin("pin", pin);
  if (pinProblem) problems.push(pinProblem);
  else if (pin !== again) problems.push({ field: "pin_again", message: t("The two numbers are not the same. Try again.") });
  return problems;
}
