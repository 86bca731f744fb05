import { describe, expect, it } from "vitest";
import type { ProgramRecord } from "../../src/model/index.js";
import { findingsOf, programWith } from "./programme.js";

/** A case: a change to the clean programme, the rule's options, and (for invalid cases) where it must fire. */
export interface RuleCase {
  name: string;
  change?: (p: ProgramRecord) => void;
  options?: Record<string, unknown>;
}
export interface InvalidCase extends RuleCase {
  /** The findings expected, as `entity:id:field` (id and field may be empty). */
  expected: string[];
  /** A fragment every message must contain. */
  message?: RegExp;
}

/** Runs a rule on lists of valid and invalid cases, ESLint's RuleTester style. */
export function testRule(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    for (const c of cases.valid) {
      it(`accepts ${c.name}`, () => {
        expect(findingsOf(ruleId, programWith(c.change ?? (() => {})), c.options).map((d) => d.message)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`reports ${c.name}`, () => {
        const found = findingsOf(ruleId, programWith(c.change ?? (() => {})), c.options);
        expect(found.map((d) => `${d.entity}:${d.id ?? ""}:${d.field ?? ""}`)).toEqual(c.expected);
        for (const d of found) {
          expect(d.severity).toBe("error");
          if (c.message) expect(d.message).toMatch(c.message);
        }
      });
    }
  });
}
