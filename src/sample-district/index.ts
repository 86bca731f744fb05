/**
 * A realistic synthetic district, built deterministically from a seed: schools with calendars,
 * holidays and bell times; families with siblings and home languages; students with grades,
 * teachers and attributes; educators with roles, languages, opt-ins, trainings, rates and
 * availability; pairs, consent records, cohorts, a season of visits and reflections, an
 * implementation plan, and outcome data with a simulated effect of visits. The demo, the examples
 * and the benchmarks use it. No record describes a real person.
 *
 * @packageDocumentation
 */
import { payFor } from "../cost/index.js";
import type {
  Cohort,
  Educator,
  Family,
  ImplementationPlan,
  OutcomeRecord,
  Pair,
  ProgramRecord,
  Reflection,
  School,
  Student,
  Visit,
} from "../model/index.js";
import { createRandom, type Seed } from "../random/index.js";
import { replaceDeclined, sampleCohort } from "../cohort/index.js";
import { bellTimesFor, sampleYear } from "./calendar.js";
import { binomial } from "./draws.js";
import { familyAvailability, makeEducator, pad, pick, skewedFrailty } from "./people.js";
import { samplePlan } from "./plan.js";
import { countInstructionalDays, visitSlots, zonedFormatter, type Slot } from "./slots.js";

/**
 * Options of {@link sampleDistrict}. Every field has a documented default.
 *
 * @example
 * ```ts
 * import { sampleDistrict, type SampleDistrictOptions } from "pthv";
 * const options: SampleDistrictOptions = { seed: "spring", students: 5000, effect: { absenceRateRatio: 1 } };
 * sampleDistrict(options); // a district where visits change nothing: a placebo check
 * ```
 */
export interface SampleDistrictOptions {
  /** Seed of every random draw. Default `"pthv"`. */
  seed?: Seed;
  /** Number of students. Default 2,000; 1,000,000 builds in a few seconds. */
  students?: number;
  /** Calendar year in which the simulated school year starts. Default 2026 (the 2026-27 year). */
  year?: number;
  /** IANA time zone of the district. Default `America/New_York`. */
  timeZone?: string;
  /** The simulated effect of a first visit on the student's school year. */
  effect?: {
    /**
     * Multiplies the daily absence probability of a visited student. Default 0.76, i.e. about 24%
     * fewer absences, the figure of Sheldon and Jung (2015).
     */
    absenceRateRatio?: number;
    /** Points added to a visited student's reading scale score (cut score 500, SD about 45). Default 8. */
    readingScoreGain?: number;
  };
  /** Share of visited families who also get a second (academic) visit in winter or spring. Default 0.3. */
  secondVisitShare?: number;
}

/**
 * What the simulation did, so an evaluation can be checked against the truth it should recover.
 *
 * @example
 * ```ts
 * import { sampleDistrict, type SimulationSummary } from "pthv";
 * const truth: SimulationSummary = sampleDistrict().simulation;
 * 1 - truth.absenceRateRatio; // 0.24: the share of absences a visit prevents in the simulation
 * ```
 */
export interface SimulationSummary {
  seed: string;
  students: number;
  families: number;
  schools: number;
  year: number;
  timeZone: string;
  absenceRateRatio: number;
  readingScoreGain: number;
  secondVisitShare: number;
  /** Reading proficiency cut on the scale score. */
  readingCut: number;
  /** How families came to be visited: self-selection on prior absence makes naive comparisons biased. */
  selection: string;
}

/**
 * A sample district: a full programme record plus a summary of the simulation behind it.
 *
 * @example
 * ```ts
 * import { sampleDistrict, type SampleDistrict } from "pthv";
 * const district: SampleDistrict = sampleDistrict({ students: 300 });
 * district.simulation.absenceRateRatio; // 0.76
 * ```
 */
export type SampleDistrict = ProgramRecord & { simulation: SimulationSummary };

