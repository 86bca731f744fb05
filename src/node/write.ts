import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { toCsv, type CsvCell } from "../format/csv.js";
import { WEEKDAYS, type AvailabilityWindow, type ProgramRecord } from "../model/index.js";

function windows(list: readonly AvailabilityWindow[]): string {
  return list.map((w) => (w.kind === "weekly" ? `${w.weekday.slice(0, 3)} ${w.start}-${w.end}` : `${w.start}/${w.end}`)).join("; ");
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Rows keyed by snake_case header, and the header in order, for one collection. */
function tables(program: ProgramRecord): Record<string, { columns: string[]; rows: Record<string, CsvCell>[] }> {
  const extraColumns = (records: readonly Record<string, unknown>[], known: Set<string>) => {
    const seen = new Set<string>();
    for (const r of records) for (const k of Object.keys(r)) if (!known.has(k)) seen.add(k);
    return [...seen];
  };
  const studentKnown = new Set(["id", "schoolId", "grade", "teacherId", "familyId"]);
  const studentExtras = extraColumns(program.students, studentKnown);
  const outcomeKnown = new Set(["studentId", "schoolId", "familyId", "visited", "firstVisitDate", "invited", "daysEnrolled", "daysAbsent", "readingProficient", "readingScore", "priorDaysEnrolled", "priorDaysAbsent", "priorReadingProficient", "priorReadingScore"]);
  const outcomeExtras = extraColumns(program.outcomes, outcomeKnown);
  const bellCols = WEEKDAYS.map((d) => `bell_${d}`);
  return {
    "schools.csv": {
      columns: ["id", "name", "district_id", "time_zone", "first_day", "last_day", "closed_dates", ...bellCols],
      rows: program.schools.map((s) => ({
        id: s.id,
        name: s.name,
        district_id: s.districtId,
        time_zone: s.timeZone,
        first_day: s.calendar.firstDay,
        last_day: s.calendar.lastDay,
        closed_dates: s.calendar.closedDates.join(";"),
        ...Object.fromEntries(WEEKDAYS.map((d) => [`bell_${d}`, s.bellTimes[d] ? `${s.bellTimes[d]!.start}-${s.bellTimes[d]!.end}` : "closed"])),
      })),
    },
    "students.csv": {
      columns: ["id", "school_id", "grade", "teacher_id", "family_id", ...studentExtras.map(snake)],
      rows: program.students.map((s) => ({
        id: s.id,
        school_id: s.schoolId,
        grade: s.grade,
        teacher_id: s.teacherId,
        family_id: s.familyId,
        ...Object.fromEntries(studentExtras.map((k) => [snake(k), s[k] as CsvCell])),
      })),
    },
    "families.csv": {
      columns: ["id", "school_id", "home_language", "consent_status", "consent_recorded_at", "availability"],
      rows: program.families.map((f) => ({
        id: f.id,
        school_id: f.schoolId,
        home_language: f.homeLanguage,
        consent_status: f.consent.status,
        consent_recorded_at: f.consent.recordedAt,
        availability: windows(f.availability),
      })),
    },
    "educators.csv": {
      columns: ["id", "school_id", "role", "languages", "opted_in_at", "trained_at", "training_hours", "hourly_rate", "experience", "availability"],
      rows: program.educators.map((e) => ({
        id: e.id,
        school_id: e.schoolId,
        role: e.role,
        languages: e.languages.join(";"),
        opted_in_at: e.optedInAt,
        trained_at: e.trainings[0]?.completedAt,
        training_hours: e.trainings[0]?.hours,
        hourly_rate: e.hourlyRate,
        experience: e.experience,
        availability: windows(e.availability),
      })),
    },
    "pairs.csv": {
      columns: ["id", "school_id", "educator_ids"],
      rows: program.pairs.map((p) => ({ id: p.id, school_id: p.schoolId, educator_ids: p.educatorIds.join(";") })),
    },
    "visits.csv": {
      columns: ["id", "school_id", "family_id", "educator_ids", "pair_id", "scheduled_at", "start", "end", "visit_number", "focus", "agenda", "location", "status", "interpreter", "compensation"],
      rows: program.visits.map((v) => ({
        id: v.id,
        school_id: v.schoolId,
        family_id: v.familyId,
        educator_ids: v.educatorIds.join(";"),
        pair_id: v.pairId,
        scheduled_at: v.scheduledAt,
        start: v.start,
        end: v.end,
        visit_number: v.visitNumber,
        focus: v.focus,
        agenda: v.agenda.join(";"),
        location: v.location,
        status: v.status,
        interpreter: v.interpreter,
        compensation: v.compensation.map((c) => `${c.educatorId}:${c.hours}${c.amount !== undefined ? `:${c.amount}` : ""}`).join(";"),
      })),
    },
    "reflections.csv": {
      columns: ["id", "visit_ids", "educator_ids", "at", "hours"],
      rows: program.reflections.map((r) => ({ id: r.id, visit_ids: r.visitIds.join(";"), educator_ids: r.educatorIds.join(";"), at: r.at, hours: r.hours })),
    },
    "outcomes.csv": {
      columns: [...[...outcomeKnown].map(snake), ...outcomeExtras.map(snake)],
      rows: program.outcomes.map((o) => Object.fromEntries([...outcomeKnown, ...outcomeExtras].map((k) => [snake(k), o[k] as CsvCell]))),
    },
  };
}

/**
 * Writes a programme as a folder of CSV files (and cohorts.json, plan.json, season.json) in the
 * layout `loadProgram` reads, so the folder loads back to the same record. Collections that are
 * empty are not written.
 *
 * @param program - the record to write
 * @param dir - the folder; created when missing
 * @returns the names of the files written
 *
 * @example
 * ```ts
 * import { sampleDistrict } from "pthv";
 * import { writeProgramCsv } from "pthv/node";
 * await writeProgramCsv(sampleDistrict({ students: 500 }), "out/district");
 * ```
 */
export async function writeProgramCsv(program: ProgramRecord, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, table] of Object.entries(tables(program))) {
    if (table.rows.length === 0) continue;
    await writeFile(join(dir, file), toCsv(table.rows, table.columns, { formulaSafe: false }));
    written.push(file);
  }
  const side: [string, unknown][] = [
    ["cohorts.json", program.cohorts.length > 0 ? program.cohorts : undefined],
    ["plan.json", program.plan],
    ["season.json", program.season],
  ];
  for (const [file, value] of side) {
    if (value === undefined) continue;
    await writeFile(join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

/**
 * Writes a programme as one JSON file, which `loadProgram` reads back.
 *
 * @example
 * ```ts
 * await writeProgramJson(sampleDistrict(), "district.json");
 * ```
 */
export async function writeProgramJson(program: ProgramRecord, path: string): Promise<void> {
  await writeFile(path, `${JSON.stringify(program)}\n`);
}
