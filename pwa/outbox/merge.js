// What a family member sees of their own things: the server's list (or, with no
// connection, the last one kept on this phone) with their waiting commands laid on
// top, each item with its state: on this phone, sending, sent, or needs attention.
import { api, ProblemError, OfflineError } from "../shell/api.js";
import { currentPersonId } from "../store/people.js";
import { knownWordsAndCommands, replaceKnownWords, knownAnswer, keepAnswer, newestFirst } from "../store/copies.js";
import { kindLabel } from "../views/kinds.js";
import { audienceLabel } from "../views/audiences.js";
import { isFlushing } from "./flush.js";
import * as c from "./commands.js";

// The four states shown to the author, in words and a picture.
export const ON_PHONE = "on-phone";
export const SENDING = "sending";
export const SENT = "sent";
export const NEEDS_ATTENTION = "needs-attention";

// No connection, or the server is having trouble: the phone's copy will do.
function canUseCopy(error) {
  return error instanceof OfflineError || (error instanceof ProblemError && error.status >= 500);
}

/** The home's answer from the server, or the last one this phone kept. */
export async function familyHomeNow() {
  const personId = currentPersonId();
  try {
    const home = await api.familyHome();
    if (personId) await keepAnswer(personId, "home", home).catch(() => {});
    return home;
  } catch (error) {
    const kept = personId && canUseCopy(error) ? await knownAnswer(personId, "home").catch(() => null) : null;
    if (!kept) throw error;
    return { ...kept, offline: true };
  }
}

/** { items, offline }: everything they wrote, newest first, each with .state and .commands. */
export async function myWordsNow({ fetch = true } = {}) {
  const personId = currentPersonId();
  const askedAt = Date.now();
  let fromServer = null;
  if (fetch) {
    try {
      fromServer = (await api.myWords()).items;
    } catch (error) {
      if (!personId || !canUseCopy(error)) throw error;
    }
  }
  const offline = !fromServer;
  if (!personId) return { items: laidOver(fromServer || [], []), offline };
  try {
    if (fromServer) await replaceKnownWords(personId, fromServer, askedAt);
    const { words, commands } = await knownWordsAndCommands(personId);
    return { items: laidOver(words, commands), offline };
  } catch (storageError) {
    // The phone's storage failed: the server's list is still worth showing.
    if (!fromServer) throw storageError;
    return { items: laidOver(fromServer, []), offline };
  }
}

/** One item as the author sees it now (for editing), or null. */
export async function itemNow(id) {
  const { items } = await myWordsNow();
  return items.find((one) => one.id === id) || null;
}

function laidOver(serverItems, commands) {
  const byId = new Map(serverItems.map((item) => [item.id, { ...item, state: SENT, commands: [] }]));
  const labels = serverLabels(serverItems);
  for (const cmd of commands) {
    if (!cmd.contributionId) continue;
    const before = byId.get(cmd.contributionId) || null;
    // A change the server would not take for an item it does not have is still
    // shown, so its author can act on it.
    const after = apply(before, cmd, labels) || (c.isStopped(cmd) ? fromWords(cmd, labels) : null);
    if (!after) continue;
    after.commands = [...(before ? before.commands : []), cmd];
    after.state = worst(before ? before.state : SENT, stateOf(cmd));
    byId.set(cmd.contributionId, after);
  }
  return [...byId.values()].filter((item) => !item.deleted || item.state === NEEDS_ATTENTION).sort(newestFirst);
}

// Things not yet sent are named as the server names the others (its words may differ).
function serverLabels(items) {
  const labels = { kind: {}, audience: {} };
  for (const item of items) {
    labels.kind[item.kind] = item.kind_label;
    labels.audience[item.audience] = item.audience_label;
  }
  return {
    kind: (kind) => labels.kind[kind] || kindLabel(kind),
    audience: (audience) => labels.audience[audience] || audienceLabel(audience),
  };
}

function apply(item, cmd, labels) {
  const now = cmd.createdAt;
  switch (cmd.kind) {
    case c.CREATE:
      return item || fromWords(cmd, labels);
    case c.EDIT: {
      if (!item) return null;
      const { version, ...changes } = cmd.body;
      return { ...item, ...changes, updated_at: now };
    }
    case c.AUDIENCE:
      return item && { ...item, audience: cmd.body.audience, audience_label: labels.audience(cmd.body.audience), withdrawn_at: null, updated_at: now };
    case c.WITHDRAW:
      return item && { ...item, withdrawn_at: item.withdrawn_at || now, updated_at: now };
    case c.DELETE:
      return item && { ...item, deleted: true };
    default:
      return item;
  }
}

// Written on this phone and not yet on the server: shaped like the server's items.
function fromWords(cmd, labels) {
  const words = cmd.body || {};
  const kind = words.kind || (words.scale_question ? "scale" : "message"); // a change carries no kind
  return {
    id: cmd.contributionId,
    kind,
    kind_label: labels.kind(kind),
    text: words.text || "",
    scale_question: words.scale_question || "",
    scale_value: words.scale_value ?? null,
    meeting_id: words.meeting_id || null,
    audience: words.audience || "just_me",
    audience_label: labels.audience(words.audience || "just_me"),
    withdrawn_at: null,
    version: 0,
    created_at: cmd.createdAt,
    updated_at: cmd.createdAt,
    history: [],
    read_by: [],
    local: true,
  };
}

/** The state a command puts its item in. */
export function stateOf(cmd) {
  if (c.isStopped(cmd)) return NEEDS_ATTENTION;
  if (cmd.state === c.SENDING && isFlushing()) return SENDING;
  return ON_PHONE;
}

const ORDER = [SENT, ON_PHONE, SENDING, NEEDS_ATTENTION];

function worst(a, b) {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
