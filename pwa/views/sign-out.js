// Signing out with words not sent yet: they are never lost without a choice. Send
// them now (when online), download them as a file, or delete them and sign out.
// Signing out clears this phone, so whatever is chosen, nothing stays behind.
import { el, heading } from "../shell/dom.js";
import { t, tn } from "../shell/i18n.js";
import { waiting } from "../outbox/queue.js";
import { flush } from "../outbox/flush.js";
import { isStopped } from "../outbox/commands.js";
import { downloadUnsent } from "../outbox/export.js";

export async function signOutView(ctx) {
  const personId = ctx.me ? ctx.me.id : null;
  const unsent = await waiting(personId);
  if (!unsent.length) {
    await ctx.leave();
    return el("p", {}); // the PIN or sign-in screen replaces this at once
  }
  const status = el("div", { class: "sign-out-status", role: "status" });
  const say = (...content) => status.replaceChildren(...content.map((text) => el("p", {}, text)));
  const count = el("p", { class: "lead" }, countText(unsent.length));
  const sendArea = el("div", {});
  const choices = el("div", { class: "stack-small sign-out-choices" });
  const send = button(t("Send them now"), "button", async () => {
    send.disabled = true;
    say(t("Sending…"));
    await flush({ now: true });
    const left = await waiting(personId);
    if (!left.length) return ctx.leave(); // all sent: now signing out clears the phone
    send.disabled = false;
    count.textContent = countText(left.length);
    const stopped = left.filter(isStopped).length;
    say(stopped ? t("Some could not be sent. They need your attention in My words.") : t("They could not all be sent yet. Try again in a moment."));
  });
  const showSend = () => sendArea.replaceChildren(
    navigator.onLine === false ? el("p", { class: "offline-note" }, t("You are offline, so they cannot be sent now.")) : send,
  );
  window.addEventListener("online", () => sendArea.isConnected && showSend());
  window.addEventListener("offline", () => sendArea.isConnected && showSend());
  showSend();
  const download = button(t("Download them"), "button secondary", async () => {
    downloadUnsent(await waiting(personId));
    say(t("They are downloaded to this phone as a file."));
  });
  const showChoices = () => choices.replaceChildren(download, button(t("Delete them and sign out"), "button secondary danger", confirmDelete));
  const confirmDelete = () => {
    const question = el("p", { class: "panel-question", tabIndex: -1 }, t("Delete them? You cannot get them back."));
    choices.replaceChildren(
      question,
      button(t("Yes, delete them and sign out"), "button danger-filled", () => ctx.leave()),
      button(t("No, keep them"), "button secondary", () => {
        showChoices();
        choices.querySelector("button").focus();
      }),
    );
    question.focus();
  };
  showChoices();
  return el(
    "section",
    { class: "stack" },
    heading(t("Some of your words are not sent yet")),
    count,
    el("p", {}, t("Signing out clears them from this phone. What do you want to do with them first?")),
    sendArea,
    choices,
    status,
    el("a", { href: "#/my-words", class: "button secondary" }, t("Stay signed in")),
  );
}

function countText(n) {
  return tn("{count} thing is kept only on this phone.", "{count} things are kept only on this phone.", n);
}

function button(label, className, onclick) {
  return el("button", { type: "button", class: className, onclick }, label);
}
