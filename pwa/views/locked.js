// The lock screen: after 5 minutes without use (or when the server ended the
// session), the family screens close until the secret number (PIN) is typed again.
// Nothing they wrote is lost: the outbox stays on the phone.
import { el, heading, icon } from "../shell/dom.js";
import { t } from "../shell/i18n.js";
import { pinSignInForm } from "./pin.js";

export function lockedView(ctx) {
  return el(
    "section",
    { class: "stack" },
    heading(t("Alongside is locked")),
    el("p", { class: "lead" }, t("To keep your words private, type your secret number to open it again.")),
    el("p", { class: "kept-note" }, icon("state-on-phone", "icon small"), el("span", {}, t("Anything not sent yet is kept safe on this phone."))),
    navigator.onLine === false
      ? el("p", { class: "offline-note" }, t("You are offline. Your secret number can be checked when you are back online."))
      : null,
    pinSignInForm(ctx),
    el("p", { class: "other-way" }, el("a", { href: "#/join" }, t("I have a new invitation code"))),
  );
}
