import { testRule } from "./rule-tester.js";
import { visitOf } from "./programme.js";

testRule("educator-trained", {
  valid: [
    { name: "visitors trained in June" },
    { name: "a training completed exactly at the start", change: (p) => void (p.educators[0]!.trainings = [{ completedAt: "2026-09-14T16:30:00-04:00", hours: 6, outsideSchoolDay: true }]) },
    { name: "one training before and one after the visit", change: (p) => void p.educators[0]!.trainings.push({ completedAt: "2026-10-01T16:00:00-04:00", hours: 2, outsideSchoolDay: true }) },
  ],
  invalid: [
    { name: "an educator with no training", change: (p) => void (p.educators[1]!.trainings = []), expected: ["visit:visit-1:educatorIds"], message: /edu-2' has no training/ },
    { name: "a training completed only after the visit", change: (p) => void (p.educators[0]!.trainings = [{ completedAt: "2026-09-14T16:31:00-04:00", hours: 6, outsideSchoolDay: true }]), expected: ["visit:visit-1:educatorIds"], message: /only after/ },
  ],
});

testRule("compensated-outside-school-day", {
  valid: [
    { name: "a 16:30 visit paid one hour to each educator" },
    { name: "a visit inside the school day without pay", change: (p) => void ((visitOf(p).start = "2026-09-14T10:00:00-04:00"), (visitOf(p).end = "2026-09-14T11:00:00-04:00"), (visitOf(p).compensation = [])) },
    { name: "a visit ending exactly at the first bell paid its hour", change: (p) => void ((visitOf(p).start = "2026-09-14T07:30:00-04:00"), (visitOf(p).end = "2026-09-14T08:30:00-04:00")) },
    { name: "a shortfall of exactly toleranceMinutes", options: { toleranceMinutes: 15 }, change: (p) => void (visitOf(p).compensation = [{ educatorId: "edu-1", hours: 0.75 }, { educatorId: "edu-2", hours: 1 }]) },
    { name: "a visit that straddles the last bell paid for its 30 minutes after it", change: (p) => void ((visitOf(p).start = "2026-09-14T14:30:00-04:00"), (visitOf(p).end = "2026-09-14T15:30:00-04:00"), (visitOf(p).compensation = [{ educatorId: "edu-1", hours: 0.5 }, { educatorId: "edu-2", hours: 0.5 }])) },
    { name: "a scheduled (not yet held) visit without pay", change: (p) => void ((visitOf(p).status = "scheduled"), (visitOf(p).compensation = [])) },
    // The rule remembers the minutes inside the school day by start instant, per school: a second visit from the same start (written in UTC) but a
    // later end has its own minutes (30 inside, 30 after the last bell, paid), not the first's 20.
    {
      name: "two visits from the same 14:30 start, 20 and 60 minutes long, the longer paid for its 30 minutes after the bell",
      change: (p) => {
        Object.assign(visitOf(p), { start: "2026-09-14T14:30:00-04:00", end: "2026-09-14T14:50:00-04:00", compensation: [] });
        p.visits.push({ ...visitOf(p), id: "visit-2", start: "2026-09-14T18:30:00Z", end: "2026-09-14T19:30:00Z", compensation: [{ educatorId: "edu-1", hours: 0.5 }, { educatorId: "edu-2", hours: 0.5 }] });
      },
    },
    // ... and per school: at a school whose Monday runs to 18:00, the same hour is inside the school day and needs no pay.
    {
      name: "an unpaid visit at the same instants at a school whose Monday ends at 18:00",
      change: (p) => {
        p.schools.push({ ...p.schools[0]!, id: "sch-2", bellTimes: { ...p.schools[0]!.bellTimes, monday: { start: "08:30", end: "18:00" } } });
        p.visits.push({ ...visitOf(p), id: "visit-2", schoolId: "sch-2", compensation: [] });
      },
    },
  ],
  invalid: [
    { name: "an evening visit with no compensation", change: (p) => void (visitOf(p).compensation = []), expected: ["visit:visit-1:compensation", "visit:visit-1:compensation"], message: /no compensation/ },
    { name: "one educator paid 45 minutes for an hour", change: (p) => void (visitOf(p).compensation = [{ educatorId: "edu-1", hours: 0.75 }, { educatorId: "edu-2", hours: 1 }]), expected: ["visit:visit-1:compensation"], message: /edu-1' has compensation for 45 min/ },
    { name: "a shortfall one minute beyond toleranceMinutes", options: { toleranceMinutes: 14 }, change: (p) => void (visitOf(p).compensation = [{ educatorId: "edu-1", hours: 0.75 }, { educatorId: "edu-2", hours: 1 }]), expected: ["visit:visit-1:compensation"] },
    { name: "a Saturday visit (no school) unpaid", change: (p) => void ((visitOf(p).start = "2026-09-12T10:00:00-04:00"), (visitOf(p).end = "2026-09-12T11:00:00-04:00"), (visitOf(p).compensation = [{ educatorId: "edu-1", hours: 1 }])), expected: ["visit:visit-1:compensation"], message: /edu-2'/ },
    { name: "a visit on a closed weekday (Labor Day) unpaid", change: (p) => void ((visitOf(p).start = "2026-09-07T10:00:00-04:00"), (visitOf(p).end = "2026-09-07T11:00:00-04:00"), (visitOf(p).scheduledAt = "2026-09-01T10:00:00-04:00"), (visitOf(p).compensation = [])), expected: ["visit:visit-1:compensation", "visit:visit-1:compensation"] },
    { name: "a visit straddling the last bell paid nothing for its 30 minutes after it", change: (p) => void ((visitOf(p).start = "2026-09-14T14:30:00-04:00"), (visitOf(p).end = "2026-09-14T15:30:00-04:00"), (visitOf(p).compensation = [{ educatorId: "edu-1", hours: 0.5 }])), expected: ["visit:visit-1:compensation"], message: /30 min outside/ },
    { name: "a visit whose school is missing", change: (p) => void p.schools.splice(0, 1), expected: ["visit:visit-1:schoolId"] },
    {
      name: "a second visit from the same start, written in UTC, half an hour longer on the same pay",
      change: (p) => void p.visits.push({ ...visitOf(p), id: "visit-2", start: "2026-09-14T20:30:00Z", end: "2026-09-14T22:00:00Z" }),
      expected: ["visit:visit-2:compensation", "visit:visit-2:compensation"],
      message: /compensation for 60 min but the visit ran 90 min/,
    },
  ],
});
