// Where one thing someone wrote is: saved on this phone, sending, sent, or needing
// their attention; in words and a picture, never colour alone. When the server
// said no, its words are shown, and the author can change it and send it again,
// download it, or discard it.
import { el, icon } from "../shell/dom.js";
import { t } from "../shell/i18n.js";
import { ON_PHONE, SENDING, SENT, NEEDS_ATTENTION } from "../outbox/merge.js";
import { carriesWords, isStopped, CONFLICT, CREATE } from "../outbox/commands.js";
import { announce } from "../shell/layout.js";
import { discard, sendAgain, outboxEvents } from "../outbox/queue.js";
import { downloadUnsent } from "../outbox/export.js";

const ICONS = {
  [ON_PHONE]: "state-on-phone",
  [SENDING]: "state-sending",
  [SENT]: "tick",
  [NEEDS_ATTENTION]: "state-attention",
};

export function stateLabel(state, audience = null) {
  const labels = {
    [ON_PHONE]: t("Saved on this phone"),
    [SENDING]: t("Sending…"),
    // "Just me" is kept safe, not sent to anyone: saying "Sent" would worry them.
    [SENT]: audience === "just_me" ? t("Saved. Only you can see it.") : t("Sent"),
    [NEEDS_ATTENTION]: t("Needs attention"),
  };
  return labels[state] || labels[ON_PHONE];
}

/** "Saved on this phone" (and so on) with its picture. */
export function stateLine(state, audience = null) {
  return el(
    "p",
    { class: "item-state " + state, "data-state": state },
    icon(ICONS[state] || ICONS[ON_PHONE], "icon small"),
    el("span", {}, stateLabel(state, audience)),
  );
}

/** "You are offline …", with the picture for things kept on this phone. */
export function offlineNote(text) {
  return el("p", { class: "offline-note" }, icon("state-on-phone", "icon small"), el("span", {}, text));
}

/** True when the server has never had this item: only its author can decide what happens to it. */
export function refusedNew(item) {
  return (item.commands || []).some((cmd) => isStopped(cmd) && cmd.kind === CREATE);
}

/** The state a change in the outbox puts its item in. */
export function stateAfter(change) {
  if (change === "sent") return SENT;
  if (change === "sending") return SENDING;
  if (change === "attention" || change === "conflict") return NEEDS_ATTENTION;
  return ON_PHONE;
}

/** A state line that follows one item through the outbox, said politely as it changes. */
export function followState(contributionId, state, audience = null) {
  const holder = el("div", { class: "state-holder" }, stateLine(state, audience));
  const follow = (event) => {
    if (!holder.isConnected) return outboxEvents.removeEventListener("change", follow);
    if (!event.detail || event.detail.contributionId !== contributionId) return;
    const now = stateAfter(event.detail.state);
    holder.replaceChildren(stateLine(now, audience));
    if (now === SENT || now === NEEDS_ATTENTION) announce(stateLabel(now, audience));
  };
  outboxEvents.addEventListener("change", follow);
  return holder;
}

/** What the author can do about a command the server would not take; null if none. */
export function attentionPanel(item, { changed }) {
  const stopped = (item.commands || []).find(isStopped);
  if (!stopped) return null;
  if (stopped.state === CONFLICT) return conflictNote(item);
  const problem = stopped.lastError || {};
  const messages = (problem.errors || []).map((one) => one.message).filter(Boolean);
  const area = el("div", { class: "attention stack-small" });
  const show = (...content) => area.replaceChildren(...content);
  const ask = () =>
    show(
      el("p", { class: "panel-question", tabIndex: -1 }, t("Discard this? It will not be sent.")),
      el(
        "div",
        { class: "panel-buttons" },
        button(t("Yes, discard it"), "button", async () => {
          await discard(stopped.id);
          changed();
        }),
        button(t("No, keep it"), "button secondary", () => {
          show(...options());
          area.querySelector("button, a").focus();
        }),
      ),
    );
  const options = () => [
    el("p", { class: "attention-title" }, problem.title || t("The server could not take this.")),
    messages.length ? el("ul", { class: "attention-messages" }, messages.map((text) => el("li", {}, text))) : null,
    el(
      "div",
      { class: "action-row" },
      carriesWords(stopped)
        ? el("a", { class: "action", href: "#/edit/" + encodeURIComponent(item.id) }, t("Change and send again"))
        : button(t("Try again"), "action", async () => {
            await sendAgain(stopped.id);
            changed();
          }),
      carriesWords(stopped) ? button(t("Download these words"), "action", () => downloadUnsent([stopped])) : null,
      button(t("Discard"), "action", () => {
        ask();
        area.querySelector("[tabindex='-1']").focus();
      }),
    ),
  ];
  show(...options());
  return area;
}

function conflictNote(item) {
  return el(
    "div",
    { class: "attention stack-small" },
    el("p", { class: "attention-title" }, t("This was changed somewhere else")),
    el("p", {}, t("Your new words and the saved words are both kept. Choose which to keep.")),
    el(
      "div",
      { class: "action-row" },
      el("a", { class: "action", href: "#/edit/" + encodeURIComponent(item.id) }, t("Choose which words to keep")),
    ),
  );
}

function button(label, className, onclick) {
  return el("button", { type: "button", class: className, onclick }, label);
}
