/**
 * report.html: one self-contained, printable document (inline CSS and SVG, no script, no external resource) in
 * Chinese and English, with a CSS-only language switch. Every user-supplied string is escaped on the way in.
 */
import {
  costSentences,
  labelContext,
  strictestCost,
  type Comparison,
  type RunsCalibration,
} from '../../analysis/index.ts';
import { bargainingSection, type BargainingFile } from './bargaining.ts';
import { rulesForArm } from '../../scenario/rulesForArm.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { RunResult } from '../../sim/results.ts';
import { escapeHtml } from '../escape.ts';
import { HEADLINE_METRICS, sentenceValues } from '../headlineMetrics.ts';
import { armNames, splitLabel } from '../labels.ts';
import { CHART_FILES } from '../manifest.ts';
import { assumptionsTableHtml, modelSourcesHtml, scenarioSourcesHtml } from './assumptions.ts';
import { bi, blocks, inline, type Bi } from './bilingual.ts';
import { armInterval, armsSentence, differenceSentence, differencesFor } from './findings.ts';
import { REPORT_CSS } from './reportCss.ts';
import { furtherFiguresHtml } from './furtherFigures.ts';
import { platformCostSection } from './platformCost.ts';
import { MODEL_DOC, modelCheckSection } from './modelCheck.ts';
import { rulesTableHtml, scenarioTableHtml } from './ruleTables.ts';
import { scorecardHtml } from './scorecard.ts';
import {
  authorDescriptionHtml,
  generatedDescription,
  limitsSection,
  ordersPlacedPerDay,
  promiseRule,
} from './scenarioText.ts';

/** Everything the report states. */
export interface ReportInput {
  scenario: Scenario;
  comparison: Comparison;
  /** Each arm's runs, in the order of `comparison.arms` (for the per-arm intervals). */
  runsByArm: readonly (readonly RunResult[])[];
  /** The command that makes the pack again. */
  command: string;
  /** The pack's digest (manifest.json `digest`). */
  digest: string;
  /** The charts as SVG, by file name (CHART_FILES). */
  charts: Readonly<Record<string, string>>;
  fairpaceVersion: string;
  /** The model fingerprint of the Fairpace that made the pack. */
  modelDigest: string;
  /** Bargaining results the pack carries (the last section; none by default). */
  bargaining?: readonly BargainingFile[];
  /** The pack's runs held against the default targets (calibration.json). */
  calibration: RunsCalibration;
}

const CAPTIONS: Record<(typeof CHART_FILES)[number], Bi> = {
  'charts/per-day-promised.svg': bi(
    '每天各方案的平均承诺配送时长（各次重复的平均值）。开启时限学习时，最严算法会让时限逐日收紧。',
    'Mean promised delivery time per day and arm (mean over replications). With deadline learning on, the strictest algorithm tightens the deadline from day to day.',
  ),
  'charts/per-day-risk-tolerance.svg': bi(
    '每天在线骑手的平均冒险倾向（0–1，各次重复的平均值）。前一天超时订单过多的骑手会更敢冒险（闯红灯、超速）；这条线与上图的承诺时长一起构成“算法棘轮”的两面。',
    'Mean risk tolerance (0–1) of the couriers online each day, mean over replications. Couriers who were late too often the day before take more risks (red lights, speeding); this line and the promised time above are the two sides of the ratchet.',
  ),
  'charts/headline-metrics.svg': bi(
    '主要指标：条形为各次重复的平均值，误差线为 95% t 区间；字母对应图例中的方案。',
    'Headline metrics: bars are means over replications, whiskers 95% t intervals; letters name the arms of the legend.',
  ),
  'charts/speed-km.svg': bi(
    '各速度区间（每 1 km/h）的骑行里程，每次重复的平均值。虚线：15 km/h（《道路交通安全法》第 58 条，非机动车道）与 25 km/h（GB 17761-2018 电动自行车设计车速上限）。',
    'Kilometres ridden in each 1 km/h speed band, mean per replication. Dashed lines: 15 km/h (Road Traffic Safety Law art. 58, non-motor lanes) and 25 km/h (GB 17761-2018 e-bike design limit).',
  ),
};

