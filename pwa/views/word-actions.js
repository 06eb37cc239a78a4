// What can be done with one thing in "My words": edit or delete it (only while it is
// "Just me"), change who can see it, or stop sharing it. Deleting and stopping
// sharing ask first. Only one of these opens at a time. Each is kept on this phone
// first (the outbox), then sent: it works with no connection too.
import { el } from "../shell/dom.js";
import { t } from "../shell/i18n.js";
import { chosen } from "../shell/choices.js";
import { currentPersonId } from "../store/people.js";
import { enqueue } from "../outbox/queue.js";
import * as commands from "../outbox/commands.js";
import { ON_PHONE } from "../outbox/merge.js";
import { audiencePicker, audienceLabel } from "./audiences.js";

let closeOpen = () => {};

/** done(updated | null): the item as the server now has it, or null once deleted. */
export function wordActions(item, { isCarer, done }) {
  const area = el("div", { class: "word-actions" });
  const showButtons = () => area.replaceChildren(buttons(item, open));
  const open = (panel) => {
    closeOpen();
    closeOpen = showButtons;
    area.replaceChildren(panel({ item, isCarer, done, cancel: cancelFrom(showButtons, area) }));
    area.querySelector("[tabindex='-1'], input:checked").focus();
  };
  showButtons();
  return area;
}

function cancelFrom(showButtons, area) {
  return () => {
    closeOpen = () => {};
    showButtons();
    area.querySelector("button, a").focus();
  };
}

function buttons(item, open) {
  const draft = item.audience === "just_me";
  const shared = !draft && !item.withdrawn_at;
  return el(
    "div",
    { class: "action-row" },
    draft ? el("a", { class: "action", href: "#/edit/" + encodeURIComponent(item.id) }, t("Edit")) : null,
    draft ? action(t("Delete"), () => open(confirmDelete)) : null,
    action(t("Change who can see this"), () => open(changeAudience)),
    shared ? action(t("Stop sharing"), () => open(confirmStopSharing)) : null,
  );
}

function action(label, onclick) {
  return el("button", { type: "button", class: "action", onclick }, label);
}

function confirmDelete({ item, done, cancel }) {
  return confirmPanel({
    question: t("Delete this? You cannot get it back."),
    yes: t("Yes, delete it"),
    no: t("No, keep it"),
    act: async () => {
      await enqueue(commands.deleteDraft(currentPersonId(), item.id));
      done(null);
    },
    cancel,
  });
}

function confirmStopSharing({ item, done, cancel }) {
  return confirmPanel({
    question: t("Stop sharing this?"),
    detail: t("Your words will be hidden from everyone else. Anywhere they were used will say they were withdrawn (taken back)."),
    yes: t("Yes, stop sharing"),
    no: t("No, keep sharing"),
    act: async () => {
      await enqueue(commands.stopSharing(currentPersonId(), item.id));
      const now = new Date().toISOString();
      done({ ...item, withdrawn_at: now, updated_at: now, state: ON_PHONE });
    },
    cancel,
  });
}

function confirmPanel({ question, detail, yes, no, act, cancel }) {
  const problem = el("p", { class: "form-message", role: "alert", hidden: true });
  const yesButton = el("button", { type: "button", class: "button" }, yes);
  yesButton.addEventListener("click", () => attempt(yesButton, problem, act));
  return el(
    "div",
    { class: "word-panel stack" },
    el("p", { class: "panel-question", tabIndex: -1 }, question),
    detail ? el("p", {}, detail) : null,
    problem,
    el("div", { class: "panel-buttons" }, yesButton, cancelButton(no, cancel)),
  );
}

function changeAudience({ item, isCarer, done, cancel }) {
  const problem = el("p", { class: "form-message", role: "alert", hidden: true });
  const picker = audiencePicker({ value: item.audience, isCarer, idPrefix: "change-" + item.id + "-" });
  const save = el("button", { type: "submit", class: "button" }, t("Save this choice"));
  const form = el(
    "form",
    { class: "word-panel stack" },
    item.withdrawn_at ? el("p", {}, t("You stopped sharing this. Choosing people here shares it with them again.")) : null,
    picker,
    problem,
    el("div", { class: "panel-buttons" }, save, cancelButton(t("Cancel"), cancel)),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const audience = chosen(form, "audience") || item.audience;
    attempt(save, problem, async () => {
      await enqueue(commands.chooseAudience(currentPersonId(), item.id, audience));
      const now = new Date().toISOString();
      const label = audienceLabel(audience);
      done({ ...item, audience, audience_label: label, withdrawn_at: null, updated_at: now, state: ON_PHONE });
    });
  });
  return form;
}

function cancelButton(label, cancel) {
  return el("button", { type: "button", class: "button secondary", onclick: cancel }, label);
}

// One tap, one command: the button is off while it is being kept.
async function attempt(button, problem, act) {
  if (button.disabled) return;
  button.disabled = true;
  problem.hidden = true;
  try {
    await act();
    closeOpen = () => {};
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
    button.disabled = false;
    button.focus();
  }
}
