/**
 * A starter analyst notebook for Deno's Jupyter kernel, written as nbformat 4 JSON: load outcomes
 * from a CSV file (or the sample district), evaluate them, display the effects, charts and report.
 * `examples/analyst.ipynb` is this notebook for the sample district, importing the repository's build.
 */
import type { Design } from "../evaluate/index.js";
import { PthvUsageError } from "../errors/index.js";
import { JUPYTER_DESIGNS, cells, type NotebookCell } from "./analyst-cells.js";

/**
 * Options of {@link analystNotebook}.
 *
 * @example
 * ```ts
 * import type { AnalystNotebookOptions } from "pthv";
 * const options: AnalystNotebookOptions = { data: "outcomes.csv", covariates: ["priorDaysAbsent", "frl"], design: "matched" };
 * ```
 */
export interface AnalystNotebookOptions {
  /** The outcomes CSV, one row per student, as the notebook will open it (relative to the notebook's folder). Omitted: the sample district, written to a temporary CSV, with a check against its simulated effect. */
  data?: string;
  /** Covariates measured before the visits, as camelCase column names (default: the sample district's seven prior measures). */
  covariates?: readonly string[];
  /** The design after the observational comparison (default `matched`). */
  design?: Design;
  /** Where the notebook imports pthv from (default `npm:pthv` and `npm:pthv/node`). */
  imports?: { core: string; node: string };
  /** Sample district only: its number of students (default 10,000) and seed (default 2026). */
  students?: number;
  /** Sample district only: the seed (default 2026). */
  seed?: number;
}

/**
 * A Jupyter notebook as nbformat 4 JSON: what {@link analystNotebook} returns and what a `.ipynb`
 * file holds.
 *
 * @example
 * ```ts
 * import { analystNotebook, type JupyterNotebook } from "pthv";
 * const notebook: JupyterNotebook = analystNotebook();
 * notebook.metadata.kernelspec.name; // "deno"
 * ```
 */
export interface JupyterNotebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: {
    /** The kernel to start: Deno's, as `deno jupyter --install` registers it. */
    kernelspec: { display_name: string; language: string; name: string };
    language_info: Record<string, string>;
  };
  /** Markdown and code cells, without outputs. */
  cells: NotebookCell[];
}

/** The sample district's prior measures: the covariates families self-select on. */
const SAMPLE_COVARIATES = ["priorDaysAbsent", "priorDaysEnrolled", "priorReadingScore", "ell", "iep", "frl", "grade"];

/**
 * Writes a starter analyst notebook for Deno's Jupyter kernel: it loads one row of outcomes per
 * student from a CSV file (or writes the sample district's outcomes to one), runs
 * {@link evaluateOutcomes} by the observational design and the chosen one, and displays the
 * effects as an HTML table, the forest plot and absence-rate chart as SVG and the report as
 * Markdown, through {@link toJupyter}. The notebook prints aggregates only, never a record; it is
 * returned without outputs, ready for `deno jupyter` or a headless `jupyter nbconvert --execute`.
 *
 * @param options - data file, covariates, design and where to import pthv from; see {@link AnalystNotebookOptions}
 * @returns the notebook as nbformat 4 JSON (write it with `JSON.stringify(notebook, null, 1)`)
 * @throws {@link PthvUsageError} for an unknown design, an empty or non-identifier covariate, or a
 *   number of students that is not a positive whole number
 *
 * @example
 * ```ts
 * import { analystNotebook } from "pthv";
 * const notebook = analystNotebook({ data: "outcomes.csv", covariates: ["priorDaysAbsent", "frl", "grade"] });
 * notebook.cells.length > 0; // true; save as analysis.ipynb and open it with Deno's kernel
 * ```
 */
export function analystNotebook(options: AnalystNotebookOptions = {}): JupyterNotebook {
  const design = options.design ?? "matched";
  const covariates = [...(options.covariates ?? SAMPLE_COVARIATES)];
  const problems: string[] = [];
  if (!(JUPYTER_DESIGNS as readonly string[]).includes(design)) problems.push(`design "${String(design)}" is not one of ${JUPYTER_DESIGNS.join(", ")}`);
  const bad = covariates.filter((c) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c));
  if (bad.length > 0) problems.push(`covariates must be column names (letters, digits, _), as readCsvFile gives them in camelCase; got ${bad.map((c) => JSON.stringify(c)).join(", ")}`);
  if (covariates.length === 0) problems.push("give at least one covariate measured before the visits, e.g. priorDaysAbsent");
  const students = options.students ?? 10_000;
  if (!Number.isInteger(students) || students < 1) problems.push(`students must be a positive whole number (got ${students})`);
  if (problems.length > 0) throw new PthvUsageError(`Cannot write the analyst notebook: ${problems.join("; ")}.`);
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
      language_info: { codemirror_mode: "typescript", file_extension: ".ts", mimetype: "text/x.typescript", name: "typescript", nbconvert_exporter: "script", pygments_lexer: "typescript" },
    },
    cells: cells({
      design,
      covariates,
      imports: options.imports ?? { core: "npm:pthv", node: "npm:pthv/node" },
      source: options.data === undefined ? { kind: "sample", students, seed: options.seed ?? 2026 } : { kind: "file", path: options.data },
    }),
  };
}
