/**
 * Observed figures of real data with their sample's 95% interval, and how they become a targets file for
 * `fairpace calibrate --targets`. Means, shares and ratios get an interval clustered by courier (rows of one courier
 * are not independent: a fast courier is fast all week); quantiles get the distribution-free interval of order
 * statistics, which assumes independent rows.
 */
import { tCritical95 } from '../analysis/stats.ts';
import { TARGETS_SCHEMA_VERSION, type Target, type TargetsFile } from '../analysis/calibrate/targets.ts';

/** One observed figure. */
export interface Figure {
  /** Stable id, also the target id when the figure has a metric. */
  id: string;
  /** What it is, in English. */
  label: string;
  /** What it is, in Chinese. */
  labelZh: string;
  unit: string;
  value: number;
  /** The 95% interval of the sample. */
  lo: number;
  hi: number;
  /** How many observations it rests on (orders, courier-days, waves…). */
  n: number;
  /** The metric path of the model it is held against, when the model reports the same figure. */
  metric?: string;
  /** How the figure was computed, in plain words (the target's note). */
  note: string;
}

/**
 * A ratio Σy ÷ Σx (a mean when every x is 1, a share when y is 0 or 1) with an interval clustered by group: the
 * linearised (sandwich) variance Σ_g (Σ_{i∈g} (y_i − R x_i))² ÷ (Σx)², scaled by G ÷ (G − 1), and Student's t with
 * G − 1 degrees of freedom. Group −1 makes an observation its own group (independent rows).
 */
export class ClusteredRatio {
  /** Σy and Σx of each group. */
  private readonly sums = new Map<number, { y: number; x: number }>();
  private y = 0;
  private x = 0;
  private n = 0;
  // Observations that are their own group: Σy², Σxy, Σx² and how many.
  private yy = 0;
  private xy = 0;
  private xx = 0;
  private singles = 0;

  add(group: number, y: number, x = 1): void {
    this.y += y;
    this.x += x;
    this.n++;
    if (group < 0) {
      this.yy += y * y;
      this.xy += x * y;
      this.xx += x * x;
      this.singles++;
      return;
    }
    const s = this.sums.get(group);
    if (s) {
      s.y += y;
      s.x += x;
    } else this.sums.set(group, { y, x });
  }

  get count(): number {
    return this.n;
  }

  /** The ratio and its 95% interval; NaN when there is no observation, a point when the interval cannot be had. */
  interval(): { value: number; lo: number; hi: number; n: number } {
    if (this.n === 0 || this.x === 0) return { value: Number.NaN, lo: Number.NaN, hi: Number.NaN, n: this.n };
    const r = this.y / this.x;
    const g = this.sums.size + this.singles;
    if (g < 2) return { value: r, lo: r, hi: r, n: this.n };
    let ss = this.yy - 2 * r * this.xy + r * r * this.xx;
    for (const s of this.sums.values()) {
      const e = s.y - r * s.x;
      ss += e * e;
    }
    const se = Math.sqrt(((g / (g - 1)) * Math.max(0, ss)) / (this.x * this.x));
    const half = tCritical95(g - 1) * se;
    return { value: r, lo: r - half, hi: r + half, n: this.n };
  }
}

/** The q-quantile of sorted values as d3's quantileSorted (and the model's distributions) compute it. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const i0 = Math.floor(pos);
  const v0 = sorted[i0] as number;
  return i0 + 1 < n ? v0 + ((sorted[i0 + 1] as number) - v0) * (pos - i0) : v0;
}

/**
 * The q-quantile of a sample with its distribution-free 95% interval: the order statistics at ranks
 * n q ∓ 1.96 √(n q (1 − q)) (normal approximation to the binomial), clamped to the sample.
 */
export function quantileInterval(
  sorted: ArrayLike<number>,
  q: number,
): { value: number; lo: number; hi: number; n: number } {
  const n = sorted.length;
  if (n === 0) return { value: Number.NaN, lo: Number.NaN, hi: Number.NaN, n };
  const half = 1.959963984540054 * Math.sqrt(n * q * (1 - q));
  const lo = Math.max(0, Math.min(n - 1, Math.floor(n * q - half) - 1));
  const hi = Math.max(0, Math.min(n - 1, Math.ceil(n * q + half) - 1));
  const value = quantileOfSorted(sorted, q);
  return { value, lo: Math.min(value, sorted[lo] as number), hi: Math.max(value, sorted[hi] as number), n };
}

