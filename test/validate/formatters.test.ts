import { describe, expect, it } from "vitest";
import { RULES, formatReport, validateProgram, type ValidationReport } from "../../src/validate/index.js";
import { programWith, visitOf } from "./programme.js";

/** Two errors in visits.csv (one with characters that need escaping) and one warning about the plan. */
function report(): ValidationReport {
  const program = programWith((p) => {
    visitOf(p).id = 'v<1>&"x",y';
    p.reflections[0]!.visitIds = [visitOf(p).id];
    delete visitOf(p).scheduledAt;
    visitOf(p).educatorIds = ["edu-1"];
    p.reflections[0]!.educatorIds = ["edu-1"];
    p.plan!.steeringCommittee.pop();
  });
  return validateProgram(program, { rules: { "educator-opt-in": "off" } }, { sources: { visits: [{ file: "data/visits.csv", row: 3 }], file: "data" } });
}

describe("report formatters", () => {
  it("locates diagnostics by file and row from the source map", () => {
    const r = report();
    expect(r.diagnostics.map((d) => [d.ruleId, d.file, d.row ?? null])).toEqual([
      ["scheduled-in-advance", "data/visits.csv", 3],
      ["visit-in-pairs", "data/visits.csv", 3],
      ["steering-committee", "data", null],
    ]);
  });

  it("stylish groups by file, gives row, severity, message and rule, then the totals", () => {
    const text = formatReport(report(), "stylish");
    expect(text).toMatch(/^data\/visits\.csv\n\s+3\s+error\s+visit 'v<1>&"x",y': visit has no booking time.*scheduled-in-advance$/m);
    expect(text).toMatch(/^data\n\s+-\s+warn\s+plan: .*steering-committee$/m);
    expect(text.trimEnd().split("\n").at(-1)).toBe("✖ 3 problems (2 errors, 1 warning)");
  });

  it("json is the report itself", () => {
    const r = report();
    expect(JSON.parse(formatReport(r, "json"))).toEqual(r);
  });

  it("junit has one test case per rule, failing the rules with errors and escaping XML", () => {
    const text = formatReport(report(), "junit");
    expect(text.match(/<testcase /g)).toHaveLength(RULES.length);
    expect(text).toContain(`<testsuites name="pthv validate" tests="${RULES.length}" failures="2" errors="0" skipped="2">`);
    expect(text).toMatch(/<testcase name="visit-in-pairs" classname="pthv.validate.non-negotiable-5"><failure message="1 violation of visit-in-pairs"/);
    expect(text).toMatch(/<testcase name="educator-opt-in"[^>]*><skipped message="rule is off"\/><\/testcase>/);
    expect(text).toMatch(/<testcase name="steering-committee"[^>]*><system-out>/);
    expect(text).toMatch(/<testcase name="visited-representative"[^>]*><skipped message="not assessed \(fewer than 10 visited families/);
    expect(text).toContain("v&lt;1&gt;&amp;&quot;x&quot;,y");
    expect(text).not.toContain('v<1>');
  });

  it("sarif is SARIF 2.1.0 with every rule, help links, and results located in the input files", () => {
    const log = JSON.parse(formatReport(report(), "sarif"));
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("pthv");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    }
    expect(run.results).toHaveLength(3);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(["error", "warning"]).toContain(result.level);
      const physical = result.locations[0].physicalLocation;
      expect(physical.region.startLine).toBeGreaterThanOrEqual(1);
      expect(typeof result.partialFingerprints["pthvRecord/v1"]).toBe("string");
    }
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "data/visits.csv" }, region: { startLine: 3 } });
    expect(run.results[2].level).toBe("warning");
  });

  it("github prints one escaped workflow annotation per diagnostic", () => {
    const lines = formatReport(report(), "github").trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`::error file=data/visits.csv,line=3,title=pthv scheduled-in-advance::visit 'v<1>&"x",y': visit has no booking time (scheduledAt), so it was unannounced: book every visit ahead with the family and record when`);
    expect(lines[2]).toMatch(/^::warning file=data,title=pthv steering-committee::plan: /);
    expect(lines[3]).toBe("pthv validate: 3 problems (2 errors, 1 warning)");
  });

  it("github escapes commas and colons in file names and newlines in messages", () => {
    const r = report();
    r.diagnostics = [{ ...r.diagnostics[0]!, file: "a,b:c.csv", message: "50% done\nnext" }];
    expect(formatReport(r, "github").split("\n")[0]).toBe("::error file=a%2Cb%3Ac.csv,line=3,title=pthv scheduled-in-advance::visit 'v<1>&\"x\",y': 50%25 done%0Anext");
  });

  it("markdown has a row per rule and a row per diagnostic, escaping table pipes", () => {
    const r = report();
    r.diagnostics[0] = { ...r.diagnostics[0]!, message: "a | b" };
    const text = formatReport(r, "markdown");
    expect(text).toMatch(/^## pthv validate: failed$/m);
    expect(text.match(/^\| \[[a-z-]+\]\(https:/gm)).toHaveLength(RULES.length);
    expect(text).toContain("| error | data/visits.csv:3 |");
    expect(text).toContain("a \\| b");
  });

  it("every format says there is nothing wrong when there is nothing wrong", () => {
    const clean = validateProgram(programWith(() => {}));
    expect(formatReport(clean, "stylish")).toMatch(/^no problems: 1 visit checked against 13 rules/);
    expect(JSON.parse(formatReport(clean, "sarif")).runs[0].results).toEqual([]);
    expect(formatReport(clean, "junit")).toContain('failures="0"');
    expect(formatReport(clean, "github")).toBe("pthv validate: 0 problems (0 errors, 0 warnings)\n");
    expect(formatReport(clean, "markdown")).toMatch(/passed/);
  });
});
