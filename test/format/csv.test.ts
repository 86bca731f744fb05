import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { spreadsheetSafe, toCsv } from "../../src/format/csv.js";

describe("spreadsheet-safe CSV", () => {
  it("defuses cells that a spreadsheet would run as formulas", () => {
    for (const bad of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) expect(spreadsheetSafe(bad)).toBe(`'${bad}`);
    expect(spreadsheetSafe("fam-1")).toBe("fam-1");
    expect(spreadsheetSafe(-5)).toBe(-5);
  });

  it("round-trips quoting of commas, quotes and newlines", () => {
    const text = toCsv([{ a: 'say "hi", then\nleave', b: 3, c: null }], ["a", "b", "c"]);
    const parsed = Papa.parse<string[]>(text.trim(), { header: false }).data;
    expect(parsed).toEqual([["a", "b", "c"], ['say "hi", then\nleave', "3", ""]]);
  });
});
