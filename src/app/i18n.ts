/**
 * Every visible label of the app in Simplified Chinese and English. The Chinese dictionary defines the keys; the
 * English one must have exactly the same keys, so a missing or stray translation fails the typecheck.
 */

/** Languages the app speaks. */
export type Lang = 'zh-CN' | 'en';

const zhCN = {
  'app.title': 'Fairpace 算法公平工作台',
  'app.subtitle': '比较“最严算法”与“算法取中”：对骑手收入、工时、安全和平台利润的影响',
  'app.privacy': '所有计算都在本机浏览器中完成，数据不会离开这台电脑。',
  'lang.toggle': 'English',
  'lang.toggleTitle': 'Switch to English',
  'preset.label': '预设情景',
  'preset.invalid': '预设文件无效：',
  'editor.heading': '谈判参数',
  'editor.percentile': '{arm}：配送时限百分位',
  'editor.percentileHint': '按过往骑行时间的第几百分位定时限，越低越严（0–100）',
  'editor.payBase': '每单基础配送费',
  'editor.payBaseHint': '所有方案共用的计件单价',
  'editor.invalid': '无效：',
  'run.button': '运行比较',
  'run.cancel': '取消',
  'run.progress': '已完成 {done}/{total} 次模拟',
  'run.running': '正在计算…',
  'run.done': '完成：{replications} 次重复 × {arms} 个方案，用时 {seconds} 秒',
  'run.cancelled': '已取消。',
  'run.error': '运行出错：{message}',
  'run.blocked': '请先改正标出的字段，才能运行。',
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
  'unit.cnyPerHour': '元/小时',
  'unit.hours': '小时',
  'unit.ratio': '倍（基准 = 1）',
  'unit.ratioShort': '倍',
  'unit.cnyPerDay': '元/天',
  'unit.cnyPerOrder': '元/单',
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
} satisfies Record<string, string>;

/** A key of the dictionary. */
export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'app.title': 'Fairpace algorithm-fairness workbench',
  'app.subtitle':
    'Compare the strictest algorithm with algorithm-median: what each does to couriers’ pay, hours and safety, and to the platform’s margin',
  'app.privacy': 'Everything is computed in this browser; no data leaves this computer.',
  'lang.toggle': '中文',
  'lang.toggleTitle': '切换到中文',
  'preset.label': 'Preset scenario',
  'preset.invalid': 'This preset is not valid: ',
  'editor.heading': 'Negotiated parameters',
  'editor.percentile': '{arm}: deadline percentile',
  'editor.percentileHint': 'Deadline at this percentile of past riding times; lower is stricter (0–100)',
  'editor.payBase': 'Piece rate per order',
  'editor.payBaseHint': 'Base fee per order, shared by all arms',
  'editor.invalid': 'Invalid: ',
  'run.button': 'Run comparison',
  'run.cancel': 'Cancel',
  'run.progress': '{done} of {total} simulations done',
  'run.running': 'Computing…',
  'run.done': 'Done: {replications} replications × {arms} arms in {seconds} s',
  'run.cancelled': 'Cancelled.',
  'run.error': 'The run failed: {message}',
  'run.blocked': 'Correct the marked fields to run.',
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
  'unit.cnyPerHour': 'CNY/h',
  'unit.hours': 'h',
  'unit.ratio': '× (baseline = 1)',
  'unit.ratioShort': '×',
  'unit.cnyPerDay': 'CNY/day',
  'unit.cnyPerOrder': 'CNY/order',
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
};

/** Both dictionaries, by language. */
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The starting language for a browser language tag such as `navigator.language`: Chinese for any `zh*`. */
export function defaultLang(browserLanguage: string | undefined): Lang {
  return browserLanguage === undefined || browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
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
