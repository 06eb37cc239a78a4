// Who is using Alongside on this phone now, and what the phone remembers about
// them: enough to open their screens with no connection (name, language, never
// the CSRF token), when they last used it (for the lock) and the hints they closed.
import { PEOPLE, inTransaction, readAll, readOne, writeOne, forgetPersonData } from "./db.js";

const SAVE_ACTIVITY_EVERY = 30 * 1000;

let current = null; // { kind, id, name, locale } of the person signed in, or null
let activitySaved = 0;

/** Only what is needed to show their screens offline. */
function aboutThem(me) {
  return { kind: me.kind, id: me.id, name: me.name, locale: me.locale };
}

export function currentPerson() {
  return current;
}

export function currentPersonId() {
  return current ? current.id : null;
}

/** Someone signed in (or came back to the app): family members are remembered on this phone. */
export async function personHere(me, { unlocked = false } = {}) {
  current = aboutThem(me);
  if (me.kind !== "family") return null;
  const known = (await readOne(PEOPLE, me.id).catch(() => null)) || { personId: me.id, hints: {} };
  const record = { ...known, me: current };
  if (unlocked || !known.lastActiveAt) {
    record.locked = false;
    record.lastActiveAt = Date.now();
  }
  await writeOne(PEOPLE, record).catch(() => {});
  activitySaved = Date.now();
  return known.lastActiveAt ? known : null;
}

/** Known from an earlier visit, such as when the phone has no connection. */
export function personFromPhone(record) {
  current = record.me;
}

export function nobodyHere() {
  current = null;
}

/** The family member who used this phone most recently, or null. */
export async function lastPerson() {
  const everyone = await readAll(PEOPLE).catch(() => []);
  everyone.sort((a, b) => (b.lastActiveAt || 0) - (a.lastActiveAt || 0));
  return everyone[0] || null;
}

export async function personRecord(personId) {
  return readOne(PEOPLE, personId).catch(() => null);
}

/** They are using the app: noted now and then, so a restart knows when they last did. */
export function noteActivity(force = false) {
  if (!current || current.kind !== "family") return;
  if (!force && Date.now() - activitySaved < SAVE_ACTIVITY_EVERY) return;
  activitySaved = Date.now();
  update(current.id, { lastActiveAt: activitySaved, locked: false });
}

export function lockPerson(personId) {
  return update(personId, { locked: true });
}

export async function hintDone(name) {
  if (!current) return;
  const record = await personRecord(current.id);
  if (record) await update(current.id, { hints: { ...(record.hints || {}), [name]: true } });
}

export async function hintSeen(name) {
  const record = current ? await personRecord(current.id) : null;
  return Boolean(record && record.hints && record.hints[name]);
}

// Read and written in one transaction: a record forgotten meanwhile stays forgotten.
function update(personId, changes) {
  return inTransaction([PEOPLE], "readwrite", async (s, done) => {
    const record = await done(s[PEOPLE].get(personId));
    if (record) s[PEOPLE].put({ ...record, ...changes });
  }).catch(() => {});
}

/** Sign out or quick exit: everything this person kept on the phone goes. */
export async function forgetPerson(personId) {
  if (current && current.id === personId) current = null;
  await forgetPersonData(personId);
}
