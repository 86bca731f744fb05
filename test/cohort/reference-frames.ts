import { sampleDistrict, type FrameRow } from "../../src/index.js";

/** The balancing variables of the comparison with R's sampling::samplecube. */
export const REFERENCE_BALANCE = ["priorDaysAbsent", "priorReadingScore", "ell", "iep", "frl", "grade"];

/** Frames for the comparison: sample districts treated as one school (so R and pthv see one population). */
export const REFERENCE_FRAMES: { name: string; fraction: number; rows: FrameRow[] }[] = [
  { name: "district-11", seed: 11, students: 1500, fraction: 0.25 },
  { name: "district-12", seed: 12, students: 1500, fraction: 0.1 },
  { name: "district-13", seed: 13, students: 2500, fraction: 0.2 },
].map(({ name, seed, students, fraction }) => ({
  name,
  fraction,
  rows: sampleDistrict({ seed, students }).students.map((s) => ({ ...s, schoolId: "all" })),
}));

/** Seeds (pthv) and set.seed values (R) of the replicate draws. */
export const REFERENCE_REPLICATES = 100;
