/**
 * What a notebook cell receives from pthv: the Jupyter MIME bundles of an evaluation report (the
 * Markdown summary, the effects table as HTML, the forest plot and absence-rate chart as SVG), as
 * `toJupyter` builds them for Deno's kernel. See examples/analyst.ipynb and docs/notebooks.md.
 *
 * Run after `npm run build`: npx tsx examples/notebook-display.ts [out-folder]
 * It prints only the views' MIME types and sizes, never a student record; with an out-folder it
 * writes each bundle as JSON (what a notebook stores as a cell's output).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { JUPYTER_VIEWS, evaluateOutcomes, sampleDistrict, toJupyter } from "pthv";

const report = evaluateOutcomes(sampleDistrict({ seed: 2026, students: 3000 }).outcomes, {
  design: "matched",
  covariates: ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "ell", "iep", "frl", "grade"],
});

const out = process.argv[2];
if (out) await mkdir(out, { recursive: true });
for (const view of JUPYTER_VIEWS) {
  const bundle = toJupyter(report, view);
  // In Deno's kernel: await Deno.jupyter.display(bundle, { raw: true });
  const types = Object.entries(bundle).map(([type, text]) => `${type} (${text.length.toLocaleString("en-US")} characters)`);
  console.log(`${view.padEnd(14)} ${types.join(", ")}`);
  if (out) await writeFile(join(out, `${view}.json`), `${JSON.stringify(bundle, null, 1)}\n`);
}
