/**
 * Every visible label of the app in Simplified Chinese and English. The Chinese dictionary defines the keys; the
 * English one must have exactly the same keys, so a missing or stray translation fails the typecheck.
 */

import { splitLabel } from '../analysis/armName.ts';
import { FIELD_MESSAGES_EN, FIELD_MESSAGES_ZH } from './i18nFields.ts';
import { GUIDE_EN, GUIDE_ZH } from './i18nGuide.ts';
import { BARGAINING_EN, BARGAINING_ZH } from './i18nBargaining.ts';
import { EVIDENCE_EN, EVIDENCE_ZH } from './i18nEvidence.ts';
import { AUDIT_EN, AUDIT_ZH } from './i18nAudit.ts';
import { MODEL_CHECK_EN, MODEL_CHECK_ZH } from './i18nModelCheck.ts';
import { PLATFORM_EN, PLATFORM_ZH } from './i18nPlatform.ts';

/** Languages the app speaks. */
export type Lang = 'zh-CN' | 'en';

const zhCNApp = {
  'app.title': 'Fairpace 算法公平工作台',
  'app.subtitle': '比较“最严算法”与“算法取中”：对骑手收入、工时、安全和平台利润的影响',
  'app.privacy': '所有计算都在本机浏览器中完成，数据不会离开这台电脑。',
  'lang.toggle': 'English',
  'lang.toggleTitle': 'Switch to English',
  'preset.label': '预设情景',
  'preset.about': '这个情景是什么',
  'preset.invalid': '预设文件无效：',
  'editor.heading': '情景参数',
  'editor.invalid': '无效：',
  'editor.undo': '撤销',
  'editor.undoTitle': '撤销上一次修改',
  'editor.default': '默认：{value}',
  'editor.defaultShort': '默认',
  'editor.empty': '（空）',
  'editor.none': '无',
  'editor.auto': '自动',
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
  'editor.addArm': '添加方案',
  'editor.addArmTitle': '复制最后一个方案作为新方案（最多 {max} 个）',
  'editor.removeArm': '删除',
  'editor.removeArmTitle': '删除方案 {id}',
  'editor.armLabel': '方案 {id} 的名称',
  'editor.noSources': '没有列出来源。',
  'run.button': '运行比较',
  'run.cancel': '取消',
  'run.progress': '已完成 {done}/{total} 次模拟',
  'run.running': '正在计算…',
  'run.done': '完成：{replications} 次重复 × {arms} 个方案，用时 {seconds} 秒',
  'run.reused': '（其中 {reused} 次运行取自本浏览器保存的结果，模型相同）',
  'run.cancelled': '已取消。',
  'run.error': '运行出错：{message}',
  'run.blocked': '请先改正标出的字段，才能运行。',
  'run.busy': '参数扫描正在运行，完成或取消后才能运行比较。',
  'run.stale': '参数已修改，下面的结果尚未更新——请点击“运行比较”。',
  'run.staleInvalid': '参数已修改（且有需要改正的字段），下面的结果来自修改前的情景。',
  'run.none': '还没有结果。',
  'results.heading': '主要指标',
  'results.seeds': '随机种子：{seeds}（各方案使用相同种子，配对比较）',
  'results.provisional': '初步结果：已完成 {done}/{total} 次重复',
  'results.provisionalHow':
    '下面的数字来自前 {done} 个随机种子（每个种子的各方案都已算完），区间还很宽；其余重复算完后会逐步收窄，最终结果与命令行完全一致。',
  'results.provisionalTag': '初步结果 {done}/{total}',
  'card.fullTime': '全职骑手（在线至少 {fullTime} 小时）：{value}',
  'card.robust': '稳健性：在 {worlds} 个可能的世界中，有 {holds} 个保持这一方向',
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
  'compliance.threshold': '要求',
  'compliance.valueIs': '本方案：{value}',
  'status.pass': '✓ 达标',
  'status.fail': '✗ 不达标',
  'status.notApplicable': '— 不适用',
  'status.info': 'ⓘ 信息',
  'chart.perday.title': '每天的平均承诺时长（算法棘轮）',
  'chart.perday.x': '第几天',
  'chart.perday.caption': '每条线代表一个方案；线逐日下降，说明算法“学习”后在不断压缩时限。',
  'chart.speed.title': '按骑行速度统计的里程',
  'chart.speed.x': '骑行速度（公里/小时）',
  'chart.speed.y': '里程（公里）',
  'chart.speed.caption': '15 公里/小时为非机动车道限速，25 公里/小时为电动自行车设计限速；25 右侧的里程即超速。',
  'chart.speed.rule15': '15 限速',
  'chart.speed.rule25': '25 设计上限',
  'chart.none': '暂无数据。',
  'chart.earnings.title': '骑手每在线小时的净收入',
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
  'chart.safety.caption':
    '条越长越危险。相对事故风险 1 表示以舒适车速、不闯红灯、不疲劳骑行时的风险；虚线是合规评分表的上限。',
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
  'preset.custom': '自定义情景：{name}',
  'scenario.shownName': '情景：{name}',
  'scenario.heading': '情景文件与分享',
  'scenario.share': '生成分享链接',
  'scenario.shareCopied': '链接已生成并复制。打开它即可恢复同样的情景：',
  'scenario.shareNotCopied': '链接已生成（无法自动复制，请手动复制）：',
  'scenario.download': '下载情景 JSON',
  'scenario.upload': '上传情景文件',
  'scenario.uploaded': '已载入上传的情景“{name}”。',
  'scenario.uploadInvalid': '文件“{file}”不是有效的情景：',
  'scenario.uploadTooBig': '文件“{file}”太大（{bytes} 字节，上限 {max}）。',
  'scenario.fromLink': '已从分享链接恢复情景“{name}”。',
  'share.tooLong': '分享链接太长（{chars} 个字符，上限 {max}），无法使用。请改用“下载情景 JSON”。',
  'share.corrupted': '分享链接已损坏，无法读取（{detail}）。已打开默认预设。',
  'share.detail.version': '缺少版本号',
  'share.detail.characters': '链接中有不该出现的字符，可能复制时被截断或改动了',
  'share.detail.tooBig': '解开后的内容过大',
  'share.detail.notScenario': '解开后的内容不是情景数据',
  'share.detail.unpack': '链接中的数据无法解开，可能复制时不完整',
  'share.problemSeparator': '；',
  'scenario.shareNote':
    '分享链接把整个情景写在地址里，可以在任何一份 Fairpace 中打开：对方在自己的电脑上启动 Fairpace（获取和启动方法见 Fairpace 仓库的说明文件），把链接里“#”之前的部分换成自己 Fairpace 的地址即可。对方没有 Fairpace 时，请改发情景文件。',
  'scenario.shareNeedsFairpace': '打开这个链接需要 Fairpace；没有 Fairpace 的人请改用情景文件：',
  'scenario.shareDownload': '下载情景文件',
  'share.newerLink': '这个分享链接来自更新版本的 Fairpace（链接格式 {version}），请先更新。已打开默认预设。',
  'share.newerSchema': '这个分享链接中的情景使用更新的格式（版本 {version}），请先更新 Fairpace。已打开默认预设。',
  'share.invalid': '分享链接中的情景无效，已打开默认预设：',
  'evidence.heading': '证据包',
  'evidence.intro': '证据包（.zip）包含情景、结果、逐日明细、图表和报告，任何人都可以用 `fairpace verify` 核验。',
  'evidence.export': '导出证据包',
  'evidence.needResult': '请先完成一次比较，才能导出。',
  'evidence.cancel': '取消',
  'evidence.exporting': '正在生成证据包：已完成 {done}/{total} 次模拟',
  'evidence.verifying': '正在核验：已完成 {done}/{total} 次模拟',
  'evidence.exported': '已下载 {file}（{kb} KB），摘要 {digest}',
  'evidence.exportError': '导出失败：',
  'evidence.verifyLabel': '核验证据包（选择或拖入 .zip 文件）',
  'evidence.drop': '把证据包拖到这里',
  'evidence.verified': '已核验（verified）：{file} 的每个文件都与重新运行的结果完全一致。',
  'evidence.notVerified': '未通过核验：{file} 有 {count} 处不同：',
  'evidence.verifyError': '无法核验 {file}：',
  'evidence.cancelled': '已取消。',
  'evidence.note': '注意：{note}',
  'saved.heading': '已保存的结果',
  'saved.name': '名称',
  'saved.save': '保存当前结果',
  'saved.defaultName': '{name}（{date}）',
  'saved.none': '还没有保存的结果。',
  'saved.open': '打开',
  'saved.rename': '重命名',
  'saved.renameSave': '确定',
  'saved.renameCancel': '取消',
  'saved.delete': '删除',
  'saved.broken': '第 {id} 条记录已损坏，已跳过：{reason}',
  'saved.error': '无法使用浏览器存储：{message}',
  'saved.saved': '已保存“{name}”。',
  'saved.opened': '这是已保存的结果“{name}”（保存于 {date}），没有重新运行。',
  'saved.meta': '保存于 {date}',
  'results.crashed': '无法显示这些结果：{message}',
  'mdrp.heading': '导入 MDRP 实例',
  'mdrp.hint':
    '选择 Grubhub MDRP 实例文件夹，或同时选中其中的四个文件（restaurants.txt、orders.txt、couriers.txt、instance_parameters.txt）。导入后立即运行比较。',
  'mdrp.chooseFiles': '选择四个实例文件',
  'mdrp.chooseFolder': '选择实例文件夹',
  'mdrp.missing': '缺少实例文件：{files}',
  'mdrp.malformed': '实例文件有错误（文件:行号）：',
  'mdrp.invalid': '导入的情景无效：',
  'mdrp.tooBig': '文件“{file}”太大（{bytes} 字节，上限 {max}）。',
  'mdrp.readError': '无法读取实例文件：{message}',
  'mdrp.imported': '已导入 MDRP 实例“{name}”：{orders} 个订单、{couriers} 名骑手、{restaurants} 家餐厅。',
  'mdrp.cardsHeading': 'MDRP 基准指标（回放实例）',
} satisfies Record<string, string>;

