/**
 * The compliance scorecard as the workbench and report.html both show it: one row per check with its name, clause
 * and threshold in words, and per arm the status (mark and word from the glossary), the value and a note, all from
 * src/analysis/scorecardText.ts. One function, so the screen and the report never differ in a word or a digit.
 */
import { checkText, type ArmSummary } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { CheckStatus } from '../../sim/results.ts';
import { CHECK_STATUS, type Term } from '../glossary.ts';
import { paramName } from '../report/paramCells.ts';

/** One arm's cell of a check. */
export interface ScorecardCell {
  armId: string;
  /** null when the arm has no such check. */
  status: CheckStatus | null;
  /** "✓ 符合" / "✓ pass"; "–" without a status. */
  label: Term;
  /** The arm's value ('' when there is none). */
  value: Term;
  /** A note on the value ('' when there is none). */
  detail: Term;
}

/** One check. */
export interface ScorecardRow {
  id: string;
  name: Term;
  clause: Term;
  threshold: Term;
  cells: ScorecardCell[];
}

/** A rule parameter's name (a path inside `rules`), as the editor names it, without its unit; else its path. */
export function ruleParamName(rulePath: string): Term {
  return paramName(`rules.${rulePath}`) ?? { zh: `rules.${rulePath}`, en: `rules.${rulePath}` };
}

const NONE: Term = { zh: '', en: '' };

/** The scorecard of `arms` (in their order) for `scenario`, the checks in the first arm's order. */
export function scorecardRows(arms: readonly ArmSummary[], scenario: Scenario): ScorecardRow[] {
  const first = arms[0];
  if (!first) return [];
  return first.compliance.map((check) => {
    const text = checkText(check, scenario, first.metrics, ruleParamName);
    const cells = arms.map((arm): ScorecardCell => {
      const own = arm.compliance.find((c) => c.id === check.id);
      if (!own) return { armId: arm.id, status: null, label: { zh: '–', en: '–' }, value: NONE, detail: NONE };
      const words = CHECK_STATUS[own.status];
      const t = checkText(own, scenario, arm.metrics, ruleParamName);
      return {
        armId: arm.id,
        status: own.status,
        label: { zh: `${words.mark} ${words.text.zh}`, en: `${words.mark} ${words.text.en}` },
        value: t.value,
        detail: t.detail,
      };
    });
    return { id: check.id, name: text.name, clause: text.clause, threshold: text.threshold, cells };
  });
}