/** A value rounded to `digits` decimals, down or up (so a rounded interval still holds what it held). */
function roundTo(value: number, digits: number, mode: 'down' | 'up' | 'near'): number {
  const f = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000][digits] ?? 1_000_000;
  const scaled = value * f;
  // A hair of tolerance, so 0.1 + 0.2 does not round up to 0.31.
  const r = mode === 'down' ? Math.floor(scaled + 1e-9) : mode === 'up' ? Math.ceil(scaled - 1e-9) : Math.round(scaled);
  return r / f + 0;
}

/** Decimals that suit a unit: shares to 4, minutes and hours to 2, counts to 2. */
function digitsFor(unit: string): number {
  return unit === 'share' ? 4 : 2;
}

/** A figure, rounded for reading: the value to the nearest, the interval outward. */
export function figure(
  base: Omit<Figure, 'value' | 'lo' | 'hi' | 'n'>,
  stat: { value: number; lo: number; hi: number; n: number },
): Figure {
  const d = digitsFor(base.unit);
  // Every unit here is a count, a duration or a share: an interval past 0 (or past 1 for a share) says nothing more.
  const lo = Math.max(0, stat.lo);
  const hi = base.unit === 'share' ? Math.min(1, stat.hi) : stat.hi;
  return {
    ...base,
    value: roundTo(stat.value, d, 'near'),
    lo: roundTo(lo, d, 'down'),
    hi: roundTo(hi, d, 'up'),
    n: stat.n,
  };
}

/** A figure's fixed parts: what it is in both languages, its unit, how it was computed and its model metric. */
export function fig(
  id: string,
  label: string,
  labelZh: string,
  unit: string,
  note: string,
  metric?: string,
): Omit<Figure, 'value' | 'lo' | 'hi' | 'n'> {
  return { id, label, labelZh, unit, note, ...(metric !== undefined ? { metric } : {}) };
}

/** Where the observed figures came from, for each target's source. */
export interface ObservedSource {
  /** What the data are, e.g. "INFORMS TSL-Meituan 2024 challenge data, file all_waybill_info.csv". */
  title: string;
  /** The year the data describe. */
  year: number;
  /** SHA-256 of the file read, hex. */
  sha256: string;
}

/** The figures that have a metric, as targets of one arm with the sample's interval as the range. */
export function figuresToTargets(
  figures: readonly Figure[],
  options: { name: string; description: string; arm: string; source: ObservedSource; strength: Target['strength'] },
): TargetsFile {
  const targets: Target[] = figures
    .filter((f) => f.metric !== undefined && Number.isFinite(f.value) && Number.isFinite(f.lo) && f.n > 0)
    .map((f) => ({
      id: f.id,
      metric: f.metric as string,
      arm: options.arm,
      range: [Math.min(f.lo, f.value), Math.max(f.hi, f.value)] as [number, number],
      source: { title: options.source.title.slice(0, 500), year: options.source.year },
      strength: options.strength,
      note: `${f.note} Observed ${f.value} (95% interval ${f.lo} to ${f.hi}, n = ${f.n}); file SHA-256 ${options.source.sha256}.`.slice(
        0,
        2000,
      ),
    }));
  return {
    schemaVersion: TARGETS_SCHEMA_VERSION,
    name: options.name.slice(0, 200),
    description: options.description.slice(0, 10_000),
    targets,
  };
}

/** Figures as an aligned plain-text table (value, 95% interval, n, metric). */
export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures
    .filter((f) => f.n > 0 || f.metric !== undefined)
    .map((f) => [
      f.label,
      Number.isFinite(f.value) ? String(f.value) : '—',
      Number.isFinite(f.lo) ? `${f.lo} – ${f.hi}` : '—',
      f.unit,
      String(f.n),
      f.metric ?? '',
    ]);
  const head = ['figure', 'value', '95% interval', 'unit', 'n', 'target metric'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k === 1 || k === 4 ? c.padStart(widths[k] as number) : c.padEnd(widths[k] as number)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
