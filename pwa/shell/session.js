// Who is using Alongside now. Online, the server says (/api/me). With no connection,
// the family member who last used this phone is remembered (their words stay
// readable and writable on the phone), unless it is locked: after 5 minutes without
// use, or when the server ended the session, the secret number (PIN) opens it again.
import { api, rememberSession, forgetSession, ProblemError, OfflineError } from "./api.js";
import { currentLanguage, isSupported, loadLanguage, speakTo } from "./i18n.js";
import { draftsBelongTo, forgetDrafts } from "./drafts.js";
import { idleTooLong, watchIdle, stopWatching } from "./lock.js";
import { leaveThisPhone, finishLeaving, nothingToEnd, endLeftSession, keepShellFiles, askToKeepStorage } from "./leaving.js";
import { personHere, personFromPhone, lastPerson, lockPerson, nobodyHere, hintSeen, hintDone } from "../store/people.js";
import { flush } from "../outbox/flush.js";
import { startOutbox } from "../outbox/triggers.js";

/** me: from the server, or the phone; offline: me came from the phone; locked: PIN needed. */
export const session = { me: null, deviceKnown: false, checked: false, offline: false, locked: false };

let lockNow = () => {};
let signIns = 0; // counts sign-ins, so an older check never undoes a newer PIN

export async function checkSession() {
  try {
    const me = await api.me();
    if (await finishLeaving(() => rememberSession(me))) {
      // They signed out (or used quick exit) with no connection: now it is done.
      signedOutHere(me.kind === "family");
    } else {
      await signedIn(me);
    }
  } catch (error) {
    if (error instanceof OfflineError && (await fromThisPhone())) return;
    if (!(error instanceof ProblemError && error.status === 401)) throw error;
    nothingToEnd();
    session.me = null;
    session.deviceKnown = error.problem.device_known === true;
    session.phoneReplaced = error.type.endsWith("/phone-replaced") ? error.message : null;
  }
  session.checked = true;
}

// No connection: the family member who last used this phone, as it remembers them.
async function fromThisPhone() {
  const record = await lastPerson();
  if (!record || !record.me || record.me.kind !== "family") return false;
  personFromPhone(record);
  draftsBelongTo("family:" + record.me.id);
  Object.assign(session, { me: record.me, offline: true, deviceKnown: true, checked: true });
  session.locked = Boolean(record.locked) || idleTooLong(record.lastActiveAt);
  if (session.locked) lockPerson(record.me.id);
  watchForIdle();
  await useTheirLanguage(record.me);
  return true;
}

/** fresh: they have just typed their PIN (or password, or joined): unlocked. */
export async function signedIn(me, { fresh = false } = {}) {
  const mine = ++signIns;
  rememberSession(me);
  if (fresh) nothingToEnd(); // their new session replaced any left to end
  draftsBelongTo(me.kind + ":" + me.id);
  Object.assign(session, { me, offline: false, checked: true });
  if (me.kind === "family") session.deviceKnown = true;
  const before = await personHere(me, { unlocked: fresh });
  if (mine !== signIns) return; // a newer sign-in (their PIN) decides
  session.locked = !fresh && me.kind === "family" && Boolean(before) && (before.locked || idleTooLong(before.lastActiveAt));
  if (session.locked) await lockPerson(me.id);
  watchForIdle();
  await useTheirLanguage(me);
  keepShellFiles();
  if (me.kind !== "family") return;
  startOutbox();
  askToKeepStorage(await hintSeen("storage"), () => hintDone("storage"));
}

async function useTheirLanguage(me) {
  speakTo(me);
  if (isSupported(me.locale) && me.locale !== currentLanguage()) await loadLanguage(me.locale).catch(() => {});
}

/** Sign out: the server session ends, and this phone forgets this person. */
export async function leave() {
  stopWatching();
  await leaveThisPhone();
  signedOutHere(session.deviceKnown || (session.me && session.me.kind === "family"));
}

function signedOutHere(deviceKnown) {
  forgetSession();
  forgetDrafts();
  nobodyHere();
  speakTo(null);
  Object.assign(session, { me: null, offline: false, locked: false, checked: true, deviceKnown });
}

/**
 * Back online, or the server said the session ended: asks who is here again.
 * Resolves "locked" when the PIN is needed, "signed-out", or "" (nothing changed).
 */
export async function whenBackOnline(sessionEnded = false) {
  if (!session.me) await endLeftSession();
  if (!session.me || (!session.offline && !sessionEnded)) return "";
  const before = signIns;
  const wasLocked = session.locked;
  try {
    const me = await api.me();
    if (signIns !== before) return ""; // they typed their PIN meanwhile
    if (me.id !== session.me.id) {
      signedOutHere(true);
      return "signed-out";
    }
    await signedIn(me);
    flush();
    return session.locked && !wasLocked ? "locked" : "";
  } catch (error) {
    if (signIns !== before || !(error instanceof ProblemError && error.status === 401)) return "";
    // Their words stay on the phone; the PIN opens a new session, then they are sent.
    forgetSession();
    session.offline = true;
    if (session.locked) return "";
    session.locked = true;
    return "locked";
  }
}

/** Family screens lock after a while without use: onIdle shows the PIN screen. */
export function lockWhenIdle(onIdle) {
  lockNow = onIdle;
}

// Called whenever a family member's screens are open and unlocked.
function watchForIdle() {
  if (!session.me || session.me.kind !== "family" || session.locked) return;
  watchIdle(() => {
    if (session.me) lockPerson(session.me.id);
    lockNow();
  });
}
