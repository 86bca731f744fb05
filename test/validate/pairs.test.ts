import { testRule } from "./rule-tester.js";
import { visitOf } from "./programme.js";

testRule("visit-in-pairs", {
  valid: [
    { name: "a visit by its pair's two educators" },
    { name: "two educators listed in the other order", change: (p) => void (visitOf(p).educatorIds = ["edu-2", "edu-1"]) },
    { name: "two educators without a named pair", change: (p) => void delete visitOf(p).pairId },
    { name: "a cancelled visit with one educator", change: (p) => void ((visitOf(p).educatorIds = ["edu-1"]), (visitOf(p).status = "cancelled")) },
  ],
  invalid: [
    { name: "a visit by one educator", change: (p) => void (visitOf(p).educatorIds = ["edu-1"]), expected: ["visit:visit-1:educatorIds"], message: /1 distinct educator:/ },
    { name: "a visit by three educators", change: (p) => void (visitOf(p).educatorIds = ["edu-1", "edu-2", "edu-3"]), expected: ["visit:visit-1:educatorIds"], message: /3 distinct/ },
    { name: "one educator listed twice", change: (p) => void (visitOf(p).educatorIds = ["edu-1", "edu-1"]), expected: ["visit:visit-1:educatorIds"], message: /listed twice/ },
    { name: "a visit naming a pair whose educators did not visit", change: (p) => void (visitOf(p).educatorIds = ["edu-1", "edu-3"]), expected: ["visit:visit-1:educatorIds"], message: /pair 'pair-1'/ },
  ],
});

testRule("reflection-with-partner", {
  valid: [
    { name: "a reflection by both partners 15 minutes after" },
    { name: "a reflection exactly at the visit's end", change: (p) => void (p.reflections[0]!.at = "2026-09-14T17:30:00-04:00") },
    { name: "a reflection exactly seven days after", change: (p) => void (p.reflections[0]!.at = "2026-09-21T17:30:00-04:00") },
    { name: "a reflection exactly withinDays after", options: { withinDays: 2 }, change: (p) => void (p.reflections[0]!.at = "2026-09-16T17:30:00-04:00") },
    { name: "a reflection covering several visits", change: (p) => void p.reflections[0]!.visitIds.push("visit-other") },
    { name: "a scheduled visit not yet reflected on", change: (p) => void ((visitOf(p).status = "scheduled"), (p.reflections = [])) },
  ],
  invalid: [
    { name: "a completed visit with no reflection", change: (p) => void (p.reflections = []), expected: ["visit:visit-1:id"], message: /no reflection/ },
    { name: "a reflection by one partner alone", change: (p) => void (p.reflections[0]!.educatorIds = ["edu-1"]), expected: ["visit:visit-1:id"], message: /not by the two educators/ },
    { name: "a reflection with a different partner", change: (p) => void (p.reflections[0]!.educatorIds = ["edu-1", "edu-3"]), expected: ["visit:visit-1:id"] },
    { name: "a reflection one minute past seven days", change: (p) => void (p.reflections[0]!.at = "2026-09-21T17:31:00-04:00"), expected: ["visit:visit-1:id"], message: /7 days/ },
    { name: "a reflection one minute past withinDays", options: { withinDays: 2 }, change: (p) => void (p.reflections[0]!.at = "2026-09-16T17:31:00-04:00"), expected: ["visit:visit-1:id"], message: /2 days/ },
    { name: "a reflection dated before the visit ended", change: (p) => void (p.reflections[0]!.at = "2026-09-14T17:00:00-04:00"), expected: ["visit:visit-1:id"] },
  ],
});
