import { testRule } from "./rule-tester.js";

const TEN = "one two three four five six seven eight nine ten";

testRule("plan-elements", {
  valid: [
    { name: "a plan with all seven elements written" },
    { name: "a programme without a plan (nothing to check)", change: (p) => void delete p.plan },
    { name: "an element of exactly minWords words", options: { minWords: 10 }, change: (p) => void (p.plan!.elements.funding = TEN) },
  ],
  invalid: [
    { name: "a missing element", change: (p) => void delete p.plan!.elements.trainingAndSupport, expected: ["plan::elements.trainingAndSupport"], message: /Training and ongoing support/ },
    { name: "a placeholder element", change: (p) => void (p.plan!.elements.funding = "TBD"), expected: ["plan::elements.funding"], message: /placeholder/ },
    { name: "an element one word short of minWords", options: { minWords: 11 }, change: (p) => void (p.plan!.elements.funding = TEN), expected: ["plan::elements.funding"], message: /10 words; at least 11/ },
  ],
});

testRule("plan-deadline", {
  valid: [
    { name: "a plan presented 70 days after the resolution" },
    { name: "a plan presented on day 90", change: (p) => void (p.plan!.presentedAt = "2026-06-08") },
    { name: "a plan not yet presented, due today", options: { today: "2026-06-08" }, change: (p) => void delete p.plan!.presentedAt },
  ],
  invalid: [
    { name: "a plan presented on day 91", change: (p) => void (p.plan!.presentedAt = "2026-06-09"), expected: ["plan::presentedAt"], message: /1 day after the due date 2026-06-08/ },
    { name: "a plan not presented one day after its due date", options: { today: "2026-06-09" }, change: (p) => void delete p.plan!.presentedAt, expected: ["plan::presentedAt"], message: /overdue by 1 day/ },
    { name: "a plan dated before its resolution", change: (p) => void (p.plan!.presentedAt = "2026-03-01"), expected: ["plan::presentedAt"], message: /before its resolution passed/ },
  ],
});

testRule("steering-committee", {
  valid: [
    { name: "a committee with every recommended group" },
    { name: "extra community members beside every recommended group", change: (p) => void p.plan!.steeringCommittee.push({ id: "sc-7", group: "community" }) },
  ],
  invalid: [
    { name: "a committee without a union leader", change: (p) => void p.plan!.steeringCommittee.pop(), expected: ["plan::steeringCommittee"], message: /union leader/ },
    {
      name: "a member listed twice",
      change: (p) => void p.plan!.steeringCommittee.push({ id: "sc-1", group: "district-leader" }),
      expected: ["plan::steeringCommittee"],
      message: /listed more than once/,
    },
  ],
});
