// The last known server copy of a person's things, so their screens open with no
// connection: each of their contributions (as the server last answered), and
// whole answers such as their home. Kept for the signed-in person only, and
// forgotten when they sign out or use quick exit.
import { WORDS, ANSWERS, COMMANDS, inTransaction, readAll, readOne, writeOne, removeOne, personRange } from "./db.js";

/** Their contributions as last known, newest first. */
export async function knownWords(personId) {
  const records = await readAll(WORDS, personRange(personId));
  return records.map(withoutOwner).sort(newestFirst);
}

/**
 * Their last known contributions and their waiting commands, read together: a
 * command answered meanwhile is in one or the other, never in neither.
 */
export async function knownWordsAndCommands(personId) {
  const [records, commands] = await inTransaction([WORDS, COMMANDS], "readonly", (s, done) =>
    Promise.all([done(s[WORDS].getAll(personRange(personId))), done(s[COMMANDS].index("byPerson").getAll(personRange(personId)))]),
  );
  return { words: records.map(withoutOwner), commands };
}

export async function knownItem(personId, id) {
  const record = await readOne(WORDS, [personId, id]);
  return record ? withoutOwner(record) : null;
}

/**
 * The server's whole list, just fetched (started at `askedAt`). Copies saved from a
 * command's answer after that moment are newer than the list, so they are kept.
 */
export function replaceKnownWords(personId, items, askedAt) {
  return inTransaction([WORDS], "readwrite", async (s, done) => {
    const store = s[WORDS];
    const newer = (await done(store.getAll(personRange(personId)))).filter((one) => one.keptAt > askedAt);
    const newerIds = new Set(newer.map((one) => one.id));
    store.delete(personRange(personId));
    for (const item of items) if (!newerIds.has(item.id)) store.put({ ...item, personId, keptAt: askedAt });
    for (const item of newer) store.put(item);
  });
}

/** The server's answer to one command: the item as it now is. */
export function keepItem(personId, item) {
  return writeOne(WORDS, { ...item, personId, keptAt: Date.now() });
}

export function dropItem(personId, id) {
  return removeOne(WORDS, [personId, id]);
}

export async function knownAnswer(personId, name) {
  const record = await readOne(ANSWERS, [personId, name]);
  return record ? record.data : null;
}

export function keepAnswer(personId, name, data) {
  return writeOne(ANSWERS, { personId, name, data, keptAt: Date.now() });
}

function withoutOwner({ personId, keptAt, ...item }) {
  return item;
}

export function newestFirst(a, b) {
  return (Date.parse(b.created_at) || 0) - (Date.parse(a.created_at) || 0);
}
