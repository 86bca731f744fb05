import { describe, expect, it } from "vitest";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { RULES, validateProgram } from "../../src/validate/index.js";

const district = sampleDistrict({ students: 900, seed: "validate" });

describe("the validator on the sample district", () => {
  it("finds nothing in the clean sample district, with every rule on and none skipped", () => {
    const report = validateProgram(district, { rules: { "plan-deadline": ["error", { today: "2026-11-01" }] } });
    expect(report.diagnostics).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    expect(report.rules.filter((r) => r.level === "off" || r.skipped !== undefined)).toEqual([]);
  });

  it("fires each rule exactly where a violation is planted, and nowhere else", () => {
    const planted = structuredClone(district);
    const held = planted.visits.filter((v) => v.status === "completed" && v.visitNumber === 1);
    const [a, b, c, d, e, f, g, h] = held;
    const expected: string[] = [];
    const plant = (ruleId: string, id: string) => expected.push(`${ruleId} ${id}`);

    planted.families.find((fam) => fam.id === a!.familyId)!.consent = { status: "pending" };
    for (const v of planted.visits) if (v.familyId === a!.familyId && v.status !== "cancelled") plant("family-consent", v.id);
    delete b!.scheduledAt;
    plant("scheduled-in-advance", b!.id);
    c!.compensation = c!.compensation.slice(0, 1);
    plant("compensated-outside-school-day", c!.id);
    d!.agenda = [...d!.agenda, "attendance-data"];
    plant("first-visit-relationship", d!.id);
    e!.educatorIds = [e!.educatorIds[0]!];
    e!.compensation = e!.compensation.slice(0, 1);
    planted.reflections.find((r) => r.visitIds.includes(e!.id))!.educatorIds = [e!.educatorIds[0]!];
    plant("visit-in-pairs", e!.id);
    planted.reflections = planted.reflections.filter((r) => !r.visitIds.includes(f!.id));
    plant("reflection-with-partner", f!.id);
    // An educator who visits without having opted in or trained: remove both from one who visits only with g's pair.
    const newcomer = { ...planted.educators.find((x) => x.id === g!.educatorIds[0])!, id: "edu-newcomer", trainings: [] };
    delete (newcomer as { optedInAt?: string }).optedInAt;
    planted.educators.push(newcomer);
    g!.educatorIds = ["edu-newcomer", g!.educatorIds[1]!];
    delete g!.pairId;
    g!.compensation = g!.compensation.map((comp, i) => (i === 0 ? { ...comp, educatorId: "edu-newcomer" } : comp));
    planted.reflections.find((r) => r.visitIds.includes(g!.id))!.educatorIds = [...g!.educatorIds];
    plant("educator-opt-in", g!.id);
    plant("educator-trained", g!.id);
    planted.plan!.elements.funding = "TBD";
    plant("plan-elements", "plan");
    planted.plan!.presentedAt = "2026-08-01";
    plant("plan-deadline", "plan");
    planted.plan!.steeringCommittee = planted.plan!.steeringCommittee.filter((m) => m.group !== "union-leader");
    plant("steering-committee", "plan");
    void h;

    const report = validateProgram(planted);
    const found = report.diagnostics.map((diag) => `${diag.ruleId} ${diag.id ?? diag.entity}`);
    expect([...found].sort()).toEqual([...expected].sort());
    expect(report.ok).toBe(false);
    expect(report.counts).toEqual({ error: expected.length - 1, warning: 1 });
  });

  it("leaves the record it validates unchanged", () => {
    const before = JSON.stringify(district);
    validateProgram(district);
    expect(JSON.stringify(district)).toBe(before);
  });
});
