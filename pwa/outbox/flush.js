// Sends the outbox: one command at a time, oldest first, each with its own
// Idempotency-Key (the server answers a repeat with the first answer, so a command
// sent twice is stored once). What the answer means:
//   2xx            sent: the command goes, the phone keeps the server's copy
//   5xx, no answer kept, and tried again later (never dropped: see Workbox #2599)
//   409 changed    both versions kept; the author chooses ("changed somewhere else")
//   other 4xx      "needs attention": the server's words are shown to the author
// A command waits while an earlier one for the same item has not been sent.
import { request, hasSession, ProblemError, OfflineError } from "../shell/api.js";
import { currentPerson } from "../store/people.js";
import { personCommands, changeCommand, settleCommand } from "../store/commands.js";
import { keepItem } from "../store/copies.js";
import { outboxEvents, tell } from "./queue.js";
import { requestFor, isStopped, QUEUED, SENDING, ATTENTION, CONFLICT, EDIT, DELETE } from "./commands.js";

const ANSWER_WAIT = 20 * 1000;
const FIRST_RETRY = 2 * 1000;
const LONGEST_RETRY = 5 * 60 * 1000;
const SENT = "sent";
const HELD = "held"; // this item waits; others go on
const STOP = "stop"; // nothing more now (no connection, or no session)

let running = null;
let again = false;
let againNow = false;
let timer = 0;
let misses = 0; // rounds in a row that could not reach the server
const counts = { requests: 0, retries: 0 };

/**
 * Sends what is waiting; resolves when this round is over. Calls while running join
 * it. now: also what is waiting for its next try (someone asked, or back online).
 */
export function flush({ now = false } = {}) {
  if (running) {
    again = true;
    againNow = againNow || now;
    return running;
  }
  running = (async () => {
    let thisTime = now;
    do {
      again = false;
      await flushRound(thisTime);
      thisTime = againNow;
      againNow = false;
    } while (again);
  })().finally(() => (running = null));
  return running;
}

/** Back online: the next round tries at once, not after the wait for a missing connection. */
export function connectionBack() {
  misses = 0;
}

/** Whether this tab is sending now (a command marked "sending" by a closed tab is only waiting). */
export function isFlushing() {
  return running !== null;
}

/** Requests sent and retries since the app started (for measuring). */
export function outboxCounts() {
  return { ...counts };
}

async function flushRound(now) {
  const person = currentPerson();
  if (!person || person.kind !== "family" || !hasSession() || navigator.onLine === false) return;
  const ran = await oneTabAtATime(() => sendWaiting(person.id, now));
  if (!ran) retryIn(3000); // another tab is sending: look again in a moment
}

// Two tabs of Alongside on one phone never send the same outbox at once.
async function oneTabAtATime(work) {
  if (!navigator.locks) return work().then(() => true);
  return navigator.locks.request("alongside-outbox", { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await work();
    return true;
  });
}

async function sendWaiting(personId, now) {
  const waiting = await personCommands(personId);
  const held = new Set();
  let soonest = Infinity;
  for (const cmd of waiting) {
    const lane = cmd.contributionId || cmd.itemId || cmd.id;
    if (held.has(lane)) continue;
    if (isStopped(cmd) || (!now && cmd.nextAttemptAt > Date.now())) {
      held.add(lane);
      if (!isStopped(cmd)) soonest = Math.min(soonest, cmd.nextAttemptAt);
      continue;
    }
    const [outcome, after] = await sendOne(cmd);
    if (outcome === STOP) return retryIn(wait(++misses));
    if (outcome === HELD) {
      held.add(lane);
      if (after && after.state === QUEUED) soonest = Math.min(soonest, after.nextAttemptAt);
    }
  }
  misses = 0;
  if (soonest < Infinity) retryIn(Math.max(soonest - Date.now(), 0));
}

