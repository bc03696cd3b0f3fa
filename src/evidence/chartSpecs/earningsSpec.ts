/**
 * Couriers' net pay per online hour against the local minimum hourly wage, one row per arm: the 10th to 90th
 * percentile of courier-days, the median and the mean, the wage as a reference line, and the share below it.
 */
import type { Dist } from '../../sim/results.ts';
import { fixed } from '../format.ts';
import { metricAxisTitle, metricValue } from '../metricText.ts';
import { specArms, type Bilingual, type SpecArm, type SpecReference } from './chartSpec.ts';

/** The metric on the value axis, from the catalogue. */
export const EARNINGS_METRIC = 'earnings.netPerOnlineHour.mean';

/** One arm: its name, its net pay per online hour (CNY) over courier-days and the share of them below the wage. */
export interface EarningsArm {
  name: string;
  netPerOnlineHour: Dist;
  shareBelowMinWage: number;
}

/** One row: the arm, its distribution and the words under its name ("52.4% 的骑手日低于最低工资"). */
export interface EarningsRow extends SpecArm {
  dist: Dist;
  below: Bilingual;
}

/** The earnings chart: a row per arm, the minimum wage line and the texts. */
export interface EarningsSpec {
  rows: EarningsRow[];
  minWage: SpecReference;
  title: Bilingual;
  x: Bilingual;
}

/** The words under an arm's name. */
function belowText(share: number): Bilingual {
  const v = metricValue('earnings.shareBelowMinWage', share);
  return { zh: `${v.zh} 的骑手日低于最低工资`, en: `${v.en} of courier-days below it` };
}

/** The chart's title, which the workbench shows too. */
export const EARNINGS_TITLE: Bilingual = {
  zh: '骑手每在线小时的净收入与最低工资',
  en: 'Couriers’ net pay per online hour against the minimum wage',
};

/** The spec of the earnings chart of `arms` (names in the reader's language) for a minimum hourly wage in CNY. */
export function earningsSpec(arms: readonly EarningsArm[], minHourlyWageCny: number): EarningsSpec {
  const wage = fixed(minHourlyWageCny, 2).replace(/\.00$/, '');
  return {
    rows: specArms(arms.map((a) => a.name)).map((arm, i) => {
      const a = arms[i] as EarningsArm;
      return { ...arm, dist: a.netPerOnlineHour, below: belowText(a.shareBelowMinWage) };
    }),
    minWage: { at: minHourlyWageCny, label: { zh: `最低工资 ${wage} 元/小时`, en: `minimum wage ${wage} CNY/h` } },
    title: EARNINGS_TITLE,
    x: metricAxisTitle(EARNINGS_METRIC),
  };
}
