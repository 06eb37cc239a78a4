// Sends the outbox: oldest first, in batches (POST /api/commands/batch), each
// command with its own Idempotency-Key (the server answers a repeat with the first
// answer, so a command sent twice is stored once). What each answer means:
//   2xx            sent: the command goes, the phone keeps the server's copy
//   5xx, 429, no answer   kept, and tried again later (never dropped: see Workbox #2599)
//   424            not run: the one before it in the batch was not taken; it waits
//   404            for an item whose create is still on the phone: it waits for it;
//                  a delete's 404 once its create was answered: already gone
//   409 changed    both versions kept; the author chooses ("changed somewhere else")
//   other 4xx      "needs attention": shown to the author with what to do
// A command waits while an earlier one for the same item has not been sent.
// Waits after a failure grow from 2 s to 30 s at most while the app is open, start
// again once any command is sent, and are never shorter than a Retry-After. A server
// that gives no answer at all (down, restarting) costs nothing to try: those waits
// stop growing at 3 s, so the phone is back within seconds of the server.
import { request, hasSession, ProblemError, OfflineError } from "../shell/api.js";
import { currentPerson } from "../store/people.js";
import { personCommands, changeCommand, changeCommands, settleCommands } from "../store/commands.js";
import { keepItem } from "../store/copies.js";
import { outboxEvents, tell } from "./queue.js";
import { nextBatch, laneOf } from "./order.js";
import { requestFor, QUEUED, SENDING, ATTENTION, CONFLICT, CREATE, EDIT, DELETE } from "./commands.js";

const ANSWER_WAIT = 30 * 1000;
const FIRST_RETRY = 2 * 1000;
const LONGEST_RETRY = 30 * 1000;
const LONGEST_UNREACHED = 3 * 1000;
const LONGEST_ASKED = 15 * 60 * 1000; // the longest Retry-After respected
const MOST_BATCHES = 40; // in one round; then the next round goes on
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
  for (let round = 0; round < MOST_BATCHES; round += 1) {
    const waiting = await personCommands(personId);
    // A wait further off than any this phone sets means its clock was put back.
    const due = (cmd) => now || cmd.nextAttemptAt <= Date.now() || cmd.nextAttemptAt - Date.now() > LONGEST_ASKED;
    const { batch, soonest } = nextBatch(waiting, due);
    if (batch.length === 0) {
      misses = 0;
      if (soonest < Infinity) retryIn(Math.max(soonest - Date.now(), 0));
      return;
    }
    if ((await sendBatch(batch, waiting)) === STOP) return retryIn(wait(++misses, LONGEST_UNREACHED));
    misses = 0;
    now = false; // what failed just now waits its turn
  }
  retryIn(0);
}

async function sendBatch(batch, waiting) {
  const claimed = await claim(batch.map(({ cmd }) => cmd.id));
  if (claimed.length === 0) return null;
  const byId = new Map(claimed.map((cmd) => [cmd.id, cmd]));
  const sending = batch.filter(({ cmd }) => byId.has(cmd.id)).map(({ cmd, after }) => ({ cmd: byId.get(cmd.id), after }));
  counts.requests += 1;
  counts.retries += sending.filter(({ cmd }) => cmd.attempts > 1).length;
  const commands = sending.map(({ cmd, after }) => {
    const { method, path, body } = requestFor(cmd);
    return { key: cmd.idempotencyKey, method, path, body: body === undefined ? null : body, after };
  });
  let answers;
  try {
    answers = (await request("POST", "/api/commands/batch", { commands }, { timeout: ANSWER_WAIT })).answers;
  } catch (error) {
    return wholeBatchFailed(sending.map(({ cmd }) => cmd), error);
  }
  return settleAnswers(sending, answers, waiting);
}

// Claimed in one transaction, so a change folded in meanwhile is never half sent.
function claim(ids) {
  return changeCommands(ids, (current, known) => {
    if (current.state !== QUEUED && current.state !== SENDING) return null;
    let body = current.body;
    if (current.kind === EDIT && body.version === null) body = { ...body, version: known ? known.version : 1 };
    return { ...current, body, state: SENDING, attempts: current.attempts + 1 };
  }).then((claimed) => {
    for (const cmd of claimed) tellState(cmd, SENDING);
    return claimed;
  });
}

