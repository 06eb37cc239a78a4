// Shown while a screen waits for the server (only if it takes a moment).
import { el } from "../shell/dom.js";
import { t } from "../shell/i18n.js";

export function loadingView() {
  return el("p", { class: "loading" }, t("Loading…"));
}