const zhCN = {
  ...zhCNApp,
  ...FIELD_MESSAGES_ZH,
  ...BARGAINING_ZH,
  ...EVIDENCE_ZH,
  ...AUDIT_ZH,
  ...MODEL_CHECK_ZH,
  ...PLATFORM_ZH,
  ...GUIDE_ZH,
};

/** A key of the dictionary. */
export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  ...FIELD_MESSAGES_EN,
  ...GUIDE_EN,
  ...BARGAINING_EN,
  ...EVIDENCE_EN,
  ...AUDIT_EN,
  ...MODEL_CHECK_EN,
  ...PLATFORM_EN,
  'app.title': 'Fairpace algorithm-fairness workbench',
  'app.subtitle':
    'Compare the strictest algorithm with algorithm-median: what each does to couriers’ pay, hours and safety, and to the platform’s margin',
  'app.privacy': 'Everything is computed in this browser; no data leaves this computer.',
  'lang.toggle': '中文',
  'lang.toggleTitle': '切换到中文',
  'preset.label': 'Preset scenario',
  'preset.about': 'About this scenario',
  'preset.invalid': 'This preset is not valid: ',
  'editor.heading': 'Scenario',
  'editor.invalid': 'Invalid: ',
  'editor.undo': 'Undo',
  'editor.undoTitle': 'Undo the last change',
  'editor.default': 'default: {value}',
  'editor.defaultShort': 'default',
  'editor.empty': '(empty)',
  'editor.none': 'none',
  'editor.auto': 'automatic',
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
  'editor.addArm': 'Add a proposal',
  'editor.addArmTitle': 'Copy the last arm as a new proposal (at most {max})',
  'editor.removeArm': 'Remove',
  'editor.removeArmTitle': 'Remove proposal {id}',
  'editor.armLabel': 'Name of proposal {id}',
  'editor.noSources': 'No sources listed.',
  'run.button': 'Run comparison',
  'run.cancel': 'Cancel',
  'run.progress': '{done} of {total} simulations done',
  'run.running': 'Computing…',
  'run.done': 'Done: {replications} replications × {arms} arms in {seconds} s',
  'run.reused': ' ({reused} of the runs reused from this browser’s saved runs of the same model)',
  'run.cancelled': 'Cancelled.',
  'run.error': 'The run failed: {message}',
  'run.blocked': 'Correct the marked fields to run.',
  'run.busy': 'A sweep is running; the comparison can run when it is done or cancelled.',
  'run.stale': 'The parameters changed since these results were computed — press “Run comparison”.',
  'run.staleInvalid':
    'The parameters changed (and a field needs correcting); the results below are from the scenario before the edit.',
  'run.none': 'No results yet.',
  'results.heading': 'Headline numbers',
  'results.seeds': 'Seeds: {seeds} (every arm uses the same seeds: a paired comparison)',
  'results.provisional': 'Provisional: {done} of {total} replications',
  'results.provisionalHow':
    'The numbers below come from the first {done} seeds (every arm done for each), so the intervals are still wide; they narrow as the remaining replications finish, and the final answer equals the command line’s exactly.',
  'results.provisionalTag': 'provisional {done}/{total}',
  'card.fullTime': 'Full-time couriers (online at least {fullTime} h): {value}',
  'card.robust': 'Robustness: holds its direction in {holds} of {worlds} plausible worlds',
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
  'compliance.threshold': 'Requirement',
  'compliance.valueIs': 'Here: {value}',
  'status.pass': '✓ pass',
  'status.fail': '✗ fail',
  'status.notApplicable': '— not applicable',
  'status.info': 'ⓘ info',
  'chart.perday.title': 'Mean promised minutes per day (the ratchet)',
  'chart.perday.x': 'Day',
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
  'preset.custom': 'Custom scenario: {name}',
  'scenario.shownName': 'Scenario: {name}',
  'scenario.heading': 'Scenario file and sharing',
  'scenario.share': 'Make a share link',
  'scenario.shareCopied': 'Link made and copied. Opening it restores this scenario:',
  'scenario.shareNotCopied': 'Link made (it could not be copied automatically; copy it by hand):',
  'scenario.download': 'Download scenario JSON',
  'scenario.upload': 'Upload a scenario file',
  'scenario.uploaded': 'Loaded the uploaded scenario “{name}”.',
  'scenario.uploadInvalid': 'The file “{file}” is not a valid scenario:',
  'scenario.uploadTooBig': 'The file “{file}” is too large ({bytes} bytes; the limit is {max}).',
  'scenario.fromLink': 'Restored the scenario “{name}” from a share link.',
  'share.tooLong':
    'The share link would be too long ({chars} characters; the limit is {max}). Download the scenario JSON instead.',
  'share.corrupted': 'The share link is damaged and cannot be read ({detail}). The default preset is open instead.',
  'share.detail.version': 'it has no version number',
  'share.detail.characters': 'it has characters a link cannot have; it may have been cut or changed when copied',
  'share.detail.tooBig': 'it unpacks to too much',
  'share.detail.notScenario': 'what it unpacks to is not a scenario',
  'share.detail.unpack': 'its data cannot be unpacked; it may have been copied incompletely',
  'share.problemSeparator': '; ',
  'scenario.shareNote':
    'A share link carries the whole scenario in the address and opens in any copy of Fairpace: the other side starts Fairpace on their own computer (how to get and start it is in the Fairpace repository’s README) and replaces the part of the link before “#” with their Fairpace’s address. If they have no Fairpace, send the scenario file instead.',
  'scenario.shareNeedsFairpace': 'Opening this link needs Fairpace; for someone without it, use the scenario file:',
  'scenario.shareDownload': 'Download the scenario file',
  'share.newerLink':
    'This share link comes from a newer Fairpace (link format {version}); update first. The default preset is open instead.',
  'share.newerSchema':
    'The scenario in this link uses a newer format (version {version}); update Fairpace first. The default preset is open instead.',
  'share.invalid': 'The scenario in the share link is invalid; the default preset is open instead:',
  'evidence.heading': 'Evidence pack',
  'evidence.intro':
    'An evidence pack (.zip) holds the scenario, the results, the courier-day rows, the charts and a report; anyone can check it with `fairpace verify`.',
  'evidence.export': 'Export evidence pack',
  'evidence.needResult': 'Finish a comparison first to export it.',
  'evidence.cancel': 'Cancel',
  'evidence.exporting': 'Making the evidence pack: {done}/{total} simulations done',
  'evidence.verifying': 'Verifying: {done}/{total} simulations done',
  'evidence.exported': 'Downloaded {file} ({kb} KB), digest {digest}',
  'evidence.exportError': 'Export failed:',
  'evidence.verifyLabel': 'Verify an evidence pack (choose or drop a .zip file)',
  'evidence.drop': 'Drop an evidence pack here',
  'evidence.verified': 'verified: every file of {file} is remade exactly by re-running it.',
  'evidence.notVerified': 'Not verified: {file} has {count} differences:',
  'evidence.verifyError': 'Cannot verify {file}:',
  'evidence.cancelled': 'Cancelled.',
  'evidence.note': 'Note: {note}',
  'saved.heading': 'Saved runs',
  'saved.name': 'Name',
  'saved.save': 'Save this result',
  'saved.defaultName': '{name} ({date})',
  'saved.none': 'No saved runs yet.',
  'saved.open': 'Open',
  'saved.rename': 'Rename',
  'saved.renameSave': 'OK',
  'saved.renameCancel': 'Cancel',
  'saved.delete': 'Delete',
  'saved.broken': 'Record {id} is damaged and was skipped: {reason}',
  'saved.error': 'The browser’s storage cannot be used: {message}',
  'saved.saved': 'Saved “{name}”.',
  'saved.opened': 'This is the saved run “{name}” (saved {date}); it was not run again.',
  'saved.meta': 'saved {date}',
  'results.crashed': 'These results cannot be shown: {message}',
  'mdrp.heading': 'Import an MDRP instance',
  'mdrp.hint':
    'Choose a Grubhub MDRP instance folder, or select its four files together (restaurants.txt, orders.txt, couriers.txt, instance_parameters.txt). The comparison runs as soon as it is imported.',
  'mdrp.chooseFiles': 'Choose the four instance files',
  'mdrp.chooseFolder': 'Choose an instance folder',
  'mdrp.missing': 'Missing instance files: {files}',
  'mdrp.malformed': 'The instance files have errors (file:line):',
  'mdrp.invalid': 'The imported scenario is not valid:',
  'mdrp.tooBig': 'The file “{file}” is too large ({bytes} bytes; the limit is {max}).',
  'mdrp.readError': 'The instance files cannot be read: {message}',
  'mdrp.imported':
    'Imported the MDRP instance “{name}”: {orders} orders, {couriers} couriers, {restaurants} restaurants.',
  'mdrp.cardsHeading': 'MDRP benchmark figures (replayed instance)',
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
  const { zh, en } = splitLabel(label);
  return lang === 'zh-CN' ? zh : en;
}

/**
 * The paragraphs of a bilingual text (a preset's description) in the reader's language: those with Chinese characters
 * in Chinese, the others in English; a text in one language only is shown whole.
 */
export function localParagraphs(text: string, lang: Lang): string[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const han = (p: string) => /\p{Script=Han}/u.test(p);
  const zh = paragraphs.filter(han);
  const en = paragraphs.filter((p) => !han(p));
  if (zh.length === 0 || en.length === 0) return paragraphs;
  return lang === 'zh-CN' ? zh : en;
}
