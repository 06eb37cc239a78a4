// What Alongside keeps on this phone, in IndexedDB. This module alone knows the
// database's name, version and shape; the rest of the app asks it for records.
// A new service worker never touches IndexedDB (it only cleans up caches named
// "alongside-shell-…"), so unsent words survive every update of the app.
//
// Every record belongs to one person (personId, from /api/me): someone else signed
// in on a shared phone never reads or sends another person's words.
//
//   commands  the outbox: one domain command each ({id, kind, contributionId, body,
//             idempotencyKey, state, attempts, lastError, createdAt, personId, seq,
//             nextAttemptAt}); index "byPerson" on [personId, seq] keeps their order
//   words     the last known server copy of each contribution, key [personId, id]
//   answers   other last known server answers (such as "home"), key [personId, name]
//   people    who used this phone: {personId, me, lastActiveAt, locked, hints}
//   counters  numbers that only grow, {name, value}: "outbox" gives each new command
//             its seq, so the order never depends on the phone's clock (version 2)
const NAME = "alongside";
const VERSION = 2;

export const COMMANDS = "commands";
export const WORDS = "words";
export const ANSWERS = "answers";
export const PEOPLE = "people";
export const COUNTERS = "counters";
const ALL = [COMMANDS, WORDS, ANSWERS, PEOPLE];

function upgrade(db, oldVersion, transaction) {
  if (oldVersion < 1) {
    const commands = db.createObjectStore(COMMANDS, { keyPath: "id" });
    commands.createIndex("byPerson", ["personId", "seq"]);
    db.createObjectStore(WORDS, { keyPath: ["personId", "id"] });
    db.createObjectStore(ANSWERS, { keyPath: ["personId", "name"] });
    db.createObjectStore(PEOPLE, { keyPath: "personId" });
  }
  if (oldVersion < 2) {
    // Commands kept by version 1 stay as they are; the counter starts after the
    // highest seq any of them has, so new ones are always sent after them.
    const counters = db.createObjectStore(COUNTERS, { keyPath: "name" });
    let highest = 0;
    const cursor = transaction.objectStore(COMMANDS).openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return void counters.put({ name: "outbox", value: highest });
      highest = Math.max(highest, Number(at.value.seq) || 0);
      at.continue();
    };
  }
  // A later version adds its steps here (if (oldVersion < 3) …), never removing data.
}

/** The next number of a counter, in the caller's transaction (over COUNTERS). */
export async function nextNumber(store, name, done) {
  const current = await done(store.get(name));
  const value = (current ? current.value : 0) + 1;
  store.put({ name, value });
  return value;
}

let opening = null;

function openDb() {
  if (opening) return opening;
  opening = new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion, request.transaction);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab is upgrading or deleting the database: let it.
      db.onversionchange = () => closeDb(db);
      db.onclose = () => closeDb(db);
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("The phone's storage is busy in another tab."));
  }).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

function closeDb(db) {
  db.close();
  opening = null;
}

/** The records of one person: a key range over keys that start with personId. */
export function personRange(personId) {
  return IDBKeyRange.bound([personId], [personId, []]);
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Runs work(stores) in one transaction over the named stores and resolves with
 * what work returned once the transaction has committed. Inside, `await` only
 * IndexedDB requests (wrapped with `done`), so the transaction stays open.
 */
export async function inTransaction(names, mode, work) {
  const db = await openDb();
  const transaction = db.transaction(names, mode);
  const stores = Object.fromEntries(names.map((name) => [name, transaction.objectStore(name)]));
  const committed = new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onabort = () => reject(transaction.error || new Error("The phone's storage said no."));
  });
  let result;
  try {
    result = await work(stores, done);
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // already finished
    }
    await committed.catch(() => {});
    throw error;
  }
  await committed;
  return result;
}

export function readOne(store, key) {
  return inTransaction([store], "readonly", (s) => done(s[store].get(key)));
}

export function readAll(store, range, index = null) {
  return inTransaction([store], "readonly", (s) => done((index ? s[store].index(index) : s[store]).getAll(range)));
}

export function writeOne(store, value) {
  return inTransaction([store], "readwrite", (s) => done(s[store].put(value)));
}

export function removeOne(store, key) {
  return inTransaction([store], "readwrite", (s) => done(s[store].delete(key)));
}

/**
 * Forgets everything one person kept on this phone (sign out, quick exit). When
 * nobody's records are left, the database itself is deleted.
 */
export async function forgetPersonData(personId) {
  if (!("indexedDB" in self)) return;
  const left = await inTransaction(ALL, "readwrite", async (s) => {
    const mine = await done(s[COMMANDS].index("byPerson").getAllKeys(personRange(personId)));
    for (const key of mine) s[COMMANDS].delete(key);
    s[WORDS].delete(personRange(personId));
    s[ANSWERS].delete(personRange(personId));
    s[PEOPLE].delete(personId);
    const counts = await Promise.all(ALL.map((name) => done(s[name].count())));
    return counts.reduce((sum, count) => sum + count, 0);
  });
  if (left === 0) await deleteDatabase();
}

/** Deletes the whole database (nobody's records are left in it). */
export async function deleteDatabase() {
  if (opening) {
    const db = await opening.catch(() => null);
    if (db) closeDb(db);
  }
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = resolve;
    request.onerror = resolve;
    // Still open in another tab: it closes on "versionchange", then this finishes.
    request.onblocked = () => {};
  });
}
