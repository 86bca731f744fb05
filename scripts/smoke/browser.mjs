// Loads scripts/smoke/browser.html in headless Chromium from a static server on 127.0.0.1 and checks
// that the browser bundle ran one call of each part. Usage: node scripts/smoke/browser.mjs [chromium]
import { execFile } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".map": "application/json" };
const server = createServer((req, res) => {
  const path = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  if (!path.startsWith(root) || !existsSync(path)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
  createReadStream(path).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();
const chromium = process.argv[2] ?? "chromium";
const profile = mkdtempSync(join(tmpdir(), "pthv-chromium-"));
const result = await new Promise((resolve) => {
  // Asynchronous, so the server above keeps answering while Chromium loads the page.
  {
    execFile(
      chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        `--user-data-dir=${profile}`, "--virtual-time-budget=20000", "--dump-dom",
        `http://127.0.0.1:${port}/scripts/smoke/browser.html`,
      ],
      { timeout: 120_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ error, stdout, stderr }),
    );
  }
});
server.close();
const text = /<pre id="result">([\s\S]*?)<\/pre>/.exec(result.stdout)?.[1] ?? "";
for (const line of text.split("\n")) console.log(`chromium: ${line}`);
if (!text.includes("ALL OK")) {
  if (result.error) console.error(`chromium did not run the page: ${result.error.message}`);
  process.exit(1);
}
