// One call of each part of pthv's core, shared by the Deno, Bun and browser smoke tests. Returns a
// list of [name, ok] so each runtime prints the same report. Takes the module so it runs unchanged
// against the ESM build (Deno, Bun) and the browser bundle.
export function smokeCalls(pthv) {
  const district = pthv.sampleDistrict({ seed: "smoke", students: 600 });
  const school = district.schools[0];
  const checks = [
    ["sampleDistrict", district.students.length === 600],
    ["parseProgram", pthv.parseProgram(JSON.parse(JSON.stringify(district))).visits.length === district.visits.length],
    ["isOutsideSchoolDay", pthv.isOutsideSchoolDay(school, "2026-09-14T17:00:00-04:00", "2026-09-14T18:00:00-04:00") === true],
    ["createRandom", pthv.createRandom("2026").int(1000) === pthv.createRandom(2026).int(1000)],
    ["sha256Hex", pthv.sha256Hex("abc") === "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["estimateCost", pthv.estimateCost({ familiesToVisit: 10, hourlyRate: 40 }).total === 1400],
  ];
  // One call of each part.
  const frame = district.students.filter((s) => s.schoolId === school.id);
  const cohort = pthv.sampleCohort(frame, { method: "balanced", fraction: 0.3, balance: ["priorDaysAbsent", "frl"], seed: 7 });
  checks.push(["sampleCohort + verifyCohort", pthv.verifyCohort(frame, cohort).verified === true]);
  const schedule = pthv.scheduleVisits(pthv.scheduleInputFromProgram(district, { schoolId: school.id, now: "2026-07-01T09:00:00-04:00" }));
  checks.push(["scheduleVisits", schedule.visits.length > 0 && schedule.objective.optimal === true]);
  checks.push(["toICalendar", pthv.toICalendar(schedule).startsWith("BEGIN:VCALENDAR")]);
  const validation = pthv.validateProgram(district);
  checks.push(["validateProgram", validation.counts.error === 0]);
  const ranking = pthv.rankSchools(pthv.sampleReadiness(district));
  checks.push(["rankSchools", ranking.places.length === district.schools.length]);
  const evaluation = pthv.evaluateOutcomes(district.outcomes, { design: "observational", covariates: ["priorDaysAbsent", "frl"] });
  checks.push(["evaluateOutcomes", evaluation.effects.length > 0]);
  return checks;
}

/**
 * SHA-256 of a whole sample district: the same seed must give the same bytes on every runtime.
 * Each runtime prints it; .ci/runtimes.sh checks they are all equal to Node's.
 */
export function determinismDigest(pthv) {
  return pthv.sha256Hex(JSON.stringify(pthv.sampleDistrict({ seed: "runtime-determinism", students: 1500 })));
}

/** Prints the report and returns whether every call succeeded. */
export function report(runtime, checks, digest) {
  for (const [name, ok] of checks) console.log(`${runtime}: ${ok ? "ok  " : "FAIL"} ${name}`);
  console.log(`digest ${digest}`);
  return checks.every(([, ok]) => ok);
}
