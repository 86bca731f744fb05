import { describe, expect, it } from "vitest";
import { estimateCost, payFor, roundCents } from "../../src/cost/index.js";
import { PthvInputError } from "../../src/errors/index.js";

describe("the cost model", () => {
  it("rounds money to cents half away from zero without binary drift", () => {
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(-1.005)).toBe(-1.01);
    expect(roundCents(10.124)).toBe(10.12);
    expect(payFor(1.75, 42.5)).toBe(74.38); // 74.375 rounds up
  });

  it("prices a season by hand-checkable line items", () => {
    // 60 families, 2 visits each = 120 visits; 2 educators; (1.5 h + 0.5 h) x 45 = 90 per educator-visit.
    const estimate = estimateCost({
      familiesToVisit: 60,
      visitsPerFamily: 2,
      visitHours: 1.5,
      travelHours: 0.5,
      reflectionHours: 0.5,
      hourlyRate: 45,
      educatorsToTrain: 8,
      trainingHours: 6,
      coordinatorHours: 40,
      coordinatorRate: 55,
      materialsPerFamily: 12.5,
    });
    const amount = Object.fromEntries(estimate.lines.map((l) => [l.item, l.amount]));
    expect(amount).toEqual({ visits: 21_600, reflections: 5_400, training: 2_160, coordination: 2_200, materials: 750 });
    expect(estimate.total).toBe(32_110);
    expect(estimate.lines[0]!.basis).toBe("120 visits x 2 educators x (1.5 h visit + 0.5 h travel) x 45.00");
  });

  it("refuses negative money and unknown currency codes, naming the field", () => {
    try {
      estimateCost({ familiesToVisit: 10, hourlyRate: -3, currency: "dollars" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      expect((error as PthvInputError).issues.map((i) => i.field).sort()).toEqual(["currency", "hourlyRate"]);
    }
  });
});
