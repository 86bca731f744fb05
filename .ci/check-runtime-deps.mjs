// Fails when any runtime dependency (the production tree of package-lock.json) has install scripts,
// and reports the packed size of the package and the minified, gzipped size of the browser core.
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const withScripts = Object.entries(lock.packages)
  .filter(([path, entry]) => path !== "" && !entry.dev && !entry.optional && entry.hasInstallScript)
  .map(([path]) => path.replace(/^node_modules\//, ""));
if (withScripts.length > 0) {
  console.error(`runtime dependencies with install scripts: ${withScripts.join(", ")}`);
  process.exit(1);
}
const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== "" && !entry.dev).length;
const tarball = process.argv[2];
const bundle = readFileSync("dist/pthv.browser.js");
console.log(`runtime dependencies: ${runtime} packages, none with install scripts`);
if (tarball) console.log(`packed tarball: ${(statSync(tarball).size / 1024).toFixed(1)} KiB`);
console.log(`browser core (dist/pthv.browser.js): ${(bundle.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(bundle, { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`);
