// After a meeting, for its team: did the family have their say, and how was it for
// them? Facts from the records (who was asked and how long before, who shared, whose
// words reached the plan, disagreements, calls for help), the check-ins the family
// chose to share with this practitioner, and their own reflection on the same four
// questions. Where the two differ is the challenge (the partnership's statement).
import { el } from "../shell/dom.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { choiceGroup } from "../shell/choices.js";
import { api } from "../shell/api.js";
import { t, tn, formatDate } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { faces, questions } from "./check-in.js";

function reflections() {
  return [
    ["listened", t("Did we listen to what the family said?")],
    ["helped_decide", t("Did the family shape this plan?")],
    ["told_honestly", t("Did we tell the family honestly about worries?")],
    ["got_help", t("Will the family get the help we promised?")],
  ];
}

function faceLabel(value) {
  const face = faces().find((one) => one.value === String(value));
  return face ? face.label : t("Not answered");
}

/** The part of a meeting's page shown once its time has passed. */
export async function afterTheMeeting(meeting) {
  const [coverage, checkIns] = await Promise.all([api.voiceCoverage(meeting.id), api.meetingCheckIns(meeting.id)]);
  return [voiceHeard(coverage), howItWas(checkIns.shared_with_me), reflectionForm(meeting, checkIns.my_reflection)];
}

function voiceHeard(coverage) {
  const longest = coverage.longest_minutes_to_acknowledge;
  return el(
    "section",
    { class: "card stack", "aria-labelledby": "heard-title" },
    el("h2", { id: "heard-title" }, t("Did the family have their say?")),
    el(
      "ul",
      { class: "plain-list stack" },
      coverage.members.map((member) =>
        el(
          "li",
          {},
          el("span", { dir: "auto" }, member.name),
          " (" + member.role_label + "): ",
          member.asked_days_before === null
            ? t("never asked")
            : tn("asked {count} day before", "asked {count} days before", member.asked_days_before),
          ", ",
          member.shared ? t("shared their views") : t("shared nothing"),
        ),
      ),
    ),
    el(
      "ul",
      { class: "plain-list stack" },
      el("li", {}, tn("{count} family item is in the plan", "{count} family items are in the plan", coverage.family_words_in_plan)),
      el("li", {}, tn("{count} of them in a young person's words", "{count} of them in young people's words", coverage.young_peoples_words_in_plan)),
      el("li", {}, t("Disagreements: {raised} raised, {answered} answered", { raised: coverage.disagreements_raised, answered: coverage.disagreements_answered })),
      el("li", {}, t("Calls for help: {count}, {seen} seen", { count: coverage.urgent_requests, seen: coverage.urgent_acknowledged })),
      longest === null ? null : el("li", {}, tn("The longest wait to be seen: {count} minute", "The longest wait to be seen: {count} minutes", longest)),
    ),
  );
}

function howItWas(shared) {
  return el(
    "section",
    { class: "stack", "aria-labelledby": "how-title" },
    el("h2", { id: "how-title" }, t("How it was for the family")),
    shared.length
      ? el(
          "ul",
          { class: "plain-list stack" },
          shared.map((one) =>
            el(
              "li",
              { class: "card stack" },
              el("h3", {}, el("span", { dir: "auto" }, one.name)),
              el("p", { class: "meta" }, one.role_label + " · " + formatDate(one.updated_at)),
              el(
                "dl",
                { class: "answers" },
                questions().flatMap(([key, question]) => [el("dt", {}, question), el("dd", {}, faceLabel(one[key]))]),
              ),
              one.anything_else ? el("p", { dir: "auto", class: "their-words" }, one.anything_else) : null,
            ),
          ),
        )
      : el("p", {}, t("Nobody has shared how it was for them with you yet.")),
  );
}

function reflectionForm(meeting, mine) {
  const before = mine || {};
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    ...reflections().map(([key, text]) =>
      choiceGroup({ name: key, legend: text, options: faces(), value: before[key] ? String(before[key]) : "", className: "face-choices" }),
    ),
    el("button", { type: "submit", class: "button" }, mine ? t("Save my reflection again") : t("Save my reflection")),
  );
  onSubmit(form, {
    check: (values) =>
      reflections().some(([key]) => values[key]) ? [] : [{ field: "listened", message: t("Please answer at least one question.") }],
    send: async (values) => {
      const body = Object.fromEntries(reflections().map(([key]) => [key, values[key] ? Number(values[key]) : null]));
      await api.reflect(meeting.id, body);
      announce(t("Thank you. Your reflection is saved."));
    },
  });
  return el(
    "section",
    { class: "card stack", "aria-labelledby": "reflect-title" },
    el("h2", { id: "reflect-title" }, t("Your reflection")),
    el("p", { class: "hint" }, t("The same four questions the family is asked. Only counts leave the team.")),
    form,
  );
}
