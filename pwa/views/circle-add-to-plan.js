// On a circle's family voice: bring one thing the family shared into the plan.
// It goes in by reference, so it stays in their words, said to be theirs, and
// only as far as they allow (narrowed or withdrawn, it is hidden in the plan too).
import { el, icon } from "../shell/dom.js";
import { choiceGroup, chosen } from "../shell/choices.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { attempt, cancelButton, problemLine } from "./panels.js";
import { SECTIONS, sectionLabel } from "./plan-item.js";

// Where each kind of words most often belongs; the practitioner can pick another.
const SECTION_FOR_KIND = {
  going_well: "working_well",
  worried_about: "worried_about",
  want_to_happen: "needs_to_happen",
  message: "needs_to_happen",
};

/** slot: the screen's panelSlot(), so one panel is open at a time. */
export function addToPlan(circleId, item, slot, titleId) {
  const area = el("div", { class: "word-actions" });
  // Already in the plan: say where; the same words are never brought in twice.
  if (item.in_plan && item.in_plan.length) {
    area.append(...item.in_plan.map((use) => receipt(circleId, use, t("Already in the plan: {section}", { section: use.section_label }))));
    return area;
  }
  const showButton = () => {
    const button = el("button", { type: "button", class: "action", "aria-describedby": titleId }, t("Add to plan"));
    button.addEventListener("click", () => slot.open(area, sectionForm(circleId, item, slot, showAdded), back));
    area.replaceChildren(el("div", { class: "action-row" }, button));
  };
  const back = () => {
    showButton();
    area.querySelector("button").focus();
  };
  // Once in the plan, the receipt stays in place of the button: it cannot go in twice.
  const showAdded = (added) => {
    slot.forget();
    area.replaceChildren(receipt(circleId, added));
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
      value: SECTION_FOR_KIND[item.kind] || "",
      idPrefix: "plan-" + item.id + "-",
    }),
    el("p", { class: "hint" }, t("Their words go into the plan exactly as they wrote them, with their name.")),
    item.audience === "my_worker" ? onlyYouConfirm(item) : null,
    problem,
    el("div", { class: "panel-buttons" }, save, cancelButton(t("Cancel"), () => slot.close())),
  );
  form.noValidate = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const section = chosen(form, "section");
    const confirm = form.querySelector("input[name=only_you]");
    if (confirm && !confirm.checked) {
      problem.textContent = t("Please confirm who will and will not see these words.");
      problem.hidden = false;
      return confirm.focus();
    }
    if (!section) {
      problem.textContent = t("Choose a part of the plan.");
      problem.hidden = false;
      return form.querySelector("input").focus();
    }
    attempt(save, problem, async () => {
      const added = await api.addWordsToPlan(circleId, item.id, section);
      item.in_plan = [{ item_id: added.id, section: added.section, section_label: added.section_label }];
      showAdded(added);
    });
  });
  return form;
}

// "My worker" words: only the lead sees them in the plan; the rest of the team sees
// that an item is there and for whom. The lead confirms that before adding them.
function onlyYouConfirm(item) {
  const id = "only-you-" + item.id;
  return el(
    "div",
    { class: "only-you stack-small" },
    el("p", {}, t("{name} chose “my worker”: only you will see these words in the plan.", { name: item.author_name })),
    el("p", {}, t("Others on the team will see that one item is only for you, not the words. In the family, only the person who wrote them will see them.")),
    el(
      "label",
      { class: "choice", for: id },
      el("input", { type: "checkbox", id, name: "only_you", value: "yes" }),
      el("span", {}, t("I understand who will and will not see them")),
    ),
  );
}

function receipt(circleId, added, words = null) {
  return el(
    "p",
    { class: "receipt", tabIndex: -1 },
    icon("tick", "icon small"),
    el(
      "span",
      {},
      words || t("Added to the plan: {section}", { section: added.section_label }),
      " ",
      el("a", { href: "#/circle/" + encodeURIComponent(circleId) + "/plan" }, t("See the plan")),
    ),
  );
}
