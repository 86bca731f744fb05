import ICAL from "ical.js";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { scheduleToCsv, scheduleVisits, toICalendar } from "../../src/schedule/index.js";
import { educator, tinyInput } from "./tiny.js";

describe("toICalendar", () => {
  const schedule = scheduleVisits(tinyInput({ season: { firstVisits: { start: "2026-10-31", end: "2026-11-01" } } }));
  const ics = toICalendar(schedule, { calendarName: "Fall visits, 2026; pilot" });

  it("parses with a real iCalendar parser, one event per visit at the visit's exact times", () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(schedule.visits.length);
    for (const v of schedule.visits) {
      const event = events.find((e) => e.uid === `${v.id}-sch-1@pthv`)!;
      expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(v.start));
      expect(event.endDate.toJSDate().getTime()).toBe(Date.parse(v.end));
      const attendees = event.attendees.map((a) => a.getParameter("cn"));
      expect(attendees).toEqual(v.educatorIds);
    }
    expect(events[0]!.description).toMatch(/^Parent Teacher Home Visit, first visit \(relationship: hopes and dreams\)\./);
    expect(ics).toContain("X-WR-CALNAME:Fall visits\\, 2026\\; pilot");
  });

  it("uses CRLF line ends and folds lines at 75 octets", () => {
    const long = toICalendar(schedule, { calendarName: "x".repeat(200) });
    expect(long.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(long.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  it("writes no family id when asked, and never a name or address", () => {
    const input = tinyInput();
    const named = scheduleVisits({ ...input, families: input.families!.map((f) => ({ ...f, id: `family-${f.id}` })) });
    const hidden = toICalendar(named, { includeFamilyId: false });
    expect(named.visits.length).toBeGreaterThan(0);
    for (const v of named.visits) expect(hidden).not.toContain(v.familyId);
    expect(ics).not.toMatch(/LOCATION|ADDRESS/);
  });

  it("says when an interpreter is needed", () => {
    const s = scheduleVisits(tinyInput({ educators: ["e1", "e2", "e3", "e4"].map((id) => educator(id, { languages: ["vi"] })) }));
    expect(toICalendar(s)).toContain("An interpreter is needed.");
  });
});

describe("scheduleToCsv", () => {
  it("writes one row per visit and neutralises cells that a spreadsheet would run as formulas", () => {
    const input = tinyInput();
    const families = input.families!.map((f, i) => (i === 0 ? { ...f, id: "=HYPERLINK(\"http://x\")" } : f));
    const s = scheduleVisits({ ...input, families });
    const rows = Papa.parse<Record<string, string>>(scheduleToCsv(s), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(s.visits.length);
    expect(rows.find((r) => r.familyId?.includes("HYPERLINK"))?.familyId).toBe("'=HYPERLINK(\"http://x\")");
    expect(Object.keys(rows[0]!)).toContain("reflectionEnd");
  });

  it("writes the compensation and unscheduled tables", () => {
    const s = scheduleVisits(tinyInput({ options: { budget: 130 } }));
    const pay = Papa.parse<Record<string, string>>(scheduleToCsv(s, "compensation"), { header: true, skipEmptyLines: true }).data;
    expect(pay.map((r) => Number(r.total)).reduce((a, b) => a + b, 0)).toBeCloseTo(s.compensation.totals.total, 2);
    const left = Papa.parse<Record<string, string>>(scheduleToCsv(s, "unscheduled"), { header: true, skipEmptyLines: true }).data;
    expect(left.map((r) => r.reason)).toEqual(["budget", "budget"]);
  });
});
