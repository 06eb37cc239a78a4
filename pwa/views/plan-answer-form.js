// A family member's answer to one part of the plan: three choices of the same size
// and weight (I agree / I'm not sure / I disagree) and, if they want, why, in their
// own words. Their answer so far, and the team's response to it, show above.
import { el, icon } from "../shell/dom.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { choiceGroup } from "../shell/choices.js";
import { api } from "../shell/api.js";
import { t, formatDate } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { cancelButton } from "./panels.js";

function answers() {
  return [
    { value: "agree", label: t("I agree") },
    { value: "not_sure", label: t("I'm not sure") },
    { value: "disagree", label: t("I disagree") },
  ];
}

export function answerArea(item) {
  const area = el("div", { class: "my-answer-area" });
  const render = (mine, sent) => {
    const form = (cancel) =>
      answerForm(item, mine, cancel, (saved) => {
        render(saved, true);
        area.querySelector(".receipt").focus(); // read out from there
        announce(t("Thank you. Your answer has been sent."));
      });
    if (!mine) return area.replaceChildren(form(null));
    // Answered: their answer, and the form only when they want to change it.
    const change = el("button", { type: "button", class: "action" }, t("Change my answer"));
    change.addEventListener("click", () => {
      change.replaceWith(
        form(() => {
          render(mine, false);
          area.querySelector("button").focus();
        }),
      );
      (area.querySelector("input:checked") || area.querySelector("input[type=radio]")).focus();
    });
    area.replaceChildren(myAnswer(mine, sent), el("div", { class: "action-row" }, change));
  };
  render(item.my_answer, false);
  return area;
}

function myAnswer(mine, sent) {
  return el(
    "div",
    { class: "my-answer" },
    el(
      "p",
      { class: sent ? "receipt" : "your-answer", tabIndex: sent ? -1 : null },
      sent ? icon("tick", "icon small") : null,
      el("span", {}, t("Your answer: {answer}", { answer: mine.answer_label })),
    ),
    mine.comment ? el("blockquote", { class: "words", dir: "auto" }, el("p", { dir: "auto", class: "their-words" }, mine.comment)) : null,
    mine.responded_at
      ? el(
          "div",
          { class: "team-response" },
          el("p", { class: "meta" }, t("The team replied on {date}", { date: formatDate(mine.responded_at) })),
          el("p", { dir: "auto" }, mine.response),
        )
      : null,
  );
}

function answerForm(item, mine, cancel, sent) {
  // Ids start "field-<item>": showErrors() finds the fields of this item's form.
  const prefix = "field-" + item.id + "-";
  const commentId = prefix + "comment";
  const form = el(
    "form",
    { class: "answer-form stack" },
    formMessage(),
    choiceGroup({
      name: "answer",
      legend: t("What do you think about this?"),
      options: answers(),
      value: mine ? mine.answer : undefined,
      idPrefix: prefix,
      className: "answer-choices",
    }),
    el(
      "div",
      { class: "field" },
      el("label", { for: commentId }, t("Tell us why, in your own words")),
      el("p", { id: commentId + "-hint", class: "hint" }, t("You do not have to.")),
      el("p", { id: commentId + "-error", class: "field-error", hidden: true }),
      el("textarea", { id: commentId, name: "comment", dir: "auto", rows: 3, maxLength: 2000, "aria-describedby": commentId + "-hint" }),
    ),
    el(
      "div",
      { class: "panel-buttons" },
      el("button", { type: "submit", class: "button" }, t("Send my answer")),
      cancel ? cancelButton(t("Cancel"), cancel) : null,
    ),
  );
  onSubmit(form, {
    check: ({ answer }) => (answer ? [] : [{ field: item.id + "-answer", message: t("Choose one of the three answers first.") }]),
    send: async ({ answer, comment }) => sent(await api.answerPlanItem(item.id, answer, (comment || "").trim())),
  });
  return form;
}
