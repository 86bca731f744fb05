/**
 * A guard for speed work on the cohort sampler: hashes every cohort (selection, reserve, strata,
 * balance report), its verification and a checkBalance report over 42 draws on three frames (ids in
 * order or shuffled, with and without siblings and students without a family id, three schools).
 * Optimisations must leave the printed digest unchanged; the golden file pins fewer, smaller draws.
 * Run: npx tsx bench/cohort-draws-digest.ts (a few seconds). Not a test: it needs node:crypto.
 */
import { createHash } from "node:crypto";
import { checkBalance, createRandom, sampleCohort, verifyCohort, type FrameRow, type SampleCohortOptions } from "../src/index.js";

/** The digest printed by the first version of the sampler (before the speed work of issue #3). */
const EXPECTED = "e5ab96757d970a63ea911d4b6ca6d2e92242ea6db69009bc4ca18d471e897b95";

function frame(n: number, shuffled: boolean, sib: boolean): FrameRow[] {
  const r = createRandom("base" + n);
  const rows: FrameRow[] = [];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(6, "0");
    rows.push({ id: `stu-${id}`, schoolId: `sch-${i % 3}`, familyId: sib ? (i % 5 === 0 ? null : `fam-${String(Math.floor(i / 2)).padStart(6, "0")}`) : `fam-${id}`,
      grade: r.int(6), teacherId: `t-${r.int(7)}`, a: r.int(40), b: Math.round(500 + 45 * r.normal()), c: r.float(), ell: r.bernoulli(0.2), lang: ["en", "es", "vi"][r.int(3)]! });
  }
  return shuffled ? r.shuffle(rows) : rows;
}
const out: unknown[] = [];
for (const [n, sh, sib] of [[5000, false, false], [8000, true, true], [20000, false, true]] as const) {
  const f = frame(n, sh, sib);
  for (const o of [{ method: "all" }, { method: "random", fraction: 0.1 }, { method: "stratified", fraction: 0.13, strata: ["grade"] }, { method: "stratified", fraction: 0.2, strata: ["grade", "teacherId"], balance: ["a", "lang"] },
    { method: "balanced", fraction: 0.1, balance: ["a", "b", "c", "ell", "lang"] }, { method: "balanced", fraction: 0.25, balance: ["a", "ell"], strata: ["lang"] }, { method: "classroom", count: 4 }] as const) {
    for (const seed of [1, "x"]) {
      const c = sampleCohort(f, { ...o, seed } as SampleCohortOptions);
      out.push(c);
      out.push(verifyCohort(f, c).verified);
    }
  }
  out.push(checkBalance(f, f.slice(0, 300).map((x) => x.familyId ?? x.id).filter((v, i, a) => a.indexOf(v) === i), ["a", "b", "lang", "ell"]));
}
const text = JSON.stringify(out);
const digest = createHash("sha256").update(text).digest("hex");
console.log(`${digest} (${text.length} characters of JSON): ${digest === EXPECTED ? "unchanged" : "CHANGED: the draws differ from the first version"}`);
if (digest !== EXPECTED) process.exitCode = 1;
