/**
 * The compliance scorecard of each arm (MODEL.md section 11) in report.html: the rows the workbench shows
 * (src/evidence/views/scorecardView.ts), each check's name, clause and threshold in words, and each arm's status and
 * value, one language per view.
 */
import type { ArmSummary } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { escapeHtml } from '../../format/escape.ts';
import { scorecardRows, type ScorecardCell } from '../views/scorecardView.ts';
import { bi, inline, type Bi } from './bilingual.ts';

function statusCell(cell: ScorecardCell, checkId: string): string {
  if (!cell.status) return '<td>–</td>';
  const value = cell.value.zh === '' ? '' : `<br><span class="value">${inline(cell.value)}</span>`;
  const detail = cell.detail.zh === '' ? '' : `<br><span class="note">${inline(cell.detail)}</span>`;
  return `<td class="status ${cell.status}" data-check="${escapeHtml(checkId)}"><b>${inline(cell.label)}</b>${value}${detail}</td>`;
}

/** The scorecard: one row per check, one column per arm. Checks are evaluated on each arm's means. */
export function scorecardHtml(arms: readonly ArmSummary[], names: readonly Bi[], scenario: Scenario): string {
  if (arms.length === 0) return '';
  const head =
    `<tr><th>${inline(bi('检查项', 'Check'))}</th><th>${inline(bi('依据条款', 'Clause'))}</th>` +
    `<th>${inline(bi('要求', 'Requirement'))}</th>` +
    names.map((n) => `<th>${inline(n)}</th>`).join('') +
    '</tr>';
  const rows = scorecardRows(arms, scenario).map(
    (row) =>
      `<tr data-check="${escapeHtml(row.id)}"><th scope="row">${inline(row.name)}</th><td>${inline(row.clause)}</td>` +
      `<td>${inline(row.threshold)}</td>${row.cells.map((c) => statusCell(c, row.id)).join('')}</tr>`,
  );
  return `<table class="scorecard"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
