// Writes examples/analyst.ipynb from analystNotebook (the sample district, importing the repository's
// build). Run after changing the notebook's cells: npx tsx scripts/notebook/write-analyst-notebook.ts
// test/notebook/analyst-notebook.test.ts fails when the committed file differs.
import { writeFileSync } from "node:fs";
import { ANALYST_EXAMPLE_OPTIONS } from "../../test/notebook/analyst-example-options.js";
import { analystNotebook } from "../../src/index.js";

writeFileSync(new URL("../../examples/analyst.ipynb", import.meta.url), `${JSON.stringify(analystNotebook(ANALYST_EXAMPLE_OPTIONS), null, 1)}\n`);
