// Alongside starts here: the person's language first, then the screens.
import { loadLanguage } from "./shell/i18n.js";
import { chosenOnThisPhone } from "./shell/languages.js";
import { startRouter } from "./shell/router.js";

async function start() {
  try {
    // The shell may come from the phone's cache: the language chosen here wins.
    await loadLanguage(chosenOnThisPhone() || document.documentElement.lang);
  } catch {
    // An unknown or unreachable language: the English words are built in.
    await loadLanguage("en").catch(() => {});
  }
  registerServiceWorker();
  startRouter(document.getElementById("view"));
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error) => {
    console.warn("Alongside will not open offline on this phone:", error);
  });
}

start();
