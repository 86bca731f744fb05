/**
 * The cells of the analyst notebook: Markdown that explains each step and TypeScript that Deno's
 * kernel runs. Values from the options enter the code only through JSON.stringify.
 */
import type { Design } from "../evaluate/index.js";

/** The designs the notebook can run after the observational comparison. */
export const JUPYTER_DESIGNS = ["observational", "matched", "randomized"] as const;

/** One notebook cell as nbformat 4 stores it (source as lines, each but the last ending in a newline). */
export interface NotebookCell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, never>;
  source: string[];
  execution_count?: null;
  outputs?: [];
}

/** What the cells need to know. */
export interface CellPlan {
  design: Design;
  covariates: string[];
  imports: { core: string; node: string };
  source: { kind: "sample"; students: number; seed: number } | { kind: "file"; path: string };
}

const lines = (text: string) => text.trim().split("\n").map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));
const q = (value: unknown) => JSON.stringify(value);

function intro(plan: CellPlan): string {
  const data =
    plan.source.kind === "sample"
      ? `The data is the embedded **sample district**: simulated students whose outcomes carry a known effect
(24% fewer absences for visited students) and self-selection (families with fewer past absences accept
visits more often), so you can see the naive comparison mislead and the adjusted estimates recover the
truth. To use your own data, write a notebook for your file with \`pthv notebook --data outcomes.csv\`.`
      : `The data is \`${plan.source.path}\`: one row per student with \`schoolId\`, \`visited\`, \`daysEnrolled\`,
\`daysAbsent\` and the covariates measured before the visits (headers in any case; pthv reads them in camelCase).`;
  return `# Did home visits reduce absences? An analyst's notebook

This notebook runs in Jupyter with **Deno's kernel** (\`deno jupyter --install\`). It loads one row of
outcomes per student from a CSV file, evaluates the effect of Parent Teacher Home Visits with
\`evaluateOutcomes\`, and displays the headline effects as an HTML table, the forest plot and the
absence-rate chart as SVG, and the whole report as Markdown.

${data}

Nothing here prints a student record: every figure shown is an aggregate, and the report suppresses
small cells.${plan.imports.core.startsWith("npm:") ? "" : " Run `npm run build` in the repository first: the notebook imports the built package."}`;
}

function importCell(plan: CellPlan): string {
  const where = plan.imports.core.startsWith("npm:")
    ? "// pthv from the npm registry, as Deno imports npm packages."
    : `// pthv from a build (run \`npm run build\` in the repository first); Deno finds pthv's own
// dependencies (zod, luxon, ...) in the repository's node_modules. Outside the repository,
// import from "npm:pthv" and "npm:pthv/node" instead.`;
  const toCsv = plan.source.kind === "sample" ? "sampleDistrict, toCsv, " : "";
  return `${where}
import { evaluateOutcomes, ${toCsv}toJupyter, type EvaluationReport } from ${q(plan.imports.core)};
import { readCsvFile } from ${q(plan.imports.node)};

const percent = (x: number) => \`\${(100 * x).toFixed(1)}%\`;`;
}

function dataCell(plan: CellPlan): string {
  const read = `const table = await readCsvFile(outcomesCsv);
const columns: Record<string, (string | undefined)[]> = {};
for (const name of table.columns) columns[name] = table.rows.map((row) => row.cells.get(name) || undefined);
console.log(\`\${table.rows.length.toLocaleString("en-US")} students, columns: \${table.columns.join(", ")}\`);`;
  if (plan.source.kind === "file") return `const outcomesCsv = ${q(plan.source.path)};\n${read}`;
  return `const district = sampleDistrict({ seed: ${q(plan.source.seed)}, students: ${q(plan.source.students)} });
const folder = await Deno.makeTempDir({ prefix: "pthv-notebook-" });
const outcomesCsv = \`\${folder}/outcomes.csv\`;
const header = Object.keys(district.outcomes[0]!);
await Deno.writeTextFile(outcomesCsv, toCsv(district.outcomes, header, { formulaSafe: false }));

${read}`;
}

