// One organisation, for its administrators: add a team, invite someone by email
// (they get a one-time link to choose a password), change someone's role, and
// deactivate a leaver (admin-leaver.js).
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { selectField } from "./fields.js";
import { panelSlot } from "./panels.js";
import { leaverArea } from "./admin-leaver.js";

export async function adminOrganisationView(ctx) {
  const [shown, allowed] = await Promise.all([api.organisationPeople(ctx.code), api.adminOrganisations()]);
  const screen = el("section", { class: "stack" });
  const page = { ctx, roles: allowed.roles_you_may_give, slot: panelSlot(), screen };
  page.show = async (focus) => {
    draw(page, await api.organisationPeople(ctx.code));
    if (focus) screen.querySelector(focus)?.focus();
  };
  draw(page, shown);
  return screen;
}

function draw(page, shown) {
  const { organisation, people } = shown;
  const mayChange = page.roles.length > 0;
  page.slot.forget();
  page.screen.replaceChildren(
    heading(organisation.name),
    el("p", { class: "lead" }, organisation.agency_label),
    el("h2", { id: "people-title", tabIndex: -1 }, t("People")),
    el("ul", { class: "plain-list stack", "aria-labelledby": "people-title" }, people.map((person) => el("li", {}, personCard(page, organisation, person)))),
    mayChange ? inviteForm(page, organisation) : null,
    teamsSection(page, organisation, mayChange),
    mayChange ? el("p", { class: "other-way" }, el("a", { href: "#/organisation-sign-in/" + encodeURIComponent(organisation.id) }, t("How they sign in"))) : null,
    el("p", { class: "other-way" }, el("a", { href: "#/admin" }, t("Administration"))),
  );
}

function teamOptions(organisation) {
  return [{ value: "", label: t("No team") }, ...organisation.teams.map((team) => ({ value: team.id, label: team.name }))];
}

function roleOptions(page) {
  return page.roles.map((role) => ({ value: role.role, label: role.label }));
}

function personCard(page, organisation, person) {
  const nameId = "person-" + person.id;
  const me = person.id === page.ctx.me.id;
  const mayChange = page.roles.length > 0 && person.is_active && !me;
  return el(
    "article",
    { class: "card stack", "aria-labelledby": nameId },
    el("h3", { id: nameId }, el("span", { dir: "auto" }, person.name)),
    el("p", { dir: "ltr", class: "email" }, person.email),
    el("p", { class: "badge" }, person.is_active ? person.role_label : t("Deactivated")),
    mayChange ? roleForm(page, organisation, person, nameId) : null,
    mayChange ? leaverArea(page, person, nameId) : null,
  );
}

function roleForm(page, organisation, person, nameId) {
  const prefix = "role-" + person.id;
  const form = el(
    "form",
    { class: "stack", "aria-label": t("Role of {name}", { name: person.name }) },
    formMessage(),
    selectField({ name: prefix, label: t("Role"), options: roleOptions(page), value: person.role }),
    selectField({ name: prefix + "-team", label: t("Team"), options: teamOptions(organisation), value: person.team_id || "" }),
    el("button", { type: "submit", class: "button secondary", "aria-describedby": nameId }, t("Save role")),
  );
  onSubmit(form, {
    send: async (values) => {
      await api.changeRole(person.id, values[prefix], values[prefix + "-team"]);
      await page.show("#" + nameId);
      announce(t("The role of {name} was saved.", { name: person.name }));
    },
  });
  return form;
}

function inviteForm(page, organisation) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "invite-title" },
    formMessage(),
    field({ name: "name", label: t("Name"), autocomplete: "off", dir: "auto", maxLength: 200 }),
    field({ name: "email", label: t("Work email address"), type: "email", autocomplete: "off", spellcheck: false, dir: "ltr" }),
    selectField({ name: "role", label: t("Role"), options: roleOptions(page), value: "practitioner" }),
    selectField({ name: "team_id", label: t("Team"), options: teamOptions(organisation) }),
    el("button", { type: "submit", class: "button" }, t("Send the invitation")),
  );
  onSubmit(form, {
    check: ({ name, email }) =>
      [
        !name.trim() && { field: "name", message: t("Enter their name.") },
        !/^[^@\s]+@[^@\s]+$/.test(email.trim()) && { field: "email", message: t("Enter their work email address.") },
      ].filter(Boolean),
    send: async ({ name, email, role, team_id: teamId }) => {
      const person = { name: name.trim(), email: email.trim(), role, team_id: teamId || null, locale: "en" };
      const invited = await api.invitePerson(organisation.id, person);
      await page.show("#people-title");
      announce(t("An invitation was sent to {email}.", { email: invited.email }));
    },
  });
  return el("section", { class: "card stack" }, el("h2", { id: "invite-title" }, t("Invite someone")), form);
}

function teamsSection(page, organisation, mayChange) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "teams-title" },
    formMessage(),
    field({ name: "team_name", label: t("Name of the new team"), autocomplete: "off", dir: "auto", maxLength: 200 }),
    el("button", { type: "submit", class: "button secondary" }, t("Add the team")),
  );
  onSubmit(form, {
    check: ({ team_name: name }) => (name.trim() ? [] : [{ field: "team_name", message: t("Enter the team's name.") }]),
    send: async ({ team_name: name }) => {
      await api.createTeam(organisation.id, name.trim());
      await page.show("#teams-title");
      announce(t("The team {name} was added.", { name: name.trim() }));
    },
  });
  const teams = organisation.teams.map((team) =>
    el("li", {}, team.manager_name ? t("{team}, managed by {name}", { team: team.name, name: team.manager_name }) : team.name),
  );
  return el(
    "section",
    { class: "card stack" },
    el("h2", { id: "teams-title", tabIndex: -1 }, t("Teams")),
    teams.length ? el("ul", {}, teams) : el("p", {}, t("No teams yet")),
    mayChange ? form : null,
  );
}
