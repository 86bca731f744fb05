import { z } from "zod";
import { ProgramRecord } from "./program.js";

/** Problems reported before parsing stops: enough to fix a file, bounded so a huge broken file cannot exhaust memory. */
export const MAX_INPUT_ISSUES = 1000;
const CHUNK = 1000;

/** The result of {@link parseRecordBounded}. */
export interface BoundedParse {
  data?: ProgramRecord;
  issues: z.core.$ZodIssue[];
  /** True when parsing stopped at {@link MAX_INPUT_ISSUES} problems. */
  truncated: boolean;
}

/**
 * Parses a programme record the way `ProgramRecord.safeParse` does, but collection by collection in
 * chunks, stopping once {@link MAX_INPUT_ISSUES} problems are found. A file of a million wrongly
 * typed records would otherwise give millions of issues and run out of memory.
 */
export function parseRecordBounded(input: Record<string, unknown>): BoundedParse {
  const shape = ProgramRecord.shape;
  const out: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const field = shape[key];
    const value = input[key];
    if (Array.isArray(value) && field instanceof z.ZodDefault && field.unwrap() instanceof z.ZodArray) {
      const chunkSchema = z.array((field.unwrap() as z.ZodArray<z.ZodType>).element);
      const items: unknown[] = [];
      for (let start = 0; start < value.length; start += CHUNK) {
        const result = chunkSchema.safeParse(value.slice(start, start + CHUNK));
        if (result.success) {
          for (const item of result.data) items.push(item);
        } else {
          for (const issue of result.error.issues) {
            const [index, ...rest] = issue.path;
            issues.push({ ...issue, path: [key, typeof index === "number" ? start + index : (index ?? start), ...rest] } as z.core.$ZodIssue);
          }
          if (issues.length >= MAX_INPUT_ISSUES) return { issues: issues.slice(0, MAX_INPUT_ISSUES), truncated: true };
        }
      }
      out[key] = items;
    } else {
      const result = field.safeParse(value);
      if (result.success) {
        if (result.data !== undefined) out[key] = result.data;
      } else for (const issue of result.error.issues) issues.push({ ...issue, path: [key, ...issue.path] } as z.core.$ZodIssue);
      if (issues.length >= MAX_INPUT_ISSUES) return { issues: issues.slice(0, MAX_INPUT_ISSUES), truncated: true };
    }
  }
  return issues.length > 0 ? { issues, truncated: false } : { data: out as ProgramRecord, issues, truncated: false };
}
