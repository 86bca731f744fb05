import { sampleDistrict, validateProgram, RULES } from "./src/index.js";
const d = sampleDistrict({ students: 20000, seed: "b" });
for (let rep = 0; rep < 2; rep++) for (const rule of RULES) {
  const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, r === rule ? "error" : "off"]));
  const t = performance.now();
  validateProgram(d, { rules });
  if (rep === 1) console.log(rule.meta.id, (performance.now() - t).toFixed(1), "ms");
}
