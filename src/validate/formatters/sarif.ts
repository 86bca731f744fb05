import { sha256Hex } from "../../random/index.js";
import { VERSION } from "../../version.js";
import { RULES } from "../rules/index.js";
import type { ValidationReport } from "../types.js";
import { protectsLabel, subject } from "./shared.js";

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule listed (description, help link, default level),
 * every diagnostic a result located in its input file (region start line: the CSV row, or line 1 of
 * a JSON file) with the record as a logical location and a stable fingerprint.
 */
export function formatSarif(report: ValidationReport): string {
  const rules = RULES.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id
      .split("-")
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(""),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: `${rule.meta.description} Protects ${protectsLabel(rule.meta.protects)} of Parent Teacher Home Visits.` },
    helpUri: rule.meta.docs,
    help: { text: `${rule.meta.description} See ${rule.meta.docs}`, markdown: `${rule.meta.description} [Rule documentation](${rule.meta.docs})` },
    defaultConfiguration: { level: rule.meta.defaultLevel === "warn" ? "warning" : "error" },
    properties: { tags: ["pthv", protectsLabel(rule.meta.protects)] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.diagnostics.map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
      level: d.severity,
      message: { text: `${subject(d)}: ${d.message}` },
      partialFingerprints: { "pthvRecord/v1": sha256Hex(`${d.ruleId}\u0000${d.entity}\u0000${d.id ?? ""}\u0000${d.field ?? ""}\u0000${d.message}`).slice(0, 32) },
    };
    const logical = [{ name: d.id ?? d.entity, kind: d.entity }];
    result.locations = [
      d.file !== undefined
        ? { physicalLocation: { artifactLocation: { uri: d.file.split("\\").join("/") }, region: { startLine: d.row ?? 1 } }, logicalLocations: logical }
        : { logicalLocations: logical },
    ];
    return result;
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "pthv", semanticVersion: VERSION, version: VERSION, informationUri: "https://www.npmjs.com/package/pthv", rules } },
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
