/** Wording of readiness messages: money, shares and counts, exactly and without binary drift. */

/** Whole cents of an amount (amounts are already rounded to cents by the model). */
export function toCents(amount: number): number {
  return Math.round(Number((amount * 100).toPrecision(15)));
}

/** The smallest integer at least `x`, ignoring binary drift (0.5 x 36 = 18, not 18.000000001). */
export function ceilExact(x: number): number {
  return Math.ceil(Number(x.toPrecision(12)));
}

const formatters = new Map<string, Intl.NumberFormat>();

/** `$4,320` or `$4,320.50`: cents shown only when there are any. Formatters are cached (building one is slow). */
export function formatMoney(amount: number, currency: string): string {
  const digits = toCents(amount) % 100 === 0 ? 0 : 2;
  const key = `${currency}:${digits}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: 2 });
    formatters.set(key, format);
  }
  return format.format(amount);
}

/** A share as a percentage with at most one decimal: 0.3889 -> "38.9%", 0.5 -> "50%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** "1 teacher", "4 teachers". */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}
