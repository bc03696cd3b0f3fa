/** The values a metric's mean and a difference of it can take, for intervals that stay possible (stats.ts). */
import { lookupMetric } from './catalogue/index.ts';

/** [0, 1] for a share; null for a metric without natural bounds. */
export function valueBounds(path: string): [number, number] | null {
  return lookupMetric(path)?.entry.unit === 'share' ? [0, 1] : null;
}

/** [−1, 1] for a difference of shares; null otherwise. */
export function differenceBounds(path: string): [number, number] | null {
  return lookupMetric(path)?.entry.unit === 'share' ? [-1, 1] : null;
}
