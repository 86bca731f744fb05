import { DateTime } from "luxon";

export type Zoned = (isoDate: string, time: string) => string;

/** Formats local date and time in the district's zone as an ISO string with offset, cached. */
export function zonedFormatter(zone: string): Zoned {
  const cache = new Map<string, string>();
  return (isoDate, time) => {
    const key = `${isoDate}T${time}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = DateTime.fromISO(key, { zone }).toISO({ suppressMilliseconds: true })!;
      cache.set(key, value);
    }
    return value;
  };
}

export function countInstructionalDays(first: string, last: string, closed: string[]): number {
  const closedSet = new Set(closed);
  let n = 0;
  for (let d = DateTime.fromISO(first); d <= DateTime.fromISO(last); d = d.plus({ days: 1 })) {
    if (d.weekday <= 5 && !closedSet.has(d.toISODate()!)) n++;
  }
  return n;
}

export interface Slot {
  start: string;
  end: string;
  reflectionAt: string;
  bookDate: (leadDays: number) => string;
}

/**
 * Visit slots outside any school day: Monday to Thursday at 16:30 and 18:30 (after every bell), and
 * Saturdays at 10:00 and 12:00. Each visit is an hour; the reflection follows 15 minutes after.
 */
export function visitSlots(from: string, to: string, zoned: Zoned, closed: string[] = []): Slot[] {
  const slots: Slot[] = [];
  const closedSet = new Set(closed);
  for (let d = DateTime.fromISO(from); d <= DateTime.fromISO(to); d = d.plus({ days: 1 })) {
    const date = d.toISODate()!;
    if (closedSet.has(date)) continue;
    const bookDates = new Map<number, string>();
    const times = d.weekday <= 4 ? [["16:30", "17:30", "17:45"], ["18:30", "19:30", "19:45"]] : d.weekday === 6 ? [["10:00", "11:00", "11:15"], ["12:00", "13:00", "13:15"]] : [];
    for (const [start, end, reflect] of times) {
      slots.push({
        start: zoned(date, start!),
        end: zoned(date, end!),
        reflectionAt: zoned(date, reflect!),
        bookDate: (lead) => {
          let booked = bookDates.get(lead);
          if (booked === undefined) {
            booked = d.minus({ days: lead }).toISODate()!;
            bookDates.set(lead, booked);
          }
          return booked;
        },
      });
    }
  }
  return slots;
}
