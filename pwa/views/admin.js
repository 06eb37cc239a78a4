// Administration, for partnership and organisation administrators (and, to read,
// auditors): the organisations they look after, adding one (partnership
// administrators), and each organisation's teams and people (admin-organisation.js).
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { selectField } from "./fields.js";

export const ADMIN_ROLES = new Set(["partnership_admin", "organisation_admin", "auditor"]);
/** Who may look at the audit (a team manager, for their teams only). */
export const AUDIT_ROLES = new Set(["auditor", "partnership_admin", "team_manager"]);

export function agencies() {
  return [
    { value: "social_care", label: t("Social care") },
    { value: "early_help", label: t("Early help") },
    { value: "school", label: t("School") },
    { value: "health", label: t("Health") },
    { value: "police", label: t("Police") },
    { value: "voluntary", label: t("Voluntary sector") },
  ];
}

export async function adminView(ctx) {
  const shown = await api.adminOrganisations();
  const mayAddOrganisations = ctx.me.role === "partnership_admin";
  return el(
    "section",
    { class: "stack" },
    heading(t("Administration")),
    el("p", { class: "lead" }, t("Organisations, their teams and their people.")),
    el(
      "ul",
      { class: "plain-list stack", "aria-label": t("Organisations") },
      shown.organisations.map((organisation) => el("li", {}, organisationCard(organisation))),
    ),
    mayAddOrganisations ? newOrganisationForm(ctx) : null,
    AUDIT_ROLES.has(ctx.me.role) ? el("p", { class: "other-way" }, el("a", { href: "#/audit" }, t("Audit"))) : null,
    ctx.me.may_manage_records ? el("p", { class: "other-way" }, el("a", { href: "#/records" }, t("Records"))) : null,
    el("p", { class: "other-way" }, el("a", { href: "#/home" }, t("Your circles"))),
  );
}

function organisationCard(organisation) {
  const href = "#/organisation/" + encodeURIComponent(organisation.id);
  return el(
    "article",
    { class: "card tappable" },
    el("h2", {}, el("a", { href, class: "card-link", dir: "auto" }, organisation.name)),
    el("p", { class: "agency" }, organisation.agency_label),
    el(
      "p",
      {},
      organisation.teams.length
        ? t("Teams: {teams}", { teams: organisation.teams.map((team) => team.name).join(", ") })
        : t("No teams yet"),
    ),
  );
}

function newOrganisationForm(ctx) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "new-organisation-title" },
    formMessage(),
    field({ name: "name", label: t("Name of the organisation"), autocomplete: "off", dir: "auto", maxLength: 200 }),
    selectField({ name: "agency", label: t("Agency"), options: agencies(), value: "social_care" }),
    el("button", { type: "submit", class: "button" }, t("Add the organisation")),
  );
  onSubmit(form, {
    check: ({ name }) => (name.trim() ? [] : [{ field: "name", message: t("Enter the organisation's name.") }]),
    send: async ({ name, agency }) => {
      const organisation = await api.createOrganisation(name.trim(), agency);
      ctx.go("organisation/" + encodeURIComponent(organisation.id));
      announce(t("{name} was added.", { name: organisation.name }));
    },
  });
  return el(
    "section",
    { class: "card stack" },
    el("h2", { id: "new-organisation-title" }, t("Add an organisation")),
    form,
  );
}