/** The seeds as a short text: "1–10" for consecutive seeds, else a list. */
function seedsText(seeds: readonly number[]): string {
  const first = seeds[0];
  const last = seeds[seeds.length - 1];
  if (first === undefined || last === undefined) return '';
  if (seeds.length > 2 && seeds.every((s, i) => s === first + i)) return `${first}–${last}`;
  return seeds.join(', ');
}

function header(input: ReportInput, names: readonly Bi[]): string {
  const { scenario, comparison } = input;
  const name = splitLabel(scenario.meta.name);
  const generated = generatedDescription(scenario, comparison, ordersPlacedPerDay(input.runsByArm));
  const description =
    blocks('p', generated, 'description generated') + authorDescriptionHtml(scenario.meta.description);
  const row = (label: Bi, valueHtml: string) => `<dt>${inline(label)}</dt><dd>${valueHtml}</dd>`;
  return (
    `<header><p class="kicker">${inline(bi('Fairpace 证据包报告', 'Fairpace evidence pack report'))}</p>` +
    `<h1>${inline(name)}</h1>${description}<dl class="meta">` +
    (scenario.meta.region ? row(bi('地区', 'Region'), inline(splitLabel(scenario.meta.region))) : '') +
    row(bi('比较的方案', 'Arms compared'), names.map((n) => inline(n)).join('<br>')) +
    row(
      bi('重复次数与随机种子', 'Replications and seeds'),
      inline(
        bi(
          `${comparison.seeds.length} 次（随机种子 ${seedsText(comparison.seeds)}）`,
          `${comparison.seeds.length} (seeds ${seedsText(comparison.seeds)})`,
        ),
      ),
    ) +
    row(
      bi('规模', 'Size'),
      inline(
        bi(
          `${scenario.time.days} 天，${scenario.population.couriers} 名骑手`,
          `${scenario.time.days} day${scenario.time.days === 1 ? '' : 's'}, ${scenario.population.couriers} couriers`,
        ),
      ),
    ) +
    row(
      bi('软件', 'Software'),
      `Fairpace ${escapeHtml(input.fairpaceVersion)}, ${inline(bi('情景格式版本', 'scenario schema'))} ${comparison.schemaVersion}`,
    ) +
    row(bi('模型指纹（SHA-256）', 'Model fingerprint (SHA-256)'), `<code>${escapeHtml(input.modelDigest)}</code>`) +
    row(bi('摘要（SHA-256）', 'Digest (SHA-256)'), `<code>${escapeHtml(input.digest)}</code>`) +
    '</dl></header>'
  );
}

function question(input: ReportInput, names: readonly Bi[]): string {
  const { scenario, comparison } = input;
  const arms = comparison.arms.map((arm, i) => {
    const { percentile, basis } = rulesForArm(scenario, arm.id).deadline;
    const name = names[i] ?? bi(arm.id, arm.id);
    return `<li><b>${inline(name)}</b> <code>${escapeHtml(arm.id)}</code> — ${inline(promiseRule(percentile, basis))}</li>`;
  });
  return (
    `<section id="question"><h2>1. ${inline(bi('问题', 'The question'))}</h2>` +
    blocks(
      'p',
      bi(
        '在同一座城市里，面对同样的订单和同样的骑手，下面这些平台规则会让骑手的收入、工作时间和交通安全发生什么变化？平台又要为此付出多少？',
        'In the same city, with the same orders and the same couriers, what do the platform rules below do to couriers’ earnings, working time and road safety, and what do they cost the platform?',
      ),
    ) +
    `<ol class="arms" type="A">${arms.join('')}</ol>` +
    blocks(
      'p',
      bi(
        '背景：唐山市（2022）实施方案第 8 项要求不得将“最严算法”作为考核标准，而应“算法取中”；烟台市（2021）通知第（九）项要求平台就订单分配、计件单价、抽成比例和算法规则等与工会协商。配送时限按过往同类订单送达用时的某个百分位设定：百分位越低，时限越紧。',
        'Background: Tangshan’s 2022 plan (task 8) forbids using the strictest algorithm (最严算法) as the assessment standard and asks for algorithm-median (算法取中); Yantai’s 2021 notice (item 九) puts order allocation, piece rates, commission and algorithms to negotiation with the union. The delivery deadline is set from a percentile of past delivery times of similar orders: the lower the percentile, the tighter the deadline.',
      ),
      'note',
    ) +
    '</section>'
  );
}

