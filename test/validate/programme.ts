import { sampleCohort } from "../../src/cohort/index.js";
import type { ProgramRecord, Student } from "../../src/model/index.js";
import { validateProgram, type Diagnostic } from "../../src/validate/index.js";
import { nySchool } from "../helpers.js";

const STUDENTS: Student[] = [
  { id: "stu-1", schoolId: "sch-1", grade: 2, teacherId: "edu-1", familyId: "fam-1" },
  { id: "stu-2", schoolId: "sch-1", grade: 4, teacherId: "edu-2", familyId: "fam-1" },
  { id: "stu-3", schoolId: "sch-1", grade: 3, teacherId: "edu-3", familyId: "fam-2" },
];

/**
 * A small programme that keeps every rule: three students in two families, a cohort of all
 * families drawn by the sampler, one New York school (bells 08:30-15:00), two families
 * who accepted in June, a trained and opted-in pair, a first visit on Monday 2026-09-14 at 16:30
 * booked a week ahead, compensated and reflected on, and a complete plan presented on time.
 */
export function cleanProgram(): ProgramRecord {
  return {
    schools: [nySchool()],
    students: STUDENTS,
    families: [
      { id: "fam-1", schoolId: "sch-1", homeLanguage: "en", consent: { status: "accepted", recordedAt: "2026-06-10T17:00:00-04:00" }, availability: [] },
      { id: "fam-2", schoolId: "sch-1", homeLanguage: "es", consent: { status: "accepted", recordedAt: "2026-06-11T17:00:00-04:00" }, availability: [] },
    ],
    educators: ["edu-1", "edu-2", "edu-3"].map((id) => ({
      id,
      schoolId: "sch-1",
      role: "teacher" as const,
      languages: ["en"],
      optedInAt: "2026-05-20T16:00:00-04:00",
      trainings: [{ completedAt: "2026-06-24T15:00:00-04:00", hours: 6, outsideSchoolDay: true }],
      hourlyRate: 40,
      availability: [],
      experience: "experienced" as const,
    })),
    pairs: [{ id: "pair-1", schoolId: "sch-1", educatorIds: ["edu-1", "edu-2"] }],
    visits: [
      {
        id: "visit-1",
        schoolId: "sch-1",
        familyId: "fam-1",
        educatorIds: ["edu-1", "edu-2"],
        pairId: "pair-1",
        scheduledAt: "2026-09-07T12:00:00-04:00",
        start: "2026-09-14T16:30:00-04:00",
        end: "2026-09-14T17:30:00-04:00",
        visitNumber: 1,
        focus: "relationship",
        agenda: ["hopes-and-dreams"],
        location: "home",
        status: "completed",
        interpreter: false,
        compensation: [
          { educatorId: "edu-1", hours: 1, amount: 40 },
          { educatorId: "edu-2", hours: 1, amount: 40 },
        ],
      },
    ],
    reflections: [{ id: "refl-1", visitIds: ["visit-1"], educatorIds: ["edu-2", "edu-1"], at: "2026-09-14T17:45:00-04:00", hours: 0.25 }],
    cohorts: [{ id: "cohort-1", ...sampleCohort(STUDENTS, { method: "all", seed: "test" }) }],
    plan: {
      districtName: "Test District",
      timeZone: "America/New_York",
      passedAt: "2026-03-10",
      presentedAt: "2026-05-19",
      elements: {
        funding: "Title I family-engagement funds and a district match pay visits, reflections and training at each educator's rate.",
        implementationTimeline: "Training in June, first visits from mid-July to the end of October, second visits January to April.",
        schoolSelectionAndReadiness: "Schools apply and are scored on a principal champion, teacher support of at least half, funding and processes.",
        rolesAndResponsibilities: "A district coordinator, a site lead at each school, principals as champions, and a monthly steering committee.",
        administrativeProcedures: "Families are invited by cohort; visits are booked ahead through the coordinator; timesheets go in within two weeks.",
        trainingAndSupport: "Every visiting educator completes the model's training before visiting; site leads hold monthly reflection check-ins.",
        dataCollectionAndEvaluation: "Visit logs and reflections are validated against the non-negotiables; absences and reading are compared with similar students.",
      },
      steeringCommittee: [
        { id: "sc-1", group: "district-leader" },
        { id: "sc-2", group: "school-leader" },
        { id: "sc-3", group: "parent" },
        { id: "sc-4", group: "student" },
        { id: "sc-5", group: "educator" },
        { id: "sc-6", group: "union-leader" },
      ],
    },
    outcomes: [],
  };
}

/** The clean programme with a change applied to a deep copy. */
export function programWith(change: (p: ProgramRecord) => void): ProgramRecord {
  const program = structuredClone(cleanProgram());
  change(program);
  return program;
}

/** The first visit of a programme (a test's convenience). */
export function visitOf(p: ProgramRecord) {
  return p.visits[0]!;
}

/** Diagnostics of one rule, with the rule alone enabled at error level and the given options. */
export function findingsOf(ruleId: string, program: ProgramRecord, options?: Record<string, unknown>): Diagnostic[] {
  return validateProgram(program, { rules: { [ruleId]: options === undefined ? "error" : ["error", options] } }).diagnostics.filter((d) => d.ruleId === ruleId);
}
