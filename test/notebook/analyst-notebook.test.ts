import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analystNotebook } from "../../src/index.js";
import { ANALYST_EXAMPLE_OPTIONS } from "./analyst-example-options.js";

/**
 * The analyst notebook is executed by .ci/notebook.sh (Deno's kernel under nbconvert); these checks
 * keep its shape right without Jupyter: the kernel it asks for, where it imports pthv from, and
 * that it is committed without outputs (so no record is ever stored in it).
 */
interface Cell {
  cell_type: "code" | "markdown";
  source: string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
const notebook = JSON.parse(readFileSync("examples/analyst.ipynb", "utf8")) as { nbformat: number; metadata: { kernelspec: { name: string; language: string } }; cells: Cell[] };
const code = notebook.cells.filter((c) => c.cell_type === "code").map((c) => ({ ...c, text: c.source.join("") }));

describe("the analyst notebook", () => {
  it("is exactly what analystNotebook writes for the sample district (regenerate with scripts/notebook/write-analyst-notebook.ts)", () => {
    expect(readFileSync("examples/analyst.ipynb", "utf8")).toBe(`${JSON.stringify(analystNotebook(ANALYST_EXAMPLE_OPTIONS), null, 1)}\n`);
  });

  it("asks for Deno's kernel in nbformat 4", () => {
    expect(notebook.nbformat).toBe(4);
    expect(notebook.metadata.kernelspec).toMatchObject({ name: "deno", language: "typescript" });
  });

  it("imports pthv from the built package, as Deno imports an ES module", () => {
    const imports = code.flatMap((c) => [...c.text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]));
    expect(imports).toEqual(["../dist/index.js", "../dist/node.js"]);
  });

  it("is committed without outputs or execution counts", () => {
    for (const cell of code) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
    }
  });

  it("evaluates outcomes and displays the effects table, both charts and the report, each awaited and raw", () => {
    const all = code.map((c) => c.text).join("\n");
    expect(all).toContain("evaluateOutcomes(");
    for (const view of ["effects", "forest-plot", "absence-rates", "report"]) {
      expect(all).toContain(`await Deno.jupyter.display(toJupyter(report, "${view}"), { raw: true });`);
    }
  });

  it("prints no record: console.log only ever shows aggregates named in the notebook", () => {
    const logged = code.flatMap((c) => [...c.text.matchAll(/console\.log\(([^;]*)\);/g)].map((m) => m[1] ?? ""));
    for (const argument of logged) expect(argument).not.toMatch(/outcomes\[|rows\[|\.rows\)|studentId|familyId/);
  });
});
