// The parts of the page around each view: the top bar with Quick exit, the help bar
// ("I need to talk to someone now"), and the status line (shown, and read out
// politely by screen readers).
import { el, icon } from "./dom.js";
import { t } from "./i18n.js";
import { signOutInBackground } from "./api.js";

// A neutral page to land on: an adult looking over a shoulder sees the weather.
const SAFE_PLACE = "https://www.bbc.co.uk/weather";

/** Leaves at once; replace() keeps Alongside out of the Back button's history. */
export function quickExit() {
  signOutInBackground();
  window.location.replace(SAFE_PLACE);
}

/**
 * Shows the top bar; family screens always get the Quick exit button. Signed-in
 * family members also get "I need to talk to someone now" just under it (onTalk).
 */
export function showTopBar({ quickExitShown, onTalk = null }) {
  const bar = document.getElementById("top-bar");
  const name = el("span", { class: "top-bar-name" }, "Alongside");
  bar.replaceChildren(name);
  showHelpBar(onTalk);
  if (!quickExitShown) return;
  bar.append(el("button", { type: "button", class: "quick-exit", onclick: quickExit }, t("Quick exit")));
}

function showHelpBar(onTalk) {
  const help = document.getElementById("help-bar");
  help.hidden = !onTalk;
  if (!onTalk) return help.replaceChildren();
  help.setAttribute("aria-label", t("Help"));
  help.replaceChildren(
    el(
      "button",
      { type: "button", class: "talk-now", onclick: onTalk },
      icon("talk"),
      el("span", {}, t("I need to talk to someone now")),
    ),
  );
}

let clearTimer = 0;

/** Shows a short message and has screen readers say it, without moving focus. */
export function announce(message) {
  const status = document.getElementById("status");
  status.textContent = "";
  clearTimeout(clearTimer);
  // A fresh text node after a tick makes repeated messages be read again.
  setTimeout(() => {
    status.textContent = message;
    clearTimer = setTimeout(() => (status.textContent = ""), 7000);
  }, 50);
}
