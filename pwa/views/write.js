// Writing something new. Before their first time, the family member reads "Who sees
// my words?"; younger children get the simpler version (simple-write.js).
import { el, heading } from "../shell/dom.js";
import { api, newId } from "../shell/api.js";
import { onSubmit } from "../shell/forms.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { keepDraft, readDraft, dropDraft } from "../shell/drafts.js";
import { explainer, explainedJustNow } from "./sharing-explained.js";
import { simpleWriteView } from "./simple-write.js";
import { wordsForm, readWords, checkWords, formValues } from "./words-form.js";

const DRAFT = "write";

export async function writeView(ctx) {
  const home = await api.familyHome();
  if (!home.sharing_explained && !explainedJustNow()) return explainer(() => ctx.go("write"));
  if (home.simple_mode) return simpleWriteView(ctx, home);
  return fullWrite(ctx, home);
}

function fullWrite(ctx, home) {
  // The id is made once per new thing, so trying again after a lost answer cannot save it twice.
  const draft = readDraft(DRAFT) || { id: newId(), values: { audience: "just_me" } };
  const form = wordsForm({ home, values: draft.values, submitLabel: t("Save") });
  form.addEventListener("input", () => keepDraft(DRAFT, { id: draft.id, values: draftValues(form) }));
  form.addEventListener("change", () => keepDraft(DRAFT, { id: draft.id, values: draftValues(form) }));
  onSubmit(form, {
    check: (values) => checkWords(readWords(values)),
    send: async (values) => {
      const words = readWords(values);
      try {
        await api.saveWords({ id: draft.id, ...words, audience: values.audience || "just_me" });
      } catch (error) {
        // 409: this id was saved before with other words (an answer that got lost). Those
        // are kept in My words; saving again saves these words as a new thing.
        if (error.status === 409) draft.id = newId();
        throw error;
      }
      dropDraft(DRAFT);
      ctx.go("my-words");
      announce(t("Saved. You can change who can see it at any time."));
    },
  });
  return el(
    "section",
    { class: "stack" },
    heading(t("Write something")),
    el("p", { class: "lead" }, t("Only you can see it unless you choose to share it.")),
    form,
  );
}

function draftValues(form) {
  const values = formValues(form);
  return { ...readWords(values), text: values.text || "", audience: values.audience || "just_me" };
}
