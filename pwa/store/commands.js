// The outbox's records: domain commands waiting to be sent, one person's in the
// order they were made. Never a raw request: no headers, cookies or CSRF tokens.
// A command's seq is given when it is first kept, from a counter kept beside it:
// the order is the order they were made, whatever the phone's clock says.
import { COMMANDS, WORDS, COUNTERS, inTransaction, readAll, readOne, personRange, nextNumber } from "./db.js";

async function numbered(s, done, command) {
  if (command.seq != null) return command;
  return { ...command, seq: await nextNumber(s[COUNTERS], "outbox", done) };
}

/** Stores a new command and returns it as kept; null if one with its id is already kept (a double tap). */
export function addCommand(command) {
  return inTransaction([COMMANDS, COUNTERS], "readwrite", async (s, done) => {
    if (await done(s[COMMANDS].getKey(command.id))) return null;
    const stored = await numbered(s, done, command);
    s[COMMANDS].add(stored);
    return stored;
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
  return inTransaction([COMMANDS, COUNTERS], "readwrite", async (s, done) => {
    const commands = await done(s[COMMANDS].index("byPerson").getAll(personRange(personId)));
    const { put = [], remove = [], result } = decide(commands);
    for (const id of remove) s[COMMANDS].delete(id);
    let kept = result;
    for (const command of put) {
      const stored = await numbered(s, done, command);
      s[COMMANDS].put(stored);
      if (result && result.id === stored.id) kept = stored;
    }
    return kept;
  });
}

/** Changes several commands in one transaction (those still kept); returns them as changed. */
export function changeCommands(ids, change) {
  return inTransaction([COMMANDS, WORDS], "readwrite", async (s, done) => {
    const changed = [];
    for (const id of ids) {
      const command = await done(s[COMMANDS].get(id));
      if (!command) continue;
      const known = command.contributionId ? await done(s[WORDS].get([command.personId, command.contributionId])) : null;
      const after = change(command, known || null);
      if (!after) continue;
      s[COMMANDS].put(after);
      changed.push(after);
    }
    return changed;
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
  return settleCommands([[command, item]]);
}

/** Several answered commands, [command, item] each, settled in one transaction. */
export function settleCommands(answered) {
  return inTransaction([COMMANDS, WORDS], "readwrite", async (s, done) => {
    for (const [command, item] of answered) {
      // Gone meanwhile (they signed out, or discarded it): nothing is kept back.
      if (!(await done(s[COMMANDS].getKey(command.id)))) continue;
      s[COMMANDS].delete(command.id);
      if (!command.contributionId) continue;
      if (item) s[WORDS].put({ ...item, personId: command.personId, keptAt: Date.now() });
      else s[WORDS].delete([command.personId, command.contributionId]);
    }
  });
}
