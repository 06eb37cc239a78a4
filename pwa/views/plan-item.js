// How one part of a plan reads, for the team and for the family: the team's own
// words, or a family member's words kept exactly as they wrote them and said to be
// theirs ("In Sam's words") for as long as they allow; for actions, who does what
// by when. Withdrawn words show only that they were withdrawn, and when.
import { el, icon } from "../shell/dom.js";
import { t, formatDate } from "../shell/i18n.js";
import { scaleAnswer } from "./scale.js";
import { formatDay } from "./dates.js";

export const SECTIONS = ["working_well", "worried_about", "needs_to_happen", "actions"];

export function sectionLabel(section) {
  const labels = {
    working_well: t("What's working well"),
    worried_about: t("What we're worried about"),
    needs_to_happen: t("What needs to happen"),
    actions: t("Actions"),
  };
  return labels[section] || "";
}

export function statusLabel(status) {
  const labels = { not_started: t("Not started"), in_progress: t("In progress"), done: t("Done") };
  return labels[status] || "";
}

/** The items of one section, in the order the server gave them. */
export function inSection(items, section) {
  return items.filter((item) => item.section === section);
}

export function itemWords(item) {
  const quote = item.quote;
  if (!quote) return el("p", { class: "team-words", dir: "auto" }, item.text);
  if (quote.withdrawn_at) {
    const date = formatDate(quote.withdrawn_at);
    return el("p", { class: "withdrawn" }, icon("stopped", "icon small"), el("span", {}, t("The writer took these words back on {date}", { date })));
  }
  return el(
    "div",
    { class: "quote" },
    el(
      "p",
      { class: "attribution" },
      el("span", {}, t("In {name}'s words", { name: quote.author_name })),
      el("span", { class: "reader-role" }, quote.kind_label),
    ),
    el(
      "blockquote",
      { class: "words", dir: "auto" },
      quote.scale_value !== null && quote.scale_value !== undefined ? scaleAnswer(quote.scale_question, quote.scale_value) : null,
      quote.text ? el("p", { dir: "auto", class: "their-words" }, quote.text) : null,
    ),
    quote.only_for
      ? el("p", { class: "restricted" }, icon("audience-my-worker", "icon small"), el("span", {}, t("Only {name} can see these words", { name: quote.only_for })))
      : null,
  );
}

/** The item's words as one line of text (for lists of what changed). */
export function itemText(item) {
  if (item.quote && item.quote.withdrawn_at) {
    return t("The writer took these words back on {date}", { date: formatDate(item.quote.withdrawn_at) });
  }
  return (item.quote ? item.quote.text : item.text) || "";
}

/** For an action: who does it, by when, and how it is going. */
export function actionDetails(item) {
  if (item.section !== "actions") return null;
  return el(
    "dl",
    { class: "action-details" },
    detail(t("Who"), item.owner_label || t("Not decided yet"), !!item.owner_label),
    detail(t("By when"), item.due_on ? formatDay(item.due_on) : t("No date yet")),
    detail(t("Status"), item.status_label || statusLabel(item.status) || t("Not set")),
  );
}

// A name keeps its own direction; the line keeps the page's.
function detail(term, value, isName = false) {
  return el("div", {}, el("dt", {}, term), el("dd", {}, isName ? el("span", { dir: "auto" }, value) : value));
}
