// The parts of the page around each view: the top bar with Quick exit, the help bar
// ("I need to talk to someone now"), and the status line (shown, and read out
// politely by screen readers).
import { el, icon } from "./dom.js";
import { t } from "./i18n.js";
import { leaveThisPhone } from "./leaving.js";
import { hintSeen, hintDone } from "../store/people.js";

// A neutral page to land on: an adult looking over a shoulder sees the weather.
const SAFE_PLACE = "https://www.bbc.co.uk/weather";

// Quick exit never waits longer than this for the phone to be cleared.
const CLEARING_AT_MOST = 700;

/**
 * Leaves at once, asking nothing: the screen empties straight away, this person's
 * things are cleared from the phone (even offline) and the session is ended.
 * replace() keeps Alongside out of the Back button's history.
 */
export function quickExit() {
  for (const id of ["view", "top-bar", "help-bar"]) document.getElementById(id).replaceChildren();
  const leave = () => window.location.replace(SAFE_PLACE);
  const clearing = leaveThisPhone({ quick: true }).catch(() => {});
  Promise.race([clearing, new Promise((resolve) => setTimeout(resolve, CLEARING_AT_MOST))]).then(leave, leave);
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

/**
 * The browser tab and the screen reader's page name: the screen's heading, then
 * Alongside ("My words – Alongside"); "Error:" first while a form has problems.
 */
export function nameThePage({ error = false } = {}) {
  const heading = document.querySelector("#view h1");
  const screen = heading ? heading.textContent.trim() : "";
  // Filled by hand: a page name needs no direction marks around its parts.
  // NOTE: the browser tab's name; {screen} is the screen's heading. Keep "Alongside".
  const name = screen ? t("{screen} – Alongside").replace("{screen}", screen) : "Alongside";
  // NOTE: the browser tab's name while a form has problems.
  document.title = error ? t("Error: {page}").replace("{page}", name) : name;
}

/**
 * Shows a short message in a banner above the screen (as GOV.UK's notification
 * banner) and has screen readers say it, without moving focus. It stays until
 * the person moves on (clearBanner): nothing vanishes before it is read.
 */
export function announce(message) {
  const status = document.getElementById("status");
  status.textContent = "";
  // A fresh text node after a tick makes repeated messages be read again.
  setTimeout(() => (status.textContent = message), 50);
}

/** The person chose another screen: the last message has had its time. */
export function clearBanner() {
  document.getElementById("status").textContent = "";
}

/**
 * On an iPhone or iPad in Safari, not added to the home screen, Safari may clear
 * what is kept on the phone after 7 days without use: a short hint, once, that can
 * be closed. Null everywhere else.
 */
export function installHint() {
  if (!inSafariOnIos()) return null;
  const title = el("h2", { id: "install-hint-title" }, t("Keep your words safe"));
  const hint = el(
    "aside",
    { class: "card install-hint", "aria-labelledby": "install-hint-title", hidden: true },
    title,
    el("p", {}, t("Add Alongside to your home screen, so your words are kept safe on this phone.")),
    el("p", {}, t("In Safari, tap Share, then “Add to Home Screen”.")),
  );
  const close = el("button", { type: "button", class: "button secondary" }, t("Close this tip"));
  close.addEventListener("click", () => {
    hint.remove();
    hintDone("install");
    const heading = document.querySelector("main h1");
    if (heading) heading.focus();
  });
  hint.append(close);
  hintSeen("install").then((seen) => (hint.hidden = seen));
  return hint;
}

function inSafariOnIos() {
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  const installed = navigator.standalone === true || window.matchMedia("(display-mode: standalone)").matches;
  return ios && !installed;
}
