/**
 * The robustness answer in report.html: the sentences (src/evidence/views/bargainingView.ts), then the chart of where
 * each conclusion that does not hold fails, in each language's view, or one sentence saying why there is none.
 */
import { labelContext } from '../../analysis/index.ts';
import type { RobustnessResult } from '../../analysis/robustness.ts';
import { escapeHtml } from '../../format/escape.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { robustnessChartNote, robustnessChartSpecs } from '../chartSpecs/robustnessSpec.ts';
import { robustnessSpecSvg } from '../charts/robustnessChart.ts';
import { blocks } from './bilingual.ts';
import { figureHtml } from './figures.ts';

/** The charts of a robustness result (or the sentence instead of them), as HTML. */
export function robustnessFiguresHtml(r: RobustnessResult, scenario: Scenario | null): string {
  const specs = robustnessChartSpecs(r, scenario ? labelContext(scenario) : {});
  const figures = specs.map(
    (spec) =>
      `<div class="robustness-chart" data-metric="${escapeHtml(spec.metric)}">` +
      `${figureHtml((lang) => robustnessSpecSvg(spec, lang), spec.caption)}</div>`,
  );
  const note = robustnessChartNote(r);
  return (
    figures.join('') + (note ? `<div class="answer" data-id="robustness-no-chart">${blocks('p', note)}</div>` : '')
  );
}
