// A family member's home: their circle, their worker, next meetings, what they wrote.
import { el, heading } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t, tn } from "../shell/i18n.js";
import { meetingSummary } from "./meeting.js";

export async function familyHomeView(ctx) {
  const home = await api.familyHome();
  return el(
    "section",
    { class: "stack" },
    heading(t("Hello {name}", { name: home.name })),
    card(t("Your circle"), el("p", { dir: "auto", class: "circle-name" }, home.circle.name)),
    card(t("Your worker"), worker(home.lead_practitioner)),
    card(t("Your next meetings"), meetings(home.upcoming_meetings)),
    card(t("Your words"), words(home.contributions)),
    el("button", { type: "button", class: "button secondary", onclick: ctx.signOut }, t("Sign out")),
  );
}

function card(title, ...content) {
  return el("section", { class: "card" }, el("h2", {}, title), ...content);
}

function worker(lead) {
  if (!lead) return el("p", {}, t("Your worker will be added soon."));
  return el(
    "p",
    {},
    el("span", { dir: "auto", class: "person" }, lead.name),
    lead.agency_label ? el("span", { class: "agency" }, lead.agency_label) : null,
  );
}

function meetings(upcoming) {
  if (!upcoming.length) return el("p", {}, t("No meetings booked yet."));
  return el("ul", { class: "plain-list" }, upcoming.map((meeting) => el("li", {}, meetingSummary(meeting))));
}

function words({ total, shared }) {
  return el(
    "div",
    {},
    el("p", {}, tn("You have written {count} thing.", "You have written {count} things.", total)),
    el("p", {}, tn("You have shared {count} of them.", "You have shared {count} of them.", shared)),
  );
}
