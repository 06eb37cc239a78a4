// Changing the words of something only its author can see ("Just me"), kept on this
// phone first and then sent. If it was changed somewhere else first, nothing is
// overwritten: both versions stay on the phone and the author chooses which to keep.
// Words the server would not take are changed here too, and sent again.
import { el, heading } from "../shell/dom.js";
import { onSubmit, showErrors, showFormMessage } from "../shell/forms.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { keepDraft, readDraft, dropDraft } from "../shell/drafts.js";
import { currentPersonId } from "../store/people.js";
import { knownItem } from "../store/copies.js";
import { readCommand } from "../store/commands.js";
import { enqueue, sendAgain, discard } from "../outbox/queue.js";
import { editWords, isStopped, CONFLICT, CREATE } from "../outbox/commands.js";
import { flush } from "../outbox/flush.js";
import { itemNow, familyHomeNow } from "../outbox/merge.js";
import { wordsForm, readWords, checkWords, formValues } from "./words-form.js";
import { scaleAnswer } from "./scale.js";
import { savedMessage } from "./write.js";

// Online, an edit is usually answered within this time: a conflict is then shown here.
const ANSWER_WAIT = 4000;

export async function editView(ctx) {
  const [home, item] = await Promise.all([familyHomeNow(), itemNow(ctx.code)]);
  if (!item || item.deleted) return cannotEdit(t("We could not find this. It may have been deleted."));
  const stopped = item.commands.find(isStopped) || null;
  const area = el("div", { class: "conflict-area" });
  if (stopped && stopped.state === CONFLICT) {
    const saved = await knownItem(currentPersonId(), item.id);
    if (saved) return screen(area, conflict(ctx, saved, { kind: item.kind, ...stopped.body }, stopped));
  }
  const refused = stopped && stopped.kind === CREATE;
  if (!refused && (item.audience !== "just_me" || item.withdrawn_at)) {
    return cannotEdit(t("You can only change your words while only you can see them."));
  }
  return screen(area, editing(ctx, home, item, stopped, area));
}

function screen(area, content) {
  return el("section", { class: "stack" }, heading(t("Change your words")), area, content);
}

function cannotEdit(reason) {
  return el(
    "section",
    { class: "stack" },
    heading(t("Change your words")),
    el("p", {}, reason),
    el("a", { href: "#/my-words", class: "button secondary" }, t("Back to my words")),
  );
}

function editing(ctx, home, item, stopped, area) {
  const key = "edit:" + item.id;
  const kept = readDraft(key);
  const form = wordsForm({ home, values: kept ? kept.values : item, editing: true, submitLabel: t("Save changes") });
  const keep = () => keepDraft(key, { values: { ...readWords(formValues(form), item.kind), text: form.elements.text.value } });
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  // Once on screen: the server's words go beside the fields they are about.
  if (stopped) setTimeout(() => form.isConnected && showRefusal(form, stopped.lastError || {}), 0);
  onSubmit(form, {
    check: (values) => checkWords(readWords(values, item.kind)),
    send: async (values) => {
      const { kind, ...changes } = readWords(values, item.kind);
      const personId = currentPersonId();
      const cmd = stopped
        ? await sendAgain(stopped.id, changes)
        : await enqueue(editWords(personId, item.id, item.local ? null : item.version, changes));
      dropDraft(key);
      const answered = cmd && navigator.onLine !== false ? await answeredSoon(cmd.id) : null;
      if (answered && answered.state === CONFLICT) {
        const saved = await knownItem(personId, item.id);
        if (saved) {
          area.replaceChildren(conflict(ctx, saved, { kind, ...answered.body }, answered));
          form.hidden = true;
          return area.querySelector("h2").focus();
        }
      }
      ctx.go("my-words");
      announce(savedMessage());
    },
  });
  return form;
}

// The server's own words about why it would not take these words, beside the fields.
function showRefusal(form, problem) {
  if (problem.errors && problem.errors.length) showErrors(form, problem.errors);
  else showFormMessage(form, problem.title || t("The server could not take this."));
}

// Sends now and waits a moment for the answer: the command as it then is, if still kept.
async function answeredSoon(commandId) {
  await Promise.race([flush(), new Promise((resolve) => setTimeout(resolve, ANSWER_WAIT))]);
  return readCommand(commandId).catch(() => null);
}

function conflict(ctx, saved, mine, cmd) {
  const title = el("h2", { tabIndex: -1 }, t("This was changed somewhere else"));
  const keepMine = async () => {
    await sendAgain(cmd.id, {}, { keepMine: true });
    ctx.go("my-words");
    announce(savedMessage());
  };
  const useSaved = async () => {
    await discard(cmd.id);
    ctx.go("my-words");
    announce(t("The saved words are kept."));
  };
  return el(
    "section",
    { class: "card conflict" },
    title,
    el("p", {}, t("It was changed on another phone or tab before you saved. Which words do you want to keep?")),
    el("h3", {}, t("The saved words")),
    words(saved),
    el("h3", {}, t("Your new words")),
    words(mine),
    el("button", { type: "button", class: "button", onclick: keepMine }, t("Keep my new words")),
    el("button", { type: "button", class: "button secondary", onclick: useSaved }, t("Use the saved words")),
  );
}

function words(item) {
  return el(
    "blockquote",
    { class: "words" },
    item.kind === "scale" ? scaleAnswer(item.scale_question, item.scale_value) : null,
    item.text ? el("p", { dir: "auto" }, item.text) : null,
  );
}