async function settleAnswers(sending, answers, waiting) {
  const done = [];
  for (const [index, { cmd }] of sending.entries()) {
    const answer = answers[index] || { status: 0 };
    if (answer.status >= 200 && answer.status < 300) done.push([cmd, cmd.kind === DELETE ? null : answer.body]);
    else await failed(cmd, asProblem(answer), waiting);
  }
  if (done.length === 0) return null;
  const settled = await Promise.all(done.map(async ([cmd, body]) => [cmd, body && (await withWords(cmd, body))]));
  await settleCommands(settled);
  for (const [cmd] of settled) tellState(cmd, "sent");
  const inThisBatch = new Set(sending.map(({ cmd }) => cmd.id));
  const others = waiting.filter((one) => one.failures > 0 && !inThisBatch.has(one.id));
  if (others.length) await startWaitsAgain(others.map((one) => one.id));
  return null;
}

function asProblem(answer) {
  if (!answer.status) return new OfflineError();
  const error = new ProblemError(answer.status, answer.body || {});
  error.retryAfter = answer.retry_after ?? null;
  return error;
}

async function wholeBatchFailed(cmds, error) {
  const unreached = error instanceof OfflineError || !(error instanceof ProblemError);
  const staleToken = error.status === 403 && (error.type || "").endsWith("/cross-site-request");
  if (unreached || error.status === 401 || staleToken) {
    // Signed out meanwhile, or signed in again elsewhere (a new token): not the
    // author's words at fault. The app finds out who is here, then sends again.
    if (!unreached && (error.status === 401 || misses === 0)) outboxEvents.dispatchEvent(new CustomEvent("session-ended"));
    for (const cmd of cmds) await stay(cmd, QUEUED, { nextAttemptAt: 0 });
    return STOP;
  }
  for (const cmd of cmds) await waitLonger(cmd, error);
  return null;
}

async function failed(cmd, error, waiting) {
  const type = error.type || "";
  if (error instanceof OfflineError || error.status >= 500 || error.status === 429 || type.endsWith("/still-working")) {
    return waitLonger(cmd, error);
  }
  if (error.status === 424) return stay(cmd, QUEUED, { nextAttemptAt: 0 }); // its lane is held by the one before
  if (error.status === 404 && createStillHere(cmd, waiting)) return waitLonger(cmd, error);
  if (cmd.kind === DELETE && error.status === 404) {
    await settleCommands([[cmd, null]]); // its create was answered: already gone
    return tellState(cmd, "sent");
  }
  const errors = error.errors.map(({ field, message }) => ({ field, message }));
  const problem = { status: error.status, type, title: error.title, errors };
  if (cmd.kind === EDIT && type.endsWith("/changed-elsewhere")) {
    await keepServerCopy(cmd);
    return stay(cmd, CONFLICT, { lastError: problem });
  }
  return stay(cmd, ATTENTION, { lastError: problem });
}

// "Not found" for an item this phone made is no answer while its create waits here.
function createStillHere(cmd, waiting) {
  return cmd.kind !== CREATE && waiting.some((one) => one.kind === CREATE && laneOf(one) === laneOf(cmd));
}

function waitLonger(cmd, error) {
  const failures = (cmd.failures || 0) + 1;
  const asked = error.retryAfter ? Math.min(error.retryAfter * 1000, LONGEST_ASKED) : 0;
  const nextAttemptAt = Date.now() + Math.max(wait(failures), asked);
  return stay(cmd, QUEUED, { failures, nextAttemptAt, waitAsked: asked > 0 });
}

// Something was sent: the server is there, so the others' waits start again from the first.
function startWaitsAgain(ids) {
  const soon = Date.now() + FIRST_RETRY;
  return changeCommands(ids, (one) => {
    if (one.state !== QUEUED || one.waitAsked) return null;
    return { ...one, failures: 0, nextAttemptAt: Math.min(one.nextAttemptAt, soon) };
  });
}

// A repeat answered after the item changed (or went) keeps no words on the server:
// the phone asks for the item as it is now; gone means nothing to keep.
async function withWords(cmd, answer) {
  if (!answer || !answer.words_forgotten || !cmd.contributionId) return answer;
  try {
    return await request("GET", "/api/contributions/" + encodeURIComponent(cmd.contributionId));
  } catch {
    return null; // gone, or not reachable now: the next list from the server shows it
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

// 2 s, 4 s, 8 s … at most 30 s (or `longest`), a little spread so phones do not all
// come back at once.
function wait(tries, longest = LONGEST_RETRY) {
  const base = Math.min(longest, FIRST_RETRY * 2 ** Math.max(tries - 1, 0));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function retryIn(ms) {
  clearTimeout(timer);
  timer = setTimeout(flush, Math.min(ms, LONGEST_RETRY));
}
