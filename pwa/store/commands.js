// The outbox's records: domain commands waiting to be sent, one person's in the
// order they were made. Never a raw request: no headers, cookies or CSRF tokens.
import { COMMANDS, WORDS, inTransaction, readAll, readOne, personRange } from "./db.js";

/** Stores a new command; false if one with its id is already kept (a double tap). */
export function addCommand(command) {
  return inTransaction([COMMANDS], "readwrite", async (s, done) => {
    if (await done(s[COMMANDS].getKey(command.id))) return false;
    s[COMMANDS].add(command);
    return true;
  });
}

/** One person's waiting commands, oldest first. */
export function personCommands(personId) {
  return readAll(COMMANDS, personRange(personId), "byPerson");
}

export function readCommand(id) {
  return readOne(COMMANDS, id);
}

/**
 * Reads one person's commands and applies decide(commands) in the same
 * transaction: it returns { put: [...], remove: [ids], result }.
 */
export function rearrange(personId, decide) {
  return inTransaction([COMMANDS], "readwrite", async (s, done) => {
    const commands = await done(s[COMMANDS].index("byPerson").getAll(personRange(personId)));
    const { put = [], remove = [], result } = decide(commands);
    for (const id of remove) s[COMMANDS].delete(id);
    for (const command of put) s[COMMANDS].put(command);
    return result;
  });
}

/** Changes one command if it is still kept; returns it as changed, or null. */
export function changeCommand(id, change) {
  return inTransaction([COMMANDS, WORDS], "readwrite", async (s, done) => {
    const command = await done(s[COMMANDS].get(id));
    if (!command) return null;
    const known = command.contributionId
      ? await done(s[WORDS].get([command.personId, command.contributionId]))
      : null;
    const changed = change(command, known || null);
    if (!changed) return null;
    s[COMMANDS].put(changed);
    return changed;
  });
}

export function removeCommands(ids) {
  return inTransaction([COMMANDS], "readwrite", (s) => {
    for (const id of ids) s[COMMANDS].delete(id);
  });
}

/**
 * A command was answered: it leaves the outbox and, in the same transaction, the
 * phone's copy takes the server's answer (an item, or null once deleted).
 */
export function settleCommand(command, item) {
  return inTransaction([COMMANDS, WORDS], "readwrite", async (s, done) => {
    // Gone meanwhile (they signed out, or discarded it): nothing is kept back.
    if (!(await done(s[COMMANDS].getKey(command.id)))) return;
    s[COMMANDS].delete(command.id);
    if (!command.contributionId) return;
    if (item) s[WORDS].put({ ...item, personId: command.personId, keptAt: Date.now() });
    else s[WORDS].delete([command.personId, command.contributionId]);
  });
}
