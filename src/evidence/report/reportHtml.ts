/**
 * report.html: one self-contained, printable document (inline CSS and SVG, no script, no external resource) in
 * Chinese and English, with a CSS-only language switch that shows one language at a time (or both). What a meeting
 * needs comes first: what the strictest algorithm costs couriers, their pay against the minimum wage, what the change
 * costs the platform, the bargaining answers, the headline figures, the scorecard and how far to trust the numbers;
 * the rest is in a marked appendix (./appendix.ts). Every user-supplied string is escaped on the way in.
 */
import { costSentences, labelContext, strictestCost } from '../../analysis/index.ts';
import { reportPage } from '../../format/reportShell.ts';
import { TERMS } from '../glossary.ts';
import { HEADLINE_METRICS, sentenceValues } from '../headlineMetrics.ts';
import { armNames, splitLabel } from '../labels.ts';
import { appendixHtml } from './appendix.ts';
import { bargainingSection } from './bargaining.ts';
import { bi, blocks, inline, type Bi } from './bilingual.ts';
import { chartFigures, earningsFigure, hasDays } from './figures.ts';
import { armsSentence, armValue, differenceSentence, differencesFor } from './findings.ts';
import { modelCheckSummary } from './modelCheck.ts';
import { platformCostSection } from './platformCost.ts';
import { REPORT_EXTRA_CSS } from './reportCss.ts';
import type { ReportInput } from './reportInput.ts';
import { scorecardHtml } from './scorecard.ts';
import {
  authorDescriptionHtml,
  cityText,
  generatedDescription,
  limitsList,
  ordersPlacedPerDay,
  standardsText,
} from './scenarioText.ts';

export type { ReportInput } from './reportInput.ts';

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
  const generated = generatedDescription(scenario, ordersPlacedPerDay(input.runsByArm));
  // The author's words first, then what the runs add; the city and the standards are rows below, from the values.
  const description =
    authorDescriptionHtml(scenario.meta.description) + blocks('p', generated, 'description generated');
  const row = (label: Bi, valueHtml: string) => `<dt>${inline(label)}</dt><dd>${valueHtml}</dd>`;
  const days = scenario.time.days;
  return (
    `<header><p class="kicker">${inline(bi('Fairpace 证据包报告', 'Fairpace evidence pack report'))}</p>` +
    `<h1>${inline(name)}</h1>${description}<dl class="meta">` +
    (scenario.meta.region ? row(bi('地区', 'Region'), inline(splitLabel(scenario.meta.region))) : '') +
    row(bi('城市', 'City'), inline(cityText(scenario))) +
    row(bi('劳动标准', 'Labour standards'), inline(standardsText(scenario))) +
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
          `${days} 天，${scenario.population.couriers} 名骑手`,
          `${days} day${days === 1 ? '' : 's'}, ${scenario.population.couriers} couriers`,
        ),
      ),
    ) +
    '</dl></header>'
  );
}

/** An arm's display name by id (its id in both languages for an arm the pack did not run). */
function armNameOf(input: ReportInput, names: readonly Bi[]): (id: string) => Bi {
  return (id) => {
    const i = input.comparison.arms.findIndex((a) => a.id === id);
    return names[i] ?? bi(id, id);
  };
}

/**
 * The lead: what the stricter arm of each pair costs a courier, per day and per month, and what customers see; then
 * the couriers' pay against the minimum wage, the report's first chart.
 */
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
  const figure = earningsFigure({ ...input, names });
  return (
    `<section id="cost" class="lead"><h2>${inline(TERMS.courierCost)}</h2>` +
    blocksOf.join('<hr>') +
    figure +
    (blocksOf.length === 0
      ? ''
      : blocks(
          'p',
          bi(
            '数字来自两个方案在相同订单、相同骑手下的配对差值（见“主要指标”一节）：每天收入是平台付给骑手的报酬之差除以骑手人数，超速里程是超速里程占比之差乘以较严方案下每人每天的骑行里程，事故风险是相对事故风险之差占另一方案的比例；每月按 26 个工作日计。',
            'From the paired differences of the arms on the same orders and couriers (see “Headline figures”): pay per day is the difference in what the platform pays couriers divided by the number of couriers; speeding km is the difference in the share of km above the limit times the km a courier rides a day under the stricter arm; crash risk is the difference in relative crash risk as a share of the other arm’s; a month is 26 working days.',
          ),
          'note',
        )) +
    '</section>'
  );
}

