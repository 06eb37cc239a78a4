// For carers: what others in the family chose to share with "My family too",
// each in its author's own words.
import { el, heading } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t, tp, formatDate } from "../shell/i18n.js";
import { words } from "./my-words.js";

export async function sharedWithMeView() {
  const shared = await api.sharedWithMe();
  return el(
    "section",
    { class: "stack" },
    heading(t("Shared with me")),
    el("p", { class: "lead" }, tp("carer", "Things others in your family chose to share with you.")),
    shared.items.length
      ? el("ul", { class: "plain-list stack" }, shared.items.map((item) => el("li", {}, sharedCard(item))))
      : el("p", {}, tp("carer", "Nothing has been shared with you yet.")),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to home")),
  );
}

function sharedCard(item) {
  const titleId = "shared-" + item.id;
  return el(
    "article",
    { class: "card word", "aria-labelledby": titleId },
    el("h2", { id: titleId }, item.kind_label),
    el("p", { class: "attribution" }, t("In {name}'s words", { name: item.author_name })),
    words(item),
    el("p", { class: "meta" }, t("Written on {date}", { date: formatDate(item.created_at) })),
  );
}
