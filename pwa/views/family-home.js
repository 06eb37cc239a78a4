// A family member's home: what they can do (write, see their words, get help), their
// circle, their worker, next meetings, and their data. Younger children (simple_mode)
// see bigger buttons and fewer words, and can switch between the two versions.
import { el, heading, icon } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { formatDate, t, tn, tp } from "../shell/i18n.js";
import { announce, installHint } from "../shell/layout.js";
import { familyHomeNow } from "../outbox/merge.js";
import { offlineNote } from "./item-state.js";
import { meetingSummary } from "./meeting.js";
import { askedForViews } from "./asked-for-views.js";
import { checkInCards, checkInsOnPhone } from "./check-in.js";

export async function familyHomeView(ctx) {
  // With no connection, the home this phone last saw.
  const home = await familyHomeNow();
  return homeContent(ctx, home, await checkInsOnPhone());
}

function homeContent(ctx, home, checkInsSent = new Set()) {
  const simple = home.simple_mode === true;
  const closed = Boolean(home.circle.closed_at);
  const switched = (updated) => {
    section.replaceWith(homeContent(ctx, updated, checkInsSent));
    document.querySelector("main h1").focus();
    announce(updated.simple_mode ? t("You are using the simpler version.") : t("You are using the full version."));
  };
  const section = el(
    "section",
    { class: simple ? "stack simple-home" : "stack" },
    heading(tp("carer", "Hello {name}", { name: home.name })),
    home.offline ? offlineNote(tp("carer", "You are offline. What you write is kept on this phone and sent when you are back online.")) : null,
    closed ? closedBanner(home.circle.closed_at) : installHint(),
    closed ? null : urgentSeen(home.urgent),
    closed ? null : askedForViews(home.view_requests, simple),
    closed ? null : checkInCards(home.check_ins, checkInsSent, simple),
    el(
      "nav",
      { class: "home-actions", "aria-label": t("What you can do") },
      // Nobody reads new words in a closed circle, so there is no button to write them.
      closed ? null : bigLink("#/write", simple ? tp("carer", "Tell us something") : tp("carer", "Write something"), "kind-message", "button"),
      bigLink("#/my-words", t("My words"), "audience-just-me", "button secondary"),
      home.is_carer ? bigLink("#/shared-with-me", t("Shared with me"), "audience-my-family", "button secondary") : null,
      bigLink("#/plan", t("Our plan"), "plan", "button secondary"),
      el("p", { class: "other-way" }, el("a", { href: "#/you-said" }, t("You said → the plan says"))),
      el("p", { class: "other-way" }, el("a", { href: "#/who-sees" }, t("Who sees my words?"))),
      el("p", { class: "other-way" }, el("a", { href: "#/settings" }, t("Settings"))),
    ),
    simple ? null : card(tp("carer", "Your circle"), el("p", { dir: "auto", class: "circle-name" }, home.circle.name)),
    // The simpler version: plain words, no agency or meeting names, no "data".
    card(tp("carer", "Your worker"), worker(home.lead_practitioner, simple), joined(home.joined_from_other_organisations || [])),
    card(tp("carer", "Your next meetings"), meetings(home.upcoming_meetings, simple)),
    simple ? null : card(tp("carer", "Your words"), words(home.contributions)),
    card(simple ? tp("carer", "A copy of your words") : tp("carer", "Your data"), myData()),
    versionSwitch(simple, switched),
    el("button", { type: "button", class: "button secondary", onclick: ctx.signOut }, t("Sign out")),
  );
  return section;
}

// What closing means for them: plain, at the top, with what is still theirs to do.
function closedBanner(closedAt) {
  return el(
    "section",
    { class: "card closed-circle", "aria-labelledby": "closed-circle-title" },
    el("h2", { id: "closed-circle-title" }, tp("carer", "Your circle has closed")),
    el("p", {}, t("It closed on {date}. Nobody reads new words here now.", { date: formatDate(closedAt) })),
    el("p", {}, tp("carer", "You can still read your words and your plan. You can change who sees your words, or stop sharing them. You can also save a copy of all you wrote.")),
    el("p", {}, el("a", { href: "#/talk-now" }, tp("carer", "Need to talk to someone? See who to call."))),
  );
}

// Their last "I need to talk to someone now": whether someone has seen it yet, and who.
function urgentSeen(urgent) {
  if (!urgent) return null;
  const seen = Boolean(urgent.acknowledged_by);
  return el(
    "section",
    { class: "card urgent-seen", role: "status" },
    el(
      "p",
      {},
      icon(seen ? "tick" : "talk", "icon"),
      " ",
      seen
        ? t("{name} has seen that you need to talk. They will get in touch today.", { name: urgent.acknowledged_by })
        : t("You asked to talk to someone. We are waiting for your worker to see it."),
    ),
    seen ? null : el("p", {}, el("a", { href: "#/talk-now" }, t("See who to call now"))),
  );
}

function bigLink(href, label, picture, className) {
  return el("a", { href, class: className + " with-icon" }, icon(picture, "icon"), el("span", {}, label));
}

function card(title, ...content) {
  return el("section", { class: "card" }, el("h2", {}, title), ...content);
}

function worker(lead, simple) {
  if (!lead) return el("p", {}, t("Your worker will be added soon."));
  return el(
    "p",
    {},
    el("span", { dir: "auto", class: "person" }, lead.name),
    lead.agency_label && !simple ? el("span", { class: "agency" }, lead.agency_label) : null,
  );
}

// Workers from other organisations (a school, health) who joined the circle: the
// family is told who, from where, and when.
function joined(people) {
  if (!people.length) return null;
  return el(
    "ul",
    { class: "plain-list joined" },
    people.map((person) =>
      el("li", {}, tp("carer", "{name} from {agency} joined your circle on {date}.", { name: person.name, agency: person.agency_label, date: formatDate(person.joined_at) })),
    ),
  );
}

function meetings(upcoming, simple) {
  if (!upcoming.length) return el("p", {}, t("No meetings booked yet."));
  const shown = (meeting) => (simple ? { ...meeting, kind_label: tp("carer", "A meeting about you and your family") } : meeting);
  return el("ul", { class: "plain-list" }, upcoming.map((meeting) => el("li", {}, meetingSummary(shown(meeting)))));
}

function words({ total, shared }) {
  return el(
    "div",
    {},
    el("p", {}, tn("You have written {count} thing.", "You have written {count} things.", total)),
    el("p", {}, tn("You have shared {count} of them.", "You have shared {count} of them.", shared)),
  );
}

// A plain link: the server answers with a file to save ("my-words.txt").
function myData() {
  return el(
    "div",
    {},
    el("p", {}, tp("carer", "A file with everything you wrote, and who could see it.")),
    el(
      "p",
      { class: "other-way" },
      el("a", { href: "/api/family/my-data", download: "my-words.txt" }, t("Download everything I wrote")),
    ),
  );
}

function versionSwitch(simple, switched) {
  const problem = el("p", { class: "form-message", role: "alert", hidden: true });
  const label = simple ? t("Use the full version") : t("Use the simpler version");
  const button = el("button", { type: "button", class: "link-button" }, label);
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    try {
      switched(await api.setSimpleMode(!simple));
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      button.disabled = false;
      button.focus();
    }
  });
  return el("div", { class: "version-switch" }, problem, button);
}