function evaluateCell(plan: CellPlan): string {
  const truth = plan.source.kind === "sample" ? "console.log(`truth of the simulation:   ${percent(1 - district.simulation.absenceRateRatio)} fewer absences`);\n" : "";
  return `const covariates = ${q(plan.covariates)};
const observational = evaluateOutcomes(columns, { design: "observational", covariates });
const report = ${plan.design === "observational" ? "observational" : `evaluateOutcomes(columns, { design: ${q(plan.design)}, covariates })`};

const fewer = (r: EvaluationReport) => r.effects.find((e) => e.measure === "fewer absences (1 - IRR)" && e.source === "absences.negative-binomial");
const [visited, others] = observational.descriptives;
${truth}if (visited?.absenceRate != null && others?.absenceRate != null) {
  console.log(\`naive difference in rates: \${percent(1 - visited.absenceRate / others.absenceRate)} fewer absences\`);
}
for (const r of ${plan.design === "observational" ? "[observational]" : "[observational, report]"}) {
  const e = fewer(r);
  console.log(\`\${r.design.padEnd(26)} \${e ? \`\${percent(e.estimate)} fewer absences (95% CI \${percent(e.ciLow)} to \${percent(e.ciHigh)})\` : "not estimated"}\`);
}`;
}

function checkCell(plan: CellPlan): string {
  const sample =
    plan.source.kind === "sample"
      ? `const truth = 1 - district.simulation.absenceRateRatio;
if (!(headline.ciLow < truth && truth < headline.ciHigh)) throw new Error("the interval does not cover the simulated effect");
await Deno.remove(folder, { recursive: true });
`
      : "";
  return `const headline = fewer(report);
if (!headline) throw new Error("no fewer-absences effect was estimated: see the report's caveats");
${sample}if (!toJupyter(report, "forest-plot")["image/svg+xml"]?.startsWith("<svg")) throw new Error("the forest plot is not SVG");
console.log("all checks passed");`;
}

/** The notebook's cells, in order. */
export function cells(plan: CellPlan): NotebookCell[] {
  const designText = plan.design === "observational" ? "adjusted for the covariates" : `then by the ${plan.design} design`;
  const parts: [NotebookCell["cell_type"], string][] = [
    ["markdown", intro(plan)],
    ["code", importCell(plan)],
    ["markdown", `## 1. Outcome data as a CSV file\n\n${plan.source.kind === "sample" ? "Write the sample district's outcomes to a CSV file in a temporary folder, as a district's\nstudent-information system would export them, and read it back." : "Read the outcomes file."} Only the number of rows and the columns are shown.`],
    ["code", dataCell(plan)],
    ["markdown", `## 2. Evaluate\n\nCompare visited students with similar students who were not visited: first as they are\n(observational, adjusted for the covariates), ${designText}.`],
    ["code", evaluateCell(plan)],
    ["markdown", `## 3. The headline effects

\`toJupyter(report, view)\` returns a MIME bundle (here the effects as an HTML table).
\`Deno.jupyter.display(bundle, { raw: true })\` sends it as it is; awaiting it makes sure it is sent
before the cell finishes. Interactively you can also leave \`toJupyter(report, "effects")\` as a
cell's last expression: Deno renders it through its \`Symbol.for("Jupyter.display")\` method. Headless
runs use the raw form because, with Deno 2.9.6, output rendered through that method now and then
never reaches nbconvert (see pthv's docs/notebooks.md).`],
    ["code", `await Deno.jupyter.display(toJupyter(report, "effects"), { raw: true });`],
    ["markdown", "## 4. Charts\n\nThe forest plot of every effect with its confidence interval, then the distribution of absence rates\nby group, both as SVG."],
    ["code", `await Deno.jupyter.display(toJupyter(report, "forest-plot"), { raw: true });\nawait Deno.jupyter.display(toJupyter(report, "absence-rates"), { raw: true });`],
    ["markdown", "## 5. The whole report\n\nThe Markdown summary: what was compared, every effect, the groups, matching or lottery, baseline\nequivalence, the school level and the caveats."],
    ["code", `await Deno.jupyter.display(toJupyter(report, "report"), { raw: true });`],
    ["markdown", "## 6. Checks\n\nWhen CI executes this notebook, a wrong turn above should fail it, not pass silently."],
    ["code", checkCell(plan)],
  ];
  return parts.map(([cell_type, text], i) => {
    const id = `cell-${String(i + 1).padStart(2, "0")}`;
    return cell_type === "code"
      ? { cell_type, id, metadata: {}, source: lines(text), execution_count: null, outputs: [] }
      : { cell_type, id, metadata: {}, source: lines(text) };
  });
}
