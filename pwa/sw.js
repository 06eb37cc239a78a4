// Alongside's service worker: keeps the app shell on the phone so it opens with no
// connection. It never stores anything a family member or practitioner wrote: /api/
// requests always go to the network and are never cached.
// The server fills in a fingerprint of the shell files and catalogs, so every
// release that changes one gets a new cache and old ones are cleaned up.
const VERSION = "{{version}}";
const PREFIX = "alongside-shell-";
const CACHE = PREFIX + VERSION;


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

// The shell page names what Alongside needs to open with no connection, each file by
// its fingerprinted URL (/app.js?v=…): the styles, the drawings, the start modules
// (every family screen) and the person's own language. Practitioner screens and other
// languages are kept when first used. A fingerprinted URL names one version of a
// file, so the copy the page has just fetched (in the HTTP cache) is the right one:
// nothing is downloaded twice. VERSION changes whenever a file does: files are
// served cache-first, so a new VERSION is how phones pick up a release.
async function precacheShell() {
  const cache = await caches.open(CACHE);
  const shell = await fetch("/");
  if (!shell.ok) throw new Error("Alongside's page did not load: " + shell.status);
  await cache.addAll(offlineFiles(await shell.clone().text()));
  await cache.put("/", shell);
}

function offlineFiles(page) {
  const named = page.match(/<meta name="alongside-offline" content="([^"]*)">/);
  return named ? named[1].split(" ").filter(Boolean) : [];
}

// A file the page asks for by its fingerprinted URL (a practitioner's screen, another
// language) is kept once fetched, while this release's files are kept at all (not
// after signing out, which deletes them).
async function keepIfFingerprinted(request, response) {
  const fingerprinted = new URL(request.url).searchParams.has("v");
  if (!fingerprinted || !response.ok || !(await caches.has(CACHE))) return;
  await (await caches.open(CACHE)).put(request, response);
}

// The page names its own language's module (/i18n/ur.js?v=…): the only one kept.
async function keepLanguage(cache, urls) {
  const own = (urls || []).map((url) => new URL(url, self.location.origin));
  const languages = own.filter((url) => url.origin === self.location.origin && url.pathname.startsWith("/i18n/"));
  await Promise.all(languages.map((url) => cache.add(url.href)));
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
  if (cached) return cached;
  const response = await fetch(request);
  keepIfFingerprinted(request, response.clone()).catch(() => {});
  return response;
}

// After someone signed out or used quick exit (which clear these files), the next
// person to sign in asks for them again, so Alongside opens offline for them too.
// Each page start names its language ("keep"), to be kept beside the shell.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "alongside-cache-shell") {
    event.waitUntil(keepShell(event.data.keep));
  } else if (event.data && event.data.type === "alongside-keep-language") {
    event.waitUntil(keepLanguageIfKept(event.data.keep));
  }
});

// Only beside this release's files: after signing out, nothing is kept until the next
// person signs in.
async function keepLanguageIfKept(languages) {
  if (await caches.has(CACHE)) await keepLanguage(await caches.open(CACHE), languages);
}

async function keepShell(languages) {
  if (!(await caches.has(CACHE))) await precacheShell();
  await keepLanguage(await caches.open(CACHE), languages);
}

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
// An open Alongside is told too, so the screen on show brings in what is new.
self.addEventListener("push", (event) => {
  const message = readPush(event);
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(message.title, {
        body: message.body,
        icon: "/icons/icon-192.png",
        tag: "alongside",
        data: { url: message.url },
      }),
      tellOpenTabs(),
    ]),
  );
});

async function tellOpenTabs() {
  for (const tab of await self.clients.matchAll({ type: "window" })) tab.postMessage({ type: "alongside-news" });
}

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