/** The headline figures in sentences, each arm's value and each paired difference, then their chart. */
function findings(input: ReportInput, names: readonly Bi[], n: number): string {
  const { comparison, scenario } = input;
  const context = sentenceValues(scenario);
  const items = HEADLINE_METRICS.map((metric) => {
    const values = comparison.arms.map((_, i) => armValue(comparison, input.runsByArm, i, metric.path));
    let html = blocks('p', armsSentence(metric, names, values, context));
    for (let i = 1; i < comparison.arms.length; i++) {
      const a = names[0] ?? bi('', '');
      const b = names[i] ?? bi('', '');
      const d = differencesFor(comparison, i)[metric.path];
      html += blocks('p', differenceSentence(metric, a, b, d, comparison.seeds.length), 'diff');
    }
    return `<li data-metric="${metric.path}">${html}</li>`;
  });
  const source = { ...input, names };
  const days = hasDays(comparison)
    ? chartFigures(source, ['charts/per-day-promised.svg', 'charts/per-day-risk-tolerance.svg'])
    : '';
  return (
    `<section id="findings"><h2>${n}. ${inline(TERMS.headline)}</h2>` +
    `<ol class="findings">${items.join('')}</ol>` +
    chartFigures(source, ['charts/headline-metrics.svg']) +
    days +
    blocks(
      'p',
      bi(
        '每个方案的数值是各次重复的平均值，括号内是 95% 区间；差值是同一随机种子下两方案之差的平均值及其 95% 区间。全职骑手、每单的钱和超时的其他数字见附录。',
        'An arm’s value is its mean over replications with its 95% interval in brackets; a difference is the mean of same-seed differences with its 95% interval. Further figures (full-time couriers, money per order, lateness) are in the appendix.',
      ),
      'note',
    ) +
    '</section>'
  );
}

function compliance(input: ReportInput, names: readonly Bi[], n: number): string {
  return (
    `<section id="compliance"><h2>${n}. ${inline(TERMS.scorecard)}</h2>` +
    blocks(
      'p',
      bi(
        '每项检查注明所依据的条款（烟台 2021、唐山 2022 文件及有关法规）和要求。检查按各方案在所有重复中的平均值评估。',
        'Each check cites its clause (the Yantai 2021 and Tangshan 2022 documents and the laws they refer to) and its requirement. Checks are evaluated on each arm’s means over replications.',
      ),
    ) +
    scorecardHtml(input.comparison.arms, names, input.scenario) +
    '</section>'
  );
}

/** How far to trust the numbers: the model check in a sentence, and the model's limits. */
function reliability(input: ReportInput, names: readonly Bi[], n: number): string {
  return (
    `<section id="reliability"><h2>${n}. ${inline(bi('这些数字有多可信', 'How far to trust these numbers'))}</h2>` +
    modelCheckSummary(input.calibration, armNameOf(input, names), labelContext(input.scenario)) +
    `<h3>${inline(bi('这个模型的局限', 'Limits of this model'))}</h3>` +
    limitsList() +
    '</section>'
  );
}

/** The whole report.html. */
export function reportHtml(input: ReportInput): string {
  const names = armNames(
    input.scenario,
    input.comparison.arms.map((a) => a.id),
  );
  const bargaining = input.bargaining ?? [];
  let n = 0;
  const next = () => (n += 1);
  const body = [
    header(input, names),
    costLead(input, names),
    platformCostSection(input.scenario, input.comparison, names),
    bargaining.length > 0 ? bargainingSection(bargaining, next(), input.scenario) : '',
    findings(input, names, next()),
    compliance(input, names, next()),
    reliability(input, names, next()),
    appendixHtml(input, names, armNameOf(input, names)),
  ].filter((s) => s !== '');
  return reportPage({
    title: `证据包报告 / Evidence report: ${input.scenario.meta.name}`,
    fairpaceVersion: input.fairpaceVersion,
    bodyHtml: `${body.join('\n')}\n`,
    extraCss: REPORT_EXTRA_CSS,
  });
}
