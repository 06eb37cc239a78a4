// A team manager's oversight of the circles their teams lead: disagreements sent to
// them to answer, calls for help nobody has seen in time, and meetings where someone
// in the family was never asked for their views. Family words show only where the
// family member shared them with this manager. Loaded only when a manager opens it.
import { el, heading } from "../shell/dom.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t, formatDate, formatDateTime } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { selectField, textareaField } from "./fields.js";

export async function oversightView() {
  const section = el("section", { class: "stack oversight" });
  const render = async (focusOn) => {
    const seen = await api.oversight();
    section.replaceChildren(
      heading(t("Your teams")),
      el("p", { class: "lead" }, t("What needs you in the circles your teams lead.")),
      part(t("Waiting for your answer"), "escalations", seen.escalations, (one) => escalationCard(one, render), t("Nothing is waiting for your answer.")),
      part(t("Calls for help nobody has seen"), "overdue", seen.overdue, overdueCard, t("No call for help has waited too long.")),
      part(t("Never asked before a meeting"), "never-asked", seen.never_asked, neverAskedCard, t("Everyone was asked.")),
      el("h2", {}, t("Duty contact")),
      el("p", {}, t("The duty contact is told, with you, when nobody sees a call for help in time.")),
      ...seen.teams.map((team) => dutyForm(team, render)),
      el("p", { class: "other-way" }, el("a", { href: "#/home" }, t("Your circles"))),
    );
    if (focusOn) section.querySelector(focusOn).focus();
  };
  await render();
  return section;
}

function part(title, id, items, card, empty) {
  return el(
    "div",
    { class: "stack" },
    el("h2", { id: id + "-title", tabIndex: -1 }, title),
    items.length
      ? el("ul", { class: "plain-list stack", "aria-labelledby": id + "-title" }, items.map((item) => el("li", {}, card(item))))
      : el("p", { class: "meta" }, empty),
  );
}

function circleLine(one) {
  return one.lead_name
    ? t("{circle}, led by {lead}", { circle: one.circle_name, lead: one.lead_name })
    : one.circle_name;
}

function escalationCard(one, render) {
  return el(
    "article",
    { class: "card stack-small" },
    el("h3", { dir: "auto" }, t("{name} ({who})", { name: one.member_name, who: one.role_label })),
    el("p", { class: "meta", dir: "auto" }, circleLine(one)),
    el("p", {}, el("strong", {}, one.section_label)),
    el("p", { dir: "auto" }, one.item_text === null ? t("These are the family's own words. They did not share them with you.") : one.item_text),
    el("p", { class: "answer-line" }, one.answer_label),
    one.comment
      ? el("blockquote", { class: "words", dir: "auto" }, el("p", { dir: "auto" }, one.comment))
      : one.comment_for
        ? el("p", { class: "meta" }, one.comment_for)
        : null,
    one.response ? el("div", { class: "team-response" }, el("p", { class: "meta" }, t("The team's response")), el("p", { dir: "auto" }, one.response)) : null,
    el("p", { class: "meta" }, t("Sent to you on {date}", { date: formatDate(one.escalated_at) })),
    answerForm(one, render),
  );
}

function answerForm(one, render) {
  const name = "answer-" + one.answer_id;
  const form = el(
    "form",
    { class: "stack-small" },
    formMessage(),
    textareaField({ name, label: t("Your answer to {name}", { name: one.member_name }), rows: 3, maxLength: 2000 }),
    el("button", { type: "submit", class: "button" }, t("Send your answer")),
  );
  onSubmit(form, {
    check: (values) => ((values[name] || "").trim() ? [] : [{ field: name, message: t("Write your answer first.") }]),
    send: async (values) => {
      await api.answerAsManager(one.answer_id, values[name].trim());
      await render("#escalations-title");
      announce(t("Your answer was sent. {name} can read it now.", { name: one.member_name }));
    },
  });
  return form;
}

function overdueCard(one) {
  return el(
    "article",
    { class: "card stack-small" },
    el("h3", { dir: "auto" }, t("{name} ({who})", { name: one.member_name, who: one.role_label })),
    el("p", { class: "meta", dir: "auto" }, circleLine(one)),
    el("p", {}, t("Asked to talk to someone now at {time}", { time: formatDateTime(one.at) })),
  );
}

function neverAskedCard(one) {
  return el(
    "article",
    { class: "card stack-small" },
    el("h3", { dir: "auto" }, circleLine(one)),
    el("p", {}, t("Meeting on {date}", { date: formatDate(one.meeting_at) })),
    el(
      "p",
      { dir: "auto" },
      t("Never asked: {names}", { names: one.never_asked.join(", ") }),
    ),
  );
}

function dutyForm(team, render) {
  const name = "duty-" + team.id;
  const form = el(
    "form",
    { class: "card stack-small" },
    formMessage(),
    selectField({
      name,
      label: t("Duty contact for {team}", { team: team.name }),
      options: [{ value: "", label: t("Nobody yet") }, ...team.people.map((p) => ({ value: p.id, label: p.name }))],
      value: team.duty_contact_id || "",
    }),
    el("button", { type: "submit", class: "button secondary" }, t("Save")),
  );
  onSubmit(form, {
    send: async (values) => {
      const saved = await api.nameDutyContact(team.id, values[name] || null);
      await render();
      announce(saved.duty_contact_name ? t("{name} is now the duty contact.", { name: saved.duty_contact_name }) : t("Nobody is the duty contact now."));
    },
  });
  return form;
}
