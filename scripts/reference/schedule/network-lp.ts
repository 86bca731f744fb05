/**
 * Writes the scheduler's aggregated flow network (src/schedule/network.ts) as a linear programme
 * in CPLEX LP format and solves it with CBC in two stages (maximum flow, then minimum cost at that
 * flow). The constraint matrix is a network matrix, so the LP optimum is integral. Used by the
 * benchmark to time CBC on the same model at full scale, where one binary per family-pair-slot
 * choice (lp.ts) would be millions of variables.
 */
import type { FlowNetwork } from "../../../src/schedule/flow.js";
import { runCbc } from "./lp.js";

function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(`  ${terms.slice(i, i + 8).join(" ")}`);
  return lines.join("\n");
}

function networkLp(net: FlowNetwork, source: number, sink: number, stage: "flow" | "cost", flow = 0): string {
  const arcs = net.arcList();
  const into: string[][] = Array.from({ length: net.nodes }, () => []);
  const out: string[][] = Array.from({ length: net.nodes }, () => []);
  arcs.forEach((a, i) => {
    out[a.from]!.push(`+ a${i}`);
    into[a.to]!.push(`+ a${i}`);
  });
  const sourceArcs = out[source]!;
  const rows: string[] = [];
  for (let v = 0; v < net.nodes; v++) {
    if (v === source || v === sink || (into[v]!.length === 0 && out[v]!.length === 0)) continue;
    rows.push(` n${v}:\n${wrap([...into[v]!, ...out[v]!.map((t) => t.replace("+", "-"))])}\n  = 0`);
  }
  if (stage === "cost") rows.push(` flow:\n${wrap(sourceArcs)}\n  = ${flow}`);
  const objective = stage === "flow" ? `Maximize\n obj:\n${wrap(sourceArcs)}` : `Minimize\n obj:\n${wrap(arcs.map((a, i) => `+ ${a.cost} a${i}`))}`;
  const bounds = arcs.map((a, i) => ` 0 <= a${i} <= ${a.capacity}`).join("\n");
  return `\\ pthv scheduler network, stage ${stage}\n${objective}\nSubject To\n${rows.join("\n")}\nBounds\n${bounds}\nEnd\n`;
}

/** Solves the network with CBC: the maximum flow, then its least cost. */
export function solveNetworkWithCbc(net: FlowNetwork, source: number, sink: number, dir: string): { flow: number; cost: number; seconds: number } {
  const arcs = net.arcList();
  const started = process.hrtime.bigint();
  const first = runCbc(networkLp(net, source, sink, "flow"), dir, "network-flow");
  const flow = Math.round(arcs.reduce((s, a, i) => s + (a.from === source ? (first.get(`a${i}`) ?? 0) : 0), 0));
  const second = runCbc(networkLp(net, source, sink, "cost", flow), dir, "network-cost");
  const cost = Math.round(arcs.reduce((s, a, i) => s + a.cost * (second.get(`a${i}`) ?? 0), 0));
  return { flow, cost, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
