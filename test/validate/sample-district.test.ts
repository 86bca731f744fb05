import { describe, expect, it } from "vitest";
import { sampleDistrict } from "../../src/sample-district/index.js";
import { RULES, validateProgram } from "../../src/validate/index.js";

const district = sampleDistrict();

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
    const expected: string[] = [];
    const plant = (ruleId: string, id: string) => expected.push(`${ruleId} ${id}`);

    // Targeting in the field: at the school with most visits, the families of the weakest readers
    // are visited (40 more of them booked) and the visits to the stronger half are cancelled.
    const visitsAt = (id: string) => planted.visits.filter((v) => v.schoolId === id && v.status === "completed").length;
    const target = [...planted.schools].sort((x, y) => visitsAt(y.id) - visitsAt(x.id))[0]!.id;
    const readers = planted.students.filter((st) => st.schoolId === target).sort((x, y) => (x.priorReadingScore as number) - (y.priorReadingScore as number));
    const median = readers[Math.floor(readers.length / 2)]!.priorReadingScore as number;
    const stronger = new Set(readers.filter((st) => (st.priorReadingScore as number) >= median).map((st) => st.familyId));
    const visitedAlready = new Set(planted.visits.filter((v) => v.schoolId === target).map((v) => v.familyId));
    const template = planted.visits.find((v) => v.schoolId === target && v.status === "completed" && v.visitNumber === 1)!;
    const templateReflection = planted.reflections.find((r) => r.visitIds.includes(template.id))!;
    const weakest = [...new Set(readers.map((st) => st.familyId))].filter((id) => !stronger.has(id) && !visitedAlready.has(id)).slice(0, 40);
    for (const familyId of weakest) {
      planted.families.find((fam) => fam.id === familyId)!.consent = { status: "accepted", recordedAt: "2026-06-20T17:00:00-04:00" };
      planted.visits.push({ ...structuredClone(template), id: `visit-target-${familyId}`, familyId });
      planted.reflections.push({ ...structuredClone(templateReflection), id: `refl-target-${familyId}`, visitIds: [`visit-target-${familyId}`] });
    }
    for (const v of planted.visits) if (v.schoolId === target && stronger.has(v.familyId)) v.status = "cancelled";
    plant("visited-representative", target);

    const held = planted.visits.filter((v) => v.status === "completed" && v.visitNumber === 1 && v.schoolId !== target);
    const [a, b, c, d, e, f, g, h] = held;

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
    // A visit to a family in no cohort, and a cohort edited after its draw.
    planted.families.push({ ...planted.families.find((fam) => fam.id === h!.familyId)!, id: "fam-outsider" });
    planted.visits.push({ ...structuredClone(h!), id: "visit-outsider", familyId: "fam-outsider" });
    planted.reflections.push({ ...structuredClone(planted.reflections.find((r) => r.visitIds.includes(h!.id))!), id: "refl-outsider", visitIds: ["visit-outsider"] });
    plant("cohort-provenance", "visit-outsider");
    const edited = planted.cohorts.find((co) => co.schoolIds?.[0] !== target && co.declinedFamilyIds.length > 0)!;
    const dropped = edited.declinedFamilyIds[0]!;
    edited.selectedFamilyIds = edited.selectedFamilyIds.filter((id) => id !== dropped);
    plant("cohort-provenance", edited.id!);

    const report = validateProgram(planted);
    const found = report.diagnostics.map((diag) => `${diag.ruleId} ${diag.id ?? diag.entity}`);
    expect([...new Set(found)].sort()).toEqual([...expected].sort());
    expect(report.ok).toBe(false);
    const warnings = report.diagnostics.filter((diag) => diag.severity === "warning").map((diag) => diag.ruleId);
    expect(new Set(warnings)).toEqual(new Set(["steering-committee", "visited-representative"]));
  });

  it("leaves the record it validates unchanged", () => {
    const before = JSON.stringify(district);
    validateProgram(district);
    expect(JSON.stringify(district)).toBe(before);
  });
});
