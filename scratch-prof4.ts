import { benchData } from "./bench/evaluate-models-data.js";
import { fitGlm, fitNegativeBinomial } from "./src/evaluate/stats/index.js";
const d = benchData(1_000_000);
const which = process.argv[2];
for (let r = 0; r < 3; r++) {
  if (which === "nb") fitNegativeBinomial({ X: d.X, names: d.names, y: d.daysAbsent, offset: d.offset, clusters: d.school });
  else fitGlm({ X: d.X, names: d.names, y: d.daysAbsent, offset: d.offset, clusters: d.school, family: "poisson" });
}