const LEVELS = ["elementary", "elementary", "middle", "elementary", "high", "elementary", "middle", "high", "elementary", "elementary"] as const;
const GRADES: Record<(typeof LEVELS)[number], number[]> = {
  elementary: [0, 1, 2, 3, 4, 5],
  middle: [6, 7, 8],
  high: [9, 10, 11, 12],
};
const NAMES = ["Maple", "Riverside", "Cedar Grove", "Lincoln", "Harbor View", "Oakwood", "Sunset Park", "Franklin", "Willow Creek", "Eastside", "Pine Hill", "Mill Street"];
const LANGUAGES: [string, number][] = [["en", 0.68], ["es", 0.2], ["vi", 0.04], ["zh", 0.03], ["ar", 0.03], ["so", 0.02]];
const CLASS_SIZE = 22;
const READING_CUT = 500;

/**
 * Builds a synthetic district deterministically: the same options give the same district on every
 * runtime.
 *
 * The simulation: each student has a daily absence propensity (higher with income eligibility,
 * special education and in older grades, with a skewed individual frailty); prior-year and current
 * absences are binomial draws over the days enrolled. Families accept a visit at a rate that varies
 * by school (some schools visit fewer than 10% of families) and that is lower for families whose
 * children missed more school last year, so visited and non-visited students differ before any
 * visit and only an adjusted or randomized comparison recovers the effect. A completed first visit
 * multiplies the absence propensity by `effect.absenceRateRatio` and adds `effect.readingScoreGain`
 * to the reading scale score.
 *
 * @param options - seed, size and simulated effect; see {@link SampleDistrictOptions}
 * @returns a programme record with outcomes, and the simulation's summary
 *
 * @example
 * ```ts
 * import { sampleDistrict } from "pthv";
 * const district = sampleDistrict({ seed: 2026, students: 500 });
 * district.schools.length; // 3
 * district.visits.every((v) => v.educatorIds.length === 2); // true
 * ```
 */
