/**
 * The report's model check: in the body, how many targets the pack's runs meet and which they miss; in the appendix,
 * each target of calibration.json with what was observed, what the pack's runs give, and whether the model falls
 * inside, and the targets whose arm the pack did not run.
 */
import {
  metricLabels,
  STRENGTH_WORDS,
  targetSource,
  type LabelContext,
  type RunsCalibration,
  type TargetRow,
} from '../../analysis/index.ts';
import { escapeHtml, safeHref } from '../../format/escape.ts';
import { MODEL_CHECK_STATUS, TERMS } from '../glossary.ts';
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
  if (row.status === 'within') return MODEL_CHECK_STATUS.within;
  const by = metricDifference(row.metric, row.by, undefined);
  const plain = { zh: by.zh.replace(/^\+/, ''), en: by.en.replace(/^\+/, '') };
  const words = MODEL_CHECK_STATUS[row.status];
  return bi(`${words.zh} ${plain.zh}`, `${words.en} by ${plain.en}`);
}

/** How many targets the runs meet, in a sentence. */
function summaryText(calibration: RunsCalibration): Bi {
  const s = calibration.summary;
  const judged = calibration.rows.length;
  return judged === 0
    ? bi(
        '本证据包的方案中没有校验目标所对应的方案，因此没有一项目标能够对照。',
        'None of the targets describes an arm of this pack, so none could be held against it.',
      )
    : bi(
        `在 ${judged} 项可对照的目标中，${s.within} 项落在观测范围内，${s.below} 项低于、${s.above} 项高于观测范围。`,
        `Of the ${judged} targets that could be held against the pack’s runs, ${s.within} are within the observed range, ${s.below} below it and ${s.above} above it.`,
      );
}

/**
 * The body's paragraph: the summary, the targets missed by name with how far, and where the table is. The names are
 * the metric catalogue's; no metric path.
 */
export function modelCheckSummary(
  calibration: RunsCalibration,
  armName: (id: string) => Bi,
  context: Partial<LabelContext>,
): string {
  const missed = calibration.rows.filter((r) => r.status !== 'within');
  const list = missed.map((row) => {
    const name = metricLabels(row.metric, context);
    const arm = armName(row.arm);
    const words = statusWords(row);
    return bi(`${name.zh}（${arm.zh}，${words.zh}）`, `${name.en} (${arm.en}, ${words.en})`);
  });
  const summary = summaryText(calibration);
  const misses =
    list.length === 0
      ? bi('', '')
      : bi(
          `落在范围外的是：${list.map((l) => l.zh).join('；')}。依赖这些指标的结论需谨慎看待。`,
          `Outside their ranges: ${list.map((l) => l.en).join('; ')}. Read conclusions that rest on these with care.`,
        );
  return blocks(
    'p',
    bi(
      `${TERMS.modelCheck.zh}：模型的默认值按公开发表的中国外卖骑手数据校准，这里用本证据包自己的运行结果逐项对照。${summary.zh}${misses.zh}逐项的数字和来源见附录。`,
      `${TERMS.modelCheck.en}: the model’s defaults are calibrated against published figures on Chinese delivery couriers, and this pack’s own runs are held against them. ${summary.en}${misses.en === '' ? '' : ` ${misses.en}`} The appendix gives each target’s numbers and source.`,
    ),
  );
}

/** The targets as a table (after the summary), or a sentence when none could be judged. */
export function modelCheckHtml(
  calibration: RunsCalibration,
  armName: (id: string) => Bi,
  context: Partial<LabelContext>,
): string {
  const judged = calibration.rows.length;
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
  return blocks('p', summaryText(calibration)) + table + notRun;
}
