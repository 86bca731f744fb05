/**
 * Epoch milliseconds of an ISO-8601 datetime with an offset, the form every datetime of a parsed
 * record has (`2026-09-14T16:30:00-04:00`, optional seconds and fraction, `Z` or `±hh:mm`). Read
 * digit by digit, an order of magnitude faster than `Date.parse`, which a million visits notice;
 * anything else is handed to `Date.parse`. A property test checks the two agree.
 */
const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The digit at `i`, or -100000 when it is not a digit, which makes the field it belongs to negative. */
function digitAt(iso: string, i: number): number {
  const c = iso.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100000;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch milliseconds of an ISO datetime with offset; `Date.parse` for any other form. */
export function parseInstant(iso: string): number {
  const n = iso.length;
  if (n < 17 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== COLON) return Date.parse(iso);
  // No closures here: this runs for every datetime of a million-visit programme.
  let bad = false;
  const year = digitAt(iso, 0) * 1000 + digitAt(iso, 1) * 100 + digitAt(iso, 2) * 10 + digitAt(iso, 3);
  const month = digitAt(iso, 5) * 10 + digitAt(iso, 6);
  const day = digitAt(iso, 8) * 10 + digitAt(iso, 9);
  const hour = digitAt(iso, 11) * 10 + digitAt(iso, 12);
  const minute = digitAt(iso, 14) * 10 + digitAt(iso, 15);
  if (year < 0 || hour < 0 || minute < 0) bad = true;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (iso.charCodeAt(i) === COLON) {
    second = digitAt(iso, 17) * 10 + digitAt(iso, 18);
    if (second < 0) bad = true;
    i = 19;
    if (iso.charCodeAt(i) === DOT) {
      i++;
      let scale = 100;
      const from = i;
      while (i < n && iso.charCodeAt(i) >= 48 && iso.charCodeAt(i) <= 57) {
        if (scale >= 1) millis += (iso.charCodeAt(i) - 48) * scale;
        scale /= 10;
        i++;
      }
      if (i === from) bad = true;
    }
  }
  let offset: number;
  const sign = iso.charCodeAt(i);
  if (sign === 90 && i === n - 1) offset = 0;
  else if ((sign === PLUS || sign === DASH) && n - i === 6 && iso.charCodeAt(i + 3) === COLON) {
    const hh = digitAt(iso, i + 1) * 10 + digitAt(iso, i + 2);
    const mm = digitAt(iso, i + 4) * 10 + digitAt(iso, i + 5);
    if (hh < 0 || mm < 0) bad = true;
    offset = (sign === DASH ? -1 : 1) * (hh * 60 + mm);
  } else return Date.parse(iso);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (bad || month < 1 || month > 12 || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return Date.parse(iso);
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millis;
}
