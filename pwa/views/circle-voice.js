// For practitioners: what a circle's family members chose to share with them, each
// in their own words. Urgent requests to talk come first. Withdrawn words are not
// shown: only that they were withdrawn, and when.
import { el, heading, icon } from "../shell/dom.js";
import { api, ProblemError } from "../shell/api.js";
import { t, formatDate } from "../shell/i18n.js";
import { audienceIcon } from "./audiences.js";
import { words } from "./my-words.js";
import { circleNav } from "./circle-nav.js";
import { panelSlot } from "./panels.js";
import { addToPlan } from "./circle-add-to-plan.js";

export async function circleVoiceView(ctx) {
  let voice;
  try {
    voice = await api.circleVoice(ctx.code);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return notFound();
    throw error;
  }
  const slot = panelSlot(); // one "Add to plan" open at a time
  const toPlan = (item) => (item.withdrawn_at ? null : addToPlan(voice.circle.id, item, slot, "voice-" + item.id));
  return el(
    "section",
    { class: "stack" },
    el(
      "p",
      {},
      el("a", { href: "#/home", class: "back-link" }, icon("back", "icon flip"), el("span", {}, t("Your circles"))),
    ),
    heading(t("Family voice: {circle}", { circle: voice.circle.name })),
    circleNav(voice.circle.id, ""),
    el("p", { class: "lead" }, t("What the family chose to share with you, in their own words.")),
    voice.items.length
      ? el("ul", { class: "plain-list stack" }, voice.items.map((item) => el("li", {}, voiceCard(item, toPlan(item)))))
      : el("p", {}, t("Nothing has been shared with you yet.")),
  );
}

function notFound() {
  return el(
    "section",
    { class: "stack" },
    heading(t("We could not find this circle")),
    el("p", {}, t("It may have closed, or you may not be part of it any more.")),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to your circles")),
  );
}

function voiceCard(item, planAction = null) {
  const titleId = "voice-" + item.id;
  return el(
    "article",
    { class: "card word", "aria-labelledby": titleId },
    el("h2", { id: titleId }, item.kind_label),
    el(
      "p",
      { class: "attribution" },
      el("span", {}, t("In {name}'s words", { name: item.author_name })),
      item.author_role_label ? el("span", { class: "reader-role" }, item.author_role_label) : null,
    ),
    item.withdrawn_at ? withdrawn(item) : words(item),
    el(
      "p",
      { class: "audience-line" },
      icon(audienceIcon(item.audience), "icon small"),
      el("span", {}, t("Shared with: {audience}", { audience: item.audience_label })),
    ),
    el("p", { class: "meta" }, t("Written on {date}", { date: formatDate(item.created_at) })),
    planAction,
  );
}

function withdrawn(item) {
  const date = formatDate(item.withdrawn_at);
  return el(
    "p",
    { class: "withdrawn" },
    icon("stopped", "icon small"),
    el("span", {}, t("The writer took these words back on {date}", { date })),
  );
}
