// "My words": everything the family member wrote, newest first: where each thing
// is (saved on this phone, sending, sent, needs attention), who can see it, who has
// read it, a receipt for every change, and what they can do with it. With no
// connection it shows what this phone kept, and the things waiting to be sent.
import { el, heading, icon } from "../shell/dom.js";
import { t, tp, formatDate } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { myWordsNow, familyHomeNow, ON_PHONE, SENT } from "../outbox/merge.js";
import { audienceLine, carersCanSee } from "./audiences.js";
import { scaleAnswer } from "./scale.js";
import { wordActions } from "./word-actions.js";
import { stateLine, attentionPanel, refusedNew, offlineNote as noteAboutOffline } from "./item-state.js";
import { followTheOutbox } from "./live-list.js";

export async function myWordsView(ctx) {
  const [mine, home] = await Promise.all([myWordsNow(), familyHomeNow()]);
  const options = {
    isCarer: home.is_carer === true,
    deleted: () => {
      ctx.go("my-words");
      announce(t("Deleted."));
    },
  };
  const entries = new Map();
  const list = el("ul", { class: "plain-list stack words-list" });
  const empty = el("p", { hidden: mine.items.length > 0 }, tp("carer", "You have not written anything yet."));
  for (const item of mine.items) list.append(entry(item, options, entries));
  const note = mine.offline ? offlineNote() : null;
  followTheOutbox({ list, empty, note, entries, addEntry: (item) => entry(item, options, entries) });
  return el(
    "section",
    { class: "stack" },
    heading(t("My words")),
    el("p", { class: "lead" }, tp("carer", "All your words, newest first. Only you can see this page.")),
    note,
    el("a", { href: "#/write", class: "button" }, t("Write something")),
    list,
    empty,
    el("p", { class: "other-way" }, el("a", { href: "#/who-sees" }, t("Who sees my words?"))),
  );
}

function offlineNote() {
  return noteAboutOffline(
    tp("carer", "You are offline. This is what was on this phone when you were last online. New words are kept here and sent when you are back online."),
  );
}

// One list item; after a change it shows the item as it now is, with a receipt.
function entry(item, options, entries) {
  const li = el("li", { "data-id": item.id });
  const shown = { li, item, receipt: null, render: null };
  shown.render = (current, receipt = shown.receipt) => {
    shown.item = current;
    shown.receipt = receipt;
    const done = (updated) => {
      if (!updated) return options.deleted();
      shown.render(updated, receiptFor(current, updated));
      li.querySelector(".receipt").focus(); // read out from there
    };
    const changed = () => li.dispatchEvent(new CustomEvent("outbox-changed", { bubbles: true }));
    // Not on the server (it said no): the choices are in the attention panel instead.
    const actions = current.deleted || refusedNew(current) ? null : wordActions(current, { isCarer: options.isCarer, done });
    li.replaceChildren(wordCard(current, receipt, actions, options.isCarer, attentionPanel(current, { changed })));
  };
  shown.render(item, null);
  entries.set(item.id, shown);
  return li;
}

function receiptFor(before, after) {
  if (after.withdrawn_at && !before.withdrawn_at) {
    return tp("carer", "You stopped sharing this on {date}.", { date: formatDate(after.withdrawn_at) });
  }
  // Not yet sent: the change was made just now, on this phone.
  const history = after.state === ON_PHONE ? [] : after.history || [];
  const last = history.length ? history[history.length - 1] : null;
  const date = formatDate(last ? last.at : after.updated_at);
  return t("Changed to {audience} on {date}", { audience: after.audience_label, date });
}

function wordCard(item, receipt, actions, isCarer, attention) {
  const carersSee = item.audience === "my_family_too" && !item.withdrawn_at;
  const titleId = "word-" + item.id;
  return el(
    "article",
    { class: "card word" + (attention ? " needs-attention" : ""), "aria-labelledby": titleId },
    el("h2", { id: titleId }, item.kind_label),
    el("p", { class: "meta" }, t("Written on {date}", { date: formatDate(item.created_at) })),
    stateLine(item.state || SENT, item.audience),
    item.deleted ? el("p", { class: "meta" }, tp("carer", "You asked to delete this.")) : null,
    words(item),
    item.withdrawn_at ? withdrawn(item) : audienceLine(item.audience, item.audience_label),
    carersSee ? carersCanSee(isCarer) : null,
    readBy(item),
    attention,
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
    el("p", { class: "meta" }, tp("carer", "Only you can see it now.")),
  );
}

export function readBy(item) {
  const readers = item.read_by || [];
  if (item.audience === "just_me" || item.withdrawn_at || item.local) return null;
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
