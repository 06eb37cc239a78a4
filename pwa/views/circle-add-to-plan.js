// On a circle's family voice: bring one thing the family shared into the plan.
// It goes in by reference, so it stays in their words, said to be theirs, and
// only as far as they allow (narrowed or withdrawn, it is hidden in the plan too).
import { el, icon } from "../shell/dom.js";
import { choiceGroup, chosen } from "../shell/choices.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { attempt, cancelButton, problemLine } from "./panels.js";
import { SECTIONS, sectionLabel } from "./plan-item.js";

/** slot: the screen's panelSlot(), so one panel is open at a time. */
export function addToPlan(circleId, item, slot, titleId) {
  const area = el("div", { class: "word-actions" });
  const showButton = (added = null) => {
    const button = el("button", { type: "button", class: "action", "aria-describedby": titleId }, t("Add to plan"));
    button.addEventListener("click", () => slot.open(area, sectionForm(circleId, item, slot, showAdded), back));
    area.replaceChildren(...[added ? receipt(circleId, added) : null, el("div", { class: "action-row" }, button)].filter(Boolean));
  };
  const back = () => {
    showButton();
    area.querySelector("button").focus();
  };
  const showAdded = (added) => {
    slot.forget();
    showButton(added);
    area.querySelector(".receipt").focus();
  };
  showButton();
  return area;
}

function sectionForm(circleId, item, slot, showAdded) {
  const problem = problemLine();
  const save = el("button", { type: "submit", class: "button" }, t("Add to the plan"));
  const form = el(
    "form",
    { class: "word-panel stack" },
    choiceGroup({
      name: "section",
      legend: t("Which part of the plan?"),
      options: SECTIONS.map((section) => ({ value: section, label: sectionLabel(section) })),
      idPrefix: "plan-" + item.id + "-",
    }),
    el("p", { class: "hint" }, t("Their words go into the plan exactly as they wrote them, with their name.")),
    problem,
    el("div", { class: "panel-buttons" }, save, cancelButton(t("Cancel"), () => slot.close())),
  );
  form.noValidate = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const section = chosen(form, "section");
    if (!section) {
      problem.textContent = t("Choose a part of the plan.");
      problem.hidden = false;
      return form.querySelector("input").focus();
    }
    attempt(save, problem, async () => showAdded(await api.addWordsToPlan(circleId, item.id, section)));
  });
  return form;
}

function receipt(circleId, added) {
  return el(
    "p",
    { class: "receipt", tabIndex: -1 },
    icon("tick", "icon small"),
    el(
      "span",
      {},
      t("Added to the plan: {section}", { section: added.section_label }),
      " ",
      el("a", { href: "#/circle/" + encodeURIComponent(circleId) + "/plan" }, t("See the plan")),
    ),
  );
}
