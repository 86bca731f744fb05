// Smoke test of the built ESM package in Deno, Bun or Node, run from the repository root after
// `npm run build`, e.g. `deno run --allow-read --allow-env scripts/smoke/deno-bun.mjs deno`.
import * as pthv from "../../dist/index.js";
import { determinismDigest, report, smokeCalls } from "./calls.mjs";

const runtime = globalThis.Deno ? `deno ${globalThis.Deno.version.deno}` : globalThis.Bun ? `bun ${globalThis.Bun.version}` : `node ${globalThis.process.version}`;
if (!report(runtime, smokeCalls(pthv), determinismDigest(pthv))) {
  if (globalThis.Deno) globalThis.Deno.exit(1);
  else globalThis.process.exit(1);
}
