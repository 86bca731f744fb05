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

/** Days in a month of a proleptic Gregorian year (0 for a month outside 1 to 12). */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Whether a character code is an ASCII digit, as 1 or 0 (added up, no branch per digit). */
const isDigit = (c: number): number => ((c - 48) >>> 0 <= 9 ? 1 : 0);

/**
 * The two forms records are written in, `2026-09-14T16:30:00-04:00` and `2026-09-14T16:30:00Z`
 * (25 and 20 characters), read with every character checked and no call per digit; -1 for
 * anything else, which the general reader below then handles (the same answer, more slowly). A
 * million visits' start and end texts come here, most of them in separate strings when the records
 * come from a parser, so this is read twice a million times.
 */
function canonical(iso: string, n: number): number {
  const c0 = iso.charCodeAt(0), c1 = iso.charCodeAt(1), c2 = iso.charCodeAt(2), c3 = iso.charCodeAt(3);
  const c5 = iso.charCodeAt(5), c6 = iso.charCodeAt(6), c8 = iso.charCodeAt(8), c9 = iso.charCodeAt(9);
  const c11 = iso.charCodeAt(11), c12 = iso.charCodeAt(12), c14 = iso.charCodeAt(14), c15 = iso.charCodeAt(15);
  const c17 = iso.charCodeAt(17), c18 = iso.charCodeAt(18);
  const digits = isDigit(c0) + isDigit(c1) + isDigit(c2) + isDigit(c3) + isDigit(c5) + isDigit(c6) + isDigit(c8) + isDigit(c9) + isDigit(c11) + isDigit(c12) + isDigit(c14) + isDigit(c15) + isDigit(c17) + isDigit(c18);
  if (digits !== 14 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== COLON || iso.charCodeAt(16) !== COLON) return -1;
  let offset = 0;
  const sign = iso.charCodeAt(19);
  if (n === 25) {
    const h0 = iso.charCodeAt(20), h1 = iso.charCodeAt(21), m0 = iso.charCodeAt(23), m1 = iso.charCodeAt(24);
    if ((sign !== PLUS && sign !== DASH) || iso.charCodeAt(22) !== COLON || isDigit(h0) + isDigit(h1) + isDigit(m0) + isDigit(m1) !== 4) return -1;
    const hh = (h0 - 48) * 10 + h1 - 48;
    const mm = (m0 - 48) * 10 + m1 - 48;
    if (hh > 23 || mm > 59) return -1;
    offset = (sign === DASH ? -1 : 1) * (hh * 60 + mm);
  } else if (sign !== 90) return -1; // n === 20: "Z"
  const year = (c0 - 48) * 1000 + (c1 - 48) * 100 + (c2 - 48) * 10 + c3 - 48;
  const month = (c5 - 48) * 10 + c6 - 48;
  const day = (c8 - 48) * 10 + c9 - 48;
  const hour = (c11 - 48) * 10 + c12 - 48;
  const minute = (c14 - 48) * 10 + c15 - 48;
  const second = (c17 - 48) * 10 + c18 - 48;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return -1;
  if (day > daysInMonth(year, month)) return -1;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000;
}

/** Epoch milliseconds of an ISO datetime with offset; `Date.parse` for any other form. */
export function parseInstant(iso: string): number {
  const n = iso.length;
  if (n === 25 || n === 20) {
    const ms = canonical(iso, n);
    // -1 is also 1969-12-31T23:59:59.999Z, which has milliseconds and so is not a canonical text.
    if (ms !== -1) return ms;
  }
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
    if (hh < 0 || mm < 0 || hh > 23 || mm > 59) bad = true; // Date.parse refuses an offset past 23:59
    offset = (sign === DASH ? -1 : 1) * (hh * 60 + mm);
  } else return Date.parse(iso);
  if (bad || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return Date.parse(iso);
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millis;
}
