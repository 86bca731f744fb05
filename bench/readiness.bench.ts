// Benchmark: scoring and ranking every school of a large state, reading them from a table, checking
// implementation plans, and deriving readiness for a large sample district.
// Run: npx tsx bench/readiness.bench.ts [schools]
import { PLAN_ELEMENTS, checkPlan, createRandom, formatRanking, rankSchools, readinessFromRows, sampleDistrict, sampleReadiness, scoreReadiness, type SchoolReadinessInput } from "../src/index.js";

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

const count = Number(process.argv[2] ?? 10_000);
const random = createRandom("bench-readiness");
const schools: SchoolReadinessInput[] = Array.from({ length: count }, (_, i) => {
  const total = 10 + random.int(80);
  const inSupport = random.int(total + 1);
  const cost = 5_000 + random.int(60_000);
  return {
    schoolId: `sch-${i}`,
    principal: { named: random.bernoulli(0.9), engaged: random.bernoulli(0.8) },
    teachers: { total, inSupport, surveyed: inSupport + random.int(total - inSupport + 1) },
    funding: i % 2 === 0 ? { budget: Math.round(cost * (0.7 + 0.5 * random.float())), estimatedCost: cost } : { budget: 30_000, season: { familiesToVisit: 50 + random.int(400), hourlyRate: 35 + random.int(20) } },
    processes: { administrationProcedures: random.bernoulli(0.7), dataCollection: random.bernoulli(0.7), evaluationPlan: random.bernoulli(0.7), trainingPlan: random.bernoulli(0.7) },
  };
});
const n = count.toLocaleString("en-US");

time("warm-up (1,000 schools)", () => rankSchools(schools.slice(0, 1_000)));
time(`scoreReadiness x ${n} schools, one call each`, () => schools.forEach((s) => scoreReadiness(s)));
const ranking = time(`rankSchools(${n} schools)`, () => rankSchools(schools));
console.log(`  ${ranking.tiers.ready} ready, ${ranking.tiers.almost} almost, ${ranking.tiers["not-ready"]} not ready`);
time(`formatRanking(${n} schools, table)`, () => formatRanking(ranking, "table"));
time(`formatRanking(${n} schools, markdown)`, () => formatRanking(ranking, "markdown"));

const rows = schools.map((s, i) => ({
  line: i + 2,
  cells: new Map(
    Object.entries({
      schoolId: s.schoolId,
      principalNamed: String(s.principal.named),
      principalEngaged: String(s.principal.engaged),
      teachers: String(s.teachers.total),
      teachersInSupport: String(s.teachers.inSupport),
      budget: String(s.funding.budget),
      estimatedCost: String(s.funding.estimatedCost ?? 20_000),
    }),
  ),
}));
time(`readinessFromRows + rankSchools (${n} rows)`, () => {
  const table = readinessFromRows(rows, "schools.csv");
  return rankSchools(table.schools, {}, table.sources);
});

const plan = {
  passedAt: "2026-09-09",
  timeZone: "America/Chicago",
  elements: Object.fromEntries(PLAN_ELEMENTS.map((e) => [e, "A paragraph of well over ten words that describes this element of the plan in detail."])),
  steeringCommittee: ["district-leader", "school-leader", "parent", "student", "educator", "union-leader"].map((group, i) => ({ id: `m${i}`, group: group as "parent" })),
};
time(`checkPlan x ${n}`, () => {
  for (let i = 0; i < count; i++) checkPlan(plan, { today: "2026-12-01" });
});

const district = sampleDistrict({ students: 100_000 });
time(`sampleReadiness(100,000 students, ${district.schools.length} schools)`, () => sampleReadiness(district));