function rules(input: ReportInput, names: readonly Bi[]): string {
  const armIds = input.comparison.arms.map((a) => a.id);
  return (
    `<section id="rules"><h2>2. ${inline(bi('规则', 'The rule sets'))}</h2>` +
    blocks(
      'p',
      bi(
        '下表列出各方案之间、以及各方案与情景基准规则之间不同的每一个规则参数。未列出的参数在所有方案中都相同。',
        'Every rule parameter that differs between the arms, or between an arm and the scenario’s base rules. Parameters not listed are the same in every arm.',
      ),
    ) +
    rulesTableHtml(input.scenario, armIds, names) +
    `<h3>${inline(bi('情景中不同于默认值的参数', 'Scenario parameters set away from Fairpace’s defaults'))}</h3>` +
    scenarioTableHtml(input.scenario) +
    '</section>'
  );
}

function findings(input: ReportInput, names: readonly Bi[]): string {
  const { comparison, scenario } = input;
  const context = sentenceValues(scenario);
  const items = HEADLINE_METRICS.map((metric) => {
    const values = input.runsByArm.map((runs) => armInterval(runs, metric.path));
    let html = blocks('p', armsSentence(metric, names, values, context));
    for (let i = 1; i < comparison.arms.length; i++) {
      const a = names[0] ?? bi('', '');
      const b = names[i] ?? bi('', '');
      const d = differencesFor(comparison, i)[metric.path];
      html += blocks('p', differenceSentence(metric, a, b, d, comparison.seeds.length), 'diff');
    }
    return `<li>${html}</li>`;
  });
  return (
    `<section id="findings"><h2>3. ${inline(bi('主要发现', 'Headline findings'))}</h2>` +
    `<ol class="findings">${items.join('')}</ol>` +
    `<h3>${inline(bi('其他数字', 'Further figures'))}</h3>` +
    blocks(
      'p',
      bi(
        '全职骑手（在线至少若干小时的骑手日，多数调查描述的就是这一群体）、每单的报酬与利润、配送的组织方式和严重超时：每个方案的平均值与 95% 区间，以及与第一个方案的配对差值。',
        'Full-time courier-days (the group most surveys describe), pay and margin per order, how deliveries are bundled, and serious lateness: each arm’s mean with its 95% interval, and the paired difference from the first arm.',
      ),
    ) +
    furtherFiguresHtml(comparison, input.runsByArm, names, labelContext(scenario)) +
    blocks(
      'p',
      bi(
        `这是对一座合成城市的模拟，不是对真实平台的测量：数字显示的是在下文所列假设下规则变化的方向和大小。每个方案用同样的 ${comparison.seeds.length} 个随机种子各运行一次；同一个种子下，各方案面对同样的订单、同样的骑手和同样的出餐时间（共同随机数），只有规则不同。每个方案的数值是各次重复的平均值，括号内是按重复次数计算的 95% t 区间（比例的区间截断在 0–100%）。差值是同一种子下两方案之差的平均值及其 95% t 区间。事故绝对数依赖未校准的基础事故率，只适合相对比较。`,
        `This is a simulation of a synthetic city, not a measurement of a real platform: the numbers show the direction and size of a rule change’s effects under the assumptions listed below. Each arm runs once with each of the same ${comparison.seeds.length} seeds; with a given seed, every arm sees the same orders, the same couriers and the same preparation times (common random numbers), and only the rules differ. An arm’s value is its mean over replications, with the 95% t interval over replications in brackets (intervals of shares are clipped to 0–100%). A difference is the mean of the same-seed differences, with its 95% t interval. Absolute crash counts rest on an uncalibrated base rate and are for comparison only.`,
      ),
      'note',
    ) +
    '</section>'
  );
}

