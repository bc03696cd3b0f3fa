/** Kilometres ridden by speed, one line per arm, with the 15 km/h lane limit and the 25 km/h e-bike design limit. */
import { specArms, type Bilingual, type SpecArm, type SpecReference } from './chartSpec.ts';

/** The x axis runs at least this far (km/h), so both reference lines are always in view. */
export const MIN_SPEED_AXIS_KMH = 30;

/** The reference speeds (km/h): Road Traffic Safety Law art. 58 and GB 17761-2018. */
export const SPEED_RULES: readonly SpecReference[] = [
  { at: 15, label: { zh: '15 公里/小时：非机动车道限速', en: '15 km/h lane limit (Road Traffic Safety Law art. 58)' } },
  { at: 25, label: { zh: '25 公里/小时：电动自行车设计车速上限', en: '25 km/h e-bike design limit (GB 17761-2018)' } },
];

/** The chart's title and axis titles, which the workbench shows too. */
export const SPEED_TEXTS: { title: Bilingual; x: Bilingual; y: Bilingual } = {
  title: { zh: '各速度区间的骑行里程', en: 'Kilometres ridden by speed' },
  x: { zh: '速度（公里/小时）', en: 'Speed (km/h)' },
  y: { zh: '里程（公里，每次重复）', en: 'km per replication' },
};

/** One arm's speed histogram: km per 1 km/h bin (bin i holds [i, i+1) km/h), mean per replication. */
export interface SpeedArm {
  name: string;
  speedHistogramKm: readonly number[];
}

/** One arm's line: km in each bin from 0 km/h, cut at the chart's last bin (values as computed, maybe NaN). */
export interface SpeedLine extends SpecArm {
  km: number[];
}

/** One bin of one arm: speed at the bin's middle (km/h) and km ridden in it. */
export interface SpeedPoint {
  arm: string;
  speedKmh: number;
  km: number;
}

/** The speed chart: a line per arm, the bins drawn, the reference lines and the texts. */
export interface SpeedSpec {
  lines: SpeedLine[];
  /** Bins drawn (and the axis's end, km/h): one past the fastest bin any arm used, at least MIN_SPEED_AXIS_KMH. */
  bins: number;
  rules: readonly SpecReference[];
  title: Bilingual;
  x: Bilingual;
  y: Bilingual;
}

/** The spec of the speed chart of `arms` (names in the reader's language). */
export function speedSpec(arms: readonly SpeedArm[]): SpeedSpec {
  let lastUsed = -1;
  for (const arm of arms)
    arm.speedHistogramKm.forEach((km, i) => (lastUsed = km > 0 ? Math.max(lastUsed, i) : lastUsed));
  const bins = Math.max(MIN_SPEED_AXIS_KMH, lastUsed + 2);
  const lines = specArms(arms.map((a) => a.name)).map((arm, i) => ({
    ...arm,
    km: (arms[i]?.speedHistogramKm ?? []).slice(0, bins),
  }));
  return {
    lines,
    bins,
    rules: SPEED_RULES,
    ...SPEED_TEXTS,
  };
}

/** Every bin of every arm as a point at the bin's middle, a missing value as 0. */
export const speedRows = (spec: SpeedSpec): SpeedPoint[] =>
  spec.lines.flatMap((l) => Array.from(l.km, (km, i) => ({ arm: l.name, speedKmh: i + 0.5, km: km ?? 0 })));
