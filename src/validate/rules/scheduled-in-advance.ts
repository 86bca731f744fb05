import { z } from "zod";
import type { Rule } from "../types.js";
import { docsUrl } from "./shared.js";

const Options = z.strictObject({
  /** Least time between booking and start, in hours. A visit booked exactly this far ahead passes. */
  minLeadHours: z.number().nonnegative().default(24).describe("Least hours between booking (scheduledAt) and start; a visit booked exactly this far ahead passes"),
});

/**
 * Non-negotiable 1: no drop-in or surprise visits. Each visit (not cancelled) was booked
 * (`scheduledAt`) at least `minLeadHours` before its start; a visit with no booking time was
 * unannounced.
 */
export const scheduledInAdvance: Rule<z.infer<typeof Options>> = {
  meta: {
    id: "scheduled-in-advance",
    protects: 1,
    description: "Each visit was booked at least the configured lead time before it started; a visit without a booking time was unannounced.",
    defaultLevel: "error",
    docs: docsUrl("scheduled-in-advance"),
    options: Options,
  },
  check({ record, index, options, report }) {
    const { start: starts } = index.visitTimes;
    const leadMs = options.minLeadHours * 3_600_000;
    const states = index.visitStates; // 0: cancelled
    record.visits.forEach((visit, i) => {
      if (states[i] === 0) return;
      if (visit.scheduledAt !== undefined && starts[i]! - index.time(visit.scheduledAt) >= leadMs) return;
      const at = { entity: "visit" as const, index: i, id: visit.id, field: "scheduledAt" };
      if (visit.scheduledAt === undefined) {
        report({ ...at, message: "visit has no booking time (scheduledAt), so it was unannounced: book every visit ahead with the family and record when" });
        return;
      }
      const lead = starts[i]! - index.time(visit.scheduledAt);
      if (lead < leadMs) {
        const hours = Math.round((lead / 3_600_000) * 10) / 10;
        report({ ...at, message: `visit was booked ${hours} h before it started, less than the ${options.minLeadHours} h lead time: book visits further ahead` });
      }
    });
  },
};