async function sendOne(cmd) {
  // Claimed in one transaction, so a change folded in meanwhile is never half sent.
  const claimed = await changeCommand(cmd.id, (current, known) => {
    if (current.state !== QUEUED && current.state !== SENDING) return null;
    let body = current.body;
    if (current.kind === EDIT && body.version === null) body = { ...body, version: known ? known.version : 1 };
    return { ...current, body, state: SENDING, attempts: current.attempts + 1 };
  });
  if (!claimed) return [HELD, null];
  tellState(claimed, SENDING);
  const { method, path, body } = requestFor(claimed);
  counts.requests += 1;
  if (claimed.attempts > 1) counts.retries += 1;
  try {
    const headers = { "Idempotency-Key": claimed.idempotencyKey };
    const answer = await request(method, path, body, { headers, timeout: ANSWER_WAIT });
    await settleCommand(claimed, claimed.kind === DELETE ? null : await withWords(claimed, answer));
    tellState(claimed, SENT);
    return [SENT, null];
  } catch (error) {
    return failed(claimed, error);
  }
}

async function failed(cmd, error) {
  if (error instanceof OfflineError || !(error instanceof ProblemError)) {
    return [STOP, await stay(cmd, QUEUED, { nextAttemptAt: 0 })];
  }
  const type = error.type || "";
  // Signed out meanwhile, or signed in again elsewhere (a new session, a new token):
  // not the author's words at fault. The app finds out who is here, then sends again.
  const staleToken = error.status === 403 && type.endsWith("/cross-site-request");
  if (error.status === 401 || staleToken) {
    if (error.status === 401 || misses === 0) outboxEvents.dispatchEvent(new CustomEvent("session-ended"));
    return [STOP, await stay(cmd, QUEUED, { nextAttemptAt: 0 })];
  }
  if (error.status >= 500 || error.status === 429 || type.endsWith("/still-working")) {
    return [HELD, await stay(cmd, QUEUED, { nextAttemptAt: Date.now() + wait(cmd.attempts) })];
  }
  if (cmd.kind === DELETE && error.status === 404) {
    await settleCommand(cmd, null); // already gone
    tellState(cmd, SENT);
    return [SENT, null];
  }
  const errors = error.errors.map(({ field, message }) => ({ field, message }));
  const problem = { status: error.status, type, title: error.title, errors };
  if (cmd.kind === EDIT && type.endsWith("/changed-elsewhere")) {
    await keepServerCopy(cmd);
    return [HELD, await stay(cmd, CONFLICT, { lastError: problem })];
  }
  return [HELD, await stay(cmd, ATTENTION, { lastError: problem })];
}

// A repeat answered after the item changed (or went) keeps no words on the server:
// the phone asks for the item as it is now; gone means nothing to keep.
async function withWords(cmd, answer) {
  if (!answer || !answer.words_forgotten || !cmd.contributionId) return answer;
  try {
    return await request("GET", "/api/contributions/" + encodeURIComponent(cmd.contributionId));
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return null;
    throw error;
  }
}

// Both versions stay on the phone: theirs in the command, the server's in the copy.
async function keepServerCopy(cmd) {
  try {
    const latest = await request("GET", "/api/contributions/" + encodeURIComponent(cmd.contributionId));
    await keepItem(cmd.personId, latest);
  } catch {
    // Fetched again when the author opens it.
  }
}

async function stay(cmd, state, changes) {
  const changed = await changeCommand(cmd.id, (current) => ({ ...current, ...changes, state }));
  tellState(cmd, state);
  return changed;
}

function tellState(cmd, state) {
  tell({ personId: cmd.personId, contributionId: cmd.contributionId, itemId: cmd.itemId, state, commandId: cmd.id });
}

// 2 s, 4 s, 8 s … at most 5 minutes, a little spread so phones do not all come back at once.
function wait(tries) {
  const base = Math.min(LONGEST_RETRY, FIRST_RETRY * 2 ** Math.max(tries - 1, 0));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function retryIn(ms) {
  clearTimeout(timer);
  timer = setTimeout(flush, Math.min(ms, LONGEST_RETRY));
}
