// Which waiting commands go next, and in what order: pure functions over the
// commands kept on the phone (no storage, no network), so they can be tested alone.
//
// Each item has a lane (its contribution or plan item): a command waits while an
// earlier one in its lane is waiting or stopped. Within a lane, a create always
// goes first, even if older commands were numbered wrongly (by a clock put back,
// before the outbox kept its own counter).
import { requestFor, isStopped, CREATE, EDIT } from "./commands.js";

/** At most this many commands in one batch, and about this many bytes (the server allows 100 and 128 kB). */
export const BATCH_COMMANDS = 100;
export const BATCH_BYTES = 112 * 1024;

export function laneOf(cmd) {
  return cmd.contributionId || cmd.itemId || cmd.id;
}

/** The commands in the order they must be sent. */
export function inSendingOrder(commands) {
  const createdAt = new Map();
  for (const cmd of commands) if (cmd.kind === CREATE) createdAt.set(laneOf(cmd), cmd.seq);
  const key = (cmd) => {
    const create = createdAt.get(laneOf(cmd));
    if (cmd.kind === CREATE || create === undefined) return [cmd.seq, 0];
    return [Math.max(cmd.seq, create), 1];
  };
  return [...commands].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || a.seq - b.seq;
  });
}

/**
 * The next batch: [{ cmd, after }] (after: the key of the command before it in its
 * lane, in this same batch) and when the soonest held command may go again.
 * due(cmd): whether its wait is over.
 */
export function nextBatch(commands, due) {
  const held = new Set();
  const previous = new Map();
  const batch = [];
  let bytes = 0;
  let soonest = Infinity;
  for (const cmd of inSendingOrder(commands)) {
    const lane = laneOf(cmd);
    if (held.has(lane)) continue;
    if (isStopped(cmd) || !due(cmd)) {
      held.add(lane);
      if (!isStopped(cmd)) soonest = Math.min(soonest, cmd.nextAttemptAt);
      continue;
    }
    // An edit made from what the one before will make: its version is known only
    // once that one is answered, so it goes in the next batch.
    if (previous.has(lane) && cmd.kind === EDIT && cmd.body.version === null) {
      held.add(lane);
      continue;
    }
    const size = JSON.stringify(requestFor(cmd)).length + 150;
    if (batch.length >= BATCH_COMMANDS || (batch.length > 0 && bytes + size > BATCH_BYTES)) break;
    batch.push({ cmd, after: previous.get(lane) || null });
    previous.set(lane, cmd.idempotencyKey);
    bytes += size;
  }
  return { batch, soonest };
}
