// The form for writing (and editing) one thing: what kind, the words, a scale,
// which meeting, and who can see it. Used by write.js and edit.js.
import { el, icon } from "../shell/dom.js";
import { formMessage } from "../shell/forms.js";
import { t, formatDateTime } from "../shell/i18n.js";
import { characterCount, tooLong } from "../shell/character-count.js";
import { choiceGroup, chosen } from "../shell/choices.js";
import { KINDS, kindLabel, kindIcon, wordsQuestion } from "./kinds.js";
import { scaleBlock, readScale, checkScale } from "./scale.js";
import { audiencePicker } from "./audiences.js";

export const TEXT_LIMIT = 5000;
const NEAR_LIMIT = 500;

/**
 * values: { kind, text, scale_question, scale_value, meeting_id, audience }.
 * When editing, the kind is fixed and who can see it is changed elsewhere.
 */
export function wordsForm({ home, values, editing = false, submitLabel }) {
  const kind = values.kind || "going_well";
  const form = el(
    "form",
    { class: "stack words-form" },
    formMessage(),
    editing ? fixedKind(kind) : kindChoice(kind),
    // For a scale, the question and the number come first, then "Why?".
    scaleBlock({ question: values.scale_question || "", value: values.scale_value ?? null }),
    textField(kind, values.text || ""),
    meetingChoice(home.upcoming_meetings || [], values.meeting_id || ""),
    editing ? null : audiencePicker({ value: values.audience || "just_me", isCarer: home.is_carer === true }),
    el("p", { class: "other-way" }, el("a", { href: "#/who-sees" }, t("Who sees my words?"))),
    el("button", { type: "submit", class: "button" }, submitLabel),
  );
  form.addEventListener("change", () => showKind(form, chosenKind(form, kind)));
  showKind(form, kind);
  return form;
}

function kindChoice(kind) {
  return choiceGroup({
    name: "kind",
    legend: t("What do you want to write about?"),
    options: KINDS.map((value) => ({ value, label: kindLabel(value), icon: kindIcon(value) })),
    value: kind,
    className: "kind-choices",
  });
}

function fixedKind(kind) {
  return el("p", { class: "fixed-kind" }, icon(kindIcon(kind), "icon"), el("span", {}, kindLabel(kind)));
}

function chosenKind(form, fallback) {
  return chosen(form, "kind") || fallback;
}

function textField(kind, text) {
  const id = "field-text";
  const box = el("textarea", {
    id,
    name: "text",
    rows: 6,
    dir: "auto",
    value: text,
  });
  const count = characterCount(box, TEXT_LIMIT, NEAR_LIMIT);
  return el(
    "div",
    { class: "field", "data-field": "text" },
    el("label", { for: id, id: id + "-label" }, wordsQuestion(kind)),
    el("p", { id: id + "-error", class: "field-error", hidden: true }),
    box,
    count,
  );
}

function meetingChoice(meetings, meetingId) {
  if (!meetings.length) return null;
  const options = meetings.map((meeting) => ({
    value: meeting.id,
    label: meeting.kind_label,
    description: formatDateTime(meeting.starts_at),
  }));
  // A meeting chosen before that is no longer coming up stays chosen.
  if (meetingId && !meetings.some((meeting) => meeting.id === meetingId)) {
    options.push({ value: meetingId, label: t("The meeting you chose before") });
  }
  return choiceGroup({
    name: "meeting_id",
    legend: t("Is this for a meeting?"),
    hint: t("Picking a meeting does not share your words. You choose who can see them."),
    options: [{ value: "", label: t("No, not for a meeting") }, ...options],
    value: meetingId,
  });
}

function showKind(form, kind) {
  form.querySelector("#scale-block").hidden = kind !== "scale";
  form.querySelector("#field-text-label").textContent = wordsQuestion(kind);
}

/** What to send, from the form's values. */
export function readWords(values, kind = values.kind) {
  const words = { kind, text: (values.text || "").trim(), meeting_id: values.meeting_id || null };
  if (kind === "scale") Object.assign(words, readScale(values));
  return words;
}

export function checkWords(words) {
  if (words.kind === "scale") return checkScale(words);
  if (!words.text) return [{ field: "text", message: t("Please write something first.") }];
  return [tooLong("text", words.text, TEXT_LIMIT)].filter(Boolean);
}

/** Everything typed so far, to keep while they look at another screen. */
export function formValues(form) {
  return Object.fromEntries(new FormData(form));
}
