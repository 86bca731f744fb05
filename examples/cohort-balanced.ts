/**
 * Draw this season's cohort for a district without targeting anyone, handle declines, and let a
 * third party confirm the draw. Run: npm run build && npx tsx examples/cohort-balanced.ts
 *
 * Prints counts and balance figures only, never a record about a child.
 */
import { replaceDeclined, sampleCohort, sampleDistrict, verifyCohort } from "pthv";

// The frame: one row per student (here the synthetic sample district; in practice a CSV export
// read with readCsvFile from "pthv/node", or `pthv sample --frame students.csv`).
const { students } = sampleDistrict({ seed: 2026, students: 3000 });

// A quarter of each school's families, balanced on prior attendance, reading, language learner,
// special education and income status, within grades. Each family's chance is the same.
const cohort = sampleCohort(students, {
  method: "balanced",
  fraction: 0.25,
  balance: ["priorDaysAbsent", "priorReadingScore", "ell", "iep", "frl"],
  strata: ["grade"],
  seed: "2026-fall",
});

console.log(`invited ${cohort.selectedFamilyIds.length} families in ${cohort.schoolIds?.length} schools; ${cohort.reserve.length} in reserve`);
console.log(`balance: ${cohort.balance?.verdict} (max |SMD| ${cohort.balance?.maxAbsSmd?.toFixed(4)})`);
for (const row of cohort.balance?.rows ?? []) {
  console.log(`  ${row.variable.padEnd(18)} all ${row.frameMean.toFixed(3).padStart(8)}  invited ${row.selectedMean?.toFixed(3).padStart(8)}  SMD ${row.smd?.toFixed(4)}`);
}

// Families say no: replacements come from the reserve of the same stratum, in the drawn order.
const declined = cohort.selectedFamilyIds.filter((_, i) => i % 9 === 0);
const after = replaceDeclined(cohort, declined);
const replaced = after.replacements?.filter((r) => r.replacement !== null).length ?? 0;
console.log(`${declined.length} declined, ${replaced} replaced from the reserve`);

// Anyone with the frame and the cohort file can confirm nobody hand-picked families.
const check = verifyCohort(students, after);
console.log(`verified: ${check.verified}`);
if (!check.verified) process.exitCode = 1;
