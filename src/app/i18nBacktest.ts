/** Labels of the back-test panel (the model against a rule change that really happened), merged into i18n.ts. */

export const BACKTEST_ZH = {
  'backtest.heading': '回测：模型能否重现真实发生过的变化',
  'backtest.intro':
    '《人物》2020 年的报道：3 公里订单的最长配送时限从 2016 年的 60 分钟降到 2017 年的 45 分钟、2018 年的 38 分钟，三年里平均送达时间缩短约 10 分钟。回测在一座 60 名骑手的小城里模拟 104 天，每天代表一周（共两年）。第 0 周从报道中 2016 年的时限起步（3 公里平均 60 分钟），此后平台每一步都从上一步的送达重新学习时限；两个方案分别按第 10 和第 50 百分位学习。它与屏幕上的情景无关，每次都用同一个预设。',
  'backtest.introSafety':
    '2025 年的报道：美团在试点城市给不闯红灯的专送骑手每单 1–1.5 元奖励，专送骑手闯红灯行为环比减少 26%。回测在一座 60 名专送骑手的小城里模拟一个月，两个方案的订单和骑手相同，红灯前停车平均等 26 秒；一个方案没有奖励，另一个每单奖励 1.25 元（骑手在这一单送达前没有闯红灯才能拿到）。模型的数字是每名骑手每天闯红灯次数从无奖励到有奖励的变化。它与屏幕上的情景无关，每次都用同一个预设。',
  'backtest.pick': '回测',
  'backtest.seeds': '随机种子数',
  'backtest.run': '运行回测',
  'backtest.cost': '约需 {seconds} 秒（{runs} 次运行，每次 {days} 天）。',
  'backtest.figure': '对照项',
  'backtest.observed': '报道',
  'backtest.model': '模型（95% 区间）',
  'backtest.gap': '模型减报道',
  'backtest.minutes': '{value} 分钟',
  'backtest.percent': '{value}%',
  'backtest.points': '{value} 个百分点',
  'backtest.singleInside': '报道值落在模型的 95% 区间内：“{worst}”（{arm}），模型与报道相差 {gap}。',
  'backtest.singleOutside': '报道值不在模型的 95% 区间内：“{worst}”（{arm}），模型与报道相差 {gap}。',
  'backtest.versus': '{arm}（与{other}相比）',
  'backtest.summarySingle':
    '模型与报道相差 {gap}：“{worst}”（{arm}）。只用了一个随机种子（种子 1），所以没有区间；选 3 个种子可得 95% 区间。',
  'backtest.summary':
    '{rows} 项对照中，有 {covered} 项的报道值落在模型的 95% 区间内；模型与报道相差最大的是“{worst}”（{arm}，相差 {gap}）。',
  'backtest.summaryOne':
    '{rows} 项对照中，模型与报道相差最大的是“{worst}”（{arm}，相差 {gap}）。只用了一个随机种子（种子 1），所以没有区间；选 3 个种子可得 95% 区间。',
  'backtest.why': '模型在哪里对不上、为什么，见 Fairpace 仓库 {file} 中的回测一节。',
  'backtest.seedsNote': '基于随机种子 1–{seeds}。',
} satisfies Record<string, string>;

export const BACKTEST_EN: Record<keyof typeof BACKTEST_ZH, string> = {
  'backtest.heading': 'Back-test: does the model reproduce what really happened?',
  'backtest.intro':
    'Reported by Renwu in 2020: the longest time allowed for a 3 km order fell from 60 minutes (2016) to 45 (2017) and 38 (2018), and average delivery times fell by about 10 minutes over three years. The back-test simulates a small city of 60 couriers for 104 days, each standing for a week (two years). Week 0 starts from the reported 2016 limit (60 minutes on average for 3 km); from then on the platform relearns its promise each step from the last step’s deliveries, at the 10th or the 50th percentile. It does not use the scenario on screen: it always runs the same preset.',
  'backtest.introSafety':
    'Reported in 2025: in Meituan’s pilot cities dedicated riders who ran no red light got 1–1.5 CNY more per order, and their red-light running fell 26% month on month. The back-test simulates a month in a small city of 60 dedicated couriers, in two arms with the same orders and couriers, stopping at a red light costing 26 s on average: one arm without a bonus, one with 1.25 CNY for each order carried without a red light run. The model’s figure is the change in red lights run per courier-day from the arm without the bonus to the arm with it. It does not use the scenario on screen: it always runs the same preset.',
  'backtest.pick': 'Back-test',
  'backtest.seeds': 'Seeds',
  'backtest.run': 'Run the back-test',
  'backtest.cost': 'About {seconds} s ({runs} runs of {days} days each).',
  'backtest.figure': 'Figure',
  'backtest.observed': 'Reported',
  'backtest.model': 'Model (95% interval)',
  'backtest.gap': 'Model − reported',
  'backtest.minutes': '{value} min',
  'backtest.percent': '{value}%',
  'backtest.points': '{value} pp',
  'backtest.singleInside':
    'The reported value lies inside the model’s 95% interval: “{worst}” ({arm}), the model {gap} from it.',
  'backtest.singleOutside':
    'The reported value lies outside the model’s 95% interval: “{worst}” ({arm}), the model {gap} from it.',
  'backtest.versus': '{arm} against {other}',
  'backtest.summarySingle':
    'The model is {gap} from the reported “{worst}” ({arm}). One seed only (seed 1), so there is no interval; choose 3 seeds for a 95% interval.',
  'backtest.summary':
    'Of {rows} figures, {covered} reported values lie inside the model’s 95% interval; the model is furthest from “{worst}” ({arm}, by {gap}).',
  'backtest.summaryOne':
    'Of {rows} figures, the model is furthest from “{worst}” ({arm}, by {gap}). One seed only (seed 1), so there are no intervals; choose 3 seeds for 95% intervals.',
  'backtest.why': 'Where the model misses and why: the “Back-tests” section of {file} in the Fairpace repository.',
  'backtest.seedsNote': 'From seeds 1–{seeds}.',
};
