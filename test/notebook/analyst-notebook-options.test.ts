import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PthvUsageError, analystNotebook, type AnalystNotebookOptions, type Design } from "../../src/index.js";

const code = (options: AnalystNotebookOptions = {}) =>
  analystNotebook(options)
    .cells.filter((c) => c.cell_type === "code")
    .map((c) => c.source.join(""))
    .join("\n");

describe("analystNotebook", () => {
  it("imports pthv from npm unless told where its build is", () => {
    expect(code()).toContain('from "npm:pthv";');
    expect(code()).toContain('from "npm:pthv/node";');
    expect(code({ imports: { core: "../dist/index.js", node: "../dist/node.js" } })).toContain('from "../dist/index.js";');
  });

  it("reads the named CSV file and leaves out the sample district and its simulated truth", () => {
    const text = code({ data: "data/outcomes 2026.csv", covariates: ["priorDaysAbsent", "frl"] });
    expect(text).toContain('const outcomesCsv = "data/outcomes 2026.csv";');
    expect(text).toContain('const covariates = ["priorDaysAbsent","frl"];');
    expect(text).not.toContain("sampleDistrict");
    expect(text).not.toContain("simulation");
  });

  it("builds the sample district with the given size and seed, and checks the interval covers its simulated effect", () => {
    const text = code({ students: 2500, seed: 9 });
    expect(text).toContain("sampleDistrict({ seed: 9, students: 2500 })");
    expect(text).toContain("the interval does not cover the simulated effect");
  });

  it("runs the chosen design after the observational comparison, or the observational design alone", () => {
    expect(code({ design: "randomized" })).toContain('evaluateOutcomes(columns, { design: "randomized", covariates })');
    expect(code({ design: "observational" })).toContain("const report = observational;");
  });

  it("is nbformat 4 for Deno's kernel, with unique cell ids and code cells without outputs", () => {
    const notebook = analystNotebook();
    expect(notebook).toMatchObject({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "deno", language: "typescript" } } });
    const ids = notebook.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of notebook.cells.filter((c) => c.cell_type === "code")) expect(cell).toMatchObject({ execution_count: null, outputs: [] });
  });

  it("reports every bad option at once", () => {
    const attempt = () => analystNotebook({ design: "quasi" as Design, covariates: ["prior days"], students: 0 });
    expect(attempt).toThrow(PthvUsageError);
    expect(attempt).toThrow(/design "quasi".*covariates must be column names.*"prior days".*students must be a positive whole number/);
    expect(() => analystNotebook({ covariates: [] })).toThrow(/at least one covariate/);
  });

  it("puts any data path into the code only as a string literal (property)", () => {
    fc.assert(
      fc.property(fc.string(), (path) => {
        const text = code({ data: path });
        return text.includes(`const outcomesCsv = ${JSON.stringify(path)};`);
      }),
    );
  });

  it("keeps every source line but the last of a cell ending in a newline, as nbformat stores it", () => {
    for (const cell of analystNotebook().cells) {
      cell.source.slice(0, -1).forEach((line) => expect(line.endsWith("\n")).toBe(true));
      expect(cell.source.at(-1)?.endsWith("\n")).toBe(false);
    }
  });
});
