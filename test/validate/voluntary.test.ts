import { testRule } from "./rule-tester.js";
import { visitOf } from "./programme.js";

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
