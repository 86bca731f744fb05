import type { AvailabilityWindow, Educator } from "../model/index.js";
import type { Random } from "../random/index.js";
import type { Zoned } from "./slots.js";

export function pick<T>(random: Random, weighted: readonly [T, number][]): T {
  let u = random.float();
  for (const [value, weight] of weighted) {
    if (u < weight) return value;
    u -= weight;
  }
  return weighted[weighted.length - 1]![0];
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** A skewed individual frailty with mean 1: the square of a mean-1 Irwin-Hall draw, rescaled. */
export function skewedFrailty(random: Random): number {
  const s = (random.float() + random.float() + random.float() + random.float()) / 2; // mean 1, variance 1/12
  return (s * s) / (1 + 1 / 12);
}

const EVENINGS = (["monday", "tuesday", "wednesday", "thursday"] as const).map(
  (weekday): AvailabilityWindow => Object.freeze({ kind: "weekly", weekday, start: "16:00", end: "20:30" }),
);
const SATURDAY: AvailabilityWindow = Object.freeze({ kind: "weekly", weekday: "saturday", start: "09:30", end: "14:00" });

/** Weekday evenings and/or Saturday mornings. Window objects are frozen and shared between families. */
export function familyAvailability(random: Random): AvailabilityWindow[] {
  const windows: AvailabilityWindow[] = [];
  if (random.bernoulli(0.75)) {
    for (const evening of EVENINGS) if (random.bernoulli(0.7)) windows.push(evening);
  }
  if (windows.length === 0 || random.bernoulli(0.5)) windows.push(SATURDAY);
  return windows;
}

const EDUCATOR_AVAILABILITY: AvailabilityWindow[] = [
  ...(["monday", "tuesday", "wednesday", "thursday"] as const).map(
    (weekday): AvailabilityWindow => Object.freeze({ kind: "weekly", weekday, start: "15:30", end: "20:30" }),
  ),
  Object.freeze({ kind: "weekly", weekday: "saturday", start: "09:00", end: "14:00" }),
];

export function makeEducator(random: Random, id: string, schoolId: string, role: Educator["role"], year: number, zoned: Zoned): Educator {
  const languages = ["en"];
  if (random.bernoulli(role === "paraprofessional" ? 0.45 : 0.22)) languages.push("es");
  for (const other of ["vi", "zh", "ar", "so"]) if (random.bernoulli(0.02)) languages.push(other);
  const optedIn = random.bernoulli(role === "teacher" ? 0.55 : 0.5);
  const trained = optedIn && random.bernoulli(0.9);
  const experience = random.bernoulli(0.35) ? "experienced" : "first-year";
  const educator: Educator = {
    id,
    schoolId,
    role,
    languages,
    trainings: trained ? [{ completedAt: zoned(`${year}-06-${pad(22 + random.int(4), 2)}`, "15:00"), hours: 6, outsideSchoolDay: true }] : [],
    hourlyRate: [38, 42, 46, 50][random.int(4)]!,
    availability: EDUCATOR_AVAILABILITY.slice(),
    experience,
  };
  if (optedIn) educator.optedInAt = zoned(`${year}-05-${pad(4 + random.int(24), 2)}`, "16:00");
  return educator;
}

