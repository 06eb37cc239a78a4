// Notifications on this phone: off until the person turns them on here (never asked
// on first open). A notification only ever says "You have a new message": never
// what anyone wrote. Turning them off tells the server to stop, and this phone too.
import { el, heading, icon } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t, tp } from "../shell/i18n.js";
import { languageSwitcher } from "../shell/languages.js";

const ON = "on";
const OFF = "off";
const BLOCKED = "blocked";
const UNSUPPORTED = "unsupported";

export async function settingsView(ctx) {
  const status = el("div", { class: "settings-status", role: "status" });
  const area = el("div", { class: "stack-small" });
  const problem = el("p", { class: "form-message", role: "alert", hidden: true });
  const show = async (said = "") => {
    const state = await notificationState();
    area.replaceChildren(...stateContent(state, { turnOn, turnOff }));
    status.replaceChildren(said ? el("p", {}, said) : "");
  };
  const attempt = async (button, act, said) => {
    if (button.disabled) return;
    button.disabled = true;
    problem.hidden = true;
    try {
      await act();
      await show(said);
      area.querySelector("button")?.focus();
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      button.disabled = false;
      button.focus();
    }
  };
  const turnOn = (event) => attempt(event.currentTarget, subscribe, t("Notifications are on."));
  const turnOff = (event) => attempt(event.currentTarget, unsubscribe, t("Notifications are off."));
  await show();
  return el(
    "section",
    { class: "stack" },
    heading(t("Settings")),
    el("h2", {}, t("Language")),
    languageSwitcher({ signedIn: true, after: () => ctx.go("settings") }),
    el("h2", {}, t("Notifications")),
    el("p", { class: "lead" }, tp("carer", "Alongside can tell you on this phone when there is something new for you.")),
    el(
      "div",
      { class: "card safety" },
      el("p", { class: "privacy-promise" }, icon("bell", "icon"), el("span", {}, t("Each one only says “You have a new message”."))),
      el("p", {}, tp("carer", "It never says what anyone wrote, or who wrote it. Anyone who can see this phone could see that you have a message.")),
    ),
    problem,
    area,
    status,
    ctx.me.kind === "practitioner" ? signInCode() : null,
    el("a", { href: "#/home", class: "button secondary" }, t("Back to home")),
  );
}

// A practitioner's code from an authenticator app (its screen is loaded when opened).
function signInCode() {
  return el(
    "div",
    { class: "stack-small" },
    el("h2", {}, t("Sign-in code")),
    el("p", {}, tp("carer", "Use a code from an app on your phone as well as your password.")),
    el("p", {}, el("a", { href: "#/second-factor" }, tp("carer", "Your sign-in code"))),
  );
}

function stateContent(state, { turnOn, turnOff }) {
  const button = (label, className, onclick) => el("button", { type: "button", class: className, onclick }, label);
  if (state === UNSUPPORTED) return [el("p", {}, t("This phone cannot show notifications."))];
  if (state === BLOCKED) {
    return [
      el("p", { class: "state-text" }, t("Notifications are off.")),
      el("p", {}, t("This browser has blocked them. To turn them on, allow them in its settings first.")),
    ];
  }
  if (state === ON) {
    return [
      el("p", { class: "state-text" }, icon("tick", "icon small"), el("span", {}, t("Notifications are on."))),
      button(t("Turn off notifications"), "button secondary", turnOff),
    ];
  }
  return [
    el("p", { class: "state-text" }, t("Notifications are off.")),
    button(t("Turn on notifications"), "button", turnOn),
  ];
}

async function notificationState() {
  const supported = "Notification" in window && "serviceWorker" in navigator && "PushManager" in window;
  if (!supported) return UNSUPPORTED;
  if (Notification.permission === "denied") return BLOCKED;
  const subscription = await currentSubscription().catch(() => null);
  return subscription && Notification.permission === "granted" ? ON : OFF;
}

async function currentSubscription() {
  const registration = await navigator.serviceWorker.getRegistration();
  return registration ? registration.pushManager.getSubscription() : null;
}

async function subscribe() {
  // Asked only now, because they chose to turn them on.
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new Error(t("Notifications are still off. The phone did not allow them."));
  let subscription;
  try {
    const registration = await navigator.serviceWorker.ready;
    const { public_key: key } = await api.pushKey();
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytesOf(key) });
  } catch (error) {
    if (error.status !== undefined) throw error; // the server's own words
    throw new Error(t("Notifications could not be turned on on this phone. Please try again later."));
  }
  try {
    await api.subscribePush(subscription.toJSON());
  } catch (error) {
    await subscription.unsubscribe().catch(() => {});
    throw error;
  }
}

async function unsubscribe() {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await api.unsubscribePush(subscription.endpoint);
  await subscription.unsubscribe();
}

// The server's key is URL-safe base64; the browser wants its bytes.
function bytesOf(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
