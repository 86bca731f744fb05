/**
 * The weighted cross-product X'WX and X'Wz of IRLS, the engine's hot loop, shaped by the columns
 * of a typical evaluation design: an intercept, a few continuous covariates, and many 0/1 columns
 * (visited, language learner, special education, grade dummies).
 * - A column of ones needs no products: its row of X'WX is the column sums of WX.
 * - Up to 12 of the 0/1 columns are coded, once per fit, into one pattern number per row (bit b
 *   set when the b-th of them is 1). Each iteration then sums w, w z and w x_c (c continuous) per
 *   pattern, a few additions per row into a small table, and every product involving a 0/1
 *   column is read off the table: the sum of w x_a x_b over rows is the sum over the patterns
 *   with both bits set. Further 0/1 columns are handled as continuous ones.
 * - Pairs of continuous columns: rows in blocks that stay in cache, with 2 x 4 register tiles
 *   (two weighted columns against four columns per pass, so each loaded value serves several
 *   products).
 * Only the order of additions differs from a plain sum over rows.
 */

/** Rows per block: the block's slice of every column stays in cache while all products are summed. */
const BLOCK = 1024;

/** At most this many 0/1 columns are coded into patterns (4,096 patterns). */
const PATTERN_BITS = 12;

/** How the columns of a fixed design matrix are handled; built once per fit. */
export interface CrossProductPlan {
  n: number;
  k: number;
  colOffset: Int32Array;
  /** Positions of the columns of ones. */
  units: number[];
  /** Positions of the columns handled by products (continuous, and 0/1 beyond the pattern bits). */
  dense: number[];
  /** Positions of the 0/1 columns coded into patterns: bit b stands for column patterned[b]. */
  patterned: number[];
  /** Pattern number of each row (all 0 when no column is patterned). */
  codes: Uint16Array;
  /** 2 ** patterned.length. */
  patterns: number;
}

/** True when every value is 1 (stops at the first that is not). */
function isColumnOfOnes(X: Float64Array, off: number, n: number): boolean {
  for (let i = 0; i < n; i++) if ((X[off + i] as number) !== 1) return false;
  return true;
}

/**
 * Sets `bit` in `codes` on the rows where the column at `off` is 1, while it holds only 0s and
 * 1s. Returns the number of 1s, or -1 - i when row i is the first that is neither 0 nor 1 (the
 * bit is then set on some rows before i). A function of its own, called once per column, so that
 * V8 optimises it as a whole rather than replacing the running loop of a longer function.
 */
function markZeroOneColumn(X: Float64Array, off: number, n: number, codes: Uint16Array, bit: number): number {
  let ones = 0;
  // branch-free on 0/1 values (random 0s and 1s would defeat branch prediction): v (1 - v)
  // is 0 exactly for 0 and 1, and v * bit sets the bit on the rows at 1
  for (let i = 0; i < n; i++) {
    const v = X[off + i] as number;
    if (v * (1 - v) !== 0) return -1 - i;
    ones += v;
    codes[i] = (codes[i] as number) | (v * bit);
  }
  return ones;
}

/** Plans the cross-product of the columns `cols` of the column-major X (n rows). */
export function planCrossProduct(X: Float64Array, n: number, cols: readonly number[]): CrossProductPlan {
  const k = cols.length;
  const colOffset = Int32Array.from(cols, (c) => c * n);
  const units: number[] = [];
  const dense: number[] = [];
  const patterned: number[] = [];
  const codes = new Uint16Array(n);
  for (let a = 0; a < k; a++) {
    // one scan: set the column's bit on its rows at 1 as we go; undo if it turns out not to be
    // a patterned 0/1 column (a continuous column is found out at its first value, usually)
    const off = colOffset[a] as number;
    if (isColumnOfOnes(X, off, n)) {
      units.push(a);
      continue;
    }
    const bit = patterned.length < PATTERN_BITS ? 1 << patterned.length : 0;
    const scan = markZeroOneColumn(X, off, n, codes, bit);
    const binary = scan >= 0;
    const ones = binary ? scan : 0;
    const scanned = binary ? n : -1 - scan;
    if (binary && ones > 0 && ones < n && bit !== 0) {
      patterned.push(a);
      continue;
    }
    if (bit !== 0) for (let i = 0; i < scanned; i++) codes[i] = (codes[i] as number) & ~bit;
    if (binary && ones === n) units.push(a);
    else dense.push(a);
  }
  return { n, k, colOffset, units, dense, patterned, codes, patterns: 1 << patterned.length };
}

/** The block size IRLS walks eta in (kept equal to the cross-product's for cache reuse). */
export const CROSS_PRODUCT_BLOCK = BLOCK;

function addUpper(m: Float64Array, k: number, a: number, b: number, v: number): void {
  const at = a <= b ? a * k + b : b * k + a;
  m[at] = (m[at] as number) + v;
}

