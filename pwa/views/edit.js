// Changing the words of something only its author can see ("Just me"). If it was
// changed on another phone first, nothing is overwritten: both versions are shown
// and the author chooses which to keep.
import { el, heading } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { onSubmit } from "../shell/forms.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { keepDraft, readDraft, dropDraft } from "../shell/drafts.js";
import { wordsForm, readWords, checkWords, formValues } from "./words-form.js";
import { scaleAnswer } from "./scale.js";

export async function editView(ctx) {
  const [home, mine] = await Promise.all([api.familyHome(), api.myWords()]);
  const item = mine.items.find((one) => one.id === ctx.code);
  if (!item) return cannotEdit(t("We could not find this. It may have been deleted."));
  if (item.audience !== "just_me") return cannotEdit(t("You can only change your words while only you can see them."));
  return editing(ctx, home, item);
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

function editing(ctx, home, item) {
  const key = "edit:" + item.id;
  const kept = readDraft(key);
  let version = item.version;
  const form = wordsForm({
    home,
    values: kept && kept.version === version ? kept.values : item,
    editing: true,
    submitLabel: t("Save changes"),
  });
  const keep = () => {
    const values = { ...readWords(formValues(form), item.kind), text: form.elements.text.value };
    keepDraft(key, { version, values });
  };
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  const conflictArea = el("div", { class: "conflict-area" });
  const saveAnyway = (latest) => {
    version = latest.version;
    conflictArea.replaceChildren();
    form.requestSubmit();
  };
  const useSaved = () => {
    dropDraft(key);
    ctx.go("edit/" + item.id);
  };
  onSubmit(form, {
    check: (values) => checkWords(readWords(values, item.kind)),
    send: async (values) => {
      const { kind, ...words } = readWords(values, item.kind);
      try {
        await api.editWords(item.id, { version, ...words });
      } catch (error) {
        if (error.status !== 409) throw error;
        const latest = (await api.myWords()).items.find((one) => one.id === item.id);
        // No longer "just me" (or gone): nothing to choose; the server's words say why.
        if (!latest || latest.audience !== "just_me") throw error;
        return showConflict(conflictArea, latest, { kind, ...words }, saveAnyway, useSaved);
      }
      dropDraft(key);
      ctx.go("my-words");
      announce(t("Your changes are saved."));
    },
  });
  return el("section", { class: "stack" }, heading(t("Change your words")), conflictArea, form);
}

function showConflict(area, latest, mine, saveAnyway, useSaved) {
  const title = el("h2", { tabIndex: -1 }, t("This was changed somewhere else"));
  area.replaceChildren(
    el(
      "section",
      { class: "card conflict" },
      title,
      el("p", {}, t("It was changed on another phone or tab before you saved. Which words do you want to keep?")),
      el("h3", {}, t("The saved words")),
      words(latest),
      el("h3", {}, t("Your new words")),
      words(mine),
      el("button", { type: "button", class: "button", onclick: () => saveAnyway(latest) }, t("Keep my new words")),
      el("button", { type: "button", class: "button secondary", onclick: useSaved }, t("Use the saved words")),
    ),
  );
  title.focus();
}

function words(item) {
  return el(
    "blockquote",
    { class: "words" },
    item.kind === "scale" ? scaleAnswer(item.scale_question, item.scale_value) : null,
    item.text ? el("p", { dir: "auto" }, item.text) : null,
  );
}
