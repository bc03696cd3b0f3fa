/**
 * The sources of the default targets (scenarios/targets/china-2018-2023.json) in Chinese, so a Chinese reader of the
 * model check sees them in Chinese. Keyed by target id and matched on the file's English title, so a targets file of
 * one's own that reuses an id with another source shows its own words.
 */
import type { Bi } from './units.ts';

const ZH: Readonly<Record<string, { en: string; zh: string }>> = {
  'income-hourly': {
    en: 'Zhejiang University School of Economics rider survey, >20,000 questionnaires (dedicated ≈ 30, crowd ≈ 39 CNY/h); Meituan 2018 rider report: full-time 6,000–8,000 CNY a month over ~26 days × 9–10 h',
    zh: '浙江大学经济学院骑手调查，两万余份问卷（专送约 30 元/小时，众包约 39 元/小时）；美团 2018 年骑手报告：全职每月 6000–8000 元，约 26 天、每天 9–10 小时',
  },
  'per-order-pay': {
    en: 'TechNode (Beijing riders, 5–7 CNY per order); 中国科学报 (Hangzhou, ≈ 7 CNY in 2025)',
    zh: 'TechNode 报道（北京骑手每单 5–7 元）；《中国科学报》（杭州，2025 年约 7 元）',
  },
  'orders-per-day': {
    en: 'TechNode (30–40 a day); Hangzhou station (~30, 63 on a holiday); Beijing CBD (40–45); Meituan 2018 report (45% of all riders above 20 a day)',
    zh: 'TechNode 报道（每天 30–40 单）；杭州某站点（约 30 单，节日 63 单）；北京中央商务区（40–45 单）；美团 2018 年报告（45% 的骑手每天超过 20 单）',
  },
  'online-hours': {
    en: 'Zheng et al., Transportation Research Record, survey of 824 riders (mean 9.1 h)',
    zh: 'Zheng 等，《Transportation Research Record》，824 名骑手调查（平均 9.1 小时）',
  },
  'over-8h': {
    en: 'Wang et al., Traffic Injury Prevention (46.5% ride more than 8 h); 南都民调 (nearly 80% work more than 8 h)',
    zh: 'Wang 等，《Traffic Injury Prevention》（46.5% 的骑手每天骑行超过 8 小时）；南都民调（近 80% 每天工作超过 8 小时）',
  },
  'click-to-door': {
    en: 'Meituan, KDD 2020 paper (≈ 30 min on average); INFORMS TSL-Meituan 2024 data, one city, Oct 2022 (≈ 35.5 min, third-party computation)',
    zh: '美团 KDD 2020 论文（平均约 30 分钟）；INFORMS TSL 与美团 2024 年数据，一座城市，2022 年 10 月（约 35.5 分钟，第三方计算）',
  },
  'on-time-2022': {
    en: 'INFORMS TSL-Meituan 2024 challenge data, one city, 17–24 Oct 2022 (third-party computation: ≈ 0.98 delivered within 8 min of the promise, ≈ 0.85 before it)',
    zh: 'INFORMS TSL 与美团 2024 年挑战赛数据，一座城市，2022 年 10 月 17–24 日（第三方计算：约 98% 在承诺时间后 8 分钟内送达，约 85% 在承诺时间前送达）',
  },
  'bag-peak': {
    en: 'Meituan FDNET paper, KDD 2021 ("even 10 orders at the same time"); 工人日报 (9 at once, 17 in one trip)',
    zh: '美团 FDNET 论文，KDD 2021（“甚至同时 10 单”）；《工人日报》（同时 9 单，一趟 17 单）',
  },
  'penalty-share': {
    en: 'Derived: fines of 3–7 CNY per late order (工人日报 2021) times the late share of 2022 (TSL-Meituan data); no survey gives the share itself',
    zh: '推算：每个超时订单罚款 3–7 元（《工人日报》2021）乘以 2022 年的超时比例（TSL 与美团数据）；没有调查直接给出这一比例',
  },
  'rider-cost': {
    en: 'Meituan, May 2021, as reported by HK01: a Meituan-delivered order cost 7.38 CNY to deliver in 2020',
    zh: '美团 2021 年 5 月数据（香港01 报道）：2020 年美团配送的每单配送成本为 7.38 元',
  },
  'operating-profit-2019-2021': {
    en: 'Meituan results: 2019 operating margin 2.6%, under 0.2 CNY an order in Q4 (Bloomberg, April 2020); 2020 operating profit 2.8 bn on 27.7 m orders a day, ≈ 0.28 CNY an order (HK01, May 2021); 2021 6.2 bn on 14.4 bn orders, ≈ 0.43 CNY (Global Times, March 2022)',
    zh: '美团业绩：2019 年经营利润率 2.6%，第四季度每单不到 0.2 元（彭博社，2020 年 4 月）；2020 年经营利润 28 亿元，日均 2770 万单，约每单 0.28 元（香港01，2021 年 5 月）；2021 年 62 亿元、144 亿单，约每单 0.43 元（《环球时报》，2022 年 3 月）',
  },
  'operating-profit-2024': {
    en: 'Broker estimates of Meituan food-delivery profit, about 1.2 CNY an order in 2024–2025',
    zh: '券商对美团外卖利润的估算：2024–2025 年约每单 1.2 元',
  },
  'compensated-share': {
    en: 'Beijing Daily, 2022-05-19: about 7 bn orders insured by 准时宝 and about 150 m compensated, May 2018–May 2022 (≈ 2.1%)',
    zh: '《北京日报》2022 年 5 月 19 日：2018 年 5 月至 2022 年 5 月，约 70 亿单投保“准时宝”，约 1.5 亿单获赔（约 2.1%）',
  },
  'income-hourly-2018': {
    en: 'Meituan 2018 rider report: full-time riders 6,000–8,000 CNY a month; over about 26 days of 9–10 hours that is 23–34 CNY an hour',
    zh: '美团 2018 年骑手报告：全职骑手每月 6000–8000 元；按约 26 天、每天 9–10 小时计，约合每小时 23–34 元',
  },
};

/** A target's source title in both languages: the Chinese of a default target, else the file's title in both. */
export function targetSource(id: string, title: string): Bi {
  const known = ZH[id];
  return known && known.en === title ? { zh: known.zh, en: title } : { zh: title, en: title };
}

/** How strong a target's source is, in words (CALIBRATION.md's strength column). */
export const STRENGTH_WORDS: Readonly<Record<string, Bi>> = {
  high: { zh: '强', en: 'high' },
  'medium-high': { zh: '较强', en: 'medium-high' },
  medium: { zh: '中等', en: 'medium' },
  weak: { zh: '弱', en: 'weak' },
};
