/**
 * The compliance scorecard of each arm (MODEL.md section 11): each check's name, the clause it cites and its
 * threshold in words, and each arm's status and value, in both languages (src/analysis/scorecardText.ts).
 */
import { checkText, type ArmSummary } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { CheckStatus, ComplianceCheck } from '../../sim/results.ts';
import { bi, inline, type Bi } from './bilingual.ts';
import { ruleName } from './ruleTables.ts';

/** Status words, each with a symbol so the table reads in greyscale print and without colour vision. */
const STATUS: Record<CheckStatus, { mark: string; text: Bi }> = {
  pass: { mark: '✓', text: bi('符合', 'pass') },
  fail: { mark: '✗', text: bi('不符合', 'fail') },
  notApplicable: { mark: '–', text: bi('不适用', 'n/a') },
  info: { mark: '●', text: bi('仅供参考', 'for information') },
};

/** A rule parameter's name (a path inside `rules`), or the path itself in both languages. */
const ruleParamName = (rulePath: string): Bi => ruleName(rulePath) ?? bi(`rules.${rulePath}`, `rules.${rulePath}`);

function statusCell(check: ComplianceCheck | undefined, arm: ArmSummary, scenario: Scenario): string {
  if (!check) return '<td>–</td>';
  const s = STATUS[check.status];
  const text = checkText(check, scenario, arm.metrics, ruleParamName);
  const value = text.value.zh === '' ? '' : `<span class="value">${inline(text.value)}</span>`;
  const detail = text.detail.zh === '' ? '' : `<br><span class="note">${inline(text.detail)}</span>`;
  return `<td class="status ${check.status}"><b>${s.mark} ${inline(s.text)}</b><br>${value}${detail}</td>`;
}

/** The scorecard: one row per check, one column per arm. Checks are evaluated on each arm's means. */
export function scorecardHtml(arms: readonly ArmSummary[], names: readonly Bi[], scenario: Scenario): string {
  const first = arms[0];
  if (!first) return '';
  const head =
    `<tr><th>${inline(bi('检查', 'Check'))}</th><th>${inline(bi('条款', 'Clause'))}</th>` +
    `<th>${inline(bi('要求', 'Requirement'))}</th>` +
    names.map((n) => `<th>${inline(n)}</th>`).join('') +
    '</tr>';
  const rows = first.compliance.map((check) => {
    const text = checkText(check, scenario, first.metrics, ruleParamName);
    return (
      `<tr><th scope="row">${inline(text.name)}</th><td>${inline(text.clause)}</td>` +
      `<td>${inline(text.threshold)}</td>` +
      arms
        .map((arm) =>
          statusCell(
            arm.compliance.find((c) => c.id === check.id),
            arm,
            scenario,
          ),
        )
        .join('') +
      '</tr>'
    );
  });
  return `<table class="scorecard"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