export function sampleDistrict(options: SampleDistrictOptions = {}): SampleDistrict {
  const seed = String(options.seed ?? "pthv");
  const total = Math.max(1, Math.floor(options.students ?? 2000));
  const year = options.year ?? 2026;
  const zone = options.timeZone ?? "America/New_York";
  const absenceRateRatio = options.effect?.absenceRateRatio ?? 0.76;
  const readingScoreGain = options.effect?.readingScoreGain ?? 8;
  const secondVisitShare = options.secondVisitShare ?? 0.3;
  const random = createRandom(seed);
  const calendar = sampleYear(year);
  const zoned = zonedFormatter(zone);

  const schoolCount = Math.max(3, Math.round(total / 450));
  const width = String(total).length;
  const schools: School[] = [];
  const students: Student[] = [];
  const families: Family[] = [];
  const educators: Educator[] = [];
  const pairs: Pair[] = [];
  const visits: Visit[] = [];
  const reflections: Reflection[] = [];
  const cohorts: Cohort[] = [];
  const outcomes: OutcomeRecord[] = [];

  const instructionalDays = countInstructionalDays(calendar.firstDay, calendar.lastDay, calendar.closedDates);
  const slots = visitSlots(calendar.season.firstVisits.start, calendar.season.firstVisits.end, zoned);
  const secondSlots = visitSlots(calendar.season.secondVisits!.start, calendar.season.secondVisits!.end, zoned, calendar.closedDates);

  let studentSeq = 0;
  let familySeq = 0;
  let visitSeq = 0;
  for (let s = 0; s < schoolCount; s++) {
    const rs = random.fork(`school:${s}`);
    const level = LEVELS[s % LEVELS.length]!;
    const schoolId = `sch-${pad(s + 1, 2)}`;
    const name = `${NAMES[s % NAMES.length]}${s >= NAMES.length ? ` ${Math.floor(s / NAMES.length) + 1}` : ""} ${level === "elementary" ? "Elementary" : level === "middle" ? "Middle" : "High"}`;
    schools.push({
      id: schoolId,
      name,
      districtId: "district-sample",
      timeZone: zone,
      calendar: { firstDay: calendar.firstDay, lastDay: calendar.lastDay, closedDates: calendar.closedDates },
      bellTimes: bellTimesFor(level),
    });
    const size = Math.floor(total / schoolCount) + (s < total % schoolCount ? 1 : 0);
    const grades = GRADES[level];
    // How keen this school's families are: some schools stay below the 10% "systematic" line.
    const acceptance = 0.04 + 0.46 * rs.float();

    // Students and families.
    const schoolStudents: Student[] = [];
    const schoolFamilies: Family[] = [];
    const propensity: number[] = [];
    const familyOf: number[] = [];
    while (schoolStudents.length < size) {
      const siblings = Math.min(size - schoolStudents.length, pick(rs, [[1, 0.55], [2, 0.32], [3, 0.1], [4, 0.03]]));
      const familyId = `fam-${pad(++familySeq, width)}`;
      const homeLanguage = pick(rs, LANGUAGES);
      const frl = rs.bernoulli(homeLanguage === "en" ? 0.4 : 0.65);
      for (let k = 0; k < siblings; k++) {
        const ell = rs.bernoulli(homeLanguage === "en" ? 0.02 : 0.6);
        const iep = rs.bernoulli(0.13);
        const grade = grades[rs.int(grades.length)]!;
        const frailty = skewedFrailty(rs);
        const p = Math.min(0.6, 0.05 * frailty * (frl ? 1.35 : 1) * (iep ? 1.3 : 1) * (level === "high" ? 1.35 : level === "middle" ? 1.1 : 1));
        const priorDaysEnrolled = rs.bernoulli(0.9) ? instructionalDays : 60 + rs.int(instructionalDays - 60);
        const priorDaysAbsent = binomial(rs, priorDaysEnrolled, Math.min(0.95, p * (0.9 + 0.2 * rs.float())));
        const priorReadingScore = Math.round(500 + 45 * rs.normal() - 22 * Number(frl) - 28 * Number(iep) - 18 * Number(ell) + 10);
        schoolStudents.push({
          id: `stu-${pad(++studentSeq, width)}`,
          schoolId,
          grade,
          teacherId: "", // assigned below, once classes are known
          familyId,
          ell,
          iep,
          frl,
          priorDaysEnrolled,
          priorDaysAbsent,
          priorReadingScore,
          priorReadingProficient: priorReadingScore >= READING_CUT,
        });
        propensity.push(p);
        familyOf.push(schoolFamilies.length);
      }
      schoolFamilies.push({ id: familyId, schoolId, homeLanguage, consent: { status: "pending" }, availability: familyAvailability(rs) });
    }

    // Classes: one teacher per CLASS_SIZE students of a grade.
    const teachers: Educator[] = [];
    const byGrade = new Map<number, number[]>();
    schoolStudents.forEach((st, i) => {
      const list = byGrade.get(st.grade) ?? [];
      list.push(i);
      byGrade.set(st.grade, list);
    });
    let educatorSeq = 0;
    const educatorId = () => `edu-${schoolId.slice(4)}-${pad(++educatorSeq, 3)}`;
    const familyTeachers: Set<string>[] = schoolFamilies.map(() => new Set());
    for (const grade of [...byGrade.keys()].sort((a, b) => a - b)) {
      const members = rs.shuffle(byGrade.get(grade)!);
      const classes = Math.max(1, Math.ceil(members.length / CLASS_SIZE));
      const ids: string[] = [];
      for (let c = 0; c < classes; c++) {
        const teacher = makeEducator(rs, educatorId(), schoolId, "teacher", year, zoned);
        teachers.push(teacher);
        ids.push(teacher.id);
      }
      members.forEach((i, k) => {
        const st = schoolStudents[i]!;
        st.teacherId = ids[k % classes]!;
        familyTeachers[familyOf[i]!]!.add(st.teacherId);
      });
    }
    const staff: Educator[] = [makeEducator(rs, educatorId(), schoolId, "administrator", year, zoned)];
    for (let c = 0; c < Math.max(1, Math.round(size / 400)); c++) staff.push(makeEducator(rs, educatorId(), schoolId, "counselor", year, zoned));
    for (let c = 0; c < Math.max(1, Math.round(size / 120)); c++) staff.push(makeEducator(rs, educatorId(), schoolId, "paraprofessional", year, zoned));
    const schoolEducators = [...teachers, ...staff];
    educators.push(...schoolEducators);

    // Pairs: trained, opted-in educators; a first-year visitor with an experienced one where possible.
    const ready = schoolEducators.filter((e) => e.optedInAt !== undefined && e.trainings.length > 0);
    const experienced = rs.shuffle(ready.filter((e) => e.experience === "experienced"));
    const firstYear = rs.shuffle(ready.filter((e) => e.experience === "first-year"));
    const schoolPairs: Pair[] = [];
    const pairUp = (a: Educator, b: Educator) => schoolPairs.push({ id: `pair-${schoolId.slice(4)}-${pad(schoolPairs.length + 1, 3)}`, schoolId, educatorIds: [a.id, b.id] });
    while (experienced.length > 0 && firstYear.length > 0) pairUp(experienced.pop()!, firstYear.pop()!);
    const rest = [...experienced, ...firstYear];
    while (rest.length >= 2) pairUp(rest.pop()!, rest.pop()!);
    pairs.push(...schoolPairs);

    // Consent: families whose children missed more school last year accept less often (self-selection).
    const familyPriorRate = new Float64Array(schoolFamilies.length);
    const familyN = new Float64Array(schoolFamilies.length);
    schoolStudents.forEach((st, i) => {
      const f = familyOf[i]!;
      familyPriorRate[f] = familyPriorRate[f]! + (st.priorDaysAbsent as number) / Math.max(1, st.priorDaysEnrolled as number);
      familyN[f] = familyN[f]! + 1;
    });
    schoolFamilies.forEach((family, f) => {
      const rate = familyPriorRate[f]! / familyN[f]!;
      const accept = acceptance * (rate >= 0.1 ? 0.7 : 1.1);
      const recordedDay = 1 + rs.int(28);
      if (rs.bernoulli(Math.min(0.95, accept))) family.consent = { status: "accepted", recordedAt: zoned(`${year}-06-${pad(recordedDay, 2)}`, "17:00") };
      else if (rs.bernoulli(0.35)) family.consent = { status: "declined", recordedAt: zoned(`${year}-06-${pad(recordedDay, 2)}`, "17:00") };
    });

    // Cohort: every family of the school is invited (the ideal of non-negotiable 4), drawn by the
    // cohort sampler so that it passes verifyCohort; families who declined are recorded.
    const drawn = replaceDeclined(
      sampleCohort(schoolStudents, { method: "all", seed }),
      schoolFamilies.filter((f) => f.consent.status === "declined").map((f) => f.id),
    );
    cohorts.push({ id: `cohort-${schoolId.slice(4)}`, ...drawn });

    // First visits: each accepting family, by a pair (one with the family's teacher when there is one).
    const visitedFamily = new Uint8Array(schoolFamilies.length);
    const pairLoad = new Map<string, Set<number>>();
    const capacity = 45;
    const educatorById = new Map(schoolEducators.map((e) => [e.id, e]));
    const book = (familyIndex: number, pair: Pair, slotList: Slot[], visitNumber: 1 | 2, used: Set<number>): Visit | undefined => {
      let slotIndex = -1;
      for (let attempt = 0; attempt < 12; attempt++) {
        const candidate = rs.int(slotList.length);
        if (!used.has(candidate)) {
          slotIndex = candidate;
          break;
        }
      }
      if (slotIndex < 0) return undefined;
      used.add(slotIndex);
      const slot = slotList[slotIndex]!;
      const family = schoolFamilies[familyIndex]!;
      const [a, b] = pair.educatorIds;
      const lead = 7 + rs.int(15);
      const status: Visit["status"] = visitNumber === 1 ? (rs.bernoulli(0.03) ? "cancelled" : "completed") : "completed";
      const visit: Visit = {
        id: `visit-${pad(++visitSeq, width)}`,
        schoolId,
        familyId: family.id,
        educatorIds: [a, b],
        pairId: pair.id,
        scheduledAt: zoned(slot.bookDate(lead), "12:00"),
        start: slot.start,
        end: slot.end,
        visitNumber,
        focus: visitNumber === 1 ? "relationship" : "academic",
        agenda: visitNumber === 1 ? ["hopes-and-dreams", "family-strengths"] : ["academic-support", "communication"],
        location: "home",
        status,
        interpreter: !educatorById.get(a)!.languages.includes(family.homeLanguage) && !educatorById.get(b)!.languages.includes(family.homeLanguage),
        compensation: status === "cancelled" ? [] : [a, b].map((id) => ({ educatorId: id, hours: 1.5, amount: payFor(1.5, educatorById.get(id)!.hourlyRate) })),
      };
      visits.push(visit);
      if (status !== "cancelled") {
        reflections.push({ id: `refl-${visit.id.slice(6)}`, visitIds: [visit.id], educatorIds: [a, b], at: slot.reflectionAt, hours: 0.25 });
      }
      return visit;
    };
    if (schoolPairs.length > 0) {
      const order = rs.shuffle(schoolFamilies.map((_, i) => i));
      let cursor = 0;
      for (const f of order) {
        const family = schoolFamilies[f]!;
        if (family.consent.status !== "accepted") continue;
        const own = schoolPairs.filter((p) => p.educatorIds.some((id) => familyTeachers[f]!.has(id)) && (pairLoad.get(p.id)?.size ?? 0) < capacity);
        const pair = own.length > 0 ? own[rs.int(own.length)]! : schoolPairs[cursor++ % schoolPairs.length]!;
        const used = pairLoad.get(pair.id) ?? new Set<number>();
        pairLoad.set(pair.id, used);
        if (used.size >= capacity) continue;
        const visit = book(f, pair, slots, 1, used);
        if (visit?.status === "completed") {
          visitedFamily[f] = 1;
          if (rs.bernoulli(secondVisitShare)) {
            const second = pairLoad.get(`${pair.id}#2`) ?? new Set<number>();
            pairLoad.set(`${pair.id}#2`, second);
            book(f, pair, secondSlots, 2, second);
          }
        }
      }
    }

    // Outcomes for the school year.
    schoolStudents.forEach((st, i) => {
      const visited = visitedFamily[familyOf[i]!] === 1;
      const p = propensity[i]! * (visited ? absenceRateRatio : 1) * (0.9 + 0.2 * rs.float());
      const daysEnrolled = rs.bernoulli(0.92) ? instructionalDays : 60 + rs.int(instructionalDays - 60);
      const daysAbsent = binomial(rs, daysEnrolled, Math.min(0.95, p));
      const readingScore = Math.round(150 + 0.7 * (st.priorReadingScore as number) + 30 * rs.normal() + (visited ? readingScoreGain : 0));
      outcomes.push({
        studentId: st.id,
        schoolId,
        familyId: st.familyId,
        visited,
        invited: true,
        daysEnrolled,
        daysAbsent,
        readingScore,
        readingProficient: readingScore >= READING_CUT,
        priorDaysEnrolled: st.priorDaysEnrolled as number,
        priorDaysAbsent: st.priorDaysAbsent as number,
        priorReadingScore: st.priorReadingScore as number,
        priorReadingProficient: st.priorReadingProficient as boolean,
        grade: st.grade,
        ell: st.ell as boolean,
        iep: st.iep as boolean,
        frl: st.frl as boolean,
      });
    });
    students.push(...schoolStudents);
    families.push(...schoolFamilies);
  }

  const plan: ImplementationPlan = samplePlan(calendar.resolutionPassed, calendar.planPresented, zone);
  return {
    schools,
    students,
    families,
    educators,
    pairs,
    visits,
    reflections,
    cohorts,
    plan,
    season: calendar.season,
    outcomes,
    simulation: {
      seed,
      students: students.length,
      families: families.length,
      schools: schools.length,
      year,
      timeZone: zone,
      absenceRateRatio,
      readingScoreGain,
      secondVisitShare,
      readingCut: READING_CUT,
      selection: "families whose children were absent at least 10% of last year's enrolled days accept a visit at 0.7/1.1 the rate of others",
    },
  };
}
