// Code loaded the first time it is needed (a practitioner's screen, for one).
// After a new release, a page opened before it names files the server no longer
// has: the import fails although the phone is online. The page then reloads once,
// to the new release, and the screen asked for opens there. Offline, or if the
// reload did not help, the error is shown as any other.
const RELOADED = "alongside-reloaded-for-new-code";

export async function importLater(load) {
  try {
    const module = await load();
    sessionStorage.removeItem(RELOADED);
    return module;
  } catch (error) {
    const reloaded = sessionStorage.getItem(RELOADED);
    sessionStorage.removeItem(RELOADED);
    if (navigator.onLine === false || reloaded) throw error; // never a loop of reloads
    sessionStorage.setItem(RELOADED, "1");
    location.reload();
    return new Promise(() => {}); // the page is going: show nothing meanwhile
  }
}
