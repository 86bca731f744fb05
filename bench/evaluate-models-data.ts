/**
 * Generates the benchmark data set of the regression engine: one row per student, ten covariate
 * columns (plus intercept) as a column-major matrix, absence counts with overdispersion, a binary
 * chronic-absence outcome and a school id for clustering. Seeded (src/random), so TypeScript and
 * R time the same data.
 */
import { createRandom } from "../src/random/index.js";

/** The generated data. */
export interface BenchData {
  n: number;
  names: string[];
  X: Float64Array;
  daysAbsent: Float64Array;
  chronic: Float64Array;
  offset: Float64Array;
  daysEnrolled: Float64Array;
  school: Int32Array;
}

function poisson(random: ReturnType<typeof createRandom>, mu: number): number {
  // inversion: fine for the small means of absence counts
  const u = random.float();
  let k = 0;
  let p = Math.exp(-mu);
  let cdf = p;
  while (u > cdf && k < 1000) {
    k++;
    p *= mu / k;
    cdf += p;
  }
  return k;
}

/** n students in `schools` schools. */
export function benchData(n: number, schools = 200, seed = "bench-models"): BenchData {
  const random = createRandom(seed);
  const names = ["(Intercept)", "visited", "priorAbsent", "priorReading", "ell", "iep", "frl", "title1", "grade1", "grade2", "grade3"];
  const p = names.length;
  const X = new Float64Array(n * p);
  const daysAbsent = new Float64Array(n);
  const chronic = new Float64Array(n);
  const offset = new Float64Array(n);
  const daysEnrolled = new Float64Array(n);
  const school = new Int32Array(n);
  const schoolEffect = Float64Array.from({ length: schools }, () => 0.3 * random.normal());
  const title1 = Float64Array.from({ length: schools }, () => (random.bernoulli(0.5) ? 1 : 0));
  for (let i = 0; i < n; i++) {
    const s = random.int(schools);
    school[i] = s;
    const ell = random.bernoulli(0.25) ? 1 : 0;
    const iep = random.bernoulli(0.12) ? 1 : 0;
    const frl = random.bernoulli(0.55) ? 1 : 0;
    const grade = random.int(4);
    const prior = poisson(random, 9 * (-Math.log(1 - random.float()) + -Math.log(1 - random.float())) / 2);
    const reading = Math.round((200 - 8 * ell - 10 * iep + 25 * random.normal()) * 10) / 10;
    const visited = random.bernoulli(1 / (1 + Math.exp(0.8 - 0.02 * prior - 0.3 * (title1[s] as number)))) ? 1 : 0;
    const days = 120 + random.int(61);
    const lin = Math.log(days / 180) + Math.log(8) - 0.25 * visited + 0.04 * prior + 0.15 * frl + 0.2 * iep - 0.002 * (reading - 200) + (schoolEffect[s] as number) + 0.1 * (title1[s] as number);
    const gammaDraw = (-Math.log(1 - random.float()) - Math.log(1 - random.float())) / 2;
    const y = poisson(random, Math.exp(lin) * gammaDraw);
    const row = [1, visited, prior, reading, ell, iep, frl, title1[s] as number, grade === 1 ? 1 : 0, grade === 2 ? 1 : 0, grade === 3 ? 1 : 0];
    for (let j = 0; j < p; j++) X[j * n + i] = row[j] as number;
    daysAbsent[i] = y;
    chronic[i] = y >= 0.1 * days ? 1 : 0;
    daysEnrolled[i] = days;
    offset[i] = Math.log(days);
  }
  return { n, names, X, daysAbsent, chronic, offset, daysEnrolled, school };
}
