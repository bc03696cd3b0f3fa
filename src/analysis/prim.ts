/**
 * Scenario discovery (Friedman and Fisher's Patient Rule Induction Method, as the EMA workbench uses it): given
 * sampled worlds and which of them a conclusion fails in, find a box — a few parameter ranges — inside which it fails
 * much more often than overall. Peeling: from the box holding every world, repeatedly cut off the `alpha` share of
 * worlds at one end of one parameter, choosing the cut that most raises the failure share left inside, until the box
 * holds fewer than `minSupport` of the worlds. Of the boxes on that path, the one with the highest density whose
 * coverage is at least `minCoverage` is kept, then the limits the failures do not need are dropped (quasi-p-values,
 * below), leaving at most `maxLimits`. Deterministic: ties go to the lower parameter index, then the lower end.
 */
import { detExp, detLog } from '../sim/detMath.ts';

/** One parameter's limits in a box; a side left open is null. */
export interface BoxLimit {
  param: string;
  low: number | null;
  high: number | null;
}

/** A box with how well it describes the failures. */
export interface PrimBox {
  /** Only the parameters the box restricts. */
  limits: BoxLimit[];
  /** Share of all failures that lie inside the box. */
  coverage: number;
  /** Share of the worlds inside the box in which the conclusion fails. */
  density: number;
  /** Share of all worlds inside the box. */
  support: number;
  /** Worlds inside, and failures inside. */
  worlds: number;
  failures: number;
}

/** Peeling settings. */
export interface PrimOptions {
  /** Share of the box's worlds cut off at each step (0.05). */
  alpha?: number;
  /** Stop peeling below this share of all worlds (0.05). */
  minSupport?: number;
  /** The kept box must hold at least this share of the failures (0.5). */
  minCoverage?: number;
  /** A limit stays only when its quasi-p-value is at most this (0.05). */
  maxQuasiP?: number;
  /** The most limits a box keeps, so it can be said in a sentence (3). */
  maxLimits?: number;
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed from k up in the ratio of successive terms. */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || !(p > 0)) return 0;
  if (p >= 1) return 1;
  // log of the k-th term: log C(n, k) + k log p + (n − k) log(1 − p).
  let logTerm = k * detLog(p) + (n - k) * detLog(1 - p);
  for (let i = 1; i <= k; i++) logTerm += detLog((n - k + i) / i);
  let term = detExp(logTerm);
  let sum = term;
  for (let j = k; j < n && term > sum * 1e-16; j++) {
    term *= ((n - j) / (j + 1)) * (p / (1 - p));
    sum += term;
  }
  return Math.min(1, sum);
}

/**
 * The box that best isolates the failures among the worlds `x` (one row per world, one column per parameter named in
 * `params`), or null when there are no failures or no box does better than the whole space.
 */
export function primBox(
  params: readonly string[],
  x: readonly (readonly number[])[],
  fails: readonly boolean[],
  options: PrimOptions = {},
): PrimBox | null {
  const alpha = options.alpha ?? 0.05;
  const minSupport = options.minSupport ?? 0.05;
  const minCoverage = options.minCoverage ?? 0.5;
  const n = x.length;
  const totalFail = fails.filter(Boolean).length;
  if (n === 0 || totalFail === 0 || totalFail === n) return null;
  const d = params.length;
  const lo: number[] = params.map(() => -Infinity);
  const hi: number[] = params.map(() => Infinity);
  const inside = (row: readonly number[], l: number[], h: number[]) =>
    row.every((v, j) => v >= (l[j] as number) && v <= (h[j] as number));
  const measure = (l: number[], h: number[]) => {
    let worlds = 0;
    let failures = 0;
    x.forEach((row, i) => {
      if (inside(row, l, h)) {
        worlds++;
        if (fails[i]) failures++;
      }
    });
    return { worlds, failures };
  };
  const path: { lo: number[]; hi: number[]; worlds: number; failures: number }[] = [
    { lo: [...lo], hi: [...hi], worlds: n, failures: totalFail },
  ];
  for (;;) {
    const members = x.map((row, i) => i).filter((i) => inside(x[i] as number[], lo, hi));
    if (members.length < Math.max(2, minSupport * n)) break;
    let best: { j: number; side: 'lo' | 'hi'; at: number; density: number; worlds: number; failures: number } | null =
      null;
    for (let j = 0; j < d; j++) {
      const values = members.map((i) => (x[i] as number[])[j] as number).sort((a, b) => a - b);
      const k = Math.max(1, Math.floor(alpha * values.length));
      // Cut the lowest k (keep values above the k-th smallest) or the highest k.
      for (const side of ['lo', 'hi'] as const) {
        const at = side === 'lo' ? (values[k] as number) : (values[values.length - 1 - k] as number);
        const l = [...lo];
        const h = [...hi];
        if (side === 'lo') l[j] = at;
        else h[j] = at;
        const m = measure(l, h);
        if (m.worlds === members.length || m.worlds === 0) continue;
        const density = m.failures / m.worlds;
        if (!best || density > best.density) best = { j, side, at, density, ...m };
      }
    }
    if (!best) break;
    if (best.side === 'lo') lo[best.j] = best.at;
    else hi[best.j] = best.at;
    path.push({ lo: [...lo], hi: [...hi], worlds: best.worlds, failures: best.failures });
  }
  let chosen = path[0] as (typeof path)[number];
  for (const step of path) {
    const coverage = step.failures / totalFail;
    if (coverage < minCoverage || step.worlds < minSupport * n) continue;
    if (step.failures / step.worlds > chosen.failures / chosen.worlds) chosen = step;
  }
  if (chosen === path[0]) return null;
  // Drop the limits the failures do not need (the EMA workbench's quasi-p-values): for each limit, the chance of at
  // least the box's failures among its worlds if they failed only as often as in the box without that limit. The
  // limit least needed goes first, while its chance is above `maxQuasiP` or the box has more than `maxLimits`.
  const maxQuasiP = options.maxQuasiP ?? 0.05;
  const maxLimits = options.maxLimits ?? 3;
  const l = [...chosen.lo];
  const h = [...chosen.hi];
  let cur = measure(l, h);
  for (;;) {
    let worst: { j: number; side: 'lo' | 'hi'; qp: number } | null = null;
    let count = 0;
    for (let j = 0; j < d; j++) {
      for (const side of ['lo', 'hi'] as const) {
        const arr = side === 'lo' ? l : h;
        const keep = arr[j] as number;
        if (!Number.isFinite(keep)) continue;
        count++;
        arr[j] = side === 'lo' ? -Infinity : Infinity;
        const wider = measure(l, h);
        arr[j] = keep;
        const qp = binomialTail(cur.failures, cur.worlds, wider.failures / wider.worlds);
        if (!worst || qp > worst.qp) worst = { j, side, qp };
      }
    }
    if (!worst || (worst.qp <= maxQuasiP && count <= maxLimits)) break;
    (worst.side === 'lo' ? l : h)[worst.j] = worst.side === 'lo' ? -Infinity : Infinity;
    cur = measure(l, h);
  }
  const limits: BoxLimit[] = [];
  params.forEach((param, j) => {
    const a = l[j] as number;
    const b = h[j] as number;
    if (Number.isFinite(a) || Number.isFinite(b)) {
      limits.push({ param, low: Number.isFinite(a) ? a : null, high: Number.isFinite(b) ? b : null });
    }
  });
  return {
    limits,
    coverage: cur.failures / totalFail,
    density: cur.failures / cur.worlds,
    support: cur.worlds / n,
    worlds: cur.worlds,
    failures: cur.failures,
  };
}
