/**
 * The further figures below the headline findings (the catalogue's detail metrics: full-time courier-days, pay and
 * margin per order, waves and bags, lateness beyond 8 minutes): each arm's mean with its 95% interval, and each
 * further arm's paired difference from the first.
 */
import { DETAIL_PATHS, metricLabels, type Comparison, type LabelContext } from '../../analysis/index.ts';
import type { RunResult } from '../../sim/results.ts';
import { differenceWithInterval, metricWithInterval } from '../metricText.ts';
import { bi, inline, type Bi } from './bilingual.ts';
import { armValue, differencesFor } from './findings.ts';

/** The table of further figures. */
export function furtherFiguresHtml(
  comparison: Comparison,
  runsByArm: readonly (readonly RunResult[])[],
  names: readonly Bi[],
  context: Partial<LabelContext>,
): string {
  const first = names[0] ?? bi('', '');
  const diffHeads = names
    .slice(1)
    .map((n) => `<th>${inline(bi(`${n.zh}减${first.zh}`, `${n.en} minus ${first.en}`))}</th>`);
  const head =
    `<tr><th>${inline(bi('指标', 'Metric'))}</th>` +
    names.map((n) => `<th>${inline(n)}</th>`).join('') +
    diffHeads.join('') +
    '</tr>';
  const rows = DETAIL_PATHS.map((path) => {
    const values = comparison.arms.map(
      (_, i) => `<td class="value">${inline(metricWithInterval(path, armValue(comparison, runsByArm, i, path)))}</td>`,
    );
    const diffs = comparison.arms
      .slice(1)
      .map(
        (_, i) =>
          `<td class="value">${inline(differenceWithInterval(path, differencesFor(comparison, i + 1)[path]))}</td>`,
      );
    return `<tr><th scope="row">${inline(metricLabels(path, context))}</th>${values.join('')}${diffs.join('')}</tr>`;
  });
  return `<table class="further"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
