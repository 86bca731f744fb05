import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testRule } from "./rule-tester.js";
import { findingsOf, programWith, visitOf } from "./programme.js";

testRule("family-consent", {
  valid: [
    { name: "a visit to a family that accepted in June" },
    { name: "consent recorded exactly at the visit's start", change: (p) => void (p.families[0]!.consent.recordedAt = "2026-09-14T16:30:00-04:00") },
    { name: "a cancelled visit to a family that never accepted", change: (p) => void ((p.families[0]!.consent = { status: "pending" }), (visitOf(p).status = "cancelled")) },
  ],
  invalid: [
    { name: "a visit to a family whose consent is pending", change: (p) => void (p.families[0]!.consent = { status: "pending" }), expected: ["visit:visit-1:familyId"], message: /pending/ },
    { name: "a visit to a family that declined", change: (p) => void (p.families[0]!.consent = { status: "declined", recordedAt: "2026-06-10T17:00:00-04:00" }), expected: ["visit:visit-1:familyId"], message: /declined/ },
    { name: "an acceptance without a recorded time", change: (p) => void (p.families[0]!.consent = { status: "accepted" }), expected: ["visit:visit-1:familyId"], message: /recordedAt/ },
    { name: "consent recorded one second after the visit started", change: (p) => void (p.families[0]!.consent.recordedAt = "2026-09-14T16:30:01-04:00"), expected: ["visit:visit-1:start"] },
    { name: "a visit to a family missing from the records", change: (p) => void p.families.splice(0, 1), expected: ["visit:visit-1:familyId"], message: /not in the records/ },
  ],
});

testRule("educator-opt-in", {
  valid: [
    { name: "visitors who opted in in May" },
    { name: "an opt-in exactly at the visit's start", change: (p) => void (p.educators[0]!.optedInAt = "2026-09-14T20:30:00Z") },
  ],
  invalid: [
    { name: "an educator who never opted in", change: (p) => void delete p.educators[1]!.optedInAt, expected: ["visit:visit-1:educatorIds"], message: /edu-2' has not opted in/ },
    { name: "an opt-in a minute after the start", change: (p) => void (p.educators[0]!.optedInAt = "2026-09-14T16:31:00-04:00"), expected: ["visit:visit-1:educatorIds"], message: /after the visit started/ },
    { name: "both visitors missing from the records", change: (p) => void p.educators.splice(0, 2), expected: ["visit:visit-1:educatorIds", "visit:visit-1:educatorIds"] },
  ],
});

testRule("scheduled-in-advance", {
  valid: [
    { name: "a visit booked a week ahead" },
    { name: "a visit booked exactly the default 24 hours ahead", change: (p) => void (visitOf(p).scheduledAt = "2026-09-13T16:30:00-04:00") },
    { name: "a visit booked exactly minLeadHours ahead", options: { minLeadHours: 48 }, change: (p) => void (visitOf(p).scheduledAt = "2026-09-12T16:30:00-04:00") },
    { name: "a same-day booking when minLeadHours is 0", options: { minLeadHours: 0 }, change: (p) => void (visitOf(p).scheduledAt = "2026-09-14T16:30:00-04:00") },
    { name: "a cancelled visit without a booking time", change: (p) => void (delete visitOf(p).scheduledAt, (visitOf(p).status = "cancelled")) },
  ],
  invalid: [
    { name: "a visit with no booking time (unannounced)", change: (p) => void delete visitOf(p).scheduledAt, expected: ["visit:visit-1:scheduledAt"], message: /unannounced/ },
    { name: "a visit booked one minute short of 24 hours ahead", change: (p) => void (visitOf(p).scheduledAt = "2026-09-13T16:31:00-04:00"), expected: ["visit:visit-1:scheduledAt"] },
    { name: "a visit booked one minute short of minLeadHours", options: { minLeadHours: 48 }, change: (p) => void (visitOf(p).scheduledAt = "2026-09-12T16:31:00-04:00"), expected: ["visit:visit-1:scheduledAt"], message: /48 h/ },
    { name: "a booking recorded after the start", options: { minLeadHours: 0 }, change: (p) => void (visitOf(p).scheduledAt = "2026-09-14T16:31:00-04:00"), expected: ["visit:visit-1:scheduledAt"] },
  ],
});

describe("family-consent on many families and visits", () => {
  // The rule keeps the instant of the last acceptance text it read; whatever the order of families
  // and visits, its findings are those of the definition applied visit by visit.
  const TIMES = ["2026-06-10T17:00:00-04:00", "2026-09-14T16:30:00-04:00", "2026-09-14T16:30:01-04:00", "2026-10-01T08:00:00Z"];
  const consent = fc.oneof(
    fc.constantFrom(...TIMES).map((recordedAt) => ({ status: "accepted" as const, recordedAt })),
    fc.constant({ status: "accepted" as const }),
    fc.constant({ status: "pending" as const }),
  );
  it("reports exactly the visits whose family had not accepted by the start", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), consent), { maxLength: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...TIMES), fc.boolean()), { maxLength: 20 }),
        (families, visits) => {
          const program = programWith((p) => {
            const template = visitOf(p);
            p.families = families.map(([k, c]) => ({ ...p.families[0]!, id: `fam-${k}`, consent: c }));
            p.visits = visits.map(([k, start, cancelled], i) => ({ ...structuredClone(template), id: `visit-${i}`, familyId: `fam-${k}`, start, status: cancelled ? "cancelled" : "completed" }));
          });
          const expected = program.visits.flatMap((v) => {
            if (v.status === "cancelled") return [];
            const family = program.families.find((f) => f.id === v.familyId);
            const ok = family?.consent.status === "accepted" && family.consent.recordedAt !== undefined && Date.parse(family.consent.recordedAt) <= Date.parse(v.start);
            return ok ? [] : [v.id];
          });
          expect(findingsOf("family-consent", program).map((d) => d.id)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
