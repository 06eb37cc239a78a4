// "I need to talk to someone now": tells the worker at once, and shows the numbers
// to call straight away, whether or not the message could be sent (even offline).
// In a closed circle nobody would be told, so it says so and shows only the numbers.
import { el, heading, icon } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { currentPersonId } from "../store/people.js";
import { knownAnswer } from "../store/copies.js";

export function talkNowView(ctx) {
  const status = el("div", { class: "talk-status", role: "status" });
  let busy = false;
  const tell = async () => {
    if (busy) return;
    busy = true;
    status.replaceChildren(el("p", {}, t("Sending a message to your worker…")));
    try {
      await api.needToTalk();
      status.replaceChildren(
        el(
          "p",
          { class: "talk-sent" },
          icon("tick", "icon"),
          el("span", {}, t("We have told your worker you need to talk.")),
        ),
        el("p", {}, t("They will get in touch as soon as they can.")),
        el("p", { class: "meta" }, t("Pressed this by mistake? That is OK. Your worker will just check you are all right.")),
        tellMyMeeting(),
      );
    } catch (error) {
      if (String(error.type).endsWith("/circle-closed-call-instead")) status.replaceChildren(...nobodyWillBeTold());
      else notSent(status, error, tell);
    } finally {
      busy = false;
    }
  };
  // The numbers show at once; what happens to the message is settled just after.
  closedHere().then((closed) => {
    if (closed) status.replaceChildren(...nobodyWillBeTold());
    else if (ctx.state && ctx.state.send) tell();
    else status.replaceChildren(askButton(tell));
  });
  return el(
    "section",
    { class: "stack talk-screen" },
    heading(t("Talk to someone now")),
    status,
    el(
      "ul",
      { class: "plain-list call-list" },
      el("li", {}, call("tel:999", t("If you are in danger now, call 999."))),
      el("li", {}, call("tel:08001111", t("Childline: 0800 1111 (free, any time)."))),
    ),
    el("p", { class: "not-emergency" }, t("Alongside cannot send help to you quickly.")),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to home")),
  );
}

// The home this phone last saw says whether the circle has closed (even offline). A
// call for help never waits on the phone's storage for long: if in doubt, it is sent.
function closedHere() {
  const personId = currentPersonId();
  const known = personId ? knownAnswer(personId, "home").catch(() => null) : Promise.resolve(null);
  const inDoubt = new Promise((resolve) => setTimeout(resolve, 500, null));
  return Promise.race([known, inDoubt]).then((home) => Boolean(home && home.circle && home.circle.closed_at));
}

function nobodyWillBeTold() {
  return [
    el("p", { class: "talk-failed" }, t("Your circle has closed, so nobody will be told through the app.")),
    el("p", {}, t("Please call one of these numbers instead.")),
  ];
}

function call(href, words) {
  return el("a", { href, class: "call" }, icon("phone", "icon"), el("span", {}, words));
}

// Only their worker is told at first; they can choose to tell everyone in their meeting.
function tellMyMeeting() {
  const said = el("p", { role: "status" });
  const button = el("button", { type: "button", class: "button secondary" }, t("Tell everyone in my meeting too"));
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    try {
      await api.needToTalkToMyMeeting();
      button.remove();
      said.textContent = t("We have told everyone in your meeting too.");
    } catch (error) {
      said.textContent = error.message;
      button.disabled = false;
    }
  });
  return el("div", { class: "stack" }, button, said);
}

function askButton(tell) {
  return el("button", { type: "button", class: "button", onclick: tell }, t("Tell my worker I need to talk"));
}

function notSent(status, error, tell) {
  const offline = error.status === 0;
  status.replaceChildren(
    el("p", { class: "talk-failed" }, t("We could not send your message to your worker yet.")),
    el("p", {}, offline ? t("You seem to be offline. We will try again when you are back online.") : why(error)),
    el("button", { type: "button", class: "button", onclick: tell }, t("Try again")),
  );
  // Try again by itself when the connection comes back, while this screen is open.
  const stillNotSent = () => status.isConnected && status.querySelector(".talk-failed");
  if (offline) window.addEventListener("online", () => stillNotSent() && tell(), { once: true });
}

function why(error) {
  // Not signed in on this phone (or the session ran out): only they can fix that.
  if (error.status === 401 || error.status === 403) return t("Put in your secret number first. Then we can tell your worker.");
  return error.message;
}
