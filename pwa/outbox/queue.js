// The outbox queue: commands are stored on the phone first, in order, and left
// there until the server has them or their author decides. A change that can still
// be folded into a command not yet tried is folded in (one request, not two).
import { newId } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { addCommand, personCommands, rearrange, changeCommand, removeCommands, readCommand } from "../store/commands.js";
import { CREATE, EDIT, AUDIENCE, DELETE, QUEUED, CONFLICT, untried } from "./commands.js";

/** "change" events: { personId, contributionId, itemId, state } ("sent" once the server has it). */
export const outboxEvents = new EventTarget();

// Other tabs of Alongside on this phone hear about changes too.
const channel = "BroadcastChannel" in self ? new BroadcastChannel("alongside-outbox") : null;
if (channel) channel.onmessage = (event) => tell(event.data, false);

export function tell(detail, broadcast = true) {
  outboxEvents.dispatchEvent(new CustomEvent("change", { detail }));
  if (broadcast && channel) channel.postMessage(detail);
}

function told(cmd, state = cmd.state) {
  tell({ personId: cmd.personId, contributionId: cmd.contributionId, itemId: cmd.itemId, state, commandId: cmd.id });
}

/**
 * Keeps a command on this phone. Returns the command as stored (perhaps one it was
 * folded into), or null when nothing is left to send (a draft deleted before it
 * was ever sent). Storing the same command id twice keeps one.
 */
export async function enqueue(cmd) {
  let stored;
  try {
    if (!cmd.personId) throw new Error("Nobody is signed in.");
    if (!cmd.contributionId) stored = (await addCommand(cmd)) || (await readCommand(cmd.id));
    else stored = await rearrange(cmd.personId, (commands) => foldIn(commands, cmd));
  } catch (error) {
    console.error(error);
    throw new Error(t("This could not be kept on this phone. Please try again."));
  }
  told(stored || cmd, stored ? stored.state : "discarded");
  outboxEvents.dispatchEvent(new CustomEvent("queued"));
  return stored;
}

function foldIn(commands, cmd) {
  if (commands.some((one) => one.id === cmd.id)) return { result: commands.find((one) => one.id === cmd.id) };
  if (cmd.kind === CREATE) return { put: [cmd], result: cmd };
  const mine = commands.filter((one) => one.contributionId === cmd.contributionId);
  const last = mine[mine.length - 1];
  const neverSent = mine.find((one) => one.kind === CREATE && untried(one));
  if (cmd.kind === DELETE && neverSent) return { remove: mine.map((one) => one.id), result: null };
  if (last && untried(last)) {
    const folded = fold(last, cmd);
    if (folded) return { put: [folded], result: folded };
  }
  if (cmd.kind === EDIT && mine.some((one) => one.kind === CREATE || one.kind === EDIT)) {
    // Made from what the command before will make: its version is known only then.
    cmd = { ...cmd, body: { ...cmd.body, version: null } };
  }
  return { put: [cmd], result: cmd };
}

function fold(last, cmd) {
  if (cmd.kind === EDIT && (last.kind === EDIT || last.kind === CREATE)) {
    const { version, ...changes } = cmd.body;
    return { ...last, body: { ...last.body, ...changes } };
  }
  if (cmd.kind === AUDIENCE && (last.kind === AUDIENCE || last.kind === CREATE)) {
    return { ...last, body: { ...last.body, audience: cmd.body.audience } };
  }
  return null;
}

/** One person's waiting commands, oldest first. */
export function waiting(personId) {
  return personId ? personCommands(personId).catch(() => []) : Promise.resolve([]);
}

export async function unsentCount(personId) {
  return (await waiting(personId)).length;
}

/**
 * The author chose not to send it. Discarding a new item also discards the
 * changes made to it since (there is nothing on the server to change).
 */
export async function discard(commandId) {
  const cmd = await readCommand(commandId);
  if (!cmd) return;
  let ids = [cmd.id];
  if (cmd.kind === CREATE) {
    const mine = (await waiting(cmd.personId)).filter((one) => one.contributionId === cmd.contributionId);
    ids = mine.map((one) => one.id);
  }
  await removeCommands(ids);
  told(cmd, "discarded");
}

/**
 * Sends a stopped command again, changed by the author (changes go into its body).
 * It gets a new idempotency key: it is a new request, not a repeat of the old one.
 * keepMine: the words were changed elsewhere and the author keeps theirs, made
 * now from the version the server has.
 */
export async function sendAgain(commandId, changes = {}, { keepMine = false } = {}) {
  const changed = await changeCommand(commandId, (cmd, known) => {
    const body = cmd.body ? { ...cmd.body, ...changes } : null;
    if (keepMine && known) body.version = known.version;
    return { ...cmd, body, idempotencyKey: newId(), state: QUEUED, attempts: 0, lastError: null, nextAttemptAt: 0 };
  });
  if (changed) {
    told(changed);
    outboxEvents.dispatchEvent(new CustomEvent("queued"));
  }
  return changed;
}

export function isConflict(cmd) {
  return cmd.state === CONFLICT;
}
