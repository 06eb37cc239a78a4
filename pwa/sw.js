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
  "/icons/stopped.svg",
  "/icons/talk.svg",
  "/icons/tick.svg",
  "/shell/api.js",
  "/shell/choices.js",
  "/shell/dom.js",
  "/shell/drafts.js",
  "/shell/forms.js",
  "/shell/i18n.js",
  "/shell/layout.js",
  "/shell/router.js",
  "/shell/routes.js",
  "/views/audiences.js",
  "/views/circle-voice.js",
  "/views/edit.js",
  "/views/family-home.js",
  "/views/join.js",
  "/views/kinds.js",
  "/views/loading.js",
  "/views/meeting.js",
  "/views/my-words.js",
  "/views/pin.js",
  "/views/practitioner-home.js",
  "/views/scale.js",
  "/views/shared-with-me.js",
  "/views/sharing-explained.js",
  "/views/sign-in.js",
  "/views/simple-write.js",
  "/views/talk-now.js",
  "/views/trouble.js",
  "/views/word-actions.js",
  "/views/words-form.js",
  "/views/write.js",
  "/i18n/en.js",
  "/i18n/pl.js",
  "/i18n/pa.js",
  "/i18n/ur.js",
  "/i18n/ro.js",
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
