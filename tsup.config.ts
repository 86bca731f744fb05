import { defineConfig } from "tsup";

// Two library entries (the portable core and the Node-only helpers) in ESM and CommonJS with
// declarations, a self-contained browser bundle of the core, and the CLI as one ESM file with a shebang.
export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/node/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    splitting: true,
    external: [/^node:/],
  },
  {
    // The core as one self-contained, minified ES module for browsers (a <script type="module"> or a
    // CDN), with its dependencies inlined.
    entry: { "pthv.browser": "src/index.ts" },
    format: ["esm"],
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: true,
    clean: false,
    noExternal: [/.*/],
    outExtension: () => ({ js: ".js" }),
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: true,
    clean: false,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
