/**
 * The weighted cross-product X'WX and X'Wz of IRLS, the engine's hot loop, shaped by the columns
 * of a typical evaluation design: an intercept, a few continuous covariates, and many 0/1 columns
 * (visited, language learner, special education, grade dummies). Rows are processed in blocks
 * that stay in cache. Within a block:
 * - a column of ones needs no products: its row of X'WX is the column sums of WX;
 * - two continuous columns: 2 x 4 register tiles (two weighted columns against four columns per
 *   pass, so each loaded value serves several products);
 * - a 0/1 column: the sum of the partner's weighted values over the rows where it is 1, using
 *   the sparser 0/1 column of a pair; the row lists are built once per fit.
 */

/** Rows per block: the block's slice of every column stays in cache while all products are summed. */
const BLOCK = 1024;

/** The block size the plan's row lists are split by (IRLS walks eta in the same blocks). */
export const CROSS_PRODUCT_BLOCK = BLOCK;

/** How the columns of a fixed design matrix are handled; built once per fit. */
export interface CrossProductPlan {
  n: number;
  k: number;
  colOffset: Int32Array;
  units: number[];
  dense: number[];
  /** True for the 0/1 columns: they get no weighted copy, their sums run over their rows. */
  isBinary: boolean[];
  /** For each 0/1 column (sparsest first): its position and the partner positions it sums for. */
  gathers: { column: number; partners: number[] }[];
  /** Per gather: the rows (global indices, ascending) where its column is 1. */
  rows: Int32Array[];
  /** Per gather: rows[q][ptr[q][b] .. ptr[q][b + 1]) are the rows of block b. */
  ptr: Int32Array[];
}

/** Plans the cross-product of the columns `cols` of the column-major X (n rows). */
export function planCrossProduct(X: Float64Array, n: number, cols: readonly number[]): CrossProductPlan {
  const k = cols.length;
  const colOffset = Int32Array.from(cols, (c) => c * n);
  const units: number[] = [];
  const dense: number[] = [];
  const binary: { a: number; list: Int32Array }[] = [];
  const scratch = new Int32Array(n);
  for (let a = 0; a < k; a++) {
    // one scan: stop at the first value that is not 0 or 1, else collect the rows at 1
    const off = colOffset[a] as number;
    let ones = 0;
    let isDense = false;
    for (let i = 0; i < n; i++) {
      const v = X[off + i] as number;
      if (v === 1) scratch[ones++] = i;
      else if (v !== 0) {
        isDense = true;
        break;
      }
    }
    if (isDense) dense.push(a);
    else if (ones === n) units.push(a);
    else binary.push({ a, list: scratch.slice(0, ones) });
  }
  binary.sort((p, q) => p.list.length - q.list.length || p.a - q.a);
  const gathers = binary.map(({ a }, r) => ({
    column: a,
    partners: [...dense, ...binary.slice(r).map((b) => b.a)],
  }));
  const blocks = Math.ceil(n / BLOCK);
  const ptr = binary.map(({ list }) => {
    const p = new Int32Array(blocks + 1);
    let t = 0;
    for (let bl = 0; bl < blocks; bl++) {
      p[bl] = t;
      const end = (bl + 1) * BLOCK;
      while (t < list.length && (list[t] as number) < end) t++;
    }
    p[blocks] = t;
    return p;
  });
  const isBinary = Array.from({ length: k }, () => false);
  for (const b of binary) isBinary[b.a] = true;
  return { n, k, colOffset, units, dense, isBinary, gathers, rows: binary.map((b) => b.list), ptr };
}

function addUpper(m: Float64Array, k: number, a: number, b: number, v: number): void {
  const at = a <= b ? a * k + b : b * k + a;
  m[at] = (m[at] as number) + v;
}

/**
 * X'WX (k x k, full, row-major) and X'Wz (k) for the planned columns. Every cell is a sum over
 * rows of w x_a x_b (or w x_a z); only the order of additions differs from a plain loop.
 */
