// Translations for the interface. Every user-facing string is written as
// t("…") or tn("…", "…", n) with plain string literals, so Babel can extract them.
const LANGUAGES = ["en", "pl", "pa", "ur", "ro"];
const FIRST_STRONG_ISOLATE = "\u2068";
const POP_DIRECTIONAL_ISOLATE = "\u2069";

// English is written for UK services: dates read "Thursday 3 December 2026".
const DATE_LOCALES = { en: "en-GB" };

let current = { lang: "en", rtl: false, messages: {}, plural: (n) => (n === 1 ? 0 : 1), calendar: null };
let browserDates = true; // false: this browser lacks the language's date names

export function isSupported(lang) {
  return LANGUAGES.includes(lang);
}

/** Loads /i18n/<lang>.js (made by the server) and sets the page's lang and dir; the
 * service worker then keeps that language (and only that one) for offline use. */
export async function loadLanguage(lang) {
  const code = isSupported(lang) ? lang : "en";
  const module = await import(`/i18n/${code}.js`);
  keepOffline("alongside-keep-language", code);
  current = {
    lang: module.lang || code,
    rtl: module.dir === "rtl",
    messages: module.messages || {},
    plural: typeof module.plural === "function" ? module.plural : current.plural,
    calendar: module.calendar || null,
  };
  browserDates = knowsMonths(DATE_LOCALES[current.lang] || current.lang);
  document.documentElement.lang = current.lang;
  document.documentElement.dir = current.rtl ? "rtl" : "ltr";
  return current.lang;
}

/** Words in another language than the page's: an invitation in the family member's. */
export async function wordsIn(lang) {
  const module = await import(`/i18n/${isSupported(lang) ? lang : "en"}.js`);
  const messages = module.messages || {};
  return { lang: module.lang, dir: module.dir, say: (msgid) => messages[msgid] || msgid };
}

/** The module of a language, by its fingerprinted address (from the page's import map). */
export function languageModuleUrl(code = current.lang) {
  return import.meta.resolve(`/i18n/${code}.js`);
}

/** Asks the service worker to keep a language's module beside the app's files:
 * "alongside-keep-language" adds it to the kept files, "alongside-cache-shell" keeps
 * the app's files again first (after someone signs in on a phone that was cleared). */
export function keepOffline(type, code = current.lang) {
  if (!("serviceWorker" in navigator)) return;
  const keep = [languageModuleUrl(code)];
  navigator.serviceWorker.ready
    .then((registration) => registration.active && registration.active.postMessage({ type, keep }))
    .catch(() => {});
}

export function currentLanguage() {
  return current.lang;
}

/** The translation of msgid, or msgid itself (English) when there is none. */
export function t(msgid, params = {}) {
  const translated = current.messages[msgid];
  if (typeof translated === "string" && translated) return fill(translated, params);
  return english(fill(msgid, params));
}

// Who reads: an adult (a carer, a grown-up family member, or anyone not yet signed
// in) or a child. Polish and Romanian speak politely to adults, familiarly to children.
let adultReader = true;

/** Says who reads the screens now (me.adult from the server; unknown: an adult). */
export function speakTo(me) {
  adultReader = !me || me.adult !== false;
}

/** Words that speak to the reader: tp("carer", "…") takes the polite form for an
 * adult where the language has one, and the familiar one (t) for a child. */
export function tp(context, msgid, params = {}) {
  const translated = adultReader ? current.messages[context + "\u0004" + msgid] : null;
  return typeof translated === "string" && translated ? fill(translated, params) : t(msgid, params);
}

/** A plural message; n is also available as {count}. */
export function tn(singular, plural, n, params = {}) {
  const forms = current.messages[singular];
  const index = Array.isArray(forms) ? current.plural(n) : -1;
  const translated = index >= 0 ? forms[index] : "";
  const values = { count: formatNumber(n), ...params };
  if (translated) return fill(translated, values);
  return english(fill(n === 1 ? singular : plural, values));
}

// A message not yet translated shows in English; isolated, so that in a right-to-left
// page its full stop stays at its end.
function english(text) {
  return current.rtl ? FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE : text;
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current.lang).format(n);
}

/** A day, such as "3 December 2026": for receipts ("read on …", "changed on …"). */
export function formatDate(iso) {
  const locale = DATE_LOCALES[current.lang] || current.lang;
  if (!browserDates && current.calendar) return byPattern(current.calendar.date, new Date(iso));
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(iso));
}

export function formatDateTime(iso) {
  const locale = DATE_LOCALES[current.lang] || current.lang;
  const calendar = current.calendar;
  if (!browserDates && calendar) {
    const when = new Date(iso);
    return calendar.dateTime.replace("{1}", byPattern(calendar.fullDate, when)).replace("{0}", byPattern(calendar.time, when));
  }
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short" });
  return format.format(new Date(iso));
}

// Some browsers claim a language but have no month names for it ("M12").
function knowsMonths(locale) {
  try {
    return !/M\d/.test(new Intl.DateTimeFormat(locale, { month: "long" }).format(new Date(2026, 11, 9)));
  } catch {
    return false;
  }
}

// A CLDR date pattern ("EEEE, d MMMM y", "h:mm a") filled from the server's names.
function byPattern(pattern, when) {
  const { months, days, periods } = current.calendar;
  const two = (n) => String(n).padStart(2, "0");
  const hours12 = when.getHours() % 12 || 12;
  const fields = {
    EEEE: days[when.getDay()],
    MMMM: months[when.getMonth()],
    d: when.getDate(),
    dd: two(when.getDate()),
    y: when.getFullYear(),
    yyyy: when.getFullYear(),
    H: when.getHours(),
    HH: two(when.getHours()),
    h: hours12,
    hh: two(hours12),
    mm: two(when.getMinutes()),
    a: periods[when.getHours() < 12 ? 0 : 1],
  };
  return pattern.replace(/'([^']*)'|([A-Za-z])\2*/g, (token, quoted) =>
    quoted !== undefined ? quoted || "'" : String(fields[token] ?? token),
  );
}

// Names and places are wrapped in Unicode isolates, so an English name inside an
// Urdu sentence (or the reverse) keeps the sentence's own direction.
function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (placeholder, name) => {
    if (!(name in params)) return placeholder;
    const value = params[name];
    if (typeof value !== "string" || name === "count") return String(value);
    return FIRST_STRONG_ISOLATE + value + POP_DIRECTIONAL_ISOLATE;
  });
}
