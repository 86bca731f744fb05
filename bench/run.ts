// Runs every benchmark in bench/ in turn: npm run bench
import { readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";

for (const file of readdirSync(new URL(".", import.meta.url)).filter((f) => f.endsWith(".bench.ts")).sort()) {
  console.log(`\n== ${file}`);
  execFileSync(process.execPath, ["--import", "tsx", new URL(file, import.meta.url).pathname], { stdio: "inherit" });
}
