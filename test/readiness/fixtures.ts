import type { SchoolReadinessInput } from "../../src/model/index.js";

const ALL_PROCESSES = { administrationProcedures: true, dataCollection: true, evaluationPlan: true, trainingPlan: true };

/** A school that is ready on every count; override what a test is about. */
export function readySchool(overrides: Partial<SchoolReadinessInput> = {}): SchoolReadinessInput {
  return {
    schoolId: "sch-1",
    name: "Test Elementary",
    principal: { named: true, engaged: true },
    teachers: { total: 36, inSupport: 18, surveyed: 36 },
    funding: { budget: 31_200, estimatedCost: 31_200 },
    processes: ALL_PROCESSES,
    ...overrides,
  };
}

export function teachers(total: number, inSupport: number, surveyed?: number): SchoolReadinessInput["teachers"] {
  return surveyed === undefined ? { total, inSupport } : { total, inSupport, surveyed };
}

export function funding(budget: number | string, estimatedCost: number | string = 31_200): SchoolReadinessInput["funding"] {
  return { budget, estimatedCost };
}
