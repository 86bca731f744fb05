/**
 * Writes schemas/pthv.config.schema.json, the published JSON Schema of pthv.config.json, from the
 * zod schema of the validator's configuration. Run after changing a rule's options:
 *   npx tsx scripts/generate-config-schema.ts
 * test/validate/config.test.ts fails when the file is out of date.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateConfigJsonSchema } from "../src/validate/index.js";

const target = fileURLToPath(new URL("../schemas/pthv.config.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(validateConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
