// Alongside's service worker: keeps the app shell on the phone so it opens with no
// connection. It never stores anything a family member or practitioner wrote: /api/
// requests always go to the network and are never cached.
// The server fills in a fingerprint of the shell files and catalogs, so every
// release that changes one gets a new cache and old ones are cleaned up.
const VERSION = "{{version}}";
const PREFIX = "alongside-shell-";
const CACHE = PREFIX + VERSION;

// Everything the shell needs to open offline. VERSION changes whenever one does:
// files are served cache-first, so a new VERSION is how phones pick up a release.
const SHELL = [
  "/",
  "/app.js",
  "/styles.css",
  "/print.css",
  "/manifest.webmanifest",
  "/icons/flag.svg",
  "/icons/icon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
  "/icons/apple-touch-icon.png",
  "/icons/audience-just-me.svg",
  "/icons/audience-my-family.svg",
  "/icons/audience-my-meeting.svg",
  "/icons/audience-my-worker.svg",
  "/icons/back.svg",
  "/icons/eye.svg",
  "/icons/face-happy.svg",
  "/icons/face-ok.svg",
  "/icons/face-sad.svg",
  "/icons/face-very-happy.svg",
  "/icons/face-very-sad.svg",
  "/icons/kind-going-well.svg",
  "/icons/kind-message.svg",
  "/icons/kind-scale.svg",
  "/icons/kind-want.svg",
  "/icons/kind-worried.svg",
  "/icons/phone.svg",
  "/icons/plan.svg",
  "/icons/stopped.svg",
  "/icons/talk.svg",
  "/icons/tick.svg",
  "/shell/api.js",
  "/shell/choices.js",
  "/shell/dom.js",
  "/shell/drafts.js",
  "/shell/character-count.js",
  "/shell/forms.js",
  "/shell/i18n.js",
  "/shell/languages.js",
  "/shell/layout.js",
  "/shell/router.js",
  "/shell/routes.js",
  "/views/admin-leaver.js",
  "/views/admin-organisation.js",
  "/views/admin.js",
  "/views/answer-comment.js",
  "/views/asked-for-views.js",
  "/views/audiences.js",
  "/views/circle-add-to-plan.js",
  "/views/circle-meetings.js",
  "/views/circle-nav.js",
  "/views/circle-new.js",
  "/views/circle-people.js",
  "/views/circle-plan.js",
  "/views/circle-voice.js",
  "/views/dates.js",
  "/views/edit.js",
  "/views/family-home.js",
  "/views/fields.js",
  "/views/join.js",
  "/views/kinds.js",
  "/views/loading.js",
  "/views/meeting-detail.js",
  "/views/meeting-kinds.js",
  "/views/meeting.js",
  "/views/my-words.js",
  "/views/our-plan.js",
  "/views/panels.js",
  "/views/people-family.js",
  "/views/people-team.js",
  "/views/phone-replaced.js",
  "/views/pin.js",
  "/views/plan-answer-form.js",
  "/views/plan-item.js",
  "/views/plan-team-answers.js",
  "/views/plan-team-item-form.js",
  "/views/practitioner-home.js",
  "/views/scale.js",
  "/views/shared-with-me.js",
  "/views/sharing-explained.js",
  "/views/sign-in.js",
  "/views/simple-write.js",
  "/views/talk-now.js",
  "/views/trouble.js",
  "/views/urgent-banner.js",
  "/views/word-actions.js",
  "/views/words-form.js",
  "/views/write.js",
  "/views/you-said.js",
  "/i18n/en.js",
  "/i18n/pl.js",
  "/i18n/pa.js",
  "/i18n/ur.js",
  "/i18n/ro.js",
  // The outbox and what the phone keeps (IndexedDB), the lock, and leaving a shared phone.
  "/icons/bell.svg",
  "/icons/state-attention.svg",
  "/icons/state-on-phone.svg",
  "/icons/state-sending.svg",
  "/outbox/commands.js",
  "/outbox/export.js",
  "/outbox/flush.js",
  "/outbox/merge.js",
  "/outbox/order.js",
  "/outbox/queue.js",
  "/outbox/triggers.js",
  "/shell/leaving.js",
  "/shell/lock.js",
  "/shell/session.js",
  "/store/commands.js",
  "/store/copies.js",
  "/store/db.js",
  "/store/people.js",
  "/views/item-state.js",
  "/views/live-list.js",
  "/views/locked.js",
  "/views/set-password.js",
  "/views/settings.js",
  "/views/sign-out.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(deleteOldShells().then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return; // family data: network only, never cached
  if (request.mode === "navigate") {
    event.respondWith(networkThenShell(request));
  } else {
    event.respondWith(cacheThenNetwork(request));
  }
});

async function precacheShell() {
  const cache = await caches.open(CACHE);
  // "reload" skips the HTTP cache, so a new VERSION never stores a stale file.
  await cache.addAll(SHELL.map((path) => new Request(path, { cache: "reload" })));
}

async function deleteOldShells() {
  const names = await caches.keys();
  const old = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  await Promise.all(old.map((name) => caches.delete(name)));
}

async function networkThenShell(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const shell = await caches.match("/", { cacheName: CACHE });
    if (shell) return shell;
    throw offline;
  }
}

async function cacheThenNetwork(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached || fetch(request);
}

// After someone signed out or used quick exit (which clear these files), the next
// person to sign in asks for them again, so Alongside opens offline for them too.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "alongside-cache-shell") {
    event.waitUntil(caches.has(CACHE).then((kept) => kept || precacheShell()));
  }
});

// Background Sync: the outbox lives in IndexedDB, but sending needs the session's
// CSRF token, which only an open tab holds (never stored at rest). So the service
// worker asks open tabs to send; with none open, the next app start sends.
self.addEventListener("sync", (event) => {
  if (event.tag === "alongside-outbox") event.waitUntil(askTabsToSend());
});

async function askTabsToSend() {
  const tabs = await self.clients.matchAll({ type: "window" });
  if (!tabs.length) return;
  const answers = await Promise.all(tabs.map(askToSend));
  // Not sent yet: failing the event makes the browser try again later.
  if (!answers.some(Boolean)) throw new Error("The outbox is still waiting.");
}

function askToSend(tab) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(Boolean(event.data && event.data.sent));
    tab.postMessage({ type: "alongside-outbox" }, [channel.port2]);
    setTimeout(() => resolve(false), 60 * 1000);
  });
}

// Push: the server's message is always neutral ("You have a new message"), never
// anyone's words. One notification at a time (tag), with the app's icon.
self.addEventListener("push", (event) => {
  const message = readPush(event);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: "/icons/icon-192.png",
      tag: "alongside",
      data: { url: message.url },
    }),
  );
});

function readPush(event) {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  return { title: data.title || "Alongside", body: data.body || "", url: ownPage(data.url) };
}

// Only ever a page of Alongside itself.
function ownPage(url) {
  try {
    const page = new URL(url || "/", self.location.origin);
    return page.origin === self.location.origin ? page.href : self.location.origin + "/";
  } catch {
    return self.location.origin + "/";
  }
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = ownPage(event.notification.data && event.notification.data.url);
  event.waitUntil(focusOrOpen(url));
});

// An open Alongside tab is focused as it is (so words being written are not lost).
async function focusOrOpen(url) {
  const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = tabs.find((tab) => new URL(tab.url).origin === self.location.origin);
  if (open) return open.focus();
  return self.clients.openWindow(url);
}
