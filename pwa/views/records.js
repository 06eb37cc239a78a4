// Records, for those who may manage them (partnership administrators, and anyone
// the settings name): find a family member by name, download everything held about
// them, or erase them when the law requires it, after typing their name to
// confirm. The server records both in the audit.
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t, tn } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { textareaField } from "./fields.js";

export async function recordsView() {
  const results = el("div", { class: "stack", id: "records-results", tabIndex: -1 });
  const form = el(
    "form",
    { class: "stack", role: "search", "aria-label": t("Find a family member") },
    formMessage(),
    field({ name: "name", label: t("Family member's name"), autocomplete: "off", dir: "auto", maxLength: 100 }),
    el("button", { type: "submit", class: "button" }, t("Find")),
  );
  const find = async (name) => {
    const { members } = await api.findMembers(name);
    results.replaceChildren(
      el("p", { role: "status" }, tn("{count} found", "{count} found", members.length)),
      el("ul", { class: "plain-list stack" }, members.map((member) => el("li", {}, memberCard(member, () => find(name))))),
    );
  };
  onSubmit(form, {
    check: ({ name }) => (name.trim() ? [] : [{ field: "name", message: t("Enter their name.") }]),
    send: async ({ name }) => {
      await find(name.trim());
      results.focus();
    },
  });
  return el(
    "section",
    { class: "stack" },
    heading(t("Records")),
    el("p", { class: "lead" }, t("Give a family member everything we hold about them, or erase them when the law says so.")),
    form,
    results,
    el("p", { class: "other-way" }, el("a", { href: "#/admin" }, t("Administration"))),
  );
}

function memberCard(member, again) {
  const nameId = "member-" + member.id;
  const erase = el("button", { type: "button", class: "button danger" }, t("Erase their records"));
  const card = el(
    "article",
    { class: "card stack", "aria-labelledby": nameId },
    el("h2", { id: nameId }, el("span", { dir: "auto" }, member.name)),
    el("p", {}, t("Circle: {name}", { name: member.circle_name })),
    member.removed ? el("p", { class: "badge" }, t("Removed from the circle")) : null,
    el("p", {}, el("a", { href: api.memberExportUrl(member.id), download: "alongside-records.txt", class: "button secondary" }, t("Download their records"))),
    erase,
  );
  erase.addEventListener("click", () => {
    erase.hidden = true;
    const form = erasureForm(member, again, () => {
      form.remove();
      erase.hidden = false;
      erase.focus();
    });
    card.append(form);
    form.querySelector("input").focus();
  });
  return card;
}

function erasureForm(member, again, cancel) {
  const form = el(
    "form",
    { class: "stack", "aria-label": t("Erase {name}", { name: member.name }) },
    el("p", {}, el("strong", {}, t("This deletes {name} and every word they wrote. It cannot be undone.", { name: member.name }))),
    formMessage(),
    field({ name: "confirm_name", label: t("Type their name to confirm: {name}", { name: member.name }), autocomplete: "off", dir: "auto", maxLength: 100 }),
    textareaField({ name: "reason", label: t("Why the law says so"), hint: t("For example, a court order and its number."), maxLength: 500 }),
    el(
      "div",
      { class: "stack-small" },
      el("button", { type: "submit", class: "button danger-filled" }, t("Erase for good")),
      el("button", { type: "button", class: "button secondary", onclick: cancel }, t("Cancel")),
    ),
  );
  onSubmit(form, {
    check: ({ confirm_name: typed, reason }) =>
      [
        typed.trim().toLowerCase() !== member.name.trim().toLowerCase() && { field: "confirm_name", message: t("Please type their name exactly as it is shown.") },
        !reason.trim() && { field: "reason", message: t("Please say why their records must be erased.") },
      ].filter(Boolean),
    send: async ({ confirm_name: typed, reason }) => {
      await api.eraseMember(member.id, typed.trim(), reason.trim());
      announce(t("{name} was erased.", { name: member.name }));
      await again();
      document.getElementById("records-results").focus();
    },
  });
  return form;
}