function charts(input: ReportInput): string {
  const figures = CHART_FILES.map((file) => {
    const svg = input.charts[file];
    if (svg === undefined) return '';
    // The SVG is our own markup, built with every label escaped; it is inlined as it is.
    return `<figure>${svg}<figcaption>${inline(CAPTIONS[file])} <code>${escapeHtml(file)}</code></figcaption></figure>`;
  });
  return `<section id="charts"><h2>4. ${inline(bi('图表', 'Charts'))}</h2>${figures.join('')}</section>`;
}

function compliance(input: ReportInput, names: readonly Bi[]): string {
  return (
    `<section id="compliance"><h2>5. ${inline(bi('合规评分卡', 'Compliance scorecard'))}</h2>` +
    blocks(
      'p',
      bi(
        '每项检查注明所依据的条款（烟台 2021、唐山 2022 文件及有关法规）、指标和阈值。检查按各方案在所有重复中的平均值评估。',
        'Each check cites its clause (the Yantai 2021 and Tangshan 2022 documents and the laws they refer to), its metric and its threshold. Checks are evaluated on each arm’s means over replications.',
      ),
    ) +
    scorecardHtml(input.comparison.arms, names, input.scenario) +
    '</section>'
  );
}

function assumptions(input: ReportInput): string {
  return (
    `<section id="assumptions"><h2>6. ${inline(bi('模型假设与来源', 'Assumptions and sources'))}</h2>` +
    blocks(
      'p',
      bi(
        `以下参数没有可靠的公开来源，是模型的假设（模型说明中标为假设，见 Fairpace 的模型说明 ${MODEL_DOC}）。它们都可以在情景文件中修改；用命令 fairpace sweep 可以检验结论在多大程度上依赖于它们。`,
        `These parameters have no solid public source and are assumptions of the model (marked so in its description, ${MODEL_DOC} in the Fairpace repository). All can be changed in the scenario file; fairpace sweep shows how much a conclusion depends on them.`,
      ),
    ) +
    assumptionsTableHtml(input.scenario) +
    `<h3>${inline(bi('情景引用的来源', 'Sources the scenario cites'))}</h3>` +
    scenarioSourcesHtml(input.scenario) +
    `<h3>${inline(bi('模型默认值的来源', 'Sources of the model’s defaults'))}</h3>` +
    modelSourcesHtml() +
    '</section>'
  );
}

function reproduce(input: ReportInput): string {
  return (
    `<section id="reproduce"><h2>9. ${inline(bi('如何复现与校验', 'Reproduce and verify'))}</h2>` +
    blocks(
      'p',
      bi(
        `证据包里的 scenario.json 是完整的情景，所有默认值都已写出。用 Fairpace ${input.fairpaceVersion} 在解压后的目录中运行下面的命令，会得到逐字节相同的证据包：`,
        `The pack’s scenario.json is the complete scenario, with every default written out. Run in the unzipped folder with Fairpace ${input.fairpaceVersion}, this command makes the same pack again, byte for byte:`,
      ),
    ) +
    `<pre class="command">${escapeHtml(input.command)}</pre>` +
    blocks(
      'p',
      bi(
        '也可以不解压，让 Fairpace 重新运行情景并核对每个文件和每个数字：',
        'Or let Fairpace re-run the scenario and check every file and every number, without unzipping:',
      ),
    ) +
    '<pre class="command">fairpace verify pack.zip</pre>' +
    blocks(
      'p',
      bi(
        `摘要 ${input.digest} 是 scenario.json 与 results.json 的规范 JSON（键按字母排序、无空格）依次相连后的 SHA-256；manifest.json 列出了每个文件的 SHA-256。`,
        `The digest ${input.digest} is the SHA-256 of the canonical JSON (sorted keys, no spaces) of scenario.json followed by that of results.json; manifest.json lists the SHA-256 of every file.`,
      ),
      'note',
    ) +
    '</section>'
  );
}

