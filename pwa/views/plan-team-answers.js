// The family's answers to one part of the plan, for the team: each choice, and each
// comment only as far as its author shared it. A disagreement is
// flagged (a picture and words, not colour alone) until someone responds: the team
// can respond, and escalate it to a manager. Differences are resolved by listening.
import { el, icon } from "../shell/dom.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t, formatDate } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { attempt, cancelButton, problemLine } from "./panels.js";
import { textareaField } from "./fields.js";
import { commentBlock, managerAnswer } from "./answer-comment.js";

/** plan: { slot, refresh(focusOn) } from the plan screen. */
export function teamAnswers(item, plan) {
  if (!item.answers.length) return el("p", { class: "meta" }, t("No answers from the family yet."));
  return el(
    "div",
    { class: "answers" },
    el("h3", {}, t("What the family said")),
    el("ul", { class: "plain-list" }, item.answers.map((answer) => el("li", {}, answerBlock(item, answer, plan)))),
  );
}

function answerBlock(item, answer, plan) {
  return el(
    "div",
    { class: answer.flagged ? "answer flagged" : "answer" },
    answer.flagged ? el("p", { class: "flag" }, icon("flag", "icon small"), el("span", {}, t("Disagrees — needs a response"))) : null,
    el("p", { class: "answer-line" }, t("{name}: {answer}", { name: answer.member_name, answer: answer.answer_label })),
    commentBlock(answer),
    el("p", { class: "meta" }, t("On {date}, about version {version}", { date: formatDate(answer.at), version: answer.version_number })),
    answer.responded_at ? response(answer) : null,
    answer.escalated_at
      ? el("p", { class: "escalated" }, icon("flag", "icon small"), el("span", {}, t("Escalated to a manager on {date}", { date: formatDate(answer.escalated_at) })))
      : null,
    answer.manager_answered_at ? managerAnswer({ ...answer, where_label: null }) : null,
    answer.answer === "disagree" ? answerActions(item, answer, plan) : null,
  );
}

function response(answer) {
  return el(
    "div",
    { class: "team-response" },
    el("p", { class: "meta" }, t("The team's response on {date}", { date: formatDate(answer.responded_at) })),
    el("p", { dir: "auto" }, answer.response),
  );
}

function answerActions(item, answer, plan) {
  const area = el("div", { class: "word-actions" });
  const problem = problemLine();
  const buttons = () => {
    const respond = el("button", { type: "button", class: "action" }, answer.responded_at ? t("Respond again") : t("Respond"));
    respond.addEventListener("click", () => plan.slot.open(area, responseForm(item, answer, plan), back));
    const escalate = el("button", { type: "button", class: "action" }, t("Escalate to manager"));
    escalate.addEventListener("click", () =>
      attempt(escalate, problem, async () => {
        await api.escalateAnswer(answer.id);
        await plan.refresh("#item-" + item.id);
        announce(t("Escalated to a manager."));
      }),
    );
    area.replaceChildren(problem, el("div", { class: "action-row" }, respond, answer.escalated_at ? null : escalate));
  };
  const back = () => {
    buttons();
    area.querySelector("button").focus();
  };
  buttons();
  return area;
}

function responseForm(item, answer, plan) {
  const form = el(
    "form",
    { class: "word-panel stack" },
    formMessage(),
    textareaField({
      name: "text",
      label: t("Your response to {name}", { name: answer.member_name }),
      hint: t("{name} will see it beside their answer.", { name: answer.member_name }),
      maxLength: 2000,
      rows: 4,
    }),
    el(
      "div",
      { class: "panel-buttons" },
      el("button", { type: "submit", class: "button" }, t("Send response")),
      cancelButton(t("Cancel"), () => plan.slot.close()),
    ),
  );
  onSubmit(form, {
    check: ({ text }) => (text.trim() ? [] : [{ field: "text", message: t("Write your response first.") }]),
    send: async ({ text }) => {
      await api.respondToAnswer(answer.id, text.trim());
      await plan.refresh("#item-" + item.id);
      announce(t("Response sent."));
    },
  });
  return form;
}
