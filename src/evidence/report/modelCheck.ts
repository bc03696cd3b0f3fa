/**
 * The report's "model against observation" section: each target of calibration.json with what was observed, what
 * the pack's runs give, and whether the model falls inside; targets whose arm the pack did not run are listed apart.
 */
import {
  metricLabels,
  STRENGTH_WORDS,
  targetSource,
  type LabelContext,
  type RunsCalibration,
  type TargetRow,
} from '../../analysis/index.ts';
import { escapeHtml, safeHref } from '../escape.ts';
import { metricDifference, metricRange, metricValue, metricWithInterval } from '../metricText.ts';
import { bi, blocks, inline, type Bi } from './bilingual.ts';

/** Where a docs page lives in the Fairpace repository (the pack does not carry it). */
export const MODEL_DOC = 'docs/model.md';

function observed(row: TargetRow): Bi {
  return 'range' in row.observed
    ? metricRange(row.metric, row.observed.range[0], row.observed.range[1])
    : metricValue(row.metric, row.observed.value);
}

/** The status in words: within, or below/above the observed range by how much. */
export function statusWords(row: TargetRow): Bi {
  if (row.status === 'within') return bi('在观测范围内', 'within');
  const by = metricDifference(row.metric, row.by, undefined);
  const plain = { zh: by.zh.replace(/^\+/, ''), en: by.en.replace(/^\+/, '') };
  return row.status === 'below'
    ? bi(`低于观测范围 ${plain.zh}`, `below by ${plain.en}`)
    : bi(`高于观测范围 ${plain.zh}`, `above by ${plain.en}`);
}

/** The targets as a table, or a sentence when none could be judged. */
export function modelCheckHtml(
  calibration: RunsCalibration,
  armName: (id: string) => Bi,
  context: Partial<LabelContext>,
): string {
  const s = calibration.summary;
  const judged = calibration.rows.length;
  const summary =
    judged === 0
      ? bi(
          '本证据包的方案中没有校验目标所对应的方案，因此没有一项目标能够对照。',
          'None of the targets describes an arm of this pack, so none could be held against it.',
        )
      : bi(
          `在 ${judged} 项可对照的目标中，${s.within} 项落在观测范围内，${s.below} 项低于、${s.above} 项高于观测范围。`,
          `Of the ${judged} targets that could be held against the pack’s runs, ${s.within} are within the observed range, ${s.below} below it and ${s.above} above it.`,
        );
  const head =
    `<tr><th>${inline(bi('指标', 'Metric'))}</th><th>${inline(bi('方案', 'Arm'))}</th>` +
    `<th>${inline(bi('观测', 'Observed'))}</th><th>${inline(bi('模型（95% 区间）', 'Model (95% interval)'))}</th>` +
    `<th>${inline(bi('结果', 'Status'))}</th><th>${inline(bi('来源', 'Source'))}</th></tr>`;
  const rows = calibration.rows.map((row) => {
    const source = targetSource(row.id, row.source.title);
    const href = safeHref(row.source.url);
    const link = href ? ` <a href="${href}">${escapeHtml(row.source.url ?? '')}</a>` : '';
    const strength = STRENGTH_WORDS[row.strength] ?? bi(row.strength, row.strength);
    return (
      `<tr class="${row.status}"><th scope="row">${inline(metricLabels(row.metric, context))}` +
      `<span lang="en"><br><code>${escapeHtml(row.metric)}</code></span></th><td>${inline(armName(row.arm))}</td>` +
      `<td class="value">${inline(observed(row))}</td>` +
      `<td class="value">${inline(metricWithInterval(row.metric, row.model))}</td>` +
      `<td class="status ${row.status === 'within' ? 'pass' : 'fail'}"><b>${row.status === 'within' ? '✓' : '✗'} ${inline(statusWords(row))}</b></td>` +
      `<td><span class="note"><cite>${inline(source)}</cite> ${inline(bi(`（${row.source.year} 年）`, `(${row.source.year})`))}${link}<br>` +
      `${inline(bi('来源强度：', 'Strength: '))}${inline(strength)}</span></td></tr>`
    );
  });
  const table =
    judged === 0 ? '' : `<table class="model-check"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  const notRun =
    calibration.notRun.length === 0
      ? ''
      : blocks(
          'p',
          bi(
            `未对照的目标（其方案不在本证据包中）：${calibration.notRun
              .map((t) => `${metricLabels(t.metric, context).zh}（${armName(t.arm).zh}）`)
              .join('、')}。`,
            `Targets not held against this pack (their arm is not among its arms): ${calibration.notRun
              .map((t) => `${metricLabels(t.metric, context).en} (${armName(t.arm).en})`)
              .join(', ')}.`,
          ),
          'note',
        );
  return blocks('p', summary) + table + notRun;
}

/** The whole section, numbered `n`. */
export function modelCheckSection(
  n: number,
  calibration: RunsCalibration,
  armName: (id: string) => Bi,
  context: Partial<LabelContext>,
): string {
  return (
    `<section id="model-check"><h2>${n}. ${inline(bi('模型与观测对照', 'Model against observation'))}</h2>` +
    blocks(
      'p',
      bi(
        `模型的默认值按公开发表的数字校准（中国外卖骑手的公开数据）。下表把本证据包自己的运行结果与这些数字逐项对照：观测范围、模型的平均值及其 95% 区间，以及模型是否落在范围内。2020 年及以前的观测对照“最严算法”方案，2022 年及以后的对照“算法取中”方案。落在范围外的项说明模型在这方面与现实不符，相关结论应谨慎看待。模型的完整说明见 Fairpace 的模型说明 ${MODEL_DOC}；本证据包中的 calibration.json 给出同样的数字。`,
        `The model’s defaults are calibrated against published figures (${calibration.targetsName}). This table holds this pack’s own runs against them one by one: the observed range, the model’s mean with its 95% interval, and whether the model falls inside. Figures observed up to 2020 are held against the strictest arm, those from 2022 on against the median arm. A target outside its range is a way in which the model departs from reality; read conclusions that rest on it with care. The model is described in full in ${MODEL_DOC} in the Fairpace repository; calibration.json in this pack holds the same numbers.`,
      ),
    ) +
    modelCheckHtml(calibration, armName, context) +
    '</section>'
  );
}
