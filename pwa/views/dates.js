// Dates between the phone's date and time inputs and the server: a meeting's time
// carries the phone's own offset from UTC; a day ("2026-03-05") has no time at all.
import { formatDate } from "../shell/i18n.js";

/** A datetime-local value ("2026-03-05T10:00", the phone's own time) with its offset: "…T10:00:00+00:00". */
export function withOffset(local) {
  const when = new Date(local); // a date and time with no offset is read as local time
  if (!local || Number.isNaN(when.getTime())) return "";
  // The offset on that day, not today's: summer time may start in between.
  const minutes = -when.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const offset = Math.abs(minutes);
  return local.slice(0, 16) + ":00" + sign + pad(Math.floor(offset / 60)) + ":" + pad(offset % 60);
}

/** Today on this phone, as a date input's value ("2026-03-05"). */
export function today() {
  return dayOf(new Date());
}

/** The day of a Date on this phone, as a date input's value. */
export function dayOf(date) {
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}

/** Now, as a datetime-local input's value (its earliest allowed time). */
export function nowLocal() {
  const now = new Date();
  return dayOf(now) + "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
}

/** A day such as "5 March 2026". Read at midday, so no offset can move it to another day. */
export function formatDay(day) {
  return formatDate(day + "T12:00:00");
}

function pad(n) {
  return String(n).padStart(2, "0");
}
