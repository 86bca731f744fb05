/**
 * Produces test/cohort/fixtures/samplecube-reference.json: writes the comparison frames as CSV,
 * runs samplecube.R (R's sampling::samplecube) on them and stores its figures with each frame's
 * digest. Run: npx tsx scripts/reference/cohort/samplecube.ts (needs R with sampling and jsonlite).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { frameDigest, toCsv } from "../../../src/index.js";
import { REFERENCE_BALANCE, REFERENCE_FRAMES, REFERENCE_REPLICATES } from "../../../test/cohort/reference-frames.js";

const here = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "pthv-samplecube-"));
const columns = ["id", "familyId", ...REFERENCE_BALANCE];
for (const frame of REFERENCE_FRAMES) {
  const rows = frame.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] as string | number | boolean])));
  writeFileSync(join(folder, `${frame.name}.csv`), toCsv(rows, columns, { formulaSafe: false }));
}
writeFileSync(join(folder, "spec.json"), JSON.stringify({ balance: REFERENCE_BALANCE, frames: REFERENCE_FRAMES.map((f) => ({ name: f.name, fraction: f.fraction })) }));
const out = join(folder, "out.json");
execFileSync("Rscript", [join(here, "samplecube.R"), folder, String(REFERENCE_REPLICATES), out], { stdio: "inherit" });
const reference = JSON.parse(readFileSync(out, "utf8")) as { frames: Record<string, object> };
for (const frame of REFERENCE_FRAMES) Object.assign(reference.frames[frame.name]!, { frameDigest: frameDigest(frame.rows.map((r) => r.id)) });
const target = join(here, "../../../test/cohort/fixtures/samplecube-reference.json");
writeFileSync(target, `${JSON.stringify(reference, null, 2)}\n`);
console.log(`wrote ${target}`);
