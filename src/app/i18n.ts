/**
 * Every visible label of the app in Simplified Chinese and English. The Chinese dictionary defines the keys; the
 * English one must have exactly the same keys, so a missing or stray translation fails the typecheck.
 */

import { FIELD_MESSAGES_EN, FIELD_MESSAGES_ZH } from './i18nFields.ts';

/** Languages the app speaks. */
export type Lang = 'zh-CN' | 'en';

const zhCNApp = {
  'app.title': 'Fairpace 算法公平工作台',
  'app.subtitle': '比较“最严算法”与“算法取中”：对骑手收入、工时、安全和平台利润的影响',
  'app.privacy': '所有计算都在本机浏览器中完成，数据不会离开这台电脑。',
  'lang.toggle': 'English',
  'lang.toggleTitle': 'Switch to English',
  'preset.label': '预设情景',
  'preset.invalid': '预设文件无效：',
  'editor.heading': '情景参数',
  'editor.invalid': '无效：',
  'editor.undo': '撤销',
  'editor.undoTitle': '撤销上一次修改',
  'editor.default': '默认：{value}',
  'editor.defaultShort': '默认',
  'editor.empty': '（空）',
  'editor.none': '无',
  'editor.inherits': '沿用',
  'editor.partSeparator': '：',
  'editor.unitInParens': '（{unit}）',
  'editor.changes': '与预设相比的改动（{count} 处）',
  'editor.noChanges': '与预设相同。',
  'editor.changedBadge': '改了 {count} 处',
  'editor.invalidBadge': '有错误',
  'editor.arms': '方案对比：各方案的规则',
  'editor.armsHint':
    '每列是一个方案。空格表示沿用左边的基础规则（灰字）；填入数值即该方案自己的规则，输入 - 表示“无”。底色标出各方案实际不同的规则。',
  'editor.rule': '规则',
  'editor.baseRule': '基础规则',
  'editor.showAllRules': '显示其余 {count} 条规则',
  'editor.showDifferingRules': '只显示各方案自己设置的规则',
  'editor.noSources': '没有列出来源。',
  'run.button': '运行比较',
  'run.cancel': '取消',
  'run.progress': '已完成 {done}/{total} 次模拟',
  'run.running': '正在计算…',
  'run.done': '完成：{replications} 次重复 × {arms} 个方案，用时 {seconds} 秒',
  'run.cancelled': '已取消。',
  'run.error': '运行出错：{message}',
  'run.blocked': '请先改正标出的字段，才能运行。',
  'run.busy': '参数扫描正在运行，完成或取消后才能运行比较。',
  'run.stale': '参数已修改，下面的结果尚未更新——请点击“运行比较”。',
  'run.none': '还没有结果。',
  'results.heading': '主要指标',
  'results.seeds': '随机种子：{seeds}（各方案使用相同种子，配对比较）',
  'metric.earnings.shareBelowMinWage': '时薪低于最低工资的骑手日占比',
  'metric.earnings.netPerOnlineHour.mean': '在线每小时净收入',
  'metric.workload.onlineHours.mean': '每天在线时长',
  'metric.safety.relativeCrashRisk': '相对事故风险',
  'metric.safety.speedingKmShare': '超速（>25 公里/小时）里程占比',
  'metric.service.onTimeRate': '准时率',
  'metric.platform.margin': '平台每日利润',
  'unit.percent': '%',
  'unit.percentagePoints': '个百分点',
  'unit.ratio': '倍（基准 = 1）',
  'unit.ratioShort': '倍',
  'diff.higher': '{arm}比{base}高 {value} {unit}（95% 区间：{lo} 至 {hi}）。',
  'diff.lower': '{arm}比{base}低 {value} {unit}（95% 区间：{lo} 至 {hi}）。',
  'diff.same': '{arm}与{base}结果相同。',
  'diff.negligible': '{arm}与{base}几乎相同（差值的 95% 区间：{lo} 至 {hi} {unit}）。',
  'diff.unclear': '区间包含 0，差异不确定。',
  'diff.oneReplication': '只有一次重复，无法给出区间。',
  'diff.unavailable': '无法计算差异。',
  'compliance.heading': '合规评分表',
  'compliance.check': '检查项',
  'compliance.clause': '依据条款',
  'compliance.threshold': '标准',
  'compliance.value': '数值',
  'status.pass': '✓ 达标',
  'status.fail': '✗ 不达标',
  'status.notApplicable': '— 不适用',
  'status.info': 'ⓘ 信息',
  'check.minWage': '最低工资',
  'check.workingTime': '工作时间',
  'check.strictestAlgorithm': '不以最严算法考核',
  'check.safetyIndicators': '交通安全指标',
  'check.extremeWeatherPay': '恶劣天气与节假日报酬',
  'check.heatRules': '高温作业',
  'check.noDeposit': '不收押金',
  'check.multiPlatform': '允许多平台接单',
  'check.negotiatedRules': '协商改动的规则',
  'chart.perday.title': '每天的平均承诺时长（算法棘轮）',
  'chart.perday.x': '第几天',
  'chart.perday.y': '平均承诺时长（分钟）',
  'chart.perday.caption': '每条线代表一个方案；线逐日下降，说明算法“学习”后在不断压缩时限。',
  'chart.speed.title': '按骑行速度统计的里程',
  'chart.speed.x': '骑行速度（公里/小时）',
  'chart.speed.y': '里程（公里）',
  'chart.speed.caption': '15 公里/小时为非机动车道限速，25 公里/小时为电动自行车设计限速；25 右侧的里程即超速。',
  'chart.speed.rule15': '15 限速',
  'chart.speed.rule25': '25 设计上限',
  'chart.none': '暂无数据。',
  'chart.earnings.title': '骑手每在线小时的净收入',
  'chart.earnings.x': '每在线小时净收入（元/小时）',
  'chart.earnings.minWage': '最低工资 {wage}',
  'chart.earnings.caption':
    '每行一个方案：色条从最低的 10% 骑手日到最高的 10%（第 10 至第 90 百分位），圆点是中位数，菱形是平均数；虚线是当地最低小时工资，色条在虚线左边的部分就是低于最低工资的骑手日。',
  'chart.workload.title': '每个骑手日的工作量',
  'chart.workload.hours': '在线时长（小时）',
  'chart.workload.orders': '完成订单（单/人·天）',
  'chart.workload.km': '骑行里程（公里/人·天）',
  'chart.workload.standardDay': '标准 {hours} 小时',
  'chart.workload.legalLimit': '法定上限 {hours} 小时',
  'chart.workload.caption':
    '色条从第 10 到第 90 百分位，圆点是中位数，菱形是平均数。在线时长越过虚线，说明骑手为了挣够收入而超时工作。',
  'chart.safety.title': '交通安全',
  'chart.safety.speeding': '超速（>25 公里/小时）里程占比（%）',
  'chart.safety.redLights': '每个骑手日闯红灯次数',
  'chart.safety.crashRisk': '相对事故风险（倍，基准 = 1）',
  'chart.safety.limit': '合规上限',
  'chart.safety.baseline': '基准',
  'chart.safety.caption':
    '条越长越危险。相对事故风险 1 表示以舒适车速、不闯红灯、不疲劳骑行时的风险；虚线是合规评分表的上限。',
  'chart.rhythm.title': '一天中的节奏',
  'chart.rhythm.x': '时刻（点）',
  'chart.rhythm.onTime': '准时率（%）',
  'chart.rhythm.promised': '平均承诺时长（分钟）',
  'chart.rhythm.speeding': '超速里程占比（%）',
  'chart.rhythm.caption': '每条线代表一个方案，按下单的钟点统计；看午餐和晚餐高峰时时限是否更紧、超速是否更多。',
  'chart.platform.title': '平台一方：每天的收入、骑手报酬和利润',
  'chart.platform.y': '元/天',
  'chart.platform.revenue': '配送收入',
  'chart.platform.courierPay': '骑手报酬',
  'chart.platform.margin': '平台利润',
  'chart.platform.caption': '每组柱子比较各方案；利润一组的差别就是这项规则改动让平台多花或少赚的钱。',
  'chart.sweep.title': '指标随“{param}”的变化',
  'chart.sweep.caption':
    '左图：每条线一个方案，阴影是各次重复的 95% 区间。右图：两个方案的配对差值及其 95% 区间；阴影不跨过 0 的地方，差异是确定的。',
  'chart.sweep.captionOneArm': '每条线一个方案，阴影是各次重复的 95% 区间。',
  'chart.tradeoff.title': '取舍：平台利润与骑手付出的代价',
  'chart.tradeoff.caption':
    '每个点是“{param}”的一个取值（点旁的数字），每条线一个方案。向右表示平台利润更高，向上表示骑手的代价更大。',
  'sweep.heading': '参数扫描',
  'sweep.intro': '选一个参数和取值范围，每个取值都做一次完整的方案比较，看结果如何随参数变化。',
  'sweep.param': '参数',
  'sweep.from': '从',
  'sweep.to': '到',
  'sweep.step': '步长',
  'sweep.arms': '方案',
  'sweep.allArms': '全部方案',
  'sweep.metrics': '显示的指标',
  'sweep.run': '运行扫描',
  'sweep.done': '完成：{points} 个取值 × {arms} 个方案 × {replications} 次重复，用时 {seconds} 秒',
  'sweep.rulesNote': '规则参数会同时用于所有方案，取代方案自己的设置（扫描时限百分位时，各方案只在其他规则上不同）。',
  'sweep.badRange': '请填写数字形式的起点、终点和步长。',
  'sweep.busy': '比较正在运行，完成或取消后才能扫描。',
  'sweep.stale': '情景参数已修改，下面的扫描结果尚未更新。',
  'sweep.tradeoffY': '取舍图的纵轴',
} satisfies Record<string, string>;

