// What someone is in the middle of writing, kept in memory only (never stored on the
// phone) while they move between screens: to read "Who sees my words?" and come
// back, or to sign in again after their session ran out. They belong to one person:
// signing out, or someone else signing in on this phone, forgets them.
let owner = null;
const drafts = new Map();

export function keepDraft(key, values) {
  drafts.set(key, values);
}

export function readDraft(key) {
  return drafts.get(key) || null;
}

export function dropDraft(key) {
  drafts.delete(key);
}

/** Called when someone signs in: another person's unsent words are forgotten. */
export function draftsBelongTo(personId) {
  if (owner !== personId) drafts.clear();
  owner = personId;
}

export function forgetDrafts() {
  drafts.clear();
  owner = null;
}
