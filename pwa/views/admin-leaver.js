// Deactivating a leaver: asks first; then they cannot sign in and any open session
// ends at once. The circles they led are listed, each with a choice of new lead.
import { el } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { askFirst, attempt, problemLine } from "./panels.js";

export function leaverArea(page, person, nameId) {
  return askFirst(page.slot, {
    label: t("Deactivate"),
    describedBy: nameId,
    question: t("Deactivate {name}?", { name: person.name }),
    detail: t("They will be signed out now and cannot sign in again. Circles they lead will need a new lead."),
    yes: t("Yes, deactivate"),
    no: t("No, keep them"),
    act: async () => {
      const left = await api.deactivate(person.id);
      await page.show();
      announce(t("{name} was deactivated.", { name: person.name }));
      if (left.circles_they_lead.length) page.screen.prepend(reassignment(left));
      page.screen.querySelector("h1").focus();
    },
  });
}

function reassignment(left) {
  return el(
    "section",
    { class: "card stack", "aria-labelledby": "reassign-title" },
    el("h2", { id: "reassign-title" }, t("Circles that need a new lead")),
    el("p", {}, t("{name} led these circles. Choose who leads each one now.", { name: left.person.name })),
    el("ul", { class: "plain-list stack" }, left.circles_they_lead.map((circle) => el("li", {}, circleChoice(circle)))),
  );
}

function circleChoice(circle) {
  const problem = problemLine();
  const id = "new-lead-" + circle.id;
  const select = el(
    "select",
    { id },
    circle.team.map((person) => el("option", { value: person.id }, person.name)),
  );
  const button = el("button", { type: "button", class: "button secondary" }, t("Make lead"));
  button.addEventListener("click", () =>
    attempt(button, problem, async () => {
      const chosen = select.options[select.selectedIndex];
      await api.reassignLead(circle.id, select.value);
      button.closest("li").replaceChildren(el("p", {}, t("{name} now leads {circle}.", { name: chosen.text, circle: circle.name })));
      announce(t("{name} now leads {circle}.", { name: chosen.text, circle: circle.name }));
    }),
  );
  if (!circle.team.length) {
    return el("article", { class: "card" }, el("h3", { dir: "auto" }, circle.name), el("p", {}, t("Nobody else is on this circle's team. Ask its team manager to add someone.")));
  }
  return el(
    "article",
    { class: "card stack" },
    el("h3", { dir: "auto" }, circle.name),
    problem,
    el("div", { class: "field" }, el("label", { for: id }, t("New lead")), select),
    button,
  );
}