const zhCN = { ...zhCNApp, ...FIELD_MESSAGES_ZH };

/** A key of the dictionary. */
export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  ...FIELD_MESSAGES_EN,
  'app.title': 'Fairpace algorithm-fairness workbench',
  'app.subtitle':
    'Compare the strictest algorithm with algorithm-median: what each does to couriers’ pay, hours and safety, and to the platform’s margin',
  'app.privacy': 'Everything is computed in this browser; no data leaves this computer.',
  'lang.toggle': '中文',
  'lang.toggleTitle': '切换到中文',
  'preset.label': 'Preset scenario',
  'preset.invalid': 'This preset is not valid: ',
  'editor.heading': 'Scenario',
  'editor.invalid': 'Invalid: ',
  'editor.undo': 'Undo',
  'editor.undoTitle': 'Undo the last change',
  'editor.default': 'default: {value}',
  'editor.defaultShort': 'default',
  'editor.empty': '(empty)',
  'editor.none': 'none',
  'editor.inherits': 'inherits',
  'editor.partSeparator': ': ',
  'editor.unitInParens': '({unit})',
  'editor.changes': 'Changed from the preset ({count})',
  'editor.noChanges': 'Same as the preset.',
  'editor.changedBadge': '{count} changed',
  'editor.invalidBadge': 'has errors',
  'editor.arms': 'The arms side by side: their rules',
  'editor.armsHint':
    'One column per arm. An empty cell inherits the base rule on the left (shown grey); a value is the arm’s own rule, and - means “none”. Shaded rows are rules in which the arms really differ.',
  'editor.rule': 'Rule',
  'editor.baseRule': 'Base rule',
  'editor.showAllRules': 'Show the other {count} rules',
  'editor.showDifferingRules': 'Show only the rules the arms set themselves',
  'editor.noSources': 'No sources listed.',
  'run.button': 'Run comparison',
  'run.cancel': 'Cancel',
  'run.progress': '{done} of {total} simulations done',
  'run.running': 'Computing…',
  'run.done': 'Done: {replications} replications × {arms} arms in {seconds} s',
  'run.cancelled': 'Cancelled.',
  'run.error': 'The run failed: {message}',
  'run.blocked': 'Correct the marked fields to run.',
  'run.busy': 'A sweep is running; the comparison can run when it is done or cancelled.',
  'run.stale': 'The parameters changed since these results were computed — press “Run comparison”.',
  'run.none': 'No results yet.',
  'results.heading': 'Headline numbers',
  'results.seeds': 'Seeds: {seeds} (every arm uses the same seeds: a paired comparison)',
  'metric.earnings.shareBelowMinWage': 'Courier-days below the minimum hourly wage',
  'metric.earnings.netPerOnlineHour.mean': 'Net pay per online hour',
  'metric.workload.onlineHours.mean': 'Online hours per courier-day',
  'metric.safety.relativeCrashRisk': 'Relative crash risk',
  'metric.safety.speedingKmShare': 'Share of km ridden above 25 km/h',
  'metric.service.onTimeRate': 'On-time rate',
  'metric.platform.margin': 'Platform margin per day',
  'unit.percent': '%',
  'unit.percentagePoints': 'percentage points',
  'unit.ratio': '× (baseline = 1)',
  'unit.ratioShort': '×',
  'diff.higher': '{arm} is {value} {unit} higher than {base} (95% interval: {lo} to {hi}).',
  'diff.lower': '{arm} is {value} {unit} lower than {base} (95% interval: {lo} to {hi}).',
  'diff.same': '{arm} and {base} give the same result.',
  'diff.negligible': '{arm} and {base} are almost the same (95% interval of the difference: {lo} to {hi} {unit}).',
  'diff.unclear': 'The interval includes zero: the difference is not clear.',
  'diff.oneReplication': 'Only one replication, so no interval.',
  'diff.unavailable': 'The difference could not be computed.',
  'compliance.heading': 'Compliance scorecard',
  'compliance.check': 'Check',
  'compliance.clause': 'Clause',
  'compliance.threshold': 'Standard',
  'compliance.value': 'value',
  'status.pass': '✓ pass',
  'status.fail': '✗ fail',
  'status.notApplicable': '— not applicable',
  'status.info': 'ⓘ info',
  'check.minWage': 'Minimum wage',
  'check.workingTime': 'Working time',
  'check.strictestAlgorithm': 'No strictest algorithm in assessment',
  'check.safetyIndicators': 'Traffic safety indicators',
  'check.extremeWeatherPay': 'Extreme-weather and holiday pay',
  'check.heatRules': 'Work in heat',
  'check.noDeposit': 'No deposit',
  'check.multiPlatform': 'Multi-platform work allowed',
  'check.negotiatedRules': 'Rules changed by negotiation',
  'chart.perday.title': 'Mean promised minutes per day (the ratchet)',
  'chart.perday.x': 'Day',
  'chart.perday.y': 'Mean promised time (min)',
  'chart.perday.caption':
    'One line per arm; a line that falls day after day means the algorithm keeps tightening deadlines as it learns.',
  'chart.speed.title': 'Kilometres ridden by speed',
  'chart.speed.x': 'Riding speed (km/h)',
  'chart.speed.y': 'Distance ridden (km)',
  'chart.speed.caption':
    '15 km/h is the e-bike limit in non-motor lanes, 25 km/h the e-bike design limit; km right of 25 are speeding.',
  'chart.speed.rule15': '15 limit',
  'chart.speed.rule25': '25 design limit',
  'chart.none': 'No data yet.',
  'chart.earnings.title': 'Couriers’ net pay per online hour',
  'chart.earnings.x': 'Net pay per online hour (CNY/h)',
  'chart.earnings.minWage': 'minimum wage {wage}',
  'chart.earnings.caption':
    'One row per arm: the bar runs from the lowest 10% of courier-days to the highest 10% (10th to 90th percentile), the dot is the median and the diamond the mean; the dashed line is the local minimum hourly wage, and the part of a bar left of it is courier-days below it.',
  'chart.workload.title': 'Workload per courier-day',
  'chart.workload.hours': 'Online hours (h)',
  'chart.workload.orders': 'Orders delivered (orders/courier-day)',
  'chart.workload.km': 'Distance ridden (km/courier-day)',
  'chart.workload.standardDay': 'standard {hours} h',
  'chart.workload.legalLimit': 'legal limit {hours} h',
  'chart.workload.caption':
    'Bars run from the 10th to the 90th percentile, the dot is the median and the diamond the mean. Online hours past the dashed lines are couriers working overtime to reach their income.',
  'chart.safety.title': 'Traffic safety',
  'chart.safety.speeding': 'Share of km above 25 km/h (%)',
  'chart.safety.redLights': 'Red lights run per courier-day',
  'chart.safety.crashRisk': 'Relative crash risk (×, baseline = 1)',
  'chart.safety.limit': 'limit',
  'chart.safety.baseline': 'baseline',
  'chart.safety.caption':
    'Longer bars are more dangerous. A relative crash risk of 1 is riding at comfort speed with no red lights run and no fatigue; dashed lines are the scorecard’s limits.',
  'chart.rhythm.title': 'The day’s rhythm',
  'chart.rhythm.x': 'Hour of day',
  'chart.rhythm.onTime': 'On-time rate (%)',
  'chart.rhythm.promised': 'Mean promised time (min)',
  'chart.rhythm.speeding': 'Share of km speeding (%)',
  'chart.rhythm.caption':
    'One line per arm, by the hour the order was placed: see whether deadlines tighten and speeding rises at the lunch and dinner peaks.',
  'chart.platform.title': 'The platform side: revenue, courier pay and margin per day',
  'chart.platform.y': 'CNY/day',
  'chart.platform.revenue': 'Delivery revenue',
  'chart.platform.courierPay': 'Courier pay',
  'chart.platform.margin': 'Platform margin',
  'chart.platform.caption':
    'Each group compares the arms; the gap in the margin group is what the rule change costs (or earns) the platform.',
  'chart.sweep.title': 'Metrics along “{param}”',
  'chart.sweep.caption':
    'Left: one line per arm, shaded by the 95% interval over replications. Right: the paired difference of the two arms with its 95% interval; where the band does not cross 0, the difference is clear.',
  'chart.sweep.captionOneArm': 'One line per arm, shaded by the 95% interval over replications.',
  'chart.tradeoff.title': 'The trade-off: platform margin against the cost to couriers',
  'chart.tradeoff.caption':
    'Each point is one value of “{param}” (the number beside it), one line per arm. Further right is more margin for the platform, further up a higher cost to couriers.',
  'sweep.heading': 'Parameter sweep',
  'sweep.intro':
    'Pick a parameter and a range; each value runs a full comparison of the arms, so you see how the results move with the parameter.',
  'sweep.param': 'Parameter',
  'sweep.from': 'From',
  'sweep.to': 'To',
  'sweep.step': 'Step',
  'sweep.arms': 'Arms',
  'sweep.allArms': 'All arms',
  'sweep.metrics': 'Metrics shown',
  'sweep.run': 'Run sweep',
  'sweep.done': 'Done: {points} values × {arms} arms × {replications} replications in {seconds} s',
  'sweep.rulesNote':
    'A rule parameter is set for every arm, replacing the arm’s own value (in a sweep of the deadline percentile the arms differ only in their other rules).',
  'sweep.badRange': 'Type numbers for from, to and step.',
  'sweep.busy': 'A comparison is running; the sweep can run when it is done or cancelled.',
  'sweep.stale': 'The scenario changed since this sweep ran.',
  'sweep.tradeoffY': 'Vertical axis of the trade-off',
};

/** Both dictionaries, by language. */
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The starting language for a browser language tag such as `navigator.language`: Chinese for any `zh*`. */
export function defaultLang(browserLanguage: string | undefined): Lang {
  return browserLanguage === undefined || browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  // The typecheck makes every key present; if a build ever lacks one, show the key rather than break the page.
  const message: string | undefined = MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key];
  return (message ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Binds `translate` to a language. */
export function translator(lang: Lang): Translate {
  return (key, vars) => translate(lang, key, vars);
}

/** A key if the dictionary has it (for ids that come from data, such as compliance check ids). */
export function messageKey(key: string): MessageKey | undefined {
  return key in zhCN ? (key as MessageKey) : undefined;
}

/**
 * The part of a bilingual preset label (`"English / 中文"`) in `lang`; labels without both parts are shown whole.
 */
export function localPart(label: string, lang: Lang): string {
  const parts = label.split(' / ');
  if (parts.length !== 2) return label;
  const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
  const [a = '', b = ''] = parts;
  const zh = hasHan(b) || !hasHan(a) ? b : a;
  const other = zh === b ? a : b;
  return lang === 'zh-CN' ? zh : other;
}
