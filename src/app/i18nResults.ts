/**
 * Labels of the results on the dashboard: the headline cards and their differences, the compliance scorecard and the
 * charts, merged into i18n.ts. Names of features and statuses come from the glossary (src/evidence/glossary.ts).
 */
import { EARNINGS_TITLE } from '../evidence/chartSpecs/earningsSpec.ts';
import { DAY_AXIS, PROMISED_SERIES } from '../evidence/chartSpecs/perDaySpec.ts';
import { SPEED_TEXTS } from '../evidence/chartSpecs/speedSpec.ts';
import { statusLabel, TERMS } from '../evidence/glossary.ts';

export const RESULTS_ZH = {
  'results.heading': TERMS.headline.zh,
  'results.seeds': '随机种子：{seeds}（各方案使用相同种子，配对比较）',
  'results.provisional': '初步结果：已完成 {done}/{total} 次重复',
  'results.provisionalHow':
    '下面的数字来自前 {done} 个随机种子（每个种子的各方案都已算完），区间还很宽；其余重复算完后会逐步收窄，最终结果与命令行完全一致。',
  'results.provisionalTag': '初步结果 {done}/{total}',
  'results.provisionalHowSweep':
    '每个取值至少已算完 {done} 个随机种子（共 {total} 个）；区间已足够窄的取值不再增加种子，其余继续计算，曲线还会变化。最终结果与命令行 fairpace sweep --precision 0.2 完全一致。',
  'results.provisionalHowZone':
    '每个格子至少已算完 {done} 个随机种子（共 {total} 个）；远离双方底线的格子算完 3 个种子即已判定，靠近底线的格子继续增加种子，判定还可能变化。最终结果与命令行 fairpace zone --sequential 完全一致。',
  'results.provisionalHowTornado':
    '已画出的每个参数至少已算完 {done} 个随机种子（共 {total} 个）；其余参数算完最初的种子后逐个出现；排名或正负号仍不确定的参数会继续增加种子，排名还可能变化。最终结果与命令行完全一致。',
  'card.fullTime': '全职骑手（在线至少 {fullTime} 小时）：{value}',
  'card.robust': '稳健性：在 {worlds} 个可能的世界中，有 {holds} 个保持这一方向',
  'diff.higher': '{arm}比{base}高 {value} {unit}（95% 区间：{lo} 至 {hi}）。',
  'diff.lower': '{arm}比{base}低 {value} {unit}（95% 区间：{lo} 至 {hi}）。',
  'diff.same': '{arm}与{base}结果相同。',
  'diff.negligible': '{arm}与{base}几乎相同（差值的 95% 区间：{lo} 至 {hi} {unit}）。',
  'diff.unclear': '区间包含 0，差异不确定。',
  'diff.oneReplication': '只有一次重复，无法给出区间。',
  'diff.unavailable': '无法计算差异。',
  'compliance.heading': TERMS.scorecard.zh,
  'compliance.check': '检查项',
  'compliance.clause': '依据条款',
  'compliance.threshold': '要求',
  'compliance.valueIs': '本方案：{value}',
  'status.pass': statusLabel('pass', 'zh'),
  'status.fail': statusLabel('fail', 'zh'),
  'status.notApplicable': statusLabel('notApplicable', 'zh'),
  'status.info': statusLabel('info', 'zh'),
  'chart.perday.title': PROMISED_SERIES.title.zh,
  'chart.perday.x': DAY_AXIS.zh,
  'chart.perday.caption': '每条线代表一个方案；线逐日下降，说明算法“学习”后在不断压缩时限。',
  'chart.speed.title': SPEED_TEXTS.title.zh,
  'chart.speed.x': SPEED_TEXTS.x.zh,
  'chart.speed.y': SPEED_TEXTS.y.zh,
  'chart.speed.caption': '15 公里/小时为非机动车道限速，25 公里/小时为电动自行车设计限速；25 右侧的里程即超速。',
  'chart.speed.rule15': '15 限速',
  'chart.speed.rule25': '25 设计上限',
  'chart.none': '暂无数据。',
  'chart.earnings.title': EARNINGS_TITLE.zh,
  'chart.earnings.minWage': '最低工资 {wage}',
  'chart.earnings.caption':
    '每行一个方案：色条从最低的 10% 骑手日到最高的 10%（第 10 至第 90 百分位），圆点是中位数，菱形是平均数；虚线是当地最低小时工资，色条在虚线左边的部分就是低于最低工资的骑手日。',
  'chart.workload.title': '每个骑手日的工作量',
  'chart.workload.standardDay': '标准 {hours} 小时',
  'chart.workload.legalLimit': '法定上限 {hours} 小时',
  'chart.workload.caption':
    '色条从第 10 到第 90 百分位，圆点是中位数，菱形是平均数。在线时长越过虚线，说明骑手为了挣够收入而超时工作。',
  'chart.safety.title': '交通安全',
  'chart.safety.limit': '合规上限',
  'chart.safety.baseline': '基准',
  'chart.safety.caption': `条越长越危险。相对事故风险 1 表示以舒适车速、不闯红灯、不疲劳骑行时的风险；虚线是${TERMS.scorecard.zh}的上限。`,
  'chart.rhythm.title': '一天中的节奏',
  'chart.rhythm.x': '时刻（点）',
  'chart.rhythm.caption': '每条线代表一个方案，按下单的钟点统计；看午餐和晚餐高峰时时限是否更紧、超速是否更多。',
  'chart.platform.title': '平台一方：每天的收入、骑手报酬和利润',
  'chart.platform.caption': '每组柱子比较各方案；利润一组的差别就是这项规则改动让平台多花或少赚的钱。',
  'chart.sweep.title': '指标随“{param}”的变化',
  'chart.sweep.caption':
    '左图：每条线一个方案，阴影是各次重复的 95% 区间。右图：两个方案的配对差值及其 95% 区间；阴影不跨过 0 的地方，差异是确定的。',
  'chart.sweep.captionOneArm': '每条线一个方案，阴影是各次重复的 95% 区间。',
  'chart.tradeoff.title': '取舍：平台利润与骑手付出的代价',
  'chart.tradeoff.caption':
    '每个点是“{param}”的一个取值（点旁的数字），每条线一个方案。向右表示平台利润更高，向上表示骑手的代价更大。',
  'results.crashed': '无法显示这些结果：{message}',
} satisfies Record<string, string>;

