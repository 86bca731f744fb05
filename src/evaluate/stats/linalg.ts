/**
 * Dense linear algebra for the regression engine (the weighted cross-product is in
 * crossprod.ts): a Jacobi-scaled Cholesky factorisation that drops columns
 * which are (numerically) linear combinations of earlier ones, as R's pivoting QR (LINPACK
 * dqrdc2) does: left to right, a column is aliased when what remains of it after projecting out
 * the columns kept before it is tiny relative to its own length.
 */

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
