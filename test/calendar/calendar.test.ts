import { describe, expect, it } from "vitest";
import { bellTimesOn, isInstructionalDay, isOutsideSchoolDay, minutesInsideSchoolDay, schoolDayOn } from "../../src/calendar/index.js";
import { nySchool } from "../helpers.js";

const school = nySchool();

describe("the school day", () => {
  it("uses the weekday's own bells, with nothing on weekends, closed dates or outside the school year", () => {
    expect(bellTimesOn(school, "2026-09-14")).toEqual({ start: "08:30", end: "15:00" }); // Monday
    expect(bellTimesOn(school, "2026-09-16")).toEqual({ start: "08:30", end: "13:00" }); // Wednesday
    expect(isInstructionalDay(school, "2026-09-12")).toBe(false); // Saturday
    expect(isInstructionalDay(school, "2026-09-07")).toBe(false); // Labor Day, closed
    expect(isInstructionalDay(school, "2026-08-25")).toBe(false); // day before the first day
    expect(isInstructionalDay(school, "2026-08-26")).toBe(true);
    expect(isInstructionalDay(school, "2027-06-12")).toBe(false);
  });

  it("treats a visit that touches a bell but does not overlap it as outside the school day", () => {
    expect(isOutsideSchoolDay(school, "2026-09-14T15:00:00-04:00", "2026-09-14T16:00:00-04:00")).toBe(true);
    expect(isOutsideSchoolDay(school, "2026-09-14T07:30:00-04:00", "2026-09-14T08:30:00-04:00")).toBe(true);
    expect(isOutsideSchoolDay(school, "2026-09-14T14:59:00-04:00", "2026-09-14T16:00:00-04:00")).toBe(false);
  });

  it("counts the minutes a visit overlaps the bells", () => {
    expect(minutesInsideSchoolDay(school, "2026-09-14T14:30:00-04:00", "2026-09-14T16:00:00-04:00")).toBe(30);
    expect(minutesInsideSchoolDay(school, "2026-09-16T12:00:00-04:00", "2026-09-16T14:00:00-04:00")).toBe(60); // early release
  });

  it("reads instants given in another offset in the school's own time zone", () => {
    // 19:30 UTC is 15:30 in New York in September: after the bell.
    expect(isOutsideSchoolDay(school, "2026-09-14T19:30:00Z", "2026-09-14T20:30:00Z")).toBe(true);
    // 18:30 UTC is 14:30 in New York: inside the school day.
    expect(isOutsideSchoolDay(school, "2026-09-14T18:30:00Z", "2026-09-14T19:30:00Z")).toBe(false);
  });

  it("keeps bell times in local time across the end of daylight saving time", () => {
    // Daylight saving ends on Sunday 1 November 2026; Monday 2 November is on EST (-05:00).
    const monday = schoolDayOn(school, "2026-11-02")!;
    expect(monday.start!.toISO()).toBe("2026-11-02T08:30:00.000-05:00");
    // 15:30 EST is 20:30 UTC; the same UTC time a week earlier (EDT) was 16:30, also outside.
    expect(isOutsideSchoolDay(school, "2026-11-02T20:30:00Z", "2026-11-02T21:30:00Z")).toBe(true);
    // 19:30 UTC is 14:30 EST on 2 November (inside), though it was 15:30 EDT on 26 October (outside).
    expect(isOutsideSchoolDay(school, "2026-11-02T19:30:00Z", "2026-11-02T20:00:00Z")).toBe(false);
    expect(isOutsideSchoolDay(school, "2026-10-26T19:30:00Z", "2026-10-26T20:00:00Z")).toBe(true);
  });

  it("checks every day an overnight interval touches", () => {
    expect(minutesInsideSchoolDay(school, "2026-09-13T20:00:00-04:00", "2026-09-14T09:00:00-04:00")).toBe(30);
  });
});