export const RESULTS_EN: Record<keyof typeof RESULTS_ZH, string> = {
  'results.heading': TERMS.headline.en,
  'results.seeds': 'Seeds: {seeds} (every arm uses the same seeds: a paired comparison)',
  'results.provisional': 'Provisional: {done} of {total} replications',
  'results.provisionalHow':
    'The numbers below come from the first {done} seeds (every arm done for each), so the intervals are still wide; they narrow as the remaining replications finish, and the final answer equals the command line’s exactly.',
  'results.provisionalTag': 'provisional {done}/{total}',
  'results.provisionalHowSweep':
    'Every value rests on at least {done} of {total} seeds; values whose intervals are already narrow get no more, the others go on, so the curves may still change. The final answer equals the command line’s (fairpace sweep --precision 0.2) exactly.',
  'results.provisionalHowZone':
    'Every cell rests on at least {done} of {total} seeds; a cell far from both sides’ limits is decided on 3 seeds, and one near a limit gets more, so its verdict may still change. The final answer equals the command line’s (fairpace zone --sequential) exactly.',
  'results.provisionalHowTornado':
    'Every parameter drawn so far rests on at least {done} of {total} seeds; the others appear one by one as their first seeds finish, and those whose rank or sign is still in doubt get more seeds, so the ranking may still change. The final answer equals the command line’s exactly.',
  'card.fullTime': 'Full-time couriers (online at least {fullTime} h): {value}',
  'card.robust': 'Robustness: holds its direction in {holds} of {worlds} plausible worlds',
  'diff.higher': '{arm} is {value} {unit} higher than {base} (95% interval: {lo} to {hi}).',
  'diff.lower': '{arm} is {value} {unit} lower than {base} (95% interval: {lo} to {hi}).',
  'diff.same': '{arm} and {base} give the same result.',
  'diff.negligible': '{arm} and {base} are almost the same (95% interval of the difference: {lo} to {hi} {unit}).',
  'diff.unclear': 'The interval includes zero: the difference is not clear.',
  'diff.oneReplication': 'Only one replication, so no interval.',
  'diff.unavailable': 'The difference could not be computed.',
  'compliance.heading': TERMS.scorecard.en,
  'compliance.check': 'Check',
  'compliance.clause': 'Clause',
  'compliance.threshold': 'Requirement',
  'compliance.valueIs': 'Here: {value}',
  'status.pass': statusLabel('pass', 'en'),
  'status.fail': statusLabel('fail', 'en'),
  'status.notApplicable': statusLabel('notApplicable', 'en'),
  'status.info': statusLabel('info', 'en'),
  'chart.perday.title': PROMISED_SERIES.title.en,
  'chart.perday.x': DAY_AXIS.en,
  'chart.perday.caption':
    'One line per arm; a line that falls day after day means the algorithm keeps tightening deadlines as it learns.',
  'chart.speed.title': SPEED_TEXTS.title.en,
  'chart.speed.x': SPEED_TEXTS.x.en,
  'chart.speed.y': SPEED_TEXTS.y.en,
  'chart.speed.caption':
    '15 km/h is the e-bike limit in non-motor lanes, 25 km/h the e-bike design limit; km right of 25 are speeding.',
  'chart.speed.rule15': '15 limit',
  'chart.speed.rule25': '25 design limit',
  'chart.none': 'No data yet.',
  'chart.earnings.title': EARNINGS_TITLE.en,
  'chart.earnings.minWage': 'minimum wage {wage}',
  'chart.earnings.caption':
    'One row per arm: the bar runs from the lowest 10% of courier-days to the highest 10% (10th to 90th percentile), the dot is the median and the diamond the mean; the dashed line is the local minimum hourly wage, and the part of a bar left of it is courier-days below it.',
  'chart.workload.title': 'Workload per courier-day',
  'chart.workload.standardDay': 'standard {hours} h',
  'chart.workload.legalLimit': 'legal limit {hours} h',
  'chart.workload.caption':
    'Bars run from the 10th to the 90th percentile, the dot is the median and the diamond the mean. Online hours past the dashed lines are couriers working overtime to reach their income.',
  'chart.safety.title': 'Traffic safety',
  'chart.safety.limit': 'limit',
  'chart.safety.baseline': 'baseline',
  'chart.safety.caption':
    'Longer bars are more dangerous. A relative crash risk of 1 is riding at comfort speed with no red lights run and no fatigue; dashed lines are the scorecard’s limits.',
  'chart.rhythm.title': 'The day’s rhythm',
  'chart.rhythm.x': 'Hour of day',
  'chart.rhythm.caption':
    'One line per arm, by the hour the order was placed: see whether deadlines tighten and speeding rises at the lunch and dinner peaks.',
  'chart.platform.title': 'The platform side: revenue, courier pay and margin per day',
  'chart.platform.caption':
    'Each group compares the arms; the gap in the margin group is what the rule change costs (or earns) the platform.',
  'chart.sweep.title': 'Metrics along “{param}”',
  'chart.sweep.caption':
    'Left: one line per arm, shaded by the 95% interval over replications. Right: the paired difference of the two arms with its 95% interval; where the band does not cross 0, the difference is clear.',
  'chart.sweep.captionOneArm': 'One line per arm, shaded by the 95% interval over replications.',
  'chart.tradeoff.title': 'The trade-off: platform margin against the cost to couriers',
  'chart.tradeoff.caption':
    'Each point is one value of “{param}” (the number beside it), one line per arm. Further right is more margin for the platform, further up a higher cost to couriers.',
  'results.crashed': 'These results cannot be shown: {message}',
};
