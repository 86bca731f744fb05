/**
 * Readiness data for the synthetic sample district, so examples, docs and benchmarks have schools
 * to rank. Derived from the district's own records where it has them (teachers, opt-ins, principals,
 * rates, trainings, cohorts) and drawn, with a seed, where it does not (support among teachers who
 * have not opted in, survey answers, engagement, budget, processes).
 */
import { estimateCost } from "../cost/index.js";
import type { ProgramRecord, SchoolReadiness } from "../model/index.js";
import { createRandom, type Seed } from "../random/index.js";
import { parseSchoolReadiness } from "./parse.js";

/**
 * Derives each sample-district school's readiness data, deterministically for a seed.
 *
 * - teachers: the school's educators with role `teacher`; every teacher who opted in to visit is
 *   in support, and each other teacher is, with a probability drawn per school between 0 and 0.5;
 *   about 85% of the others answer the survey;
 * - principal: named when the school has an administrator; engaged with probability 0.75;
 * - funding: the season visits the school's cohort families (all its families when the district has
 *   no cohort) once, paid at the opted-in educators' own rates, training those not yet trained; the
 *   budget is 80% to 115% of that cost, rounded to $100;
 * - processes: each in place with probability 0.7.
 *
 * @param district - a programme record, typically from `sampleDistrict`
 * @param seed - seed of the draws (default `"readiness"`)
 * @returns one parsed readiness record per school, in the district's school order
 *
 * @example
 * ```ts
 * import { rankSchools, sampleDistrict, sampleReadiness } from "pthv";
 * const schools = sampleReadiness(sampleDistrict({ seed: 2026, students: 2000 }));
 * rankSchools(schools).places[0]!.tier; // "ready", "almost" or "not-ready"
 * ```
 */
export function sampleReadiness(district: Pick<ProgramRecord, "schools" | "educators" | "families" | "cohorts">, seed: Seed = "readiness"): SchoolReadiness[] {
  const root = createRandom(seed);
  const invited = new Set(district.cohorts.flatMap((c) => c.selectedFamilyIds));
  const records = district.schools.map((school) => {
    const random = root.fork(school.id);
    const staff = district.educators.filter((e) => e.schoolId === school.id);
    const teachers = staff.filter((e) => e.role === "teacher");
    const optedIn = teachers.filter((e) => e.optedInAt !== undefined);
    const others = teachers.length - optedIn.length;
    const leaning = random.float() * 0.5;
    let supporters = optedIn.length;
    let answered = optedIn.length;
    for (let i = 0; i < others; i++) {
      if (random.bernoulli(leaning)) {
        supporters += 1;
        answered += 1;
      } else if (random.bernoulli(0.85)) answered += 1;
    }
    const families = district.families.filter((f) => f.schoolId === school.id && (invited.size === 0 || invited.has(f.id))).length;
    const visitors = staff.filter((e) => e.optedInAt !== undefined);
    const season = {
      familiesToVisit: families,
      hourlyRate: visitors.length > 0 ? visitors[0]!.hourlyRate : (staff[0]?.hourlyRate ?? 0),
      ...(visitors.length > 0 ? { educators: visitors.map((e) => ({ id: e.id, hourlyRate: e.hourlyRate, trained: e.trainings.length > 0 })) } : {}),
    };
    const cost = estimateCost(season).total;
    const budget = Math.round((cost * (0.8 + 0.35 * random.float())) / 100) * 100;
    return {
      schoolId: school.id,
      name: school.name,
      principal: { named: staff.some((e) => e.role === "administrator"), engaged: random.bernoulli(0.75) },
      teachers: { total: Math.max(1, teachers.length), inSupport: supporters, surveyed: answered },
      funding: { budget, currency: "USD", season },
      processes: {
        administrationProcedures: random.bernoulli(0.7),
        dataCollection: random.bernoulli(0.7),
        evaluationPlan: random.bernoulli(0.7),
        trainingPlan: random.bernoulli(0.7),
      },
    };
  });
  return parseSchoolReadiness(records);
}
