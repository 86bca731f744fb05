import { analystNotebook, type AnalystNotebookOptions } from "../../notebook/index.js";
import { camelCaseHeader } from "../../node/index.js";
import { choiceOption, numberOption, emitOutput, parseCommandArgs, type Command } from "../command.js";

const DESIGNS = ["observational", "matched", "randomized"] as const;
const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export const notebookCommand: Command = {
  name: "notebook",
  summary: "write a starter analyst notebook for Deno's Jupyter kernel",
  help: `Usage: pthv notebook [--data outcomes.csv] [--covariates a,b,...] [--design d] [--out file.ipynb]

Writes a Jupyter notebook (nbformat 4) for Deno's kernel that loads the outcomes CSV, runs
evaluateOutcomes by the observational design and the chosen one, and displays the effects as an
HTML table, the forest plot and absence-rate chart as SVG, and the report as Markdown. Without
--data it uses the sample district. Open it after \`deno jupyter --install\`; see docs/notebooks.md.
The notebook only names the data file: it reads no record until you run it.

Options:
  --data file            the outcomes CSV, as the notebook will open it (relative to its folder)
  --covariates a,b,...   columns measured before the visits, e.g. prior_days_absent,frl,grade
                         (default: the sample district's seven prior measures)
  --design d             matched (default), observational or randomized
  --import where         npm (default: npm:pthv) or a folder holding pthv's build, e.g. ../dist
  --students n           sample district only: number of students (default 10000)
  --seed n               sample district only: seed (default 2026)
  --out file.ipynb       write the notebook there (default: print it)
  -h, --help             show this help

Exit codes: 0 notebook written, 2 bad options.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      data: { type: "string" },
      covariates: { type: "string" },
      design: { type: "string" },
      import: { type: "string" },
      students: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
    });
    if (values.help) {
      io.stdout(`${this.help}\n`);
      return 0;
    }
    const where = values.import ?? "npm";
    const folder = where.replace(/\/+$/, "");
    const students = numberOption(values.students, "students", (n) => Number.isInteger(n) && n >= 1, "a whole number, 1 or more");
    const seed = numberOption(values.seed, "seed", Number.isInteger, "a whole number");
    const covariates = list(values.covariates).map(camelCaseHeader);
    const options: AnalystNotebookOptions = {
      design: choiceOption(values.design, "design", DESIGNS, "matched"),
      imports: where === "npm" ? { core: "npm:pthv", node: "npm:pthv/node" } : { core: `${folder}/index.js`, node: `${folder}/node.js` },
      ...(values.data !== undefined ? { data: values.data } : {}),
      ...(covariates.length > 0 ? { covariates } : {}),
      ...(students !== undefined ? { students } : {}),
      ...(seed !== undefined ? { seed } : {}),
    };
    const text = `${JSON.stringify(analystNotebook(options), null, 1)}\n`;
    await emitOutput(io, text, values.out, ": open it with Deno's Jupyter kernel (deno jupyter --install)");
    return 0;
  },
};
