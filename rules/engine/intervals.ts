/**
 * Exact set arithmetic on closed integer intervals of numbers: IPv4 addresses and ports. A set is
 * a flat array [lo0, hi0, lo1, hi1, …]: sorted, disjoint and never adjacent, so equal sets have
 * equal arrays. Flat arrays keep the hot path free of per-interval objects.
 *
 * intervals-bigint.ts is the same algorithms over bigint (IPv6). They are two modules on purpose:
 * V8 keeps type feedback per function, and one generic function fed numbers and bigints in turn
 * compiled to slow generic comparisons and deoptimized over and over (measured: a warm SG+NACL
 * run ~20 ms faster, and fewer deoptimizations in a first run, with the split).
 */

/** Sorts and merges arbitrary intervals (lo <= hi each) into the canonical form. */
export function normalize(pairs: readonly number[]): number[] {
  if (pairs.length <= 2) return pairs.slice();
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  idx.sort((x, y) => (pairs[x] < pairs[y] ? -1 : pairs[x] > pairs[y] ? 1 : 0));
  const out: number[] = [];
  for (const i of idx) pushMerged(out, pairs[i], pairs[i + 1]);
  return out;
}

/** Appends [lo, hi] to a canonical list whose last lo is <= lo, merging overlap and adjacency. */
function pushMerged(out: number[], lo: number, hi: number): void {
  const n = out.length;
  if (n > 0 && lo <= out[n - 1] + 1) {
    if (hi > out[n - 1]) out[n - 1] = hi;
  } else {
    out.push(lo, hi);
  }
}

export function union(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  if (a.length === 0) return b as number[];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) {
      pushMerged(out, a[i], a[i + 1]);
      i += 2;
    } else {
      pushMerged(out, b[j], b[j + 1]);
      j += 2;
    }
  }
  return out;
}

/** Sets are never mutated, so every empty result can be this one array. */
export const EMPTY: never[] = Object.freeze([]) as unknown as never[];

export function intersect(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0 || b.length === 0) return EMPTY;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i] > b[j] ? a[i] : b[j];
    const hi = a[i + 1] < b[j + 1] ? a[i + 1] : b[j + 1];
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

/** Whether a and b share an element (no allocation). */
export function overlaps(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1] < b[j]) i += 2;
    else if (b[j + 1] < a[i]) j += 2;
    else return true;
  }
  return false;
}

/** a minus b. */
export function subtract(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0 || b.length === 0) return a as number[];
  if (!overlaps(a, b)) return a as number[];
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let lo = a[i];
    const hi = a[i + 1];
    while (j < b.length && b[j + 1] < lo) j += 2;
    let k = j;
    while (k < b.length && b[k] <= hi) {
      if (b[k] > lo) out.push(lo, b[k] - 1);
      if (b[k + 1] >= hi) {
        lo = hi + 1; // consumed to the end of this interval
        break;
      }
      lo = b[k + 1] + 1;
      k += 2;
    }
    if (lo <= hi) out.push(lo, hi);
  }
  return out;
}

/** True when every element of a is in b. */
export function isSubset(a: readonly number[], b: readonly number[]): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    while (j < b.length && b[j + 1] < a[i]) j += 2;
    if (j >= b.length || b[j] > a[i] || b[j + 1] < a[i + 1]) return false;
  }
  return true;
}

export function contains(a: readonly number[], x: number): boolean {
  // Binary search over interval starts; sets here are small, but NACL/port maps are queried often.
  let lo = 0;
  let hi = a.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[2 * mid + 1] < x) lo = mid + 1;
    else if (a[2 * mid] > x) hi = mid - 1;
    else return true;
  }
  return false;
}

export function equals(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
