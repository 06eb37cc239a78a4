// "How I feel (a scale)": a question (one of ours, or their own) and a number
// from 0 to 10, each number a large button-sized choice with the number on it.
import { el, icon } from "../shell/dom.js";
import { t, formatNumber } from "../shell/i18n.js";
import { choiceGroup, chosen } from "../shell/choices.js";

const QUESTION_LIMIT = 200;
// The simpler version's faces, by the number each stands for.
const FACES = {
  0: ["face-very-sad", () => t("Very sad")],
  3: ["face-sad", () => t("Sad")],
  5: ["face-ok", () => t("OK")],
  7: ["face-happy", () => t("Happy")],
  10: ["face-very-happy", () => t("Very happy")],
};

// The app's own questions are stored as keys and shown in each reader's language
// (the server does the same for what it shows).
const PRESETS = ["app:safe_at_home", "app:happy_at_school", "app:things_at_home"];

function ourQuestions() {
  return {
    "app:feel": t("How do you feel?"),
    "app:safe_at_home": t("How safe do you feel at home?"),
    "app:happy_at_school": t("How happy are you at school?"),
    "app:things_at_home": t("How are things at home?"),
  };
}

/** A stored question as this reader reads it: ours in their language, theirs as written. */
export function questionText(stored) {
  return ourQuestions()[stored] || stored;
}

export function scaleBlock({ question = "", value = null }) {
  const ours = ourQuestions();
  const presets = PRESETS.map((key) => ours[key]);
  // Stored as a key, or (written before keys) as the text in this language.
  const preset = PRESETS.includes(question) ? PRESETS.indexOf(question) : presets.indexOf(question);
  const own = question && preset < 0;
  const questions = choiceGroup({
    name: "scale_question",
    legend: t("What is the question?"),
    options: [
      ...presets.map((text, index) => ({ value: String(index), label: text })),
      { value: "own", label: t("My own question") },
    ],
    value: own ? "own" : String(Math.max(preset, 0)),
  });
  const ownQuestion = el(
    "div",
    { class: "field own-question", hidden: !own },
    el("label", { for: "field-own_question" }, t("Your question")),
    el("input", {
      id: "field-own_question",
      name: "own_question",
      maxLength: QUESTION_LIMIT,
      dir: "auto",
      autocomplete: "off",
      value: own ? question : "",
    }),
  );
  questions.append(ownQuestion);
  questions.addEventListener("change", () => {
    ownQuestion.hidden = chosen(questions, "scale_question") !== "own";
  });
  return el("div", { class: "scale-block stack", id: "scale-block" }, questions, numbers(value));
}

function numbers(value) {
  const id = "field-scale_value";
  const options = [];
  for (let n = 0; n <= 10; n += 1) {
    const word = n === 0 ? t("Really bad") : n === 10 ? t("Really good") : null;
    options.push(
      el(
        "label",
        { class: "scale-number", for: id + "-" + n },
        el("input", { type: "radio", id: id + "-" + n, name: "scale_value", value: String(n), checked: value === n }),
        el("span", { class: "number" }, formatNumber(n)),
        word ? el("span", { class: "number-word" }, word) : null,
      ),
    );
  }
  return el(
    "fieldset",
    { id, class: "choices scale-numbers" },
    el("legend", {}, t("Pick a number from 0 to 10")),
    el("p", { id: id + "-error", class: "field-error", hidden: true }),
    el("div", { class: "number-box" }, el("div", { class: "number-row" }, options)),
  );
}

/** The question and number from the form's values (for a scale). */
export function readScale(values) {
  const which = values.scale_question;
  const question = which === "own" ? (values.own_question || "").trim() : PRESETS[Number(which)] || "";
  const number = values.scale_value === undefined || values.scale_value === "" ? null : Number(values.scale_value);
  return { scale_question: question, scale_value: number };
}

export function checkScale({ scale_question: question, scale_value: number }) {
  const problems = [];
  if (!question) problems.push({ field: "scale_question", message: t("Type your question, or pick one of ours.") });
  if (number === null) problems.push({ field: "scale_value", message: t("Pick a number from 0 to 10.") });
  return problems;
}

/** How a scale answer reads in a list: "How safe do you feel at home? 7 out of 10". */
export function scaleAnswer(question, number) {
  // A face picked in the simpler version comes back as that face, not a number.
  if (question === "app:feel" && Object.hasOwn(FACES, number)) {
    const [picture, label] = FACES[number];
    return el("p", { class: "scale-answer" }, icon(picture, "icon"), " ", el("strong", {}, label()));
  }
  return el(
    "p",
    { class: "scale-answer" },
    el("span", { dir: "auto", class: "scale-question" }, questionText(question)),
    " ",
    // {count} is a plain number: it needs no direction isolates.
    el("strong", {}, t("{count} out of 10", { count: formatNumber(number) })),
  );
}
