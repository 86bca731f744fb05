import { z } from "zod";
import { AGENDA_DATA_TOPICS, type Visit } from "../../model/index.js";
import type { Rule } from "../types.js";
import { docsUrl } from "./shared.js";
import { heapNumbers } from "../../memory/index.js";

const Options = z.strictObject({
  /** Further agenda topics that count as academic data, beyond the built-in data topics. */
  extraDataTopics: z.array(z.string().min(1)).default([]).describe("Agenda topics that count as academic data beyond academic-data, attendance-data, behavior-data and test-scores"),
});

function carriesData(agenda: readonly string[], dataTopics: ReadonlySet<string>): boolean {
  for (const topic of agenda) if (dataTopics.has(topic)) return true;
  return false;
}

/**
 * Non-negotiable 3: the first visit builds the relationship (hopes and dreams). A family's first
 * visit (the earliest visit that is not cancelled, and any visit numbered 1) has the relationship
 * focus and no academic data on its agenda.
 */
export const firstVisitRelationship: Rule<z.infer<typeof Options>> = {
  meta: {
    id: "first-visit-relationship",
    protects: 3,
    description: "A family's first visit of the school year has a relationship-building focus (hopes and dreams) and no academic data on its agenda.",
    defaultLevel: "error",
    docs: docsUrl("first-visit-relationship"),
    options: Options,
  },
  check({ record, index, options, report }) {
    const { start: starts } = index.visitTimes;
    const dataTopics = new Set<string>([...AGENDA_DATA_TOPICS, ...options.extraDataTopics]);
    // The earliest active visit of each family, by start.
    // Families in the records are tracked by index; others (rare) by id.
    const visitFamily = index.visitFamily;
    const earliestKnown = heapNumbers(record.families.length, -1);
    const earliestOther = new Map<string, number>();
    // Whether each visit is active, from the index's column: the visit records' status is not read again.
    const states = index.visitStates;
    record.visits.forEach((visit, i) => {
      if (states[i] === 0) return;
      const f = visitFamily[i]!;
      const current = f >= 0 ? earliestKnown[f]! : (earliestOther.get(visit.familyId) ?? -1);
      if (current >= 0 && !(starts[i]! < starts[current]!)) return;
      if (f >= 0) earliestKnown[f] = i;
      else earliestOther.set(visit.familyId, i);
    });
    const first = new Uint8Array(record.visits.length);
    for (let f = 0; f < earliestKnown.length; f++) if (earliestKnown[f]! >= 0) first[earliestKnown[f]!] = 1;
    for (const i of earliestOther.values()) first[i] = 1;
    record.visits.forEach((visit: Visit, i) => {
      if (states[i] === 0 || !(visit.visitNumber === 1 || first[i] === 1)) return;
      if (visit.focus === "relationship" && !carriesData(visit.agenda, dataTopics)) return;
      const at = { entity: "visit" as const, index: i, id: visit.id };
      const why = visit.visitNumber === 1 ? "first visit" : `family's first visit (numbered ${visit.visitNumber})`;
      if (visit.focus !== "relationship") {
        report({ ...at, field: "focus", message: `${why} has focus '${visit.focus}': a first visit builds the relationship (hopes and dreams); academics wait for a second visit` });
      }
      const data = visit.agenda.filter((topic) => dataTopics.has(topic));
      if (data.length > 0) {
        report({ ...at, field: "agenda", message: `${why} carries academic data (${data.join(", ")}): leave data off the first visit's agenda` });
      }
    });
  },
};
