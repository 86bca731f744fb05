import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minutesInsideSchoolDay } from "../../src/calendar/index.js";
import { createSchoolDayMinutes } from "../../src/calendar/minutes-cache.js";
import { nySchool } from "../helpers.js";

describe("createSchoolDayMinutes", () => {
  const school = nySchool();
  const chicago = nySchool({ id: "sch-2", timeZone: "America/Chicago" });
  // Instants from late August 2026 to mid-November 2026, across the DST change of 1 November, on the minute.
  const from = Date.parse("2026-08-20T00:00:00Z");
  const instant = fc.integer({ min: 0, max: 90 * 24 * 60 }).map((m) => new Date(from + m * 60_000));
  const offsets = ["Z", "-04:00", "-05:00", "+02:00"] as const;
  const written = (d: Date, offset: (typeof offsets)[number]) => {
    if (offset === "Z") return d.toISOString().replace(".000Z", "Z");
    const sign = offset[0] === "-" ? -1 : 1;
    const shift = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) * 60_000;
    return `${new Date(d.getTime() + shift).toISOString().slice(0, 19)}${offset}`;
  };

  it("gives exactly what minutesInsideSchoolDay gives, for any interval written in any offset", () => {
    const minutes = createSchoolDayMinutes();
    fc.assert(
      fc.property(instant, fc.integer({ min: -60, max: 3 * 24 * 60 }), fc.constantFrom(...offsets), fc.constantFrom(...offsets), fc.boolean(), (start, length, o1, o2, other) => {
        const s = other ? chicago : school;
        const a = written(start, o1);
        const b = written(new Date(start.getTime() + length * 60_000), o2);
        expect(minutes(s, a, b)).toBe(minutesInsideSchoolDay(s, a, b));
      }),
      { numRuns: 300 },
    );
  });

  it("counts the 30 minutes before the last bell of a visit that straddles it, and nothing on a holiday", () => {
    const minutes = createSchoolDayMinutes();
    expect(minutes(school, "2026-09-14T14:30:00-04:00", "2026-09-14T15:30:00-04:00")).toBe(30);
    expect(minutes(school, "2026-09-07T10:00:00-04:00", "2026-09-07T11:00:00-04:00")).toBe(0);
  });
});