export function weightedCrossProduct(X: Float64Array, plan: CrossProductPlan, w: Float64Array, z: Float64Array, xtwx: Float64Array, xtwz: Float64Array): void {
  const { n, k, colOffset, dense, gathers, rows, ptr, isBinary } = plan;
  xtwx.fill(0, 0, k * k);
  xtwz.fill(0, 0, k);
  const wx = new Float64Array(k * BLOCK);
  const colSum = new Float64Array(k);
  const d = dense.length;
  const g = gathers.length;
  const weighted = Array.from({ length: k }, (_, a) => a).filter((a) => !isBinary[a]);
  for (let start = 0, bl = 0; start < n; start += BLOCK, bl++) {
    const len = Math.min(BLOCK, n - start);
    // weighted copies (and sums) of the intercept and continuous columns only
    for (const a of weighted) {
      const off = (colOffset[a] as number) + start;
      const base = a * BLOCK;
      let s = 0;
      let sum = 0;
      for (let i = 0; i < len; i++) {
        const v = (X[off + i] as number) * (w[start + i] as number);
        wx[base + i] = v;
        sum += v;
        s += v * (z[start + i] as number);
      }
      xtwz[a] = (xtwz[a] as number) + s;
      colSum[a] = (colSum[a] as number) + sum;
    }
    for (let ta = 0; ta < d; ta += 2) {
      const a = dense[ta] as number;
      const a1 = ta + 1 < d ? (dense[ta + 1] as number) : a;
      const u0 = a * BLOCK;
      const u1 = a1 * BLOCK;
      for (let tb = ta; tb < d; tb += 4) {
        const b = dense[tb] as number;
        const b1 = tb + 1 < d ? (dense[tb + 1] as number) : b;
        const b2 = tb + 2 < d ? (dense[tb + 2] as number) : b1;
        const b3 = tb + 3 < d ? (dense[tb + 3] as number) : b2;
        const v0 = (colOffset[b] as number) + start;
        const v1 = (colOffset[b1] as number) + start;
        const v2 = (colOffset[b2] as number) + start;
        const v3 = (colOffset[b3] as number) + start;
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (let i = 0; i < len; i++) {
          const p0 = wx[u0 + i] as number;
          const p1 = wx[u1 + i] as number;
          const q0 = X[v0 + i] as number;
          const q1 = X[v1 + i] as number;
          const q2 = X[v2 + i] as number;
          const q3 = X[v3 + i] as number;
          s00 += p0 * q0;
          s01 += p0 * q1;
          s02 += p0 * q2;
          s03 += p0 * q3;
          s10 += p1 * q0;
          s11 += p1 * q1;
          s12 += p1 * q2;
          s13 += p1 * q3;
        }
        const row0 = [s00, s01, s02, s03];
        const row1 = [s10, s11, s12, s13];
        const bs = [b, b1, b2, b3];
        for (let c = 0; c < 4; c++) {
          const col = bs[c] as number;
          if (c > 0 && col === bs[c - 1]) break;
          addUpper(xtwx, k, a, col, row0[c] as number);
          if (a1 !== a && tb + c >= ta + 1) addUpper(xtwx, k, a1, col, row1[c] as number);
        }
      }
    }
    for (let q = 0; q < g; q++) {
      const p = ptr[q] as Int32Array;
      const list = rows[q] as Int32Array;
      const from = p[bl] as number;
      const to = p[bl + 1] as number;
      if (from === to) continue;
      const gather = gathers[q] as { column: number; partners: number[] };
      const column = gather.column;
      // the 0/1 column's own sums: w and w z over its rows
      let sw = 0;
      let swz = 0;
      for (let t = from; t < to; t++) {
        const i = list[t] as number;
        const wi = w[i] as number;
        sw += wi;
        swz += wi * (z[i] as number);
      }
      colSum[column] = (colSum[column] as number) + sw;
      xtwz[column] = (xtwz[column] as number) + swz;
      for (const partner of gather.partners) {
        let s = 0;
        if (partner === column) s = sw;
        else if (isBinary[partner]) {
          const off = colOffset[partner] as number;
          for (let t = from; t < to; t++) {
            const i = list[t] as number;
            s += (w[i] as number) * (X[off + i] as number);
          }
        } else {
          const base = partner * BLOCK - start;
          for (let t = from; t < to; t++) s += wx[base + (list[t] as number)] as number;
        }
        addUpper(xtwx, k, column, partner, s);
      }
    }
  }
  for (const u of plan.units) for (let b = 0; b < k; b++) xtwx[u <= b ? u * k + b : b * k + u] = colSum[b] as number;
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) xtwx[a * k + b] = xtwx[b * k + a] as number;
}
