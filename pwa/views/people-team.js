// A circle's team for its team: who is on it and who leads, adding a colleague from
// any agency by their work email and, for the lead, handing on the lead and closing
// the circle (each asks first).
import { el } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { askFirst, confirmPanel } from "./panels.js";

export function teamMembers(circle, people) {
  return el(
    "section",
    { class: "stack", "aria-labelledby": "team-title" },
    el("h2", { id: "team-title" }, t("The team")),
    el("ul", { class: "plain-list stack" }, circle.team.map((person) => el("li", {}, teammateCard(circle, person, people)))),
  );
}

function teammateCard(circle, person, people) {
  const nameId = "teammate-" + person.id;
  const canHandOver = circle.may_govern && !person.is_lead;
  return el(
    "article",
    { class: "card", "aria-labelledby": nameId },
    el("h3", { id: nameId }, el("span", { dir: "auto" }, person.name)),
    el("p", { class: "agency" }, person.agency_label),
    person.is_lead ? el("p", { class: "badge" }, t("Lead practitioner")) : null,
    canHandOver ? makeLeadArea(circle, person, people, nameId) : null,
    canHandOver ? removeTeammate(circle, person, people, nameId) : null,
  );
}

function removeTeammate(circle, person, people, nameId) {
  return askFirst(people.slot, {
    label: t("Take off the team"),
    describedBy: nameId,
    question: t("Take {name} off the team?", { name: person.name }),
    detail: t("They will no longer see this circle or anything in it, from now."),
    yes: t("Yes, take them off"),
    no: t("No, keep them"),
    act: async () => {
      people.show(await api.removeTeammate(circle.id, person.id), "#team-title");
      announce(t("{name} is no longer on the team.", { name: person.name }));
    },
  });
}

function makeLeadArea(circle, person, people, nameId) {
  const area = el("div", { class: "word-actions" });
  const showButton = () => {
    const button = el("button", { type: "button", class: "action", "aria-describedby": nameId }, t("Make lead"));
    button.addEventListener("click", () => people.slot.open(area, panel, showButtonAndFocus));
    area.replaceChildren(el("div", { class: "action-row" }, button));
  };
  const showButtonAndFocus = () => {
    showButton();
    area.querySelector("button").focus();
  };
  const panel = confirmPanel({
    question: t("Make {name} the lead practitioner?", { name: person.name }),
    detail: t("You will no longer be the lead. Only the lead can hand on the lead or close the circle."),
    yes: t("Yes, make them the lead"),
    no: t("No, keep it as it is"),
    act: async () => {
      people.show(await api.makeLead(circle.id, person.id), "main h1");
      announce(t("{name} is now the lead practitioner.", { name: person.name }));
    },
    cancel: () => people.slot.close(),
  });
  showButton();
  return area;
}

export function addTeammateForm(circle, people) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "add-teammate-title" },
    formMessage(),
    field({
      name: "email",
      label: t("Work email address"),
      hint: t("A practitioner from any agency in the partnership who already uses Alongside."),
      type: "email",
      autocomplete: "off",
      spellcheck: false,
      dir: "ltr",
    }),
    el("button", { type: "submit", class: "button" }, t("Add to the team")),
  );
  onSubmit(form, {
    check: ({ email }) => (email.trim() ? [] : [{ field: "email", message: t("Enter their work email address.") }]),
    fieldForProblem: "email",
    send: async ({ email }) => {
      people.show(await api.addTeammate(circle.id, email.trim()), "#team-title");
      announce(t("Added to the team."));
    },
  });
  return el("section", { class: "card stack" }, el("h2", { id: "add-teammate-title" }, t("Add someone to the team")), form);
}

export function closeCircle(circle, people) {
  const area = el("div", { class: "word-actions" });
  const showButton = () => {
    const button = el("button", { type: "button", class: "button secondary" }, t("Close this circle"));
    button.addEventListener("click", () => people.slot.open(area, panel, showButtonAndFocus));
    area.replaceChildren(button);
  };
  const showButtonAndFocus = () => {
    showButton();
    area.querySelector("button").focus();
  };
  const panel = confirmPanel({
    question: t("Close {circle}?", { circle: circle.name }),
    detail: t("Nobody on the team will be able to read the family's words any more. This cannot be undone."),
    yes: t("Yes, close it"),
    no: t("No, keep it open"),
    act: async () => {
      people.show(await api.closeCircle(circle.id), "main h1");
      announce(t("The circle is closed."));
    },
    cancel: () => people.slot.close(),
  });
  showButton();
  return el(
    "section",
    { class: "card stack", "aria-labelledby": "close-title" },
    el("h2", { id: "close-title" }, t("Close this circle")),
    el("p", {}, t("Close the circle when the family no longer needs it.")),
    area,
  );
}
