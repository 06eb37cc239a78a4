// The simpler version, for younger children: one question per screen, big buttons
// with pictures and few words. It saves the same things as the full version.
import { el, heading, icon } from "../shell/dom.js";
import { newId } from "../shell/api.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { characterCount, tooLong } from "../shell/character-count.js";
import { t } from "../shell/i18n.js";
import { chosen } from "../shell/choices.js";
import { keepDraft, readDraft, dropDraft } from "../shell/drafts.js";
import { currentPersonId } from "../store/people.js";
import { enqueue } from "../outbox/queue.js";
import { createWords } from "../outbox/commands.js";
import { ON_PHONE } from "../outbox/merge.js";
import { followState } from "./item-state.js";
import { KINDS, kindIcon, simpleKindLabel, wordsQuestion } from "./kinds.js";
import { audiencePicker, audienceLine, carersCanSee } from "./audiences.js";
import { TEXT_LIMIT } from "./words-form.js";
import { meetingAskedAbout } from "./asked-for-views.js";

const DRAFT = "simple";
const FACES = [0, 3, 5, 7, 10];
const FACE_ICONS = { 0: "face-very-sad", 3: "face-sad", 5: "face-ok", 7: "face-happy", 10: "face-very-happy" };

function faceLabel(value) {
  const labels = { 0: t("Very sad"), 3: t("Sad"), 5: t("OK"), 7: t("Happy"), 10: t("Very happy") };
  return labels[value];
}

function fresh() {
  // The ids are made once per new thing, so a second tap on Save keeps one.
  return { step: "kind", id: newId(), commandId: newId(), kind: "", text: "", scale_value: null, audience: "just_me" };
}

export function simpleWriteView(ctx, home) {
  // Asked for their views before a meeting: what they tell us is for that meeting.
  let state = readDraft(DRAFT) || { ...fresh(), meeting_id: meetingAskedAbout(home) };
  const root = el("section", { class: "stack simple" });
  const steps = { kind: kindStep, words: wordsStep, feel: feelStep, who: whoStep, done: doneStep };
  const go = (step) => {
    state.step = step;
    if (step === "done") dropDraft(DRAFT);
    else keepDraft(DRAFT, state);
    render();
    root.querySelector("h1").focus();
  };
  const restart = () => {
    state = fresh();
    go("kind");
  };
  function render() {
    // A step leaves out what does not apply (null): never shown as the word "null".
    root.replaceChildren(...steps[state.step]({ state, go, ctx, home, restart }).filter(Boolean));
  }
  render();
  return root;
}

function back(onclick) {
  return el("button", { type: "button", class: "back", onclick }, icon("back", "icon flip"), el("span", {}, t("Back")));
}

function question(text) {
  const title = heading(text);
  title.id = "simple-question";
  return title;
}

function kindStep({ state, go, ctx }) {
  const pick = (kind) => () => {
    state.kind = kind;
    go(kind === "scale" ? "feel" : "words");
  };
  return [
    back(() => ctx.go("home")),
    question(t("What do you want to tell us about?")),
    el(
      "div",
      { class: "picture-buttons" },
      KINDS.map((kind) => pictureButton(kindIcon(kind), simpleKindLabel(kind), state.kind === kind, pick(kind))),
    ),
  ];
}

function pictureButton(picture, label, pressed, onclick) {
  return el(
    "button",
    { type: "button", class: "picture-button", "aria-pressed": String(pressed), onclick },
    icon(picture, "icon picture"),
    el("span", {}, label),
  );
}

function wordsStep({ state, go }) {
  const box = el("textarea", {
    id: "field-text",
    name: "text",
    rows: 6,
    dir: "auto",
    "aria-labelledby": "simple-question",
    value: state.text,
  });
  box.addEventListener("input", () => {
    state.text = box.value;
    keepDraft(DRAFT, state);
  });
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    el("div", { class: "field" }, el("p", { id: "field-text-error", class: "field-error", hidden: true }), box, characterCount(box, TEXT_LIMIT, 500)),
    el("button", { type: "submit", class: "button big" }, t("Next")),
  );
  onSubmit(form, {
    check: ({ text }) => (text.trim() ? [tooLong("text", text, TEXT_LIMIT)].filter(Boolean) : [{ field: "text", message: t("Please write something first.") }]),
    send: async () => go("who"),
  });
  return [back(() => go("kind")), question(wordsQuestion(state.kind)), form];
}

function feelStep({ state, go }) {
  const pick = (value) => () => {
    state.scale_value = value;
    go("who");
  };
  return [
    back(() => go("kind")),
    question(t("How do you feel?")),
    el(
      "div",
      { class: "picture-buttons faces" },
      FACES.map((value) => pictureButton(FACE_ICONS[value], faceLabel(value), state.scale_value === value, pick(value))),
    ),
  ];
}

function whoStep({ state, go, home }) {
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    audiencePicker({ value: state.audience, isCarer: home.is_carer === true, big: true }),
    el("p", { class: "other-way" }, el("a", { href: "#/who-sees" }, t("Who sees my words?"))),
    el("button", { type: "submit", class: "button big" }, t("Save")),
  );
  form.addEventListener("change", () => {
    state.audience = chosen(form, "audience") || "just_me";
    keepDraft(DRAFT, state);
  });
  onSubmit(form, {
    send: async () => {
      // Kept on this phone first, then sent (even with no connection).
      await enqueue(createWords(currentPersonId(), wordsToSave(state), state.commandId));
      go("done");
    },
  });
  return [back(() => go(state.kind === "scale" ? "feel" : "words")), question(t("Who can see this?")), form];
}

function wordsToSave(state) {
  const words = { id: state.id, kind: state.kind, text: state.text.trim(), meeting_id: state.meeting_id || null, audience: state.audience };
  if (state.kind !== "scale") return words;
  return { ...words, text: "", scale_question: "app:feel", scale_value: state.scale_value };
}

function doneStep({ state, restart, home }) {
  return [
    question(t("Done!")),
    el("p", { class: "done" }, icon("tick", "icon large"), el("span", {}, t("Your words are saved."))),
    followState(state.id, ON_PHONE, state.audience),
    audienceLine(state.audience),
    state.audience === "my_family_too" ? carersCanSee(home.is_carer === true) : null,
    el("button", { type: "button", class: "button big", onclick: restart }, t("Tell us something else")),
    el("a", { href: "#/my-words", class: "button secondary" }, t("See my words")),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to home")),
  ];
}
