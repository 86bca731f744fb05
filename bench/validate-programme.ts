/**
 * A large synthetic programme for the validator's benchmark: `schools` schools, each with 2,000
 * families (3,000 students), 100 trained and opted-in educators in 50 pairs, a first visit to every
 * family and a second visit to a quarter of them (2,500 visits per school), each reflected on, and
 * a cohort of all families drawn by the sampler. Every record keeps every rule, so the benchmark
 * measures the checks, not the writing of diagnostics. Deterministic.
 */
import { replaceDeclined, sampleCohort } from "../src/cohort/index.js";
import type { Cohort, Educator, Family, Pair, ProgramRecord, Reflection, School, Student, Visit } from "../src/model/index.js";
import { createRandom } from "../src/random/index.js";
import { sampleDistrict } from "../src/sample-district/index.js";

const FAMILIES = 2000;
const SECOND_EVERY = 4;

export function benchProgramme(schools: number): ProgramRecord {
  const template = sampleDistrict({ students: 1500 });
  const random = createRandom("bench");
  const out: ProgramRecord = { schools: [], students: [], families: [], educators: [], pairs: [], visits: [], reflections: [], cohorts: [], outcomes: [] };
  if (template.plan) out.plan = template.plan;
  const slotsOf = (n: 1 | 2) => [...new Map(template.visits.filter((v) => v.visitNumber === n).map((v) => [v.start, v])).values()];
  const slots = { 1: slotsOf(1), 2: slotsOf(2) };
  for (let s = 0; s < schools; s++) {
    const base = template.schools[s % template.schools.length]!;
    const school: School = { ...base, id: `sch-${s}` };
    out.schools.push(school);
    const educators: Educator[] = Array.from({ length: 100 }, (_, e) => ({
      id: `edu-${s}-${e}`,
      schoolId: school.id,
      role: "teacher",
      languages: ["en"],
      optedInAt: "2026-05-04T16:00:00-04:00",
      trainings: [{ completedAt: "2026-06-22T15:00:00-04:00", hours: 6, outsideSchoolDay: true }],
      hourlyRate: 40,
      availability: [],
      experience: "experienced",
    }));
    out.educators.push(...educators);
    const pairs: Pair[] = Array.from({ length: 50 }, (_, p) => ({ id: `pair-${s}-${p}`, schoolId: school.id, educatorIds: [educators[2 * p]!.id, educators[2 * p + 1]!.id] }));
    out.pairs.push(...pairs);
    const students: Student[] = [];
    const families: Family[] = [];
    for (let f = 0; f < FAMILIES; f++) {
      const familyId = `fam-${s}-${f}`;
      families.push({ id: familyId, schoolId: school.id, homeLanguage: "en", consent: { status: "accepted", recordedAt: "2026-06-10T17:00:00-04:00" }, availability: [] });
      for (let k = 0; k < (f % 2 === 0 ? 2 : 1); k++) {
        students.push({
          id: `stu-${s}-${f}-${k}`,
          schoolId: school.id,
          grade: random.int(6),
          teacherId: educators[random.int(100)]!.id,
          familyId,
          ell: random.bernoulli(0.15),
          iep: random.bernoulli(0.13),
          frl: random.bernoulli(0.45),
          priorDaysAbsent: random.int(30),
          priorReadingScore: Math.round(500 + 45 * random.normal()),
        });
      }
    }
    out.students.push(...students);
    out.families.push(...families);
    const cohort: Cohort = { id: `cohort-${s}`, ...replaceDeclined(sampleCohort(students, { method: "all", seed: "bench" }), []) };
    out.cohorts.push(cohort);
    const book = (familyId: string, n: number, visitNumber: 1 | 2) => {
      const pair = pairs[n % pairs.length]!;
      const slot = slots[visitNumber][random.int(slots[visitNumber].length)]!;
      const visit: Visit = {
        ...slot,
        id: `visit-${s}-${n}-${visitNumber}`,
        schoolId: school.id,
        familyId,
        educatorIds: [...pair.educatorIds],
        pairId: pair.id,
        visitNumber,
        focus: visitNumber === 1 ? "relationship" : "academic",
        agenda: visitNumber === 1 ? ["hopes-and-dreams"] : ["academic-support"],
        status: "completed",
        compensation: pair.educatorIds.map((educatorId) => ({ educatorId, hours: 1.5, amount: 60 })),
      };
      out.visits.push(visit);
      const reflection: Reflection = { id: `refl-${visit.id}`, visitIds: [visit.id], educatorIds: [...pair.educatorIds], at: visit.end, hours: 0.25 };
      out.reflections.push(reflection);
    };
    families.forEach((family, n) => {
      book(family.id, n, 1);
      if (n % SECOND_EVERY === 0) book(family.id, n, 2);
    });
  }
  return out;
}
