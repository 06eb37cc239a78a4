// "You said → the plan says": each thing a family member wrote, and whether the
// latest plan uses it, and where. Only they see this page.
import { el, heading, icon } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { formatDate, t } from "../shell/i18n.js";

export async function youSaidView() {
  const said = await api.youSaid();
  return el(
    "section",
    { class: "stack" },
    // NOTE: the arrow points from their words to the plan; in a right-to-left language it points left (←).
    heading(t("You said → the plan says")),
    el("p", { class: "lead" }, t("What happened to your words. Only you can see this page.")),
    said.items.length
      ? el("ul", { class: "plain-list stack words-list" }, said.items.map((item) => el("li", {}, saidCard(item))))
      : el("p", {}, t("You have not written anything yet.")),
    el(
      "div",
      { class: "action-row" },
      el("a", { href: "#/plan", class: "action" }, t("Our plan")),
      el("a", { href: "#/home", class: "action" }, t("Back to home")),
    ),
  );
}

function saidCard(item) {
  const titleId = "said-" + item.contribution_id;
  return el(
    "article",
    { class: "card word", "aria-labelledby": titleId },
    el("h2", { id: titleId }, item.kind_label),
    item.text ? el("blockquote", { class: "words", dir: "auto" }, el("p", { dir: "auto", class: "their-words" }, item.text)) : null,
    item.withdrawn_at
      ? el("p", { class: "meta" }, t("You stopped sharing this on {date}. The plan no longer shows your words.", { date: formatDate(item.withdrawn_at) }))
      : item.used_in.length
      ? el(
          "ul",
          { class: "plain-list used-in" },
          item.used_in.map((use) =>
            el("li", {}, icon("tick", "icon small"), el("span", {}, t("Used in the plan: {section}", { section: use.section_label }))),
          ),
        )
      : el("p", { class: "meta" }, t("Not in the plan yet")),
  );
}
