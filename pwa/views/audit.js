// The audit, for the auditor (data protection officer), partnership administrators
// and team managers (their teams' circles only, as the server decides): who read or
// changed what, searched by person, circle and days; the server sends a page at a
// time ("Show older" asks for the next) in a table that fits a phone; the CSV has
// the whole search. The server records each look.
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { formatDateTime, t, tn } from "../shell/i18n.js";

export async function auditView() {
  const results = el("div", { class: "stack", id: "audit-results", tabIndex: -1 });
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "audit-search-title" },
    el("h2", { id: "audit-search-title" }, t("Search")),
    formMessage(),
    field({ name: "person", label: t("Person's id"), hint: t("A practitioner or family member. Tap a name in the results to fill it in."), autocomplete: "off", spellcheck: false, dir: "ltr" }),
    field({ name: "circle", label: t("Circle's id"), autocomplete: "off", spellcheck: false, dir: "ltr" }),
    el(
      "div",
      { class: "field-pair" },
      field({ name: "since", label: t("From"), type: "date" }),
      field({ name: "until", label: t("To"), type: "date" }),
    ),
    el("button", { type: "submit", class: "button" }, t("Search the audit")),
  );
  const search = async (query) => {
    const found = await api.audit(query);
    results.replaceChildren(...resultsOf(found, query, { form, search }));
  };
  onSubmit(form, {
    send: async (values) => {
      await search(queryOf(values));
      results.focus();
    },
  });
  await search({});
  return el(
    "section",
    { class: "stack" },
    heading(t("Audit")),
    el("p", { class: "lead" }, t("Who read or changed what, newest first. Your searches are recorded too.")),
    form,
    results,
    el("p", { class: "other-way" }, el("a", { href: "#/home" }, t("Your circles"))),
  );
}

function queryOf(values) {
  const query = {};
  for (const name of ["person", "circle", "since", "until"]) {
    const value = (values[name] || "").trim();
    if (value) query[name] = value;
  }
  return query;
}

function resultsOf(found, query, page) {
  const rows = el("tbody");
  const status = el("p", { role: "status" });
  const older = el("button", { type: "button", class: "button secondary" }, t("Show older"));
  let shown = 0;
  let next = null;
  const add = (answer) => {
    const before = shown;
    rows.append(...answer.entries.map((entry) => row(entry, page)));
    shown += answer.entries.length;
    next = answer.next;
    older.hidden = !next;
    status.textContent = next ? tn("{count} shown, newest first", "{count} shown, newest first", shown) : tn("{count} found", "{count} found", shown);
    return before;
  };
  // The server gives a page at a time; the next one starts where this one ended.
  older.addEventListener("click", async () => {
    older.disabled = true;
    try {
      const first = add(await api.audit({ ...query, before: next }));
      rows.children[first]?.querySelector("th").focus();
    } finally {
      older.disabled = false;
    }
  });
  const table = el(
    "table",
    { class: "audit-table" },
    el("caption", {}, t("What was found")),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("When")), el("th", { scope: "col" }, t("What")), el("th", { scope: "col" }, t("Who")))),
    rows,
  );
  add(found);
  return [
    status,
    found.entries.length ? el("div", { class: "table-scroll" }, table) : null,
    older,
    el("p", {}, el("a", { href: api.auditCsvUrl(query), download: "alongside-audit.csv", class: "button secondary" }, t("Download CSV"))),
  ];
}

function row(entry, page) {
  const who = [entry.practitioner, entry.member].filter(Boolean);
  return el(
    "tr",
    {},
    el("th", { scope: "row", tabIndex: -1 }, el("time", { datetime: entry.at }, formatDateTime(entry.at))),
    el(
      "td",
      {},
      // The recorded action, as words: practitioner_invited → "practitioner invited".
      el("span", { lang: "en", dir: "ltr" }, entry.action.replaceAll("_", " ")),
      entry.circle_id ? el("div", {}, filterButton(t("This circle"), "circle", entry.circle_id, page)) : null,
    ),
    el("td", {}, who.length ? who.map((person) => el("div", {}, filterButton(person.name, "person", person.id, page))) : "—"),
  );
}

// Fills that part of the search and searches again.
function filterButton(label, name, value, { form, search }) {
  const fill = async () => {
    form.elements.namedItem(name).value = value;
    await search(queryOf(Object.fromEntries(new FormData(form))));
    document.getElementById("audit-results").focus();
  };
  return el("button", { type: "button", class: "link-button", dir: "auto", onclick: fill }, label);
}
