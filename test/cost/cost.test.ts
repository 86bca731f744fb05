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

describe("the cost model with per-educator rates", () => {
  it("pays visits and reflections at the mean of the educators' rates, by hand", () => {
    // 7 visits x 2 x 1.5 h = 21 h; mean rate (41.37 + 38.20 + 45.55) / 3 = 41.7067; 21 h x 41.7067 = 875.84.
    // reflections 7 x 2 x 0.25 = 3.5 h x 41.7067 = 145.97.
    const estimate = estimateCost({
      familiesToVisit: 7,
      hourlyRate: 40,
      educators: [
        { id: "e1", hourlyRate: 41.37 },
        { id: "e2", hourlyRate: 38.2 },
        { id: "e3", hourlyRate: 45.55, trained: false },
      ],
    });
    const amount = Object.fromEntries(estimate.lines.map((l) => [l.item, l.amount]));
    expect(amount).toEqual({ visits: 875.84, reflections: 145.97, training: 273.3, coordination: 0, materials: 0 });
    expect(estimate.total).toBe(1_295.11);
    expect(estimate.visitRate).toBeCloseTo(125.12 / 3, 12);
    expect(estimate.lines[0]!.basis).toBe("7 visits x 2 educators x (1 h visit + 0.5 h travel) x 41.71 (mean of 3 educators' rates)");
    expect(estimate.lines[2]!.basis).toBe("1 untrained educator x 6 h at their own rates (sum of rates 45.55)");
  });

  it("keeps the single-rate estimate unchanged when no educators are listed", () => {
    const estimate = estimateCost({ familiesToVisit: 100, hourlyRate: 40 });
    expect(estimate.total).toBe(14_000);
    expect(estimate.visitRate).toBe(40);
    expect(estimate.visits).toBe(100);
  });

  it("refuses educatorsToTrain beside an educator list, and an educator listed twice", () => {
    try {
      estimateCost({ familiesToVisit: 1, hourlyRate: 1, educatorsToTrain: 1, educators: [{ id: "e1", hourlyRate: 1 }, { id: "e1", hourlyRate: 2 }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PthvInputError);
      expect((error as PthvInputError).issues.map((i) => i.field)).toEqual(["educatorsToTrain", "educators[1].id"]);
    }
  });
});
