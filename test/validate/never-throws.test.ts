import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProgramRecord } from "../../src/model/index.js";
import { RULES, formatReport, REPORT_FORMATS, validateProgram } from "../../src/validate/index.js";
import { nySchool } from "../helpers.js";

const id = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`);
const base = Date.parse("2026-03-01T00:00:00Z");
const offsets = ["Z", "-04:00", "-05:00", "+09:30"];
/** An ISO datetime with an offset, between March 2026 and March 2027. */
const datetime = fc.tuple(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.constantFrom(...offsets)).map(([m, offset]) => written(base + m * 60_000, offset));
function written(ms: number, offset: string): string {
  if (offset === "Z") return new Date(ms).toISOString().replace(".000Z", "Z");
  const sign = offset[0] === "-" ? -1 : 1;
  const shift = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) * 60_000;
  return `${new Date(ms + shift).toISOString().slice(0, 19)}${offset}`;
}
const date = fc.integer({ min: 0, max: 400 }).map((d) => new Date(base + d * 86_400_000).toISOString().slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const school = fc.record({ id: id("sch"), zone: fc.constantFrom("America/New_York", "America/Los_Angeles", "Pacific/Auckland"), noFriday: fc.boolean() }).map(({ id: schoolId, zone, noFriday }) => {
  const s = nySchool({ id: schoolId, timeZone: zone });
  if (noFriday) delete s.bellTimes.friday;
  return s;
});
const student = fc.record({
  id: id("stu"),
  schoolId: id("sch"),
  grade: fc.integer({ min: -1, max: 12 }),
  teacherId: id("edu"),
  familyId: id("fam"),
  priorDaysAbsent: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(null)),
  ell: fc.oneof(fc.boolean(), fc.constantFrom("yes", "no")),
});
const family = fc.record({ id: id("fam"), schoolId: id("sch"), homeLanguage: fc.constantFrom("en", "es"), status: fc.constantFrom("accepted", "declined", "pending"), recordedAt: maybe(datetime) }).map(({ status, recordedAt, ...f }) => ({
  ...f,
  consent: defined({ status, recordedAt }),
}));
const educator = fc
  .record({ id: id("edu"), schoolId: id("sch"), role: fc.constantFrom("teacher", "counselor"), optedInAt: maybe(datetime), trainings: fc.array(fc.record({ completedAt: datetime, hours: fc.nat(8) }), { maxLength: 2 }), hourlyRate: fc.nat(60) })
  .map(defined);
const pair = fc.record({ id: id("pair"), schoolId: id("sch"), educatorIds: fc.tuple(id("edu"), id("edu")) });
const visit = fc
  .record({
    id: id("visit"),
    schoolId: id("sch"),
    familyId: id("fam"),
    educatorIds: fc.array(id("edu"), { minLength: 1, maxLength: 4 }),
    pairId: maybe(id("pair")),
    scheduledAt: maybe(datetime),
    startMinute: fc.integer({ min: 0, max: 365 * 24 * 60 }),
    length: fc.integer({ min: 1, max: 3 * 24 * 60 }),
    offset: fc.constantFrom(...offsets),
    visitNumber: fc.constantFrom(1, 2),
    focus: fc.constantFrom("relationship", "academic"),
    agenda: fc.subarray(["hopes-and-dreams", "academic-data", "test-scores", "other"]),
    status: fc.constantFrom("scheduled", "completed", "cancelled", "no-show"),
    compensation: fc.array(fc.record({ educatorId: id("edu"), hours: fc.double({ min: 0, max: 5, noNaN: true }) }), { maxLength: 3 }),
  })
  .map(({ startMinute, length, offset, ...v }) => defined({ ...v, start: written(base + startMinute * 60_000, offset), end: written(base + (startMinute + length) * 60_000, offset) }));
const reflection = fc.record({ id: id("refl"), visitIds: fc.array(id("visit"), { minLength: 1, maxLength: 2 }), educatorIds: fc.array(id("edu"), { minLength: 1, maxLength: 3 }), at: datetime });
const cohort = fc
  .record({
    method: fc.constantFrom("all", "random", "stratified", "balanced", "classroom"),
    schoolIds: maybe(fc.array(id("sch"), { maxLength: 2 })),
    selectedFamilyIds: fc.array(id("fam"), { maxLength: 3 }),
    options: fc.constantFrom({}, { method: "all" }, { method: "random", count: 1 }, { method: "random", count: "x" }, { method: "balanced", count: 2, balanceOn: ["ell"] }, { method: "classroom" }),
    seed: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
    frameSize: fc.nat(10),
  })
  .map(({ options, frameSize, method, seed, ...c }) => defined({ ...c, method, seed, audit: { method, options, seed, version: "0.1.0", frameDigest: "0".repeat(64), frameSize } }));
const plan = fc
  .record({
    passedAt: date,
    presentedAt: maybe(date),
    funding: maybe(fc.constantFrom("TBD", "", "one two three four five six seven eight nine ten eleven")),
    committee: fc.array(fc.record({ id: id("sc"), group: fc.constantFrom("parent", "student", "union-leader", "other") }), { maxLength: 4 }),
  })
  .map(({ funding, committee, ...p }) => defined({ ...p, elements: defined({ funding }), steeringCommittee: committee }));

const program = fc.record({
  schools: fc.array(school, { maxLength: 2 }),
  students: fc.array(student, { maxLength: 5 }),
  families: fc.array(family, { maxLength: 3 }),
  educators: fc.array(educator, { maxLength: 3 }),
  pairs: fc.array(pair, { maxLength: 2 }),
  visits: fc.array(visit, { maxLength: 5 }),
  reflections: fc.array(reflection, { maxLength: 4 }),
  cohorts: fc.array(cohort, { maxLength: 2 }),
  plan: maybe(plan),
});

describe("validateProgram on any record the schemas accept", () => {
  it("returns a consistent report of diagnostics and never throws", () => {
    let checked = 0;
    fc.assert(
      fc.property(program, fc.constantFrom(undefined, { rules: { "visited-representative": ["error", { minVisitedFamilies: 1, minZ: 0, maxAbsSmd: 0 }] } }), (input, config) => {
        const parsed = ProgramRecord.safeParse(defined(input));
        fc.pre(parsed.success);
        checked++;
        const report = validateProgram(parsed.data!, config);
        expect(report.counts.error + report.counts.warning).toBe(report.diagnostics.length);
        expect(report.ok).toBe(report.counts.error === 0);
        expect(report.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
        for (const d of report.diagnostics) expect(d.message).not.toMatch(/rule failed unexpectedly/);
        for (const format of REPORT_FORMATS) expect(formatReport(report, format).length).toBeGreaterThan(0);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
