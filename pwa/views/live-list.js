// "My words" while it is on screen: each item follows the outbox. Its state changes
// in place (focus stays where it is), new items from another tab appear, and what
// changed is said politely ("2 things sent.").
import { tn } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { currentPersonId } from "../store/people.js";
import { myWordsNow, SENT, NEEDS_ATTENTION } from "../outbox/merge.js";
import { outboxEvents } from "../outbox/queue.js";
import { stateLine } from "./item-state.js";

/** entries: id → { li, item, render(item) }; addEntry(item) makes the list item for a new one. */
export function followTheOutbox({ list, empty, note, entries, addEntry }) {
  let pending = 0;
  const refresh = async (fromServer = false) => {
    pending = 0;
    if (!list.isConnected) {
      window.removeEventListener("online", backOnline);
      return outboxEvents.removeEventListener("change", later);
    }
    const { items, offline } = await myWordsNow({ fetch: fromServer }).catch(() => myWordsNow({ fetch: false }));
    if (note && !offline) note.remove();
    const said = { [SENT]: 0, [NEEDS_ATTENTION]: 0 };
    const seen = new Set();
    items.forEach((item, index) => {
      seen.add(item.id);
      const shown = entries.get(item.id);
      if (!shown) return list.insertBefore(addEntry(item), list.children[index] || null);
      if (shown.item.state !== item.state && item.state in said) said[item.state] += 1;
      if (shown.li.contains(document.activeElement)) {
        shown.item = { ...shown.item, state: item.state, commands: item.commands };
        shown.li.querySelector(".item-state").replaceWith(stateLine(item.state, item.audience));
      } else if (JSON.stringify(shown.item) !== JSON.stringify(item)) {
        shown.render(item);
      }
    });
    for (const [id, shown] of entries) if (!seen.has(id)) (shown.li.remove(), entries.delete(id));
    empty.hidden = entries.size > 0;
    sayWhatChanged(said);
  };
  const later = (event) => {
    if (event.detail && event.detail.personId && event.detail.personId !== currentPersonId()) return;
    clearTimeout(pending);
    pending = setTimeout(() => refresh(false), 150);
  };
  // Back online: the server's list again (with who has read what).
  const backOnline = () => setTimeout(() => refresh(true), 500);
  outboxEvents.addEventListener("change", later);
  list.addEventListener("outbox-changed", later);
  if (note) window.addEventListener("online", backOnline);
  // A send may have finished while the list was being built, before anyone was
  // listening: look once more now, so no item is left saying "Sending…".
  later(new CustomEvent("change"));
}

function sayWhatChanged(said) {
  const sent = said[SENT];
  const attention = said[NEEDS_ATTENTION];
  const parts = [];
  if (sent) parts.push(tn("{count} thing sent.", "{count} things sent.", sent));
  if (attention) parts.push(tn("{count} thing needs your attention.", "{count} things need your attention.", attention));
  if (parts.length) announce(parts.join(" "));
}
