/** Labels of the model check (the model against published figures) and of the further figures, merged into i18n.ts. */
import { RISK_TOLERANCE_SERIES } from '../evidence/chartSpecs/perDaySpec.ts';
import { MODEL_CHECK_STATUS, TERMS } from '../evidence/glossary.ts';

export const MODEL_CHECK_ZH = {
  'cost.heading': TERMS.courierCost.zh,
  'cost.how':
    '数字来自两个方案在相同订单、相同骑手下的配对差值：每天收入是平台付给骑手的报酬之差除以骑手人数，超速里程是超速里程占比之差乘以最严算法下每人每天的骑行里程，事故风险是相对事故风险之差占另一方案的比例；每月按 26 个工作日计。',
  'app.modelDoc':
    '关于模型：它如何模拟派单、时限、骑行、风险和报酬，每个默认值的来源和校准，见 Fairpace 仓库中的 {path}。',
  'modelcheck.heading': `${TERMS.modelCheck.zh}：模型与公开观测对照`,
  'modelcheck.intro':
    '模型的默认值按公开发表的数字校准。这里把屏幕上这次比较的运行结果与这些数字逐项对照：灰色带是观测范围，圆点和短线是模型的平均值和 95% 区间。绿色表示落在范围内，橙红色表示不符。2020 年及以前的观测对照“最严算法”方案，2022 年及以后的对照“算法取中”方案。',
  'modelcheck.doc': '模型的完整说明（每个机制、默认值和来源）见 Fairpace 仓库中的 {path}。',
  'modelcheck.saved': '保存的结果不含模型校验所需的运行数据；重新运行比较即可看到。',
  'modelcheck.noArms': '本情景没有“最严算法”或“算法取中”方案，校验目标无从对照。',
  'modelcheck.chartTitle': '每项校验目标：观测范围与模型',
  'modelcheck.chartCaption':
    '每个小图一项目标，横轴为该指标的单位。灰色带：公开观测的范围（单个观测值为竖线）；圆点：模型平均值；短线：95% 区间。',
  'modelcheck.observed': '观测',
  'modelcheck.model': '模型',
  'modelcheck.metric': '指标',
  'modelcheck.arm': '方案',
  'modelcheck.modelInterval': '模型（95% 区间）',
  'modelcheck.status': '结果',
  'modelcheck.source': '来源',
  'modelcheck.interval': '（{lo} 至 {hi}）',
  'modelcheck.year': '（{year} 年）',
  'modelcheck.strength': '来源强度：{strength}',
  'modelcheck.within': MODEL_CHECK_STATUS.within.zh,
  'modelcheck.below': `${MODEL_CHECK_STATUS.below.zh} {by}`,
  'modelcheck.above': `${MODEL_CHECK_STATUS.above.zh} {by}`,
  'modelcheck.listBy': '（{verdict}）',
  'modelcheck.noticeMiss':
    '模型校验：本情景有 {count} 项（共 {of} 项）指标落在公开观测范围之外：{list}。依赖这些指标的结论需谨慎看待，详见下方“模型校验”。',
  'modelcheck.noticeAll': '模型校验：本情景对照的 {count} 项指标都落在公开观测范围之内（详见下方“模型校验”）。',
  'modelcheck.notRun': '未对照的目标（本情景没有它们所对应的方案）：{list}。',
  'modelcheck.notRunItem': '{metric}（{arm}）',
  'details.heading': TERMS.furtherFigures.zh,
  'details.intro':
    '全职骑手（在线至少 {fullTime} 小时的骑手日，多数调查描述的就是这一群体）、每单的报酬与利润、配送的组织方式和严重超时。',
  'details.metric': '指标',
  'details.difference': '{arm}减{base}',
  'chart.risk.title': RISK_TOLERANCE_SERIES.title.zh,
  'chart.risk.caption':
    '前一天超时过多的骑手第二天更敢冒险（闯红灯、超速）；与左图的承诺时长一起，构成“算法棘轮”的两面。',
} satisfies Record<string, string>;

export const MODEL_CHECK_EN: Record<keyof typeof MODEL_CHECK_ZH, string> = {
  'cost.heading': TERMS.courierCost.en,
  'cost.how':
    'From the paired differences of the two arms on the same orders and couriers: pay per day is the difference in what the platform pays couriers divided by the number of couriers; speeding km is the difference in the share of km above the limit times the km a courier rides a day under the stricter arm; crash risk is the difference in relative crash risk as a share of the other arm’s; a month is 26 working days.',
  'app.modelDoc':
    'About the model: how it simulates dispatch, deadlines, riding, risk and pay, and where each default comes from and how it is calibrated, in {path} in the Fairpace repository.',
  'modelcheck.heading': `${TERMS.modelCheck.en}: the model against published figures`,
  'modelcheck.intro':
    'The model’s defaults are calibrated against published figures. Here the runs of the comparison on screen are held against them one by one: the grey band is the observed range, the dot and line the model’s mean and 95% interval. Green means within the range, vermilion that it misses. Figures observed up to 2020 are held against the strictest arm, those from 2022 on against the median arm.',
  'modelcheck.doc':
    'The model is described in full (every mechanism, default and source) in {path} in the Fairpace repository.',
  'modelcheck.saved': 'A saved result keeps no runs for the model check; run the comparison again to see it.',
  'modelcheck.noArms': 'This scenario has no strictest or median arm, so the targets have nothing to be held against.',
  'modelcheck.chartTitle': 'Each target: the observed range and the model',
  'modelcheck.chartCaption':
    'One small chart per target, on the metric’s own axis. Grey band: the published range (a single observed value is a tick); dot: the model’s mean; line: its 95% interval.',
  'modelcheck.observed': 'observed',
  'modelcheck.model': 'model',
  'modelcheck.metric': 'Metric',
  'modelcheck.arm': 'Arm',
  'modelcheck.modelInterval': 'Model (95% interval)',
  'modelcheck.status': 'Status',
  'modelcheck.source': 'Source',
  'modelcheck.interval': ' ({lo} to {hi})',
  'modelcheck.year': ' ({year})',
  'modelcheck.strength': 'Strength: {strength}',
  'modelcheck.within': MODEL_CHECK_STATUS.within.en,
  'modelcheck.below': `${MODEL_CHECK_STATUS.below.en} by {by}`,
  'modelcheck.above': `${MODEL_CHECK_STATUS.above.en} by {by}`,
  'modelcheck.listBy': ' ({verdict})',
  'modelcheck.noticeMiss':
    'Model check: this scenario misses {count} of {of} published ranges: {list}. Read conclusions that rest on these with care; see “Model check” below.',
  'modelcheck.noticeAll':
    'Model check: all {count} targets held against this scenario are within their published ranges (see “Model check” below).',
  'modelcheck.notRun': 'Targets not checked (this scenario has no arm they describe): {list}.',
  'modelcheck.notRunItem': '{metric} ({arm})',
  'details.heading': TERMS.furtherFigures.en,
  'details.intro':
    'Full-time courier-days (online at least {fullTime} h, the group most surveys describe), pay and margin per order, how deliveries are bundled, and serious lateness.',
  'details.metric': 'Metric',
  'details.difference': '{arm} minus {base}',
  'chart.risk.title': RISK_TOLERANCE_SERIES.title.en,
  'chart.risk.caption':
    'Couriers late too often one day take more risks the next (red lights, speeding); with the promised time on the left, these are the two sides of the ratchet.',
};
