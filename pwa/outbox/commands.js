// Domain commands: what a family member did, in their words ("write this", "let my
// worker see it"), kept until the server has it. Turned into a request only when
// sent (requestFor), so nothing at rest is a request, a header or a token.
import { newId } from "../shell/api.js";

export const CREATE = "create";
export const EDIT = "edit";
export const AUDIENCE = "audience";
export const WITHDRAW = "withdraw";
export const DELETE = "delete";
export const ANSWER = "answer";
export const CHECK_IN = "check_in";
export const ESCALATE = "escalate";

// Where a command is: waiting on this phone, on its way, or stopped until the
// author chooses (the server said no; or the words were changed elsewhere).
export const QUEUED = "queued";
export const SENDING = "sending";
export const ATTENTION = "attention";
export const CONFLICT = "conflict";

function command(kind, personId, { id = newId(), contributionId = null, itemId = null, meetingId = null, answerId = null, body = null }) {
  return {
    id,
    kind,
    contributionId,
    itemId,
    meetingId,
    answerId,
    body,
    idempotencyKey: id,
    state: QUEUED,
    attempts: 0,
    failures: 0, // sends in a row that found no answer or a busy server (the wait grows)
    lastError: null,
    createdAt: new Date().toISOString(),
    personId,
    seq: null, // given when kept: the outbox's counter, never the clock (store/commands.js)
    nextAttemptAt: 0,
  };
}

/** words: { id, kind, text, scale_question?, scale_value?, meeting_id, audience }. */
export function createWords(personId, words, commandId) {
  return command(CREATE, personId, { id: commandId, contributionId: words.id, body: { ...words } });
}

/** version: the version these changes were made from (null: whatever the one before makes). */
export function editWords(personId, contributionId, version, changes) {
  return command(EDIT, personId, { contributionId, body: { version, ...changes } });
}

export function chooseAudience(personId, contributionId, audience) {
  return command(AUDIENCE, personId, { contributionId, body: { audience } });
}

export function stopSharing(personId, contributionId) {
  return command(WITHDRAW, personId, { contributionId });
}

export function deleteDraft(personId, contributionId) {
  return command(DELETE, personId, { contributionId });
}

/** answer: { answer: "agree" | "not_sure" | "disagree", comment, audience (who may read the comment) }. */
export function answerPlanItem(personId, itemId, answer) {
  return command(ANSWER, personId, { itemId, body: { ...answer } });
}

/** "Ask a manager" about their own disagreement (answerId) with a plan item (itemId, its lane). */
export function askAManager(personId, itemId, answerId) {
  return command(ESCALATE, personId, { itemId, answerId });
}

/** checkIn: { listened, helped_decide, told_honestly, got_help (1-3 or null), anything_else, audience }. */
export function checkInAfterMeeting(personId, meetingId, checkIn) {
  return command(CHECK_IN, personId, { meetingId, body: { ...checkIn } });
}

/** The request that carries a command: method, path and JSON body (or undefined). */
export function requestFor(cmd) {
  const one = "/api/contributions/" + encodeURIComponent(cmd.contributionId || "");
  switch (cmd.kind) {
    case CREATE:
      return { method: "POST", path: "/api/contributions", body: cmd.body };
    case EDIT:
      return { method: "PATCH", path: one, body: cmd.body };
    case AUDIENCE:
      return { method: "PUT", path: one + "/audience", body: cmd.body };
    case WITHDRAW:
      return { method: "POST", path: one + "/withdraw", body: undefined };
    case DELETE:
      return { method: "DELETE", path: one, body: undefined };
    case ANSWER:
      return { method: "POST", path: "/api/family/plan/items/" + encodeURIComponent(cmd.itemId) + "/answer", body: cmd.body };
    case ESCALATE:
      return { method: "POST", path: "/api/family/plan/answers/" + encodeURIComponent(cmd.answerId) + "/escalate", body: undefined };
    case CHECK_IN:
      return { method: "PUT", path: "/api/family/check-ins/" + encodeURIComponent(cmd.meetingId), body: cmd.body };
    default:
      throw new Error("Unknown command: " + cmd.kind);
  }
}

/** Does this command carry words (so it can be changed, or downloaded)? */
export function carriesWords(cmd) {
  return cmd.kind === CREATE || cmd.kind === EDIT || cmd.kind === ANSWER || cmd.kind === CHECK_IN;
}

/** Stopped until the author chooses what to do. */
export function isStopped(cmd) {
  return cmd.state === ATTENTION || cmd.state === CONFLICT;
}

/** Not yet tried at all: its content can still change without a new key. */
export function untried(cmd) {
  return cmd.state === QUEUED && cmd.attempts === 0;
}
