/** What a metric catalogue entry holds (metrics.ts gathers the entries, one file per group of metrics). */
import type { Bi, MetricUnit } from './units.ts';

/** How a metric is stored: a number, a distribution `{ mean, p10, p50, p90 }`, the same plus `max`, or a per-day series. */
export type MetricShape = 'scalar' | 'distribution' | 'distributionWithMax' | 'perDay';

/**
 * Which way is better, from the point of view of those the metric concerns: couriers and customers, or, for the
 * platform's own figures, the platform. `neither` where more is not plainly better or worse (orders placed, say).
 */
export type Better = 'higher' | 'lower' | 'neither';

/** One metric. */
export interface MetricEntry {
  /** The MODEL.md path, without a distribution's `.mean`/`.p10`/… (`workload.onlineHours`), or `perDay.<field>`. */
  path: string;
  shape: MetricShape;
  unit: MetricUnit;
  /** Decimals, when not the unit's. */
  digits?: number;
  better: Better;
  /** Position among the headline metrics (cards, report findings, sweep and bargaining choices), from 1. */
  headline?: number;
  /** Position among the six differences `fairpace sensitivity` reports, from 1. */
  sensitivity?: number;
  /** Position among the further figures shown below the headline (full-time groups, per-order and service details). */
  detail?: number;
  /** Whose figure it is: the platform's own figures are read from its side of the table. */
  side?: 'platform';
  /** A short ASCII column name, for the command line's narrow tables (the sensitivity ranking). */
  short?: string;
  /**
   * A figure shown beside this one wherever it is a headline (a path of this catalogue, same shape): the hours
   * online of all couriers hide the full-time couriers' longer days, so the card shows both (issue 22 item 6).
   */
  companion?: string;
  label: Bi;
  description: Bi;
}

/** A text in Chinese and English. */
export const bi = (zh: string, en: string): Bi => ({ zh, en });
