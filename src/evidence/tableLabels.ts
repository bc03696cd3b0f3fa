/**
 * Column headers of the pack's tables in Chinese and English, for the sheets of tables.xlsx (the CSVs keep their
 * column names). The per-day series are metrics, named by the metric catalogue (with their unit); the other
 * columns are named here. A column without a name (say, one added to the courier-day rows later) is headed by its
 * column name in both languages, so a new column never breaks a pack.
 */
import { lookupMetric, metricLabels, metricUnit } from '../analysis/index.ts';
import type { Bi } from './report/bilingual.ts';

const LABELS: Readonly<Record<string, Bi>> = {
  arm: { zh: '方案', en: 'Arm' },
  seed: { zh: '随机种子', en: 'Seed' },
  courier: { zh: '骑手编号', en: 'Courier' },
  day: { zh: '第几天（从0起）', en: 'Day (from 0)' },
  employment: { zh: '用工类型', en: 'Employment' },
  isNew: { zh: '新骑手', en: 'New courier' },
  onlineHours: { zh: '在线时长（小时）', en: 'Online hours' },
  engagedHours: { zh: '接单时长（小时）', en: 'Engaged hours' },
  longestStretchHours: { zh: '最长连续在线（小时）', en: 'Longest stretch (h)' },
  orders: { zh: '当天送达订单', en: 'Orders delivered that day' },
  lateOrders: { zh: '超时订单', en: 'Late orders' },
  km: { zh: '骑行里程（公里）', en: 'Km ridden' },
  speedingKm: { zh: '超速里程（公里）', en: 'Speeding km' },
  fatiguedKm: { zh: '疲劳骑行里程（公里）', en: 'Fatigued km' },
  redLightRuns: { zh: '闯红灯次数', en: 'Red lights run' },
  feesCny: { zh: '配送费（元）', en: 'Fees (CNY)' },
  commissionCny: { zh: '平台抽成（元）', en: 'Commission (CNY)' },
  penaltiesCny: { zh: '罚款（元）', en: 'Penalties (CNY)' },
  bonusesCny: { zh: '奖励（元）', en: 'Bonuses (CNY)' },
  topUpsCny: { zh: '保底补足（元）', en: 'Guarantee top-up (CNY)' },
  expensesCny: { zh: '支出（元）', en: 'Expenses (CNY)' },
  netCny: { zh: '净收入（元）', en: 'Net pay (CNY)' },
  netPerOnlineHour: { zh: '每在线小时净收入（元）', en: 'Net per online hour (CNY)' },
  check: { zh: '检查项', en: 'Check' },
  clause: { zh: '依据条款', en: 'Clause' },
  metric: { zh: '指标', en: 'Metric' },
  value: { zh: '数值', en: 'Value' },
  threshold: { zh: '标准', en: 'Threshold' },
  status: { zh: '结果', en: 'Status' },
  detail: { zh: '说明', en: 'Detail' },
};

/** A per-day metric's header: its catalogue label, with its unit unless it is a share or has none. */
function perDayLabel(path: string): Bi {
  const label = metricLabels(path);
  const u = metricUnit(path);
  const unit = u.scale === 100 ? { zh: '', en: '' } : u.text;
  return {
    zh: unit.zh === '' ? label.zh : `${label.zh}（${unit.zh}）`,
    en: unit.en === '' ? label.en : `${label.en} (${unit.en})`,
  };
}

/** The Chinese and English header of a table column (its name in both when it has no label). */
export function columnLabel(column: string): Bi {
  const path = `perDay.${column}`;
  if (lookupMetric(path)) return perDayLabel(path);
  return Object.hasOwn(LABELS, column) ? (LABELS[column] as Bi) : { zh: column, en: column };
}
