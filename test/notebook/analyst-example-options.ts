import type { AnalystNotebookOptions } from "../../src/index.js";

/** The options that examples/analyst.ipynb is written with: the sample district, importing the repository's build. */
export const ANALYST_EXAMPLE_OPTIONS: AnalystNotebookOptions = { imports: { core: "../dist/index.js", node: "../dist/node.js" } };
