// The partnership's annual review, for team managers (their teams) and partnership
// administrators (every organisation): figures by quarter, never a name or a word.
// Each measure's trend chart is drawn by the server as SVG; the same figures follow
// in a table. A figure from fewer than 5 is shown as "fewer than 5". Loaded only
// when someone who may see it opens it.
import { el, heading } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { currentLanguage, formatNumber, t } from "../shell/i18n.js";

const QUARTERS = [1, 2, 3, 4, null];

export async function reviewView(ctx) {
  const year = Number(ctx.code) || new Date().getFullYear();
  const review = await api.review(year);
  return el(
    "section",
    { class: "stack review" },
    heading(t("Annual review {year}", { year })),
    el("p", { class: "lead" }, t("How well families were worked with, by quarter. Figures only: no names and no words.")),
    el("p", {}, t("A figure from fewer than 5 families, meetings or people is shown as \"fewer than 5\", and so is any total that would give it away. \"Asked in good time\" means at least {days} days before the meeting.", { days: review.asked_days })),
    el(
      "nav",
      { class: "review-years", "aria-label": t("Other years") },
      el("a", { href: "#/review/" + (year - 1) }, t("Year {year}", { year: year - 1 })),
      el("a", { href: "#/review/" + (year + 1) }, t("Year {year}", { year: year + 1 })),
    ),
    el(
      "p",
      { class: "other-way" },
      el("a", { href: api.reviewPrintUrl(year), target: "_blank", rel: "noopener" }, t("Print the annual review")),
    ),
    el("p", { class: "other-way" }, el("a", { href: api.reviewCsvUrl(year), download: "" }, t("Download every figure (CSV)"))),
    ...review.measures.map((measure) => measureSection(review, measure)),
    el("p", { class: "other-way" }, el("a", { href: "#/home" }, t("Your circles"))),
  );
}

function measureSection(review, measure) {
  const id = "measure-" + measure.key;
  return el(
    "div",
    { class: "stack-small measure" },
    el("h2", { id }, measure.label),
    el("p", {}, measure.explanation),
    el("img", {
      class: "review-chart",
      src: api.reviewChartUrl(review.year, measure.key),
      alt: t("Chart of {measure} by quarter. The same figures are in the table below.", { measure: measure.label }),
      width: 480,
    }),
    el("div", { class: "table-scroll", tabIndex: 0, role: "region", "aria-label": measure.label }, table(review, measure)),
  );
}

function groupName(review, id) {
  if (id === null) return review.by === "organisation" ? t("The whole partnership") : t("All your teams");
  const group = review.groups.find((g) => g.id === id);
  return group ? group.name : "";
}

function languageName(code) {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: "language" }).of(code) || code;
  } catch {
    return code;
  }
}

function shown(cell, figure) {
  if (cell.suppressed) return t("fewer than 5");
  const value = cell.values[figure.key];
  if (cell.empty || value === null || value === undefined) return t("none");
  return figure.percent ? t("{share}%", { share: formatNumber(value) }) : formatNumber(value);
}

function table(review, measure) {
  const lines = [];
  const parts = [...new Set(measure.cells.map((c) => c.part))];
  for (const part of parts) {
    for (const id of [...review.groups.map((g) => g.id), null]) {
      const cells = QUARTERS.map((q) => measure.cells.find((c) => c.group_id === id && c.quarter === q && c.part === part));
      const name = part === null ? groupName(review, id) : t("{group}: {language}", { group: groupName(review, id), language: languageName(part) });
      for (const figure of measure.figures) {
        lines.push(el("tr", {}, el("th", { scope: "row", dir: "auto" }, name), el("td", {}, figure.label), ...cells.map((cell) => el("td", {}, shown(cell, figure)))));
      }
    }
  }
  return el(
    "table",
    { class: "audit-table review-table" },
    el("caption", {}, measure.label),
    el(
      "thead",
      {},
      el("tr", {}, el("th", { scope: "col" }, t("Who")), el("th", { scope: "col" }, t("Figure")), ...QUARTERS.map((q) => el("th", { scope: "col" }, q === null ? t("Year") : t("Q{number}", { number: q })))),
    ),
    el("tbody", {}, lines),
  );
}
