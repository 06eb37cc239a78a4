// Writing something new. Before their first time, the family member reads "Who sees
// my words?"; younger children get the simpler version (simple-write.js). Saving
// keeps the words on this phone first (the outbox), then sends them: it works with
// no connection, and a second tap on Save keeps one, not two.
import { el, heading } from "../shell/dom.js";
import { newId } from "../shell/api.js";
import { onSubmit } from "../shell/forms.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { keepDraft, readDraft, dropDraft } from "../shell/drafts.js";
import { currentPersonId } from "../store/people.js";
import { enqueue } from "../outbox/queue.js";
import { createWords } from "../outbox/commands.js";
import { familyHomeNow } from "../outbox/merge.js";
import { explainer, explainedJustNow } from "./sharing-explained.js";
import { simpleWriteView } from "./simple-write.js";
import { wordsForm, readWords, checkWords, formValues } from "./words-form.js";

const DRAFT = "write";

export async function writeView(ctx) {
  const home = await familyHomeNow();
  if (!home.sharing_explained && !explainedJustNow()) return explainer(() => ctx.go("write"));
  if (home.simple_mode) return simpleWriteView(ctx, home);
  return fullWrite(ctx, home);
}

/** What to say once words are kept on the phone. */
export function savedMessage() {
  return navigator.onLine === false
    ? t("Saved on this phone. It will be sent when you are back online.")
    : t("Saved on this phone. Sending it now.");
}

function fullWrite(ctx, home) {
  // The ids are made once per new thing: saving it again (a double tap, a retry)
  // is the same thing, kept once on the phone and stored once by the server.
  const draft = readDraft(DRAFT) || { id: newId(), commandId: newId(), values: { audience: "just_me" } };
  const keep = () => keepDraft(DRAFT, { ...draft, values: draftValues(form) });
  const form = wordsForm({ home, values: draft.values, submitLabel: t("Save") });
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  onSubmit(form, {
    check: (values) => checkWords(readWords(values)),
    send: async (values) => {
      const words = { id: draft.id, ...readWords(values), audience: values.audience || "just_me" };
      await enqueue(createWords(currentPersonId(), words, draft.commandId));
      dropDraft(DRAFT);
      ctx.go("my-words");
      announce(savedMessage());
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
