/**
 * Dense linear algebra for the regression engine: a blocked weighted cross-product over a
 * column-major design matrix, and a Jacobi-scaled Cholesky factorisation that drops columns
 * which are (numerically) linear combinations of earlier ones, as R's pivoting QR (LINPACK
 * dqrdc2) does: left to right, a column is aliased when what remains of it after projecting out
 * the columns kept before it is tiny relative to its own length.
 */

/** Rows per block: the block's slice of every column stays in cache while all products are summed. */
const BLOCK = 1024;

/**
 * X'WX and X'Wz for the columns `cols` of the column-major `X` (n rows), accumulated block by
 * block so each block's slice of X is read from memory once, with 2 x 4 register tiles (two
 * weighted columns against four columns per pass) so each value loaded serves several products.
 * Writes into `xtwx` (k x k, full) and `xtwz` (k), k = cols.length.
 */
export function weightedCrossProduct(
  X: Float64Array,
  n: number,
  cols: readonly number[],
  w: Float64Array,
  z: Float64Array,
  xtwx: Float64Array,
  xtwz: Float64Array,
  unit: readonly boolean[] = [],
): void {
  const k = cols.length;
  xtwx.fill(0, 0, k * k);
  xtwz.fill(0, 0, k);
  const wx = new Float64Array(k * BLOCK);
  const colSum = new Float64Array(k);
  const colOffset = Int32Array.from(cols, (c) => c * n);
  // a column of ones (the intercept) needs no products: its row of X'WX is the column sums of WX
  const dense = Array.from({ length: k }, (_, a) => a).filter((a) => unit[a] !== true);
  const units = Array.from({ length: k }, (_, a) => a).filter((a) => unit[a] === true);
  const d = dense.length;
  for (let start = 0; start < n; start += BLOCK) {
    const len = Math.min(BLOCK, n - start);
    for (let a = 0; a < k; a++) {
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
          addSymmetric(xtwx, k, a, col, row0[c] as number);
          if (a1 !== a && tb + c >= ta + 1) addSymmetric(xtwx, k, a1, col, row1[c] as number);
        }
      }
    }
  }
  for (const u of units) for (let b = 0; b < k; b++) if (unit[b] !== true || b >= u) setSymmetric(xtwx, k, u, b, colSum[b] as number);
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) xtwx[a * k + b] = xtwx[b * k + a] as number;
}

/** Adds v to the upper-triangle cell of (a, b). */
function addSymmetric(m: Float64Array, k: number, a: number, b: number, v: number): void {
  const at = a <= b ? a * k + b : b * k + a;
  m[at] = (m[at] as number) + v;
}

/** Sets the upper-triangle cell of (a, b). */
function setSymmetric(m: Float64Array, k: number, a: number, b: number, v: number): void {
  m[a <= b ? a * k + b : b * k + a] = v;
}

/** A Cholesky factorisation of the kept columns of a symmetric matrix. */
export interface PivotedCholesky {
  /** Positions (0..k-1) of the columns kept, in order. */
  kept: number[];
  /** Positions of the columns dropped as aliased. */
  aliased: number[];
  /** Lower-triangular factor of the Jacobi-scaled kept submatrix, r x r row-major, r = kept.length. */
  lower: Float64Array;
  /** Jacobi scale sqrt(A_jj) of each kept column. */
  scale: Float64Array;
}

/**
 * Relative tolerance on the squared residual length of a column (diagonal of the scaled Schur
 * complement). R's dqrdc2 uses 1e-11 on the length itself with a QR of the weighted X; a Cholesky
 * of X'WX squares the condition number, so its rounding noise for an exactly collinear column is
 * about 1e-13 here, and 1e-10 (a residual under about 1e-5 of the column's length) separates
 * collinear columns from merely correlated ones.
 */
export const ALIAS_TOLERANCE = 1e-10;

