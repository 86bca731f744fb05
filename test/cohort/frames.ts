import type { FrameRow } from "../../src/index.js";

/** A small frame: `schools` schools of `families` families each, some with siblings, with numeric, boolean and categorical columns. */
export function smallFrame(families = 40, schools = 2): FrameRow[] {
  const rows: FrameRow[] = [];
  let student = 0;
  for (let s = 0; s < schools; s++) {
    for (let f = 0; f < families; f++) {
      const siblings = f % 5 === 0 ? 2 : 1;
      for (let k = 0; k < siblings; k++) {
        student++;
        rows.push({
          id: `stu-${String(student).padStart(4, "0")}`,
          schoolId: `sch-${s + 1}`,
          familyId: `fam-${s + 1}-${String(f).padStart(3, "0")}`,
          grade: (f + k) % 6,
          teacherId: `t-${s + 1}-${(f + k) % 4}`,
          priorDaysAbsent: (f * 7 + k * 3) % 23,
          ell: f % 3 === 0,
          language: ["en", "es", "vi"][f % 3]!,
        });
      }
    }
  }
  return rows;
}

/** Deep-freezes rows so a test fails if anything mutates them. */
export function frozen(rows: FrameRow[]): readonly FrameRow[] {
  return Object.freeze(rows.map((row) => Object.freeze({ ...row })));
}
