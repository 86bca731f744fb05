// A district choosing its initial cohort of schools: derive each sample-district school's readiness,
// rank the schools with what each would take to become ready, and check the steering committee's
// implementation plan against its 90-day deadline. Run: npx tsx examples/readiness-rank-schools.ts
import { checkPlan, formatRanking, rankSchools, sampleDistrict, sampleReadiness } from "pthv";

const district = sampleDistrict({ seed: "example", students: 2000 });
const schools = sampleReadiness(district, "example");
const ranking = rankSchools(schools);

// School-level figures only: counts of teachers and money, never a record about a child.
console.log(formatRanking(ranking, "table"));
for (const place of ranking.places.filter((p) => p.tier !== "ready")) {
  console.log(`${place.schoolId}: ${place.readiness.gaps.join("; ")}`);
}

if (district.plan !== undefined) {
  const check = checkPlan(district.plan, { today: "2026-11-01" });
  console.log(`\nImplementation plan: due ${check.dueAt}, ${check.status.message}; ${check.ok ? "in order" : check.problems.join(" ")}`);
}
if (ranking.places.length !== district.schools.length) process.exitCode = 1;
