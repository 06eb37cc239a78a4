// A circle's family members for its team, with their invitations, and the form
// that adds a family member and makes their first invitation.
import { el } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { choiceGroup } from "../shell/choices.js";
import { api } from "../shell/api.js";
import { t, formatDateTime, wordsIn, currentLanguage } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { askFirst, attempt, problemLine } from "./panels.js";

function roles() {
  return [
    { value: "young_person", label: t("Young person") },
    { value: "child", label: t("Child") },
    { value: "parent", label: t("Parent") },
    { value: "carer", label: t("Carer") },
    { value: "kinship_carer", label: t("Kinship carer") },
    { value: "foster_carer", label: t("Foster carer") },
  ];
}

function ageBands() {
  return [
    { value: "under_8", label: t("Under 8") },
    { value: "8_11", label: t("8 to 11") },
    { value: "12_15", label: t("12 to 15") },
    { value: "16_17", label: t("16 or 17") },
    { value: "adult", label: t("Adult") },
  ];
}

function languages() {
  return [
    { value: "en", label: t("English") },
    { value: "pl", label: t("Polish") },
    { value: "pa", label: t("Punjabi") },
    { value: "ur", label: t("Urdu") },
    { value: "ro", label: t("Romanian") },
  ];
}

export function familyMembers(circle, people) {
  return el(
    "section",
    { class: "stack", "aria-labelledby": "family-members-title" },
    el("h2", { id: "family-members-title" }, t("Family members")),
    circle.closed_at
      ? null
      : el(
          "p",
          { class: "hint" },
          t("Each person joins with their own invitation. Make a new one for a new phone or a forgotten secret number: once it is used, their old phone is signed out."),
        ),
    circle.members.length
      ? el("ul", { class: "plain-list stack" }, circle.members.map((member) => el("li", {}, memberCard(circle, member, people))))
      : el("p", {}, circle.closed_at ? t("No family members.") : t("No family members yet. Add them below.")),
  );
}

function memberCard(circle, member, people) {
  const nameId = "member-" + member.id;
  const invitation = people.invitations.get(member.id);
  const problem = problemLine();
  const button = el("button", { type: "button", class: "action", "aria-describedby": nameId }, t("New invitation"));
  button.addEventListener("click", () =>
    attempt(button, problem, async () => {
      people.invitations.set(member.id, await inTheirLanguage(member, await api.newInvitation(circle.id, member.id)));
      people.show(await api.circle(circle.id), "#invitation-" + member.id);
    }),
  );
  return el(
    "article",
    { class: "card", "aria-labelledby": nameId },
    el("h3", { id: nameId }, el("span", { dir: "auto" }, member.name)),
    el("p", { class: "meta" }, member.role_label),
    el("p", {}, member.joined ? t("Has joined") : t("Not joined yet")),
    invitation ? invitationBox(member, invitation) : null,
    circle.may_govern ? el("div", { class: "stack-small" }, problem, el("div", { class: "action-row" }, button)) : null,
    circle.may_govern ? removeMember(circle, member, people, nameId) : null,
  );
}

// The invitation carries a few words in the family member's own language, for
// them to read when it is shown or passed on (its link opens in it too).
async function inTheirLanguage(member, invitation) {
  if (!member.locale || member.locale === currentLanguage()) return invitation;
  return { ...invitation, theirs: await wordsIn(member.locale).catch(() => null) };
}

function theirWords(theirs) {
  if (!theirs) return null;
  return el(
    "div",
    { class: "invitation-theirs", lang: theirs.lang, dir: theirs.dir },
    el("p", { class: "invitation-label" }, theirs.say("Invitation code")),
    el("p", {}, theirs.say("Your worker gave you this code.")),
  );
}

function removeMember(circle, member, people, nameId) {
  return askFirst(people.slot, {
    label: t("Remove from the circle"),
    describedBy: nameId,
    question: t("Remove {name} from the circle?", { name: member.name }),
    detail: t("Their phone is signed out now and their invitation stops working. What they shared stays as they shared it."),
    yes: t("Yes, remove them"),
    no: t("No, keep them"),
    act: async () => {
      people.show(await api.removeMember(circle.id, member.id), "#family-members-title");
      announce(t("{name} was removed from the circle.", { name: member.name }));
    },
  });
}

// Shown once: the server keeps only a fingerprint of the code.
function invitationBox(member, invitation) {
  const titleId = "invitation-title-" + member.id;
  return el(
    "section",
    { class: "invitation", id: "invitation-" + member.id, tabIndex: -1, "aria-labelledby": titleId, "data-shown-once": "" },
    el("h4", { id: titleId }, t("Invitation for {name}", { name: member.name })),
    el("p", { class: "invitation-label" }, t("Code")),
    el("p", { class: "invitation-code", dir: "ltr" }, invitation.code),
    theirWords(invitation.theirs),
    el("p", { class: "invitation-label" }, t("Link")),
    el("p", { class: "invitation-link", dir: "ltr" }, invitation.link),
    el(
      "p",
      {},
      t("Pass it on to {name} in person or by a private message. It works once, and runs out on {date}.", {
        name: member.name,
        date: formatDateTime(invitation.expires_at),
      }),
    ),
  );
}

export function addMemberForm(circle, people) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "add-member-title" },
    formMessage(),
    field({
      name: "name",
      label: t("Name"),
      hint: t("The name they like to be called. Their family and the team will see it."),
      autocomplete: "off",
      dir: "auto",
      maxLength: 100,
    }),
    choiceGroup({ name: "role", legend: t("Who are they in the family?"), options: roles() }),
    choiceGroup({ name: "age_band", legend: t("Age"), options: ageBands() }),
    choiceGroup({ name: "locale", legend: t("Language for Alongside"), options: languages(), value: "en" }),
    el("button", { type: "submit", class: "button" }, t("Add and make an invitation")),
  );
  onSubmit(form, {
    check: ({ name, role, age_band: age }) =>
      [
        !(name || "").trim() && { field: "name", message: t("Enter the name they like to be called.") },
        !role && { field: "role", message: t("Choose who they are in the family.") },
        !age && { field: "age_band", message: t("Choose their age.") },
      ].filter(Boolean),
    send: async ({ name, role, age_band: age, locale }) => {
      const added = await api.addFamilyMember(circle.id, { name: name.trim(), role, age_band: age, locale });
      people.invitations.set(added.member.id, await inTheirLanguage(added.member, added.invitation));
      people.show(await api.circle(circle.id), "#invitation-" + added.member.id);
      announce(t("{name} was added. Their invitation is ready.", { name: added.member.name }));
    },
  });
  return el(
    "section",
    { class: "card stack" },
    el("h2", { id: "add-member-title" }, t("Add a family member")),
    form,
  );
}
