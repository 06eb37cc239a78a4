// "My words": everything the family member wrote, newest first: who can see each
// thing, who has read it, a receipt for every change, and what they can do with it.
import { el, heading, icon } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t, formatDate } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { audienceLine, carersCanSee } from "./audiences.js";
import { scaleAnswer } from "./scale.js";
import { wordActions } from "./word-actions.js";

export async function myWordsView(ctx) {
  const [mine, home] = await Promise.all([api.myWords(), api.familyHome()]);
  const options = {
    isCarer: home.is_carer === true,
    deleted: () => {
      ctx.go("my-words");
      announce(t("Deleted."));
    },
  };
  return el(
    "section",
    { class: "stack" },
    heading(t("My words")),
    el("p", { class: "lead" }, t("Everything you have written, newest first. Only you can see this page.")),
    el("a", { href: "#/write", class: "button" }, t("Write something")),
    mine.items.length
      ? el("ul", { class: "plain-list stack words-list" }, mine.items.map((item) => entry(item, options)))
      : el("p", {}, t("You have not written anything yet.")),
    el("p", { class: "other-way" }, el("a", { href: "#/who-sees" }, t("Who sees my words?"))),
  );
}

// One list item; after a change it shows the item as it now is, with a receipt.
function entry(item, options) {
  const li = el("li", {});
  const render = (current, receipt) => {
    const done = (updated) => {
      if (!updated) return options.deleted();
      render(updated, receiptFor(current, updated));
      li.querySelector(".receipt").focus(); // read out from there
    };
    const actions = wordActions(current, { isCarer: options.isCarer, done });
    li.replaceChildren(wordCard(current, receipt, actions, options.isCarer));
  };
  render(item, null);
  return li;
}

function receiptFor(before, after) {
  if (after.withdrawn_at && !before.withdrawn_at) {
    return t("You stopped sharing this on {date}.", { date: formatDate(after.withdrawn_at) });
  }
  const history = after.history || [];
  const last = history.length ? history[history.length - 1] : null;
  const date = formatDate(last ? last.at : after.updated_at);
  return t("Changed to {audience} on {date}", { audience: after.audience_label, date });
}

function wordCard(item, receipt, actions, isCarer) {
  const carersSee = item.audience === "my_family_too" && !item.withdrawn_at;
  const titleId = "word-" + item.id;
  return el(
    "article",
    { class: "card word", "aria-labelledby": titleId },
    el("h2", { id: titleId }, item.kind_label),
    el("p", { class: "meta" }, t("Written on {date}", { date: formatDate(item.created_at) })),
    words(item),
    item.withdrawn_at ? withdrawn(item) : audienceLine(item.audience, item.audience_label),
    carersSee ? carersCanSee(isCarer) : null,
    readBy(item),
    receipt ? el("p", { class: "receipt", tabIndex: -1 }, icon("tick", "icon small"), el("span", {}, receipt)) : null,
    actions,
    changes(item.history),
  );
}

export function words(item) {
  return el(
    "div",
    { class: "words" },
    item.kind === "scale" ? scaleAnswer(item.scale_question, item.scale_value) : null,
    item.text ? el("p", { dir: "auto", class: "their-words" }, item.text) : null,
  );
}

function withdrawn(item) {
  return el(
    "div",
    { class: "withdrawn" },
    el(
      "p",
      {},
      icon("stopped", "icon small"),
      el("span", {}, t("Withdrawn on {date}", { date: formatDate(item.withdrawn_at) })),
    ),
    el("p", { class: "meta" }, t("Only you can see it now.")),
  );
}

function readBy(item) {
  const readers = item.read_by || [];
  if (item.audience === "just_me" || item.withdrawn_at) return null;
  if (!readers.length) return el("p", { class: "meta" }, t("Nobody has read it yet."));
  return el(
    "ul",
    { class: "plain-list read-by" },
    readers.map((reader) =>
      el(
        "li",
        {},
        icon("eye", "icon small"),
        el("span", {}, t("Read by {name} on {date}", { name: reader.name, date: formatDate(reader.at) })),
        reader.label ? el("span", { class: "reader-role" }, reader.label) : null,
      ),
    ),
  );
}

function changes(history) {
  if (!history || !history.length) return null;
  return el(
    "div",
    { class: "changes" },
    el("h3", {}, t("Changes")),
    el(
      "ul",
      { class: "change-list" },
      history.map((change) =>
        el("li", {}, el("time", { dateTime: change.at, class: "change-date" }, formatDate(change.at)), " ", change.summary),
      ),
    ),
  );
}
