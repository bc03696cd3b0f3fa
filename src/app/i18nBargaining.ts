/** Labels of the bargaining panels (target, sensitivity tornado, zone of agreement), merged into i18n.ts. */
import { TERMS } from '../evidence/glossary.ts';

export const BARGAINING_ZH = {
  'bargain.heading': TERMS.bargaining.zh,
  'bargain.intro': '找出满足保障目标的规则取值、看结论依赖哪些假设、标出双方都能接受的区域。所有方案使用相同随机种子。',
  'bargain.busy': '另一项计算正在运行，完成或取消后才能运行。',
  'bargain.replications': '重复次数',
  'bargain.arm': '方案',
  'bargain.param': '参数',
  'bargain.metric': '指标',
  'bargain.op': '条件',
  'bargain.threshold': '界限',
  'bargain.op.le': '不超过',
  'bargain.op.ge': '不低于',
  'bargain.op.lt': '低于',
  'bargain.op.gt': '高于',
  'bargain.run': '运行',
  'bargain.done': '完成：{total} 次模拟，用时 {seconds} 秒',
  'target.heading': TERMS.target.zh,
  'target.intro':
    '在给定范围内找出满足目标的最小参数值（以 95% 区间的不利一端判断），并与现行取值相比，说明骑手多得多少、平台多付多少，以及两者之差去了哪里。',
  'target.min': '最小值',
  'target.max': '最大值',
  'target.provisionalHow':
    '搜索仍在进行：答案在下面的区间里，区间会一步步缩小。目前最好的估计已算完 {done} 个随机种子（共 {total} 个）；最终答案会在全部种子上运行，与命令行完全一致。',
  'target.provisionalBracket':
    '目前：答案在 {lo} 至 {hi} 之间，最好的估计是 {value}（已试 {values} 个取值，{runs} 次模拟）。',
  'target.provisionalBest': '目前：最好的估计是 {value}（已试 {values} 个取值，{runs} 次模拟）。',
  'target.provisionalNone': '目前：还没有取值满足目标（已试 {values} 个取值，{runs} 次模拟）。',
  'tornado.heading': `${TERMS.sensitivity.zh}（${TERMS.tornado.zh}）`,
  'tornado.intro': '每个假设参数单独取低值和高值，看两个方案之间的差值移动多少。',
  'tornado.title': '“{metric}”的方案差值对假设的敏感性',
  'tornado.caption':
    '条形表示该参数取低值/高值时，差值（{diff}）相对基准的变化，按这一差值的变动大小排序；上面的排名则按所有主要差值计。',
  'tornado.low': '低值',
  'tornado.high': '高值',
  'robustness.heading': TERMS.robustness.zh,
  'robustness.intro':
    '没有公开数据能确定的假设（骑手车速、收入目标、抽成比例等）在各自的合理范围内一起抽取，得到许多“可能的世界”；每个世界里两个方案用相同的随机数运行。这里说每个主要差别在多少个世界里保持本情景中的方向，以及它在哪些假设下不成立。',
  'robustness.worlds': '可能的世界（个）',
  'zone.heading': TERMS.zone.zh,
  'zone.intro':
    '在两个参数的网格上，标出工会和平台各自的底线是否满足，并分别列出每一方在对方底线之内最想要的格子；★ 为现行规则。这些是双方的立场，不是建议。',
  'zone.x': '横轴参数',
  'zone.y': '纵轴参数',
  'zone.values': '取值（逗号分隔）',
  'zone.union': '工会底线',
  'zone.platform': '平台底线',
  'zone.badValues': '请填写以逗号分隔的数字。',
  'zone.title': TERMS.zone.zh,
  'zone.caption': '深色格：双方底线都满足；浅色格：只满足一方；白格：都不满足。★ 为现行规则。',
  'zone.both': '双方都接受',
  'zone.unionOnly': '仅工会接受',
  'zone.platformOnly': '仅平台接受',
  'zone.neither': '都不接受',
} satisfies Record<string, string>;

export const BARGAINING_EN: Record<keyof typeof BARGAINING_ZH, string> = {
  'bargain.heading': TERMS.bargaining.en,
  'bargain.intro':
    'Find the rule value that meets a guarantee, see what a conclusion depends on, and map where both sides can agree. Every run uses the same seeds.',
  'bargain.busy': 'Another computation is running; this can run when it is done or cancelled.',
  'bargain.replications': 'Replications',
  'bargain.arm': 'Arm',
  'bargain.param': 'Parameter',
  'bargain.metric': 'Metric',
  'bargain.op': 'Condition',
  'bargain.threshold': 'Limit',
  'bargain.op.le': 'at most',
  'bargain.op.ge': 'at least',
  'bargain.op.lt': 'below',
  'bargain.op.gt': 'above',
  'bargain.run': 'Run',
  'bargain.done': 'Done: {total} simulations in {seconds} s',
  'target.heading': TERMS.target.en,
  'target.intro':
    'Finds the smallest value in the range at which the target holds (judged by the unfavourable end of the 95% interval) and, against today’s value, says what couriers gain, what the platform pays and where the difference goes.',
  'target.min': 'Min',
  'target.max': 'Max',
  'target.provisionalHow':
    'The search is still running: the answer lies in the bracket below, which narrows step by step. The best estimate so far rests on {done} of {total} seeds; the final answer runs on every seed and equals the command line’s exactly.',
  'target.provisionalBracket':
    'So far: the answer lies between {lo} and {hi}; the best estimate is {value} ({values} values tried, {runs} simulations).',
  'target.provisionalBest': 'So far: the best estimate is {value} ({values} values tried, {runs} simulations).',
  'target.provisionalNone': 'So far: no value meets the target yet ({values} values tried, {runs} simulations).',
  'tornado.heading': `${TERMS.sensitivity.en} (${TERMS.tornado.en})`,
  'tornado.intro':
    'Each assumption is set to its low and then its high value, one at a time, to see how far the difference between the two arms moves.',
  'tornado.title': 'Sensitivity of the difference in “{metric}” to the assumptions',
  'tornado.caption':
    'Each bar is the change of the difference ({diff}) from its base value when the parameter is at its low or high value; ranked by how far this difference moves, while the ranking above counts every headline difference.',
  'tornado.low': 'low',
  'tornado.high': 'high',
  'robustness.heading': TERMS.robustness.en,
  'robustness.intro':
    'The assumptions no published figure pins down (couriers’ speeds, income targets, the commission rate and so on) are drawn together from their plausible ranges, giving many plausible worlds; in each, the two arms run on the same random numbers. Each headline difference is said with the number of worlds in which it keeps its direction, and where it fails.',
  'robustness.worlds': 'Plausible worlds',
  'zone.heading': TERMS.zone.en,
  'zone.intro':
    'Over a grid of two parameters, shows where the union’s and the platform’s limits hold, and names each side’s best cell within the other side’s limits; ★ marks today’s rule. These are positions, not recommendations.',
  'zone.x': 'Horizontal parameter',
  'zone.y': 'Vertical parameter',
  'zone.values': 'Values (comma-separated)',
  'zone.union': 'Union limit',
  'zone.platform': 'Platform limit',
  'zone.badValues': 'Type numbers separated by commas.',
  'zone.title': TERMS.zone.en,
  'zone.caption': 'Dark cells: both sides’ limits hold; light cells: one side’s; white: neither. ★ is today’s rule.',
  'zone.both': 'both accept',
  'zone.unionOnly': 'union only',
  'zone.platformOnly': 'platform only',
  'zone.neither': 'neither',
};
