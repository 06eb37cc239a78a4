// A circle's plan, for its team: what's working well, what we're worried about,
// what needs to happen and actions, each built WITH the family (their words kept
// verbatim and attributed), with the family's answers under each part. Publishing
// makes a version the family can see; it can be printed or downloaded.
import { el } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { circleTop, circleNotFound, unlessMissing } from "./circle-nav.js";
import { askFirst, confirmPanel, panelSlot } from "./panels.js";
import { SECTIONS, actionDetails, inSection, itemWords, sectionLabel } from "./plan-item.js";
import { planItemForm } from "./plan-team-item-form.js";
import { teamAnswers } from "./plan-team-answers.js";

export async function circlePlanView(ctx) {
  const [circle, shown] = await Promise.all([unlessMissing(() => api.circle(ctx.code)), unlessMissing(() => api.teamPlan(ctx.code))]);
  if (!circle || !shown) return circleNotFound();
  const screen = el("section", { class: "stack" });
  const plan = { circle, slot: panelSlot() };
  const render = (current, focusOn = null) => {
    plan.slot.forget();
    screen.replaceChildren(...content(current, plan).filter(Boolean));
    const target = focusOn && screen.querySelector(focusOn);
    if (target) target.focus();
  };
  plan.refresh = async (focusOn) => render(await api.teamPlan(circle.id), focusOn);
  render(shown);
  return screen;
}

function content(shown, plan) {
  const { circle } = plan;
  return [
    ...circleTop(circle, "plan", t("Plan: {circle}", { circle: circle.name })),
    publishing(shown, plan),
    ...SECTIONS.map((section) => planSection(section, inSection(shown.items, section), plan)),
  ];
}

// Only the lead (or their manager) publishes, after a confirmation that names
// everyone who will see it.
function publishButton(plan) {
  const { circle } = plan;
  if (!circle.may_govern) return el("p", { class: "hint" }, t("Only the lead practitioner or their manager can publish the plan."));
  const names = circle.members.map((member) => member.name).join(", ");
  return askFirst(plan.slot, {
    label: t("Publish to the family"),
    describedBy: "publish-title",
    question: t("Publish the plan to the family?"),
    detail: names
      ? t("{names} and everyone on the team will see it.", { names })
      : t("Everyone on the team will see it."),
    yes: t("Yes, publish it"),
    no: t("Not yet"),
    act: async () => {
      const published = await api.publishPlan(circle.id);
      await plan.refresh("#publish-status");
      announce(t("Version {version} is published. The family can see it now.", { version: published.version }));
    },
  });
}

function publishing(shown, plan) {
  const id = encodeURIComponent(plan.circle.id);
  const version = shown.published_version;
  return el(
    "section",
    { class: "card stack publish", "aria-labelledby": "publish-title" },
    el("h2", { id: "publish-title" }, t("Sharing the plan with the family")),
    el(
      "p",
      { id: "publish-status", tabIndex: -1 },
      version ? t("The family can see version {version}.", { version }) : t("The family cannot see the plan yet: it has not been published."),
    ),
    el("p", { class: "hint" }, t("Publishing makes a new version. The family will see it, and what changed since the last one.")),
    publishButton(plan),
    el(
      "div",
      { class: "action-row" },
      el(
        "a",
        { href: "/print/circles/" + id + "/plan", target: "_blank", rel: "noopener", class: "action" },
        t("Print"),
        el("span", { class: "visually-hidden" }, " " + t("(opens in a new tab)")),
      ),
      version
        ? el("a", { href: "/api/circles/" + id + "/plan/versions/" + version + "/export", download: "plan-v" + version + ".json", class: "action" }, t("Download JSON of version {version}", { version }))
        : null,
    ),
  );
}

function planSection(section, items, plan) {
  const titleId = "section-" + section;
  const area = el("div", { class: "word-actions" });
  const addButton = () => {
    const button = el("button", { type: "button", class: "button secondary" }, section === "actions" ? t("Add an action") : t("Add an item"));
    button.addEventListener("click", () => plan.slot.open(area, addForm(section, plan), back));
    area.replaceChildren(button);
  };
  const back = () => {
    addButton();
    area.querySelector("button").focus();
  };
  addButton();
  return el(
    "section",
    { class: "stack plan-section", "aria-labelledby": titleId },
    el("h2", { id: titleId, tabIndex: -1 }, sectionLabel(section)),
    items.length
      ? el("ul", { class: "plain-list stack" }, items.map((item) => el("li", { id: "item-" + item.id, tabIndex: -1 }, itemCard(item, plan))))
      : el("p", { class: "meta" }, t("Nothing here yet.")),
    area,
  );
}

function addForm(section, plan) {
  return planItemForm({
    circle: plan.circle,
    section,
    save: async (body) => {
      const added = await api.addPlanItem(plan.circle.id, body);
      await plan.refresh("#item-" + added.id);
      announce(t("Added to the plan."));
    },
    cancel: () => plan.slot.close(),
  });
}

function itemCard(item, plan) {
  return el(
    "article",
    { class: "card plan-item" },
    itemWords(item),
    actionDetails(item),
    itemActions(item, plan),
    teamAnswers(item, plan),
  );
}

function itemActions(item, plan) {
  const area = el("div", { class: "word-actions" });
  const buttons = () => {
    const edit = el("button", { type: "button", class: "action" }, t("Edit"));
    edit.addEventListener("click", () => plan.slot.open(area, editForm(item, plan), back));
    const remove = el("button", { type: "button", class: "action" }, t("Remove"));
    remove.addEventListener("click", () => plan.slot.open(area, confirmRemove(item, plan), back));
    area.replaceChildren(el("div", { class: "action-row" }, edit, remove));
  };
  const back = () => {
    buttons();
    area.querySelector("button").focus();
  };
  buttons();
  return area;
}

function editForm(item, plan) {
  return planItemForm({
    circle: plan.circle,
    section: item.section,
    item,
    save: async (body) => {
      await api.editPlanItem(item.id, body);
      await plan.refresh("#item-" + item.id);
      announce(t("Saved."));
    },
    cancel: () => plan.slot.close(),
  });
}

function confirmRemove(item, plan) {
  return confirmPanel({
    question: t("Remove this from the plan?"),
    detail: item.quote ? t("The family's words stay where they are: only their place in the plan goes.") : null,
    yes: t("Yes, remove it"),
    no: t("No, keep it"),
    act: async () => {
      await api.removePlanItem(item.id);
      await plan.refresh("#section-" + item.section);
      announce(t("Removed from the plan."));
    },
    cancel: () => plan.slot.close(),
  });
}