/** Factorises the symmetric k x k row-major `A`, dropping aliased columns left to right. */
export function pivotedCholesky(A: Float64Array, k: number, tolerance = ALIAS_TOLERANCE): PivotedCholesky {
  const kept: number[] = [];
  const aliased: number[] = [];
  const lower = new Float64Array(k * k);
  const scaleAll = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const d = A[j * k + j] as number;
    scaleAll[j] = d > 0 && Number.isFinite(d) ? Math.sqrt(d) : 0;
  }
  const row = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const sj = scaleAll[j] as number;
    if (sj === 0) {
      aliased.push(j);
      continue;
    }
    const r = kept.length;
    for (let q = 0; q < r; q++) {
      const c = kept[q] as number;
      let s = (A[j * k + c] as number) / (sj * (scaleAll[c] as number));
      for (let t = 0; t < q; t++) s -= (row[t] as number) * (lower[q * k + t] as number);
      row[q] = s / (lower[q * k + q] as number);
    }
    let d = 1;
    for (let t = 0; t < r; t++) d -= (row[t] as number) * (row[t] as number);
    if (!(d > tolerance)) {
      aliased.push(j);
      continue;
    }
    for (let t = 0; t < r; t++) lower[r * k + t] = row[t] as number;
    lower[r * k + r] = Math.sqrt(d);
    kept.push(j);
  }
  const r = kept.length;
  const compact = new Float64Array(r * r);
  for (let a = 0; a < r; a++) for (let b = 0; b <= a; b++) compact[a * r + b] = lower[a * k + b] as number;
  const scale = new Float64Array(r);
  for (let a = 0; a < r; a++) scale[a] = scaleAll[kept[a] as number] as number;
  return { kept, aliased, lower: compact, scale };
}

/** Solves A_K x = b_K for the kept columns K, given the full-length right-hand side b. */
export function choleskySolve(f: PivotedCholesky, b: Float64Array): Float64Array {
  const r = f.kept.length;
  const L = f.lower;
  const x = new Float64Array(r);
  for (let a = 0; a < r; a++) {
    let s = (b[f.kept[a] as number] as number) / (f.scale[a] as number);
    for (let t = 0; t < a; t++) s -= (L[a * r + t] as number) * (x[t] as number);
    x[a] = s / (L[a * r + a] as number);
  }
  for (let a = r - 1; a >= 0; a--) {
    let s = x[a] as number;
    for (let t = a + 1; t < r; t++) s -= (L[t * r + a] as number) * (x[t] as number);
    x[a] = s / (L[a * r + a] as number);
  }
  for (let a = 0; a < r; a++) x[a] = (x[a] as number) / (f.scale[a] as number);
  return x;
}

/** Inverse of the kept submatrix A_K (r x r, row-major): R's `chol2inv`, undoing the scaling. */
export function choleskyInverse(f: PivotedCholesky): Float64Array {
  const r = f.kept.length;
  const L = f.lower;
  // Linv: inverse of the lower factor, by forward substitution column by column.
  const Linv = new Float64Array(r * r);
  for (let c = 0; c < r; c++) {
    Linv[c * r + c] = 1 / (L[c * r + c] as number);
    for (let a = c + 1; a < r; a++) {
      let s = 0;
      for (let t = c; t < a; t++) s -= (L[a * r + t] as number) * (Linv[t * r + c] as number);
      Linv[a * r + c] = s / (L[a * r + a] as number);
    }
  }
  const inv = new Float64Array(r * r);
  for (let a = 0; a < r; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let t = a; t < r; t++) s += (Linv[t * r + a] as number) * (Linv[t * r + b] as number);
      const v = s / ((f.scale[a] as number) * (f.scale[b] as number));
      inv[a * r + b] = v;
      inv[b * r + a] = v;
    }
  }
  return inv;
}

/** B M B for symmetric r x r row-major matrices (the sandwich). */
export function sandwichProduct(bread: Float64Array, meat: Float64Array, r: number): Float64Array {
  const tmp = new Float64Array(r * r);
  for (let a = 0; a < r; a++)
    for (let b = 0; b < r; b++) {
      let s = 0;
      for (let t = 0; t < r; t++) s += (bread[a * r + t] as number) * (meat[t * r + b] as number);
      tmp[a * r + b] = s;
    }
  const out = new Float64Array(r * r);
  for (let a = 0; a < r; a++)
    for (let b = 0; b < r; b++) {
      let s = 0;
      for (let t = 0; t < r; t++) s += (tmp[a * r + t] as number) * (bread[t * r + b] as number);
      out[a * r + b] = s;
    }
  return out;
}
