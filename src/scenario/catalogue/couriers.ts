/** The parameter catalogue's entries (see ../catalogue.ts) for the couriers: who they are and how they behave. */
import type { FieldPath } from '../fieldPath.ts';
import type { FactsOf } from './facts.ts';

/** Facts of the couriers: who they are and how they behave. */
export const COURIER_FACTS = {
  'population.couriers': {
    name: { zh: '骑手人数', en: 'Couriers' },
    unit: 'couriers',
    hint: {
      zh: '只改骑手人数，每名骑手的数字不会变：“每天订单数”留空时，订单随骑手人数按比例增减（每名骑手每天订单数不变）。要看骑手紧缺或过剩，请同时填写“每天订单数”或改“每名骑手每天订单数”。',
      en: 'Changing the number of couriers alone changes nothing per courier: while “Orders per day” is empty, orders scale with the couriers (orders per courier-day stay the same). To see a shortage or a surplus of couriers, also set “Orders per day” or change “Orders per courier-day”.',
    },
    status: { kind: 'setting' },
  },
  'population.crowdShare': {
    name: { zh: '众包骑手占比', en: 'Share crowd-sourced' },
    unit: 'share',
    status: { kind: 'assumption' },
  },
  'population.newShare': {
    name: { zh: '新骑手占比', en: 'Share new couriers' },
    unit: 'share',
    status: { kind: 'assumption', note: 'Meituan: riders in their first month are late about 5× as often' },
  },
  'population.multiPlatformShare': {
    name: { zh: '同时跑多个平台的占比', en: 'Share on several platforms' },
    unit: 'share',
    status: { kind: 'assumption' },
  },
  'population.comfortSpeedKmh.mean': {
    name: { zh: '舒适车速：平均', en: 'Comfort speed: mean' },
    unit: 'kmh',
    status: { kind: 'calibrated', targets: ['speed'], range: { low: 0.8, high: 1.2, basis: '±20%', order: 2 } },
  },
  'population.comfortSpeedKmh.sd': {
    name: { zh: '舒适车速：标准差', en: 'Comfort speed: sd' },
    unit: 'kmh',
    status: { kind: 'calibrated', targets: ['speed'] },
  },
  'population.comfortSpeedKmh.min': {
    name: { zh: '舒适车速：最低', en: 'Comfort speed: min' },
    unit: 'kmh',
    status: { kind: 'calibrated', targets: ['speed'] },
  },
  'population.comfortSpeedKmh.max': {
    name: { zh: '舒适车速：最高', en: 'Comfort speed: max' },
    unit: 'kmh',
    status: { kind: 'calibrated', targets: ['speed'] },
  },
  'population.maxSpeedKmh.mean': {
    name: { zh: '赶时间时最高车速：平均', en: 'Top speed under pressure: mean' },
    unit: 'kmh',
    status: {
      kind: 'assumption',
      note: 'many delivery e-bikes are modified past GB 17761-2018’s 25 km/h',
      range: { low: 0.8, high: 1.2, basis: '±20%', order: 3 },
    },
  },
  'population.maxSpeedKmh.sd': {
    name: { zh: '赶时间时最高车速：标准差', en: 'Top speed under pressure: sd' },
    unit: 'kmh',
    status: { kind: 'assumption' },
  },
  'population.maxSpeedKmh.min': {
    name: { zh: '赶时间时最高车速：最低', en: 'Top speed under pressure: min' },
    unit: 'kmh',
    status: { kind: 'assumption' },
  },
  'population.maxSpeedKmh.max': {
    name: { zh: '赶时间时最高车速：最高', en: 'Top speed under pressure: max' },
    unit: 'kmh',
    status: { kind: 'assumption' },
  },
  'population.incomeTargetMedianCny': {
    name: { zh: '每日收入目标中位数', en: 'Daily income target, median' },
    unit: 'cnyPerDay',
    status: {
      kind: 'assumption',
      note: '≈ 6,500 CNY a month over 26 days',
      range: { low: 0.8, high: 1.2, basis: '±20%', order: 11 },
    },
  },
  'population.incomeTargetSigma': {
    name: { zh: '收入目标离散度（对数正态 σ）', en: 'Income target spread (log-normal σ)' },
    unit: null,
    status: { kind: 'assumption' },
  },
  'population.maxHoursMin': {
    name: { zh: '每天在线上限：最少', en: 'Daily hours limit: lowest' },
    unit: 'hours',
    status: { kind: 'assumption' },
  },
  'population.maxHoursMax': {
    name: { zh: '每天在线上限：最多', en: 'Daily hours limit: highest' },
    unit: 'hours',
    status: { kind: 'assumption' },
  },
  'population.staffing': {
    name: { zh: '专送骑手排班', en: 'Dedicated couriers’ shifts' },
    unit: null,
    hint: {
      zh: '“固定早晚班”：按上午/下午两种开工时间随机抽取（原模型）。“按需求排班”：站点按历史上每小时的预计订单（每小时订单分布）给专送骑手排开工时间，使在线骑手数随订单量变化；每人的在线上限、收入目标、休息和每天的时间浮动不变，众包骑手仍在高峰来。',
      en: '“Fixed morning and afternoon starts”: drawn around a morning and an afternoon hour (the earlier model). “Planned from demand”: the station plans dedicated couriers’ starts from the expected orders per hour (the hourly profile), so that couriers online follow the orders; each courier’s hours limit, income target, breaks and daily jitter stay, and crowd couriers still come for the peaks.',
    },
    status: {
      kind: 'setting',
      note: 'fixed by default; demand rests on assumptions: the station knows its orders per hour from history, plans starts to the quarter hour by a greedy cover, and needs as many couriers per expected order in every hour',
    },
    options: {
      fixed: { zh: '固定早晚班', en: 'fixed morning and afternoon starts' },
      demand: { zh: '按需求排班', en: 'planned from demand' },
    },
  },
  'population.morningShare': {
    name: { zh: '上午开工的占比', en: 'Share starting in the morning' },
    unit: 'share',
    status: { kind: 'calibrated', targets: ['online-hours', 'over-8h'] },
  },
  'population.morningStartHour': {
    name: { zh: '上午开工的平均时间', en: 'Mean start of morning shifts' },
    unit: 'hourOfDay',
    status: { kind: 'calibrated', targets: ['online-hours', 'over-8h'] },
  },
  'population.eveningStartHour': {
    name: { zh: '下午开工的平均时间', en: 'Mean start of afternoon shifts' },
    unit: 'hourOfDay',
    status: { kind: 'calibrated', targets: ['online-hours', 'over-8h'] },
  },
  'population.crowdHoursMin': {
    name: { zh: '众包骑手在线时长：最少', en: 'Crowd couriers’ hours: fewest' },
    unit: 'hours',
    status: { kind: 'assumption', note: 'crowd riders work the peaks' },
  },
  'population.crowdHoursMax': {
    name: { zh: '众包骑手在线时长：最多', en: 'Crowd couriers’ hours: most' },
    unit: 'hours',
    status: { kind: 'assumption', note: 'crowd riders work the peaks' },
  },
  'population.crowdStartDelayHours': {
    name: { zh: '众包骑手比专送晚开工', en: 'Crowd couriers start later by' },
    unit: 'hours',
    status: { kind: 'calibrated', targets: ['online-hours', 'over-8h'] },
  },
  'population.expensePerDay': {
    name: { zh: '每天固定开支', en: 'Fixed expenses per day' },
    unit: 'cnyPerDay',
    status: { kind: 'assumption' },
  },
  'population.expensePerKm': {
    name: { zh: '每公里开支', en: 'Expenses per km' },
    unit: 'cnyPerKm',
    status: { kind: 'assumption' },
  },
  'behaviour.declineProb': {
    name: { zh: '众包骑手拒单概率', en: 'Crowd courier declines an order' },
    unit: 'probability',
    status: { kind: 'assumption' },
  },
  'behaviour.breakAfterHours': {
    name: { zh: '连续在线多久后考虑休息', en: 'Consider a break after' },
    unit: 'hours',
    status: { kind: 'assumption' },
  },
  'behaviour.breakProb': {
    name: { zh: '休息概率（无收入压力时）', en: 'Break probability (no income pressure)' },
    unit: 'probability',
    status: { kind: 'assumption' },
  },
  'behaviour.breakMinMinutes': {
    name: { zh: '休息时长：最短', en: 'Break length: shortest' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'behaviour.breakMaxMinutes': {
    name: { zh: '休息时长：最长', en: 'Break length: longest' },
    unit: 'min',
    status: { kind: 'assumption' },
  },
  'behaviour.idleRestMin': {
    name: { zh: '无单多久后休息', en: 'Rest after waiting without an order for' },
    unit: 'min',
    status: { kind: 'assumption', note: 'riders stop in the afternoon lull' },
  },
  'behaviour.complaintProbLate': {
    name: { zh: '超时被投诉的概率', en: 'Complaint when late' },
    unit: 'probability',
    status: { kind: 'assumption', range: { low: 0.5, high: 2, basis: '×0.5 to ×2', order: 13 } },
  },
  'behaviour.newCourierSlowdown': {
    name: { zh: '新骑手慢多少', en: 'New couriers slower by' },
    unit: 'share',
    status: { kind: 'assumption', range: { low: 0.5, high: 2, basis: '×0.5 to ×2', order: 9 } },
  },
  'behaviour.newCourierDetour': {
    name: { zh: '新骑手绕路系数', en: 'New couriers’ detour factor' },
    unit: 'factor',
    status: { kind: 'assumption' },
  },
  'behaviour.redLightProb': {
    name: { zh: '路口遇红灯的概率', en: 'Signal is red' },
    unit: 'probability',
    status: { kind: 'assumption', range: { low: 0.8, high: 1.2, basis: '±20%', order: 4 } },
  },
  'behaviour.redRunBase': {
    name: { zh: '闯红灯基础概率', en: 'Runs a red light, base' },
    unit: 'probability',
    status: { kind: 'assumption' },
  },
  'behaviour.redRunPressure': {
    name: { zh: '时间压力下闯红灯的增加', en: 'Runs a red light, added by time pressure' },
    unit: 'probability',
    status: { kind: 'assumption', range: { low: 0.5, high: 1.5, basis: '±50% (poorly known)', order: 5 } },
  },
  'behaviour.redLightWaitSec': {
    name: { zh: '红灯前停车的平均等待', en: 'Mean wait at a red light' },
    unit: 'sec',
    hint: {
      zh: '0 表示红灯不耗时（原模型）。随机到达时红灯期内平均等红灯时长的一半：周期 130 秒、红灯占 0.4 时约 26 秒。',
      en: '0: a red light costs no time (the earlier model). Arriving at random, the wait averages half the red phase: about 26 s for a 130 s cycle red 0.4 of it.',
    },
    status: {
      kind: 'setting',
      note: 'off (0) by default; safety-bonus-2025 uses 26 s: half a red phase of 0.4 × a 130 s cycle (Beijing cycles 119–135 s, J. Adv. Transp. 2019, 2345903); plausible 10–60 s',
    },
  },
  'behaviour.pressureAdaptation': {
    name: { zh: '超时后冒险倾向每天的变化', en: 'Daily change of risk tolerance after lateness' },
    unit: 'perDay',
    status: { kind: 'assumption' },
  },
  'behaviour.lateTolerance': {
    name: { zh: '骑手能容忍的超时比例', en: 'Late share a courier tolerates' },
    unit: 'share',
    status: { kind: 'assumption' },
  },
  'behaviour.weatherSpeedFactor': {
    name: { zh: '天气对车速的影响', en: 'Weather effect on speed' },
    unit: 'factor',
    status: { kind: 'assumption' },
  },
} as const satisfies { [P in Extract<FieldPath, `population.${string}` | `behaviour.${string}`>]: FactsOf<P> };
