// "Our plan", for carers and young people: the latest plan shared with them, what
// changed since they last looked, and their answer to each part (I agree / I'm not
// sure / I disagree, each the same size, with their own words if they want, and
// who can read them). Carers also see what others in the family shared with them.
import { el, heading } from "../shell/dom.js";
import { api, ProblemError } from "../shell/api.js";
import { t, tp, formatDate } from "../shell/i18n.js";
import { SECTIONS, actionDetails, inSection, itemText, itemWords, sectionLabel } from "./plan-item.js";
import { answerArea, othersAnswers } from "./plan-answer-form.js";
import { familyHomeNow } from "../outbox/merge.js";

export async function ourPlanView() {
  // Only to word the "carers can see this" sign; the plan shows without it.
  const home = familyHomeNow().catch(() => ({}));
  let plan;
  try {
    plan = await api.familyPlan();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409 && /\/nothing-published$/.test(error.type)) return nothingYet();
    throw error;
  }
  // Seen once shown: next time, "what changed" starts from this version.
  api.planSeen(plan.version).catch(() => {});
  const marks = changeMarks(plan.changes);
  const isCarer = (await home).is_carer === true;
  return el(
    "section",
    { class: "stack" },
    heading(t("Our plan")),
    el("p", { class: "lead" }, tp("carer", "This is the plan for your family. It says what is going well, what worries people and what comes next.")),
    el("p", { class: "meta" }, t("Plan number {version}, shared on {date}", { version: plan.version, date: formatDate(plan.published_at) })),
    plan.changes.since_version ? whatChanged(plan, marks) : null,
    ...SECTIONS.map((section) => familySection(section, inSection(plan.items, section), marks, isCarer)),
    el(
      "div",
      { class: "action-row" },
      el(
        "a",
        { href: "/print/my-plan", target: "_blank", rel: "noopener", class: "action" },
        t("Print"),
        el("span", { class: "visually-hidden" }, " " + t("(opens in a new tab)")),
      ),
      el("a", { href: "#/you-said", class: "action" }, t("You said → the plan says")),
    ),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to home")),
  );
}

function nothingYet() {
  return el(
    "section",
    { class: "stack" },
    heading(t("Our plan")),
    el("p", {}, t("There is no plan to show yet.")),
    el("p", {}, tp("carer", "When your worker shares the plan, you will see it here.")),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to home")),
  );
}

function changeMarks(changes) {
  const marks = new Map();
  for (const id of changes.added) marks.set(id, t("New"));
  for (const id of changes.changed) marks.set(id, t("Changed"));
  for (const id of changes.withdrawn || []) marks.set(id, t("Withdrawn"));
  return marks;
}

function whatChanged(plan, marks) {
  const { changes } = plan;
  const shown = plan.items.filter((item) => marks.has(item.id));
  const lines = [
    ...shown.map((item) => changeLine(marks.get(item.id), item)),
    ...changes.removed.map((item) => changeLine(t("Taken out"), item)),
  ];
  return el(
    "section",
    { class: "what-changed", "aria-labelledby": "changed-title" },
    el("h2", { id: "changed-title" }, tp("carer", "What changed since you last looked")),
    lines.length ? el("ul", { class: "plain-list" }, lines) : el("p", {}, t("Nothing has changed.")),
  );
}

function changeLine(mark, item) {
  return el(
    "li",
    { class: "change-line" },
    el("span", { class: "badge change-mark" }, mark),
    el("span", { class: "meta" }, sectionLabel(item.section)),
    el("span", { dir: "auto" }, itemText(item)),
  );
}

function familySection(section, items, marks, isCarer) {
  const titleId = "section-" + section;
  return el(
    "section",
    { class: "stack plan-section", "aria-labelledby": titleId },
    el("h2", { id: titleId }, sectionLabel(section)),
    items.length
      ? el("ul", { class: "plain-list stack" }, items.map((item) => el("li", {}, familyItem(item, marks.get(item.id), isCarer))))
      : el("p", { class: "meta" }, t("Nothing in this part yet.")),
  );
}

function familyItem(item, mark, isCarer) {
  return el(
    "article",
    { class: "card plan-item" },
    mark ? el("p", { class: "badge change-mark" }, mark) : null,
    itemWords(item),
    actionDetails(item),
    othersAnswers(item),
    // Words their author took back are not there to agree or disagree with.
    item.quote && item.quote.withdrawn_at ? null : answerArea(item, isCarer),
  );
}