/** Sums of the 2 x 2 tile of dense columns (a, a1) x (tb, tb + 1) over one block of rows. */
function tile2x2(
  X: Float64Array,
  wx: Float64Array,
  xtwx: Float64Array,
  k: number,
  colOffset: Int32Array,
  dense: readonly number[],
  start: number,
  len: number,
  ta: number,
  tb: number,
  a: number,
  a1: number,
  u0: number,
  u1: number,
): void {
  const d = dense.length;
  const b = dense[tb] as number;
  const b1 = tb + 1 < d ? (dense[tb + 1] as number) : b;
  const v0 = (colOffset[b] as number) + start;
  const v1 = (colOffset[b1] as number) + start;
  let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
  for (let i = 0; i < len; i++) {
    const p0 = wx[u0 + i] as number;
    const p1 = wx[u1 + i] as number;
    const q0 = X[v0 + i] as number;
    const q1 = X[v1 + i] as number;
    s00 += p0 * q0;
    s01 += p0 * q1;
    s10 += p1 * q0;
    s11 += p1 * q1;
  }
  // the same cells, and the same guards against repeated columns, as the 2 x 4 tile
  addUpper(xtwx, k, a, b, s00);
  if (a1 !== a && tb >= ta + 1) addUpper(xtwx, k, a1, b, s10);
  if (b1 !== b) {
    addUpper(xtwx, k, a, b1, s01);
    if (a1 !== a && tb + 1 >= ta + 1) addUpper(xtwx, k, a1, b1, s11);
  }
}

/**
 * X'WX (k x k, full, row-major) and X'Wz (k) for the planned columns. Every cell is a sum over
 * rows of w x_a x_b (or w x_a z); only the order of additions differs from a plain loop. When
 * `prepare` is given it is called for each block of rows before the block's w and z are read.
 */
export function weightedCrossProduct(
  X: Float64Array,
  plan: CrossProductPlan,
  w: Float64Array,
  z: Float64Array,
  xtwx: Float64Array,
  xtwz: Float64Array,
  prepare?: (start: number, end: number) => void,
): void {
  const { n, k, colOffset, dense, units, patterned, codes, patterns } = plan;
  xtwx.fill(0, 0, k * k);
  xtwz.fill(0, 0, k);
  const d = dense.length;
  const np = patterned.length;
  const wx = new Float64Array(k * BLOCK);
  const colSum = new Float64Array(k);
  // per pattern: [sum w, sum w z, sum w x_c for each dense c]
  const width = 2 + d;
  const table = new Float64Array(np > 0 ? patterns * width : 0);
  for (let start = 0; start < n; start += BLOCK) {
    const len = Math.min(BLOCK, n - start);
    // the caller may fill this block of w and z just now, while they are needed (and in cache)
    if (prepare) prepare(start, start + len);
    if (units.length > 0) {
      // a column of ones: its weighted copy is w itself, nothing to read from X
      let s = 0;
      let sum = 0;
      for (let i = 0; i < len; i++) {
        const v = w[start + i] as number;
        sum += v;
        s += v * (z[start + i] as number);
      }
      for (const u of units) {
        xtwz[u] = (xtwz[u] as number) + s;
        colSum[u] = (colSum[u] as number) + sum;
      }
    }
    for (const a of dense) {
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
    if (np > 0) {
      for (let i = 0; i < len; i++) {
        const row = start + i;
        const base = (codes[row] as number) * width;
        const wi = w[row] as number;
        table[base] = (table[base] as number) + wi;
        table[base + 1] = (table[base + 1] as number) + wi * (z[row] as number);
        for (let c = 0; c < d; c++) {
          const at = base + 2 + c;
          table[at] = (table[at] as number) + (wx[(dense[c] as number) * BLOCK + i] as number);
        }
      }
    }
    for (let ta = 0; ta < d; ta += 2) {
      const a = dense[ta] as number;
      const a1 = ta + 1 < d ? (dense[ta + 1] as number) : a;
      const u0 = a * BLOCK;
      const u1 = a1 * BLOCK;
      for (let tb = ta; tb < d; tb += 4) {
        if (d - tb <= 2) {
          // one or two columns left: a 2 x 2 tile, not a 2 x 4 one with repeated columns
          tile2x2(X, wx, xtwx, k, colOffset, dense, start, len, ta, tb, a, a1, u0, u1);
          continue;
        }
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
  }
  // products involving a patterned column, read off the per-pattern sums
  for (let pattern = 0; pattern < (np > 0 ? patterns : 0); pattern++) {
    const base = pattern * width;
    const sw = table[base] as number;
    if (sw === 0 && table[base + 1] === 0) continue;
    for (let b = 0; b < np; b++) {
      if (((pattern >> b) & 1) === 0) continue;
      const a = patterned[b] as number;
      colSum[a] = (colSum[a] as number) + sw;
      xtwz[a] = (xtwz[a] as number) + (table[base + 1] as number);
      for (let b2 = b; b2 < np; b2++) if (((pattern >> b2) & 1) === 1) addUpper(xtwx, k, a, patterned[b2] as number, sw);
      for (let c = 0; c < d; c++) addUpper(xtwx, k, a, dense[c] as number, table[base + 2 + c] as number);
    }
  }
  for (const u of units) for (let b = 0; b < k; b++) xtwx[u <= b ? u * k + b : b * k + u] = colSum[b] as number;
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) xtwx[a * k + b] = xtwx[b * k + a] as number;
}
