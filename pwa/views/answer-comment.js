// Someone's comment on a part of the plan, as the server let this reader see it:
// their words and who they are shared with; once taken back, only when; and a
// comment that is not for this reader says only whom it is for ("A comment for
// Priya Shah only"), never its words.
import { el, icon } from "../shell/dom.js";
import { t, formatDate } from "../shell/i18n.js";
import { audienceIcon } from "./audiences.js";

export function commentBlock(answer) {
  if (answer.comment) {
    return el(
      "div",
      { class: "answer-comment" },
      el("blockquote", { class: "words", dir: "auto" }, el("p", { dir: "auto", class: "their-words" }, answer.comment)),
      el(
        "p",
        { class: "audience-line" },
        icon(audienceIcon(answer.audience), "icon small"),
        el("span", {}, t("Shared with: {audience}", { audience: answer.audience_label })),
      ),
    );
  }
  if (answer.comment_withdrawn_at) {
    const date = formatDate(answer.comment_withdrawn_at);
    return el("p", { class: "withdrawn" }, icon("stopped", "icon small"), el("span", {}, t("The writer took these words back on {date}", { date })));
  }
  if (answer.comment_for) {
    return el("p", { class: "audience-line comment-for" }, icon(audienceIcon(answer.audience), "icon small"), el("span", {}, answer.comment_for));
  }
  return null;
}

/** Where a disagreement stands ("With Maya Khan, a manager"), and the manager's answer in words. */
export function managerAnswer(answer) {
  const where = answer.where_label ? el("p", { class: "where-now", tabIndex: -1 }, answer.where_label) : null;
  if (!answer.manager_answered_at) return where;
  return el(
    "div",
    { class: "stack-small" },
    where,
    el(
      "div",
      { class: "team-response manager-answer" },
      el("p", { class: "meta" }, t("From {name}, a manager", { name: answer.manager_name || "" })),
      el("p", { dir: "auto" }, answer.manager_answer),
    ),
  );
}
