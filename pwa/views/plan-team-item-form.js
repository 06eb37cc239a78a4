// Adding to the plan, or changing a part of it, in the team's own words. Actions
// also say who will do it (someone in the family, on the team, or an agency), by
// when, and how it is going. A family member's words are never changed here: only
// the part of the plan they sit in.
import { el } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { t } from "../shell/i18n.js";
import { cancelButton } from "./panels.js";
import { selectField, textareaField } from "./fields.js";
import { characterCount, tooLong } from "../shell/character-count.js";
import { SECTIONS, sectionLabel, statusLabel } from "./plan-item.js";
import { today } from "./dates.js";

const KEEP = "keep";
const TEXT_LIMIT = 2000; // as the server allows (plans/schemas.py MAX_TEXT)

function agencies() {
  return [
    { value: "agency:social_care", label: t("Social care") },
    { value: "agency:early_help", label: t("Early help") },
    { value: "agency:school", label: t("School") },
    { value: "agency:health", label: t("Health") },
    { value: "agency:police", label: t("Police") },
    { value: "agency:voluntary", label: t("Voluntary sector") },
  ];
}

function ownerOptions(circle, item) {
  const first = item && item.owner_label
    ? [{ value: KEEP, label: t("{name} (as now)", { name: item.owner_label }) }, { value: "", label: t("Nobody yet") }]
    : [{ value: "", label: t("Nobody yet") }];
  return [
    ...first,
    { group: t("Family"), options: circle.members.map((m) => ({ value: "member:" + m.id, label: m.name })) },
    { group: t("The team"), options: circle.team.map((p) => ({ value: "practitioner:" + p.id, label: p.name })) },
    { group: t("An agency"), options: agencies() },
  ];
}

/** save(body) sends it; the form shows what the server refused, by field. */
export function planItemForm({ circle, section, item = null, save, cancel }) {
  const quote = item && item.quote;
  const actionFields = el(
    "div",
    { class: "stack" },
    selectField({ name: "owner", label: t("Who will do it?"), options: ownerOptions(circle, item), value: item && item.owner_label ? KEEP : "" }),
    field({ name: "due_on", label: t("By when?"), type: "date", min: today(), value: (item && item.due_on) || "" }),
    selectField({
      name: "status",
      label: t("Status"),
      options: [{ value: "", label: t("Not set") }, ...["not_started", "in_progress", "done"].map((s) => ({ value: s, label: statusLabel(s) }))],
      value: (item && item.status) || "",
    }),
  );
  const sectionChoice = item
    ? selectField({ name: "section", label: t("Part of the plan"), options: SECTIONS.map((s) => ({ value: s, label: sectionLabel(s) })), value: section })
    : el("input", { type: "hidden", name: "section", value: section });
  const form = el(
    "form",
    { class: "word-panel stack" },
    formMessage(),
    sectionChoice,
    quote
      ? el("p", { class: "hint", tabIndex: -1 }, t("The family's words stay exactly as they wrote them."))
      : wordsField((item && item.text) || ""),
    actionFields,
    el(
      "div",
      { class: "panel-buttons" },
      el("button", { type: "submit", class: "button" }, item ? t("Save changes") : t("Add to the plan")),
      cancelButton(t("Cancel"), cancel),
    ),
  );
  const showActionFields = () => (actionFields.hidden = form.elements.section.value !== "actions");
  form.addEventListener("change", (event) => event.target.name === "section" && showActionFields());
  showActionFields();
  onSubmit(form, {
    check: ({ text }) => {
      if (quote) return [];
      if (!(text || "").trim()) return [{ field: "text", message: t("Write what the plan should say.") }];
      return [tooLong("text", text, TEXT_LIMIT)].filter(Boolean);
    },
    send: (values) => save(bodyFrom(values, item)),
  });
  return form;
}

// Never cuts what is pasted: the box grows with the words, and its count says
// how much is over the server's limit.
function wordsField(text) {
  const wrapper = textareaField({ name: "text", label: t("What the plan says"), value: text, rows: 4, class: "grows" });
  const box = wrapper.querySelector("textarea");
  wrapper.append(characterCount(box, TEXT_LIMIT, 200));
  return wrapper;
}

function bodyFrom(values, item) {
  const body = { section: values.section };
  if (!(item && item.quote)) body.text = values.text.trim();
  if (values.section === "actions") {
    if (values.owner !== KEEP) body.owner = ownerFrom(values.owner);
    body.due_on = values.due_on || null;
    body.status = values.status || null;
  } else if (item && item.section === "actions") {
    // Only actions have someone, a date and a status: moving one elsewhere clears them.
    Object.assign(body, { owner: null, due_on: null, status: null });
  }
  if (!item) for (const key of ["owner", "due_on", "status"]) if (body[key] === null) delete body[key];
  return body;
}

function ownerFrom(value) {
  if (!value) return null;
  const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (kind === "member") return { member_id: id };
  if (kind === "practitioner") return { practitioner_id: id };
  return { agency: id };
}
