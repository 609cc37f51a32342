// Seeded randomness, unique EC2-style ids and small IPv4 helpers for bench/generate.mjs.
// Everything here is deterministic for a given seed: same seed, same call order => same output.

/** mulberry32: tiny 32-bit PRNG, good enough for benchmark data. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRng(seed) {
  const next = mulberry32(seed);
  const rng = {
    next,
    /** integer in [lo, hi] inclusive */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** weighted pick: [[value, weight], ...] */
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of pairs) if ((r -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    /** k distinct elements (k clamped to arr.length), partial Fisher-Yates on a copy */
    sample: (arr, k) => {
      const a = arr.slice();
      const n = Math.min(k, a.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (a.length - i));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a.slice(0, n);
    },
    hex: (len) => {
      let s = '';
      while (s.length < len) s += Math.floor(next() * 0x10000).toString(16).padStart(4, '0');
      return s.slice(0, len);
    },
  };
  return rng;
}

/** Unique ids of the form `<prefix>-<17 hex>` (or another length), never repeated in one run. */
export function makeIds(rng) {
  const seen = new Set();
  return function id(prefix, len = 17) {
    for (;;) {
      const v = `${prefix}-${rng.hex(len)}`;
      if (!seen.has(v)) { seen.add(v); return v; }
    }
  };
}

export const ipToInt = (ip) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
export const intToIp = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/** Deterministic ISO timestamp (AWS CLI style, +00:00) between 2021 and 2025. */
export function isoTime(rng) {
  const t = Date.UTC(2021, 0, 1) + Math.floor(rng.next() * 4 * 365 * 86400) * 1000;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export const tags = (obj) => Object.entries(obj).map(([Key, Value]) => ({ Key, Value }));
