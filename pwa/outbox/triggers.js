// When the outbox is sent: at app start, when the connection comes back, as soon as
// something new is kept, on the service worker's Background Sync, and on a timer
// after a failure (flush.js waits longer each time, at most 30 seconds).
import { currentPerson } from "../store/people.js";
import { personCommands } from "../store/commands.js";
import { outboxEvents } from "./queue.js";
import { isStopped } from "./commands.js";
import { flush, connectionBack } from "./flush.js";

let started = false;

/** Sends now and whenever there is a reason to: back online, a new command, the service worker's sync. */
export function startOutbox() {
  if (!started) {
    started = true;
    window.addEventListener("online", () => {
      connectionBack();
      flush({ now: true });
    });
    outboxEvents.addEventListener("queued", () => {
      askForBackgroundSync();
      flush();
    });
    if ("serviceWorker" in navigator) navigator.serviceWorker.addEventListener("message", syncAsked);
  }
  return flush({ now: true });
}

// The service worker's "sync" event asks an open tab to send (it keeps no tokens itself).
async function syncAsked(event) {
  if (!event.data || event.data.type !== "alongside-outbox") return;
  await flush();
  const person = currentPerson();
  const left = person ? (await personCommands(person.id)).filter((one) => !isStopped(one)).length : 0;
  if (event.ports && event.ports[0]) event.ports[0].postMessage({ sent: left === 0 });
}

function askForBackgroundSync() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready
    .then((registration) => registration.sync && registration.sync.register("alongside-outbox"))
    .catch(() => {});
}
