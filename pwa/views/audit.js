// The audit, for the auditor (data protection officer), partnership administrators
// and team managers (their teams' circles only, as the server decides): who read or
// changed what, searched by person, circle and days; shown a page at a time in a
// table that fits a phone, and downloaded as CSV. The server records each look.
import { el, heading } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { formatDateTime, t, tn } from "../shell/i18n.js";

const PAGE = 50;

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
  const count = found.more
    ? t("More than {count} found. Narrow the search to see them all.", { count: found.entries.length })
    : tn("{count} found", "{count} found", found.entries.length);
  const rows = el("tbody");
  const more = el("button", { type: "button", class: "button secondary" }, t("Show more"));
  let shown = 0;
  const showMore = () => {
    const next = found.entries.slice(shown, shown + PAGE);
    rows.append(...next.map((entry) => row(entry, page)));
    shown += next.length;
    more.hidden = shown >= found.entries.length;
    next.length && shown > PAGE && rows.children[shown - next.length].querySelector("th").focus();
  };
  more.addEventListener("click", showMore);
  const table = el(
    "table",
    { class: "audit-table" },
    el("caption", {}, t("What was found")),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("When")), el("th", { scope: "col" }, t("What")), el("th", { scope: "col" }, t("Who")))),
    rows,
  );
  showMore();
  return [
    el("p", { role: "status" }, count),
    found.entries.length ? el("div", { class: "table-scroll" }, table) : null,
    more,
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
