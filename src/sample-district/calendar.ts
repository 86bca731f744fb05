import { DateTime } from "luxon";
import type { School, Season } from "../model/index.js";

/** The school year the sample district simulates, keyed by the calendar year it starts in. */
export interface SampleYear {
  firstDay: string;
  lastDay: string;
  closedDates: string[];
  season: Season;
  resolutionPassed: string;
  planPresented: string;
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = DateTime.fromISO(from); d <= DateTime.fromISO(to); d = d.plus({ days: 1 })) out.push(d.toISODate()!);
  return out;
}

/** nth weekday (1 = Monday) of a month, or the last when n = -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    let d = DateTime.fromObject({ year, month, day: 1 });
    while (d.weekday !== weekday) d = d.plus({ days: 1 });
    return d.plus({ weeks: n - 1 }).toISODate()!;
  }
  let d = DateTime.fromObject({ year, month, day: 1 }).endOf("month").startOf("day");
  while (d.weekday !== weekday) d = d.minus({ days: 1 });
  return d.toISODate()!;
}

/** A US-style school year starting in late August of `year`, with its holidays and breaks. */
export function sampleYear(year: number): SampleYear {
  const firstDay = nthWeekday(year, 8, 3, -1); // last Wednesday of August
  const lastDay = nthWeekday(year + 1, 6, 5, 2); // second Friday of June
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  const closed = [
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Indigenous Peoples' Day
    `${year}-11-11`,
    ...range(DateTime.fromISO(thanksgiving).minus({ days: 1 }).toISODate()!, DateTime.fromISO(thanksgiving).plus({ days: 1 }).toISODate()!),
    ...range(`${year}-12-21`, `${year + 1}-01-01`),
    nthWeekday(year + 1, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year + 1, 2, 1, 3), // Presidents' Day
    ...range(nthWeekday(year + 1, 4, 1, 1), DateTime.fromISO(nthWeekday(year + 1, 4, 1, 1)).plus({ days: 4 }).toISODate()!),
    nthWeekday(year + 1, 5, 1, -1), // Memorial Day
  ];
  const closedDates = [...new Set(closed)].filter((d) => d >= firstDay && d <= lastDay).sort();
  return {
    firstDay,
    lastDay,
    closedDates,
    season: {
      name: `${year}-${String((year + 1) % 100).padStart(2, "0")}`,
      firstVisits: { start: `${year}-07-15`, end: `${year}-10-31` },
      secondVisits: { start: `${year + 1}-01-11`, end: `${year + 1}-04-30` },
    },
    resolutionPassed: `${year}-03-10`,
    planPresented: `${year}-05-19`,
  };
}

/** Bell schedules by school level; elementary schools release early on Wednesdays. */
export function bellTimesFor(level: "elementary" | "middle" | "high"): School["bellTimes"] {
  const day = level === "elementary" ? { start: "08:30", end: "15:00" } : level === "middle" ? { start: "07:50", end: "14:35" } : { start: "07:25", end: "14:10" };
  const wednesday = level === "elementary" ? { start: "08:30", end: "13:00" } : day;
  return { monday: day, tuesday: day, wednesday, thursday: day, friday: day };
}
