// The lock: on a shared phone, family screens lock after 5 minutes without a tap
// or a key, and open again only with the secret number (PIN). The lock is on the
// phone: the server session may still be valid, and the outbox keeps sending.
// When they last did something is noted on the phone, so a restart knows too.
import { noteActivity } from "../store/people.js";

export const IDLE_LIMIT = 5 * 60 * 1000;
const CHECK_EVERY = 10 * 1000;
const ACTIVITY = ["pointerdown", "keydown", "input", "wheel", "touchstart"];

let lastActivity = Date.now();
let onIdle = null;
let checking = 0;
let listening = false;

/** True if someone who last did something at this time should find it locked. */
export function idleTooLong(lastActiveAt) {
  return !lastActiveAt || Date.now() - lastActiveAt > IDLE_LIMIT;
}

/** Calls lockNow() once, after IDLE_LIMIT without activity. */
export function watchIdle(lockNow) {
  onIdle = lockNow;
  lastActivity = Date.now();
  if (!listening) {
    listening = true;
    for (const name of ACTIVITY) document.addEventListener(name, active, { capture: true, passive: true });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") noteActivity(true);
      else checkIdle();
    });
  }
  clearInterval(checking);
  checking = setInterval(checkIdle, CHECK_EVERY);
}

export function stopWatching() {
  onIdle = null;
  clearInterval(checking);
}

function active() {
  lastActivity = Date.now();
  noteActivity();
}

function checkIdle() {
  if (!onIdle || Date.now() - lastActivity < IDLE_LIMIT) return;
  const lockNow = onIdle;
  stopWatching();
  lockNow();
}
