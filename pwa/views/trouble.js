// Shown when a screen could not load: offline, or the server said something went wrong.
import { el, heading } from "../shell/dom.js";
import { t } from "../shell/i18n.js";

export function troubleView(error, tryAgain) {
  const offline = error.status === 0;
  return el(
    "section",
    { class: "stack" },
    heading(offline ? t("You are offline") : t("Something went wrong")),
    el("p", {}, error.message),
    el("button", { type: "button", class: "button", onclick: tryAgain }, t("Try again")),
  );
}
