import type { Visit } from "../../src/model/index.js";
import { testRule } from "./rule-tester.js";
import { visitOf } from "./programme.js";

function secondVisit(change: Partial<Visit> = {}): Visit {
  return {
    id: "visit-2",
    schoolId: "sch-1",
    familyId: "fam-1",
    educatorIds: ["edu-1", "edu-2"],
    scheduledAt: "2027-01-10T12:00:00-05:00",
    start: "2027-01-20T16:30:00-05:00",
    end: "2027-01-20T17:30:00-05:00",
    visitNumber: 2,
    focus: "academic",
    agenda: ["academic-data", "reading-goals"],
    location: "home",
    status: "scheduled",
    interpreter: false,
    compensation: [],
    ...change,
  };
}

testRule("first-visit-relationship", {
  valid: [
    { name: "a first visit about hopes and dreams" },
    { name: "an academic second visit with data after a relationship first visit", change: (p) => void p.visits.push(secondVisit()) },
    { name: "an academic visit after a cancelled first visit when a relationship visit came earlier", change: (p) => void p.visits.push(secondVisit({ id: "visit-0", visitNumber: 1, focus: "relationship", agenda: [], status: "cancelled", start: "2026-09-10T16:30:00-04:00", end: "2026-09-10T17:30:00-04:00" })) },
    { name: "a free-text topic not among the extra data topics", options: { extraDataTopics: ["report-card"] }, change: (p) => void visitOf(p).agenda.push("report-cards") },
  ],
  invalid: [
    { name: "a first visit with an academic focus", change: (p) => void (visitOf(p).focus = "academic"), expected: ["visit:visit-1:focus"], message: /hopes and dreams/ },
    { name: "test scores on a first visit's agenda", change: (p) => void visitOf(p).agenda.push("test-scores"), expected: ["visit:visit-1:agenda"], message: /test-scores/ },
    { name: "a configured extra data topic on a first visit", options: { extraDataTopics: ["report-card"] }, change: (p) => void visitOf(p).agenda.push("report-card"), expected: ["visit:visit-1:agenda"] },
    {
      name: "a family's earliest visit numbered 2 and academic",
      change: (p) => void p.visits.push(secondVisit({ familyId: "fam-2", start: "2026-09-01T16:30:00-04:00", end: "2026-09-01T17:30:00-04:00", scheduledAt: "2026-08-20T12:00:00-04:00" })),
      expected: ["visit:visit-2:focus", "visit:visit-2:agenda"],
      message: /numbered 2/,
    },
  ],
});
