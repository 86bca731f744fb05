const xs = Array.from({ length: 200000 }, (_, i) => `2026-${String(7 + (i % 4)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}T16:30:00-04:00`);
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now(); let s = 0;
  for (const x of xs) s += Date.parse(x);
  console.log("Date.parse", ((performance.now() - t) / xs.length * 1000).toFixed(3), "us");
  const m = new Map<string, number>();
  t = performance.now();
  for (const x of xs) { let v = m.get(x); if (v === undefined) { v = Date.parse(x); m.set(x, v); } s += v; }
  console.log("memo", ((performance.now() - t) / xs.length * 1000).toFixed(3), "us");
  const fams = Array.from({ length: 200000 }, (_, i) => `fam-${i % 1000}-${i}`);
  const fm = new Map(fams.map((f) => [f, 1]));
  t = performance.now();
  for (const f of fams) s += fm.get(f)!;
  console.log("map get", ((performance.now() - t) / xs.length * 1000).toFixed(3), "us");
}
