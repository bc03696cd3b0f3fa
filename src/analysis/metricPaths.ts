/** Walking the metrics tree by dotted paths (MODEL.md section 10 names). */
import type { Metrics } from '../sim/results.ts';

/** Every numeric leaf of a metrics object as [path, value], in a stable order (e.g. `earnings.netPerOnlineHour.mean`). */
export function metricLeaves(metrics: Metrics): [string, number][] {
  const out: [string, number][] = [];
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'number') out.push([prefix, node]);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(metrics, '');
  return out;
}

/**
 * The paths whose paired differences a comparison reports: every scalar metric and each distribution's mean
 * (`workload.onlineHours.mean`), not its quantiles.
 */
export function differencePaths(metrics: Metrics): string[] {
  return metricLeaves(metrics)
    .map(([path]) => path)
    .filter((path) => {
      const last = path.split('.').at(-1);
      return !['p10', 'p50', 'p90', 'max'].includes(last ?? '');
    });
}

/** The number at a dotted path of a metrics object, or undefined. */
export function metricAt(metrics: Metrics, path: string): number | undefined {
  let node: unknown = metrics;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' ? node : undefined;
}

/** Element-wise mean of structurally equal objects (numbers averaged, other leaves taken from the first). */
export function meanOf<T>(items: readonly T[]): T {
  const first = items[0];
  if (first === undefined) throw new RangeError('meanOf needs at least one item');
  const avg = (values: unknown[]): unknown => {
    const head = values[0];
    if (typeof head === 'number') {
      let sum = 0;
      for (const v of values) sum += v as number;
      return sum / values.length;
    }
    if (Array.isArray(head)) return head.map((_, i) => avg(values.map((v) => (v as unknown[])[i])));
    if (head !== null && typeof head === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(head)) out[key] = avg(values.map((v) => (v as Record<string, unknown>)[key]));
      return out;
    }
    return head;
  };
  return avg(items as unknown[]) as T;
}