function bargainingBlock(input: ReportInput): string {
  const section = bargainingSection(input.bargaining ?? [], 10, input.scenario);
  return section === '' ? '' : `${section}\n`;
}

/** The lead: what the stricter arm of each pair costs a courier, per day and per month, and what customers see. */
function costLead(input: ReportInput, names: readonly Bi[]): string {
  const { scenario, comparison } = input;
  const name = armNameOf(input, names);
  const blocksOf = comparison.arms.slice(1).flatMap((_, i) => {
    const cost = strictestCost(scenario, comparison, i + 1);
    if (!cost) return [];
    const s = costSentences(cost, { stricter: name(cost.stricter), looser: name(cost.looser) });
    return [
      blocks('p', s.perDay, 'cost-day') +
        blocks('p', s.perMonth) +
        blocks('p', s.customers) +
        (s.uncertain ? blocks('p', s.uncertain, 'note') : ''),
    ];
  });
  if (blocksOf.length === 0) return '';
  return (
    `<section id="cost" class="lead"><h2>${inline(bi('最严算法让骑手付出什么', 'What the strictest algorithm costs couriers'))}</h2>` +
    blocksOf.join('<hr>') +
    blocks(
      'p',
      bi(
        '数字来自两个方案在相同订单、相同骑手下的配对差值（见第 3 节）：每天收入是平台付给骑手的报酬之差除以骑手人数，超速里程是超速里程占比之差乘以较严方案下每人每天的骑行里程，事故风险是相对事故风险之差占另一方案的比例；每月按 26 个工作日计。',
        'From the paired differences of the arms on the same orders and couriers (section 3): pay per day is the difference in what the platform pays couriers divided by the number of couriers; speeding km is the difference in the share of km above the limit times the km a courier rides a day under the stricter arm; crash risk is the difference in relative crash risk as a share of the other arm’s; a month is 26 working days.',
      ),
      'note',
    ) +
    '</section>'
  );
}

/** An arm's display name by id (its id in both languages for an arm the pack did not run). */
function armNameOf(input: ReportInput, names: readonly Bi[]): (id: string) => Bi {
  return (id) => {
    const i = input.comparison.arms.findIndex((a) => a.id === id);
    return names[i] ?? bi(id, id);
  };
}

/** The whole report.html. */
export function reportHtml(input: ReportInput): string {
  const names = armNames(
    input.scenario,
    input.comparison.arms.map((a) => a.id),
  );
  const title = `证据包报告 / Evidence report: ${input.scenario.meta.name}`;
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="Fairpace ${escapeHtml(input.fairpaceVersion)}">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n` +
    '<input class="lang" type="radio" name="lang" id="lang-zh" checked>' +
    '<input class="lang" type="radio" name="lang" id="lang-en">' +
    '<input class="lang" type="radio" name="lang" id="lang-both">\n' +
    '<div class="doc">\n<nav class="switch" aria-label="语言 / Language">' +
    '<label for="lang-zh">中文</label><label for="lang-en">English</label><label for="lang-both">中文 + English</label></nav>\n' +
    `${header(input, names)}\n${costLead(input, names)}\n${platformCostSection(input.scenario, input.comparison, names)}\n${question(input, names)}\n${rules(input, names)}\n${findings(input, names)}\n` +
    `${charts(input)}\n${compliance(input, names)}\n${assumptions(input)}\n` +
    `${modelCheckSection(7, input.calibration, armNameOf(input, names), labelContext(input.scenario))}\n` +
    `${limitsSection(8)}\n` +
    `${reproduce(input)}\n` +
    bargainingBlock(input) +
    `<footer>${inline(
      bi(
        `由 Fairpace ${input.fairpaceVersion} 生成。本报告不含脚本，也不加载任何外部资源。`,
        `Made by Fairpace ${input.fairpaceVersion}. This report runs no script and loads no external resource.`,
      ),
    )}</footer>\n</div>\n</body>\n</html>\n`
  );
}
