/** The parameter catalogue's entries (see ../catalogue.ts) for the scenario's own settings, the city and demand. */
import type { FieldPath } from '../fieldPath.ts';
import type { FactsOf } from './facts.ts';

/** Facts of the scenario's own settings, the city and demand. */
export const WORLD_FACTS = {
  'meta.name': { name: { zh: '名称', en: 'Name' }, unit: null, status: { kind: 'setting' } },
  'meta.description': { name: { zh: '描述', en: 'Description' }, unit: null, status: { kind: 'setting' } },
  'meta.region': { name: { zh: '地区', en: 'Region' }, unit: null, status: { kind: 'setting' } },
  'meta.sources': {
    name: { zh: '资料来源', en: 'Sources' },
    unit: null,
    hint: {
      zh: '来源列在情景文件中，这里只显示，不能修改。',
      en: 'Sources are listed in the scenario file; shown here, not edited.',
    },
    status: { kind: 'setting' },
  },
  'meta.calibration': {
    name: { zh: '校准记录', en: 'Calibration record' },
    unit: null,
    hint: {
      zh: '由 `fairpace calibrate --fit` 写入：拟合了哪些参数、对照哪些观测数据、误差多少。只显示，不能修改。',
      en: 'Written by `fairpace calibrate --fit`: which parameters were fitted to which observed figures, and how closely. Shown here, not edited.',
    },
    status: { kind: 'setting', note: 'written by fairpace calibrate --fit' },
  },
  'time.days': { name: { zh: '模拟天数', en: 'Days simulated' }, unit: 'days', status: { kind: 'setting' } },
  'time.serviceStartHour': {
    name: { zh: '开始营业', en: 'Service opens' },
    unit: 'hourOfDay',
    status: { kind: 'setting' },
  },
  'time.serviceEndHour': {
    name: { zh: '结束营业', en: 'Service closes' },
    unit: 'hourOfDay',
    status: { kind: 'setting' },
  },
  'city.widthKm': {
    name: { zh: '城市东西宽度', en: 'City extent, east–west' },
    unit: 'km',
    status: { kind: 'setting' },
  },
  'city.heightKm': {
    name: { zh: '城市南北长度', en: 'City extent, north–south' },
    unit: 'km',
    status: { kind: 'setting' },
  },
  'city.detourFactor': {
    name: { zh: '道路绕行系数', en: 'Road detour factor' },
    unit: 'factor',
    status: {
      kind: 'assumption',
      note: 'typical urban circuity',
      range: { low: 0.9, high: 1.1, basis: '±10% (1.17–1.43 at the default 1.3)', order: 1 },
    },
  },
  'city.signalsPerKm': {
    name: { zh: '每公里信号灯', en: 'Traffic signals per km' },
    unit: 'signalsPerKm',
    status: { kind: 'assumption', range: { low: 0.67, high: 1.33, basis: '±33% (2–4 at the default 3)', order: 12 } },
  },
  'city.restaurants': { name: { zh: '餐馆数', en: 'Restaurants' }, unit: 'restaurants', status: { kind: 'setting' } },
  'city.hotspots': {
    name: { zh: '商圈热点', en: 'Restaurant hotspots' },
    unit: 'km',
    hint: {
      zh: '每个热点写“x, y, 权重, 半径”（公里），热点之间用分号隔开。',
      en: 'Each hotspot as “x, y, weight, spread” (km); hotspots separated by semicolons.',
    },
    status: { kind: 'setting' },
  },
  'city.customerDistanceMedianKm': {
    name: { zh: '顾客距离中位数', en: 'Customer distance, median' },
    unit: 'km',
    status: { kind: 'assumption', note: 'Chinese deliveries are mostly under 3 km of road' },
  },
  'city.customerDistanceP90Km': {
    name: { zh: '顾客距离第 90 百分位', en: 'Customer distance, 90th percentile' },
    unit: 'km',
    status: { kind: 'assumption', note: 'Chinese deliveries are mostly under 3 km of road' },
  },
  'demand.ordersPerDay': {
    name: { zh: '每天订单数', en: 'Orders per day' },
    unit: 'ordersPerDay',
    hint: { zh: '留空表示按“骑手人数 × 每名骑手每天订单数”计算。', en: 'Empty: couriers × orders per courier-day.' },
    status: { kind: 'setting', note: 'null: orders per courier-day × couriers' },
  },
  'demand.ordersPerCourierDay': {
    name: { zh: '每名骑手每天订单数', en: 'Orders per courier-day' },
    unit: 'ordersPerCourierDay',
    status: { kind: 'calibrated', targets: ['orders-per-day'] },
  },
  'demand.hourlyProfile': {
    name: { zh: '各小时订单分布', en: 'Orders by hour of day' },
    unit: 'weights',
    hint: {
      zh: '24 个数，用逗号隔开，依次是 0 点到 23 点的相对订单量。',
      en: '24 numbers separated by commas: relative orders at 0:00 … 23:00.',
    },
    status: { kind: 'assumption' },
  },
  'demand.prepMedianMin': {
    name: { zh: '出餐时间中位数', en: 'Food preparation, median' },
    unit: 'min',
    status: { kind: 'sourced', source: 'Grubhub MDRP instance 0 (median 15 min)' },
  },
  'demand.prepP90Min': {
    name: { zh: '出餐时间第 90 百分位', en: 'Food preparation, 90th percentile' },
    unit: 'min',
    status: { kind: 'sourced', source: 'Grubhub MDRP instance 0 (90th percentile 30 min)' },
  },
  'demand.cancelAfterMin': {
    name: { zh: '无人接单多久后取消', en: 'Cancel when untaken for' },
    unit: 'min',
    status: { kind: 'assumption', range: { low: 0.8, high: 1.2, basis: '±20%', order: 8 } },
  },
  'demand.lateResponse.lostOrdersPerLate': {
    name: { zh: '每单超时让顾客少下的单数', en: 'Future orders lost per late order' },
    unit: 'orders',
    status: {
      kind: 'assumption',
      note: 'Mao et al. 2025 found the effect; its size was not available',
      range: {
        low: 0,
        high: 5,
        basis: '×0 to ×5 (0–0.5 at the default 0.1; no size published; matters only in runs of more than one day)',
        order: 15,
      },
    },
  },
  'demand.lateResponse.afterMin': {
    name: { zh: '超过承诺多久算让顾客流失', en: 'Late enough to lose orders after' },
    unit: 'min',
    status: { kind: 'assumption', note: 'the first tier of compensation and JD’s 2025 coupon' },
  },
  'demand.lateResponse.days': {
    name: { zh: '流失的订单分摊到此后几天', en: 'Lost orders spread over the next' },
    unit: 'days',
    status: { kind: 'assumption' },
  },
  'demand.weatherFactor': {
    name: { zh: '天气对订单量的影响', en: 'Weather effect on orders' },
    unit: 'factor',
    status: {
      kind: 'assumption',
      range: { part: 'rain', low: 0.9, high: 1.1, basis: '±10% (matters only on rain days)', order: 14 },
    },
  },
  weather: {
    name: { zh: '每天的天气', en: 'Weather per day' },
    unit: null,
    hint: {
      zh: '每天一个，用逗号隔开：`clear` 晴、`rain` 雨、`heavyRain` 暴雨、`snow` 雪、`heat35`/`heat37`/`heat40` 高温（未写的天按晴天计）。',
      en: 'One per day, separated by commas: clear, rain, heavyRain, snow, heat35, heat37, heat40 (missing days are clear).',
    },
    status: { kind: 'setting' },
  },
  holidays: {
    name: { zh: '法定节假日', en: 'Statutory holidays' },
    unit: 'dayIndex',
    hint: {
      zh: '节假日是第几天（从 0 起），用逗号隔开。',
      en: 'Day numbers (from 0) of the holidays, separated by commas.',
    },
    status: { kind: 'setting' },
  },
  replications: { name: { zh: '重复次数', en: 'Replications' }, unit: 'replications', status: { kind: 'setting' } },
  seed: {
    name: { zh: '随机种子', en: 'Random seed' },
    unit: null,
    hint: {
      zh: '相同的种子得到完全相同的结果；各方案使用相同的种子。',
      en: 'The same seed gives exactly the same results; every arm uses the same seeds.',
    },
    status: { kind: 'setting' },
  },
} as const satisfies {
  [
    P in Exclude<
      FieldPath,
      | `population.${string}`
      | `behaviour.${string}`
      | `rules.${string}`
      | `standards.${string}`
      | `risk.${string}`
      | `compliance.${string}`
    >
  ]: FactsOf<P>;
};
