// A practitioner's home: the circles they are part of; each opens its family voice.
import { el, heading } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t, tn } from "../shell/i18n.js";
import { meetingSummary } from "./meeting.js";
import { newCircleForm } from "./circle-new.js";
import { ADMIN_ROLES, AUDIT_ROLES } from "./admin.js";

// Who sees the partnership's annual review (the server decides again).
const REVIEW_ROLES = new Set(["team_manager", "partnership_admin"]);

export async function practitionerHomeView(ctx) {
  const home = await api.practitionerHome();
  return el(
    "section",
    { class: "stack" },
    heading(t("Your circles")),
    el("p", { class: "lead" }, whoIsSignedIn(home)),
    home.circles.length
      ? el("ul", { class: "plain-list stack" }, home.circles.map((circle) => el("li", {}, circleCard(circle))))
      : el("p", {}, t("You are not part of any circle yet.")),
    newCircleForm(ctx),
    ADMIN_ROLES.has(ctx.me.role) ? el("p", { class: "other-way" }, el("a", { href: "#/admin" }, t("Administration"))) : null,
    ctx.me.role === "team_manager" ? el("p", { class: "other-way" }, el("a", { href: "#/oversight" }, t("Your teams"))) : null,
    AUDIT_ROLES.has(ctx.me.role) ? el("p", { class: "other-way" }, el("a", { href: "#/audit" }, t("Audit"))) : null,
    ctx.me.may_manage_records ? el("p", { class: "other-way" }, el("a", { href: "#/records" }, t("Records"))) : null,
    REVIEW_ROLES.has(ctx.me.role) ? el("p", { class: "other-way" }, el("a", { href: "#/review/" + new Date().getFullYear() }, t("Annual review"))) : null,
    el("p", { class: "other-way" }, el("a", { href: "#/settings" }, t("Settings"))),
    el("button", { type: "button", class: "button secondary", onclick: ctx.signOut }, t("Sign out")),
  );
}

function whoIsSignedIn({ name, agency_label: agency }) {
  if (!agency) return t("Signed in as {name}", { name });
  return t("Signed in as {name}, {agency}", { name, agency });
}

function circleCard(circle) {
  const href = "#/circle/" + encodeURIComponent(circle.id);
  return el(
    "article",
    { class: "card tappable" },
    // The whole card can be tapped: the link's area is stretched over it (styles.css).
    el("h2", {}, el("a", { href, class: "card-link", dir: "auto" }, circle.name)),
    circle.is_lead ? el("p", { class: "badge" }, t("Lead practitioner")) : null,
    el("p", {}, tn("{count} member", "{count} members", circle.member_count)),
    el("h3", {}, t("Next meeting")),
    circle.next_meeting ? meetingSummary(circle.next_meeting) : el("p", {}, t("No meeting booked")),
  );
}
