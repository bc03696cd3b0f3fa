/**
 * The bargaining answers as the workbench's panels and report.html both say them: a target, a zone and a robustness
 * result as paragraphs in a fixed order, each with the id the panel's element carries (`target-<id>`, `zone-<id>`,
 * `robustness-<metric>`). The sentences are the analysis layer's (targetText.ts, zoneText.ts, robustnessText.ts); this
 * file fixes which are said, in what order and under which name, once for both.
 */
import {
  armDisplayName,
  labelContext,
  robustnessSentences,
  totalIndicesParagraph,
  targetSentences,
  zoneSentences,
  type LabelContext,
  type RobustnessResult,
  type TargetResult,
  type ZoneResult,
} from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Term } from '../glossary.ts';

/** One paragraph of an answer, with the id its element carries on screen. */
export interface Paragraph {
  id: string;
  text: Term;
  /** A note rather than a finding (shown smaller). */
  note?: boolean;
}

/** The thresholds metric names mention, from the scenario when there is one. */
const contextOf = (scenario: Scenario | null): Partial<LabelContext> => (scenario ? labelContext(scenario) : {});

/**
 * A target answer: what the value found achieves, what each side gains or pays, where the difference goes, and the
 * search's caveat. The arm is named as the workbench names it when the scenario has it.
 */
export function targetParagraphs(result: TargetResult, scenario: Scenario | null): Paragraph[] {
  const armName =
    scenario && scenario.arms.some((a) => a.id === result.arm) ? armDisplayName(scenario, result.arm) : undefined;
  const s = targetSentences(result, { armName, context: contextOf(scenario) });
  const out: Paragraph[] = [{ id: 'found', text: s.found }];
  if (s.sides) out.push({ id: 'cost', text: s.sides });
  if (s.gap) out.push({ id: 'gap', text: s.gap, note: true });
  if (s.caveat) out.push({ id: 'caveat', text: s.caveat, note: true });
  return out;
}

/** A zone answer: the cells both accept, each side's best cell, today's rule, and that these are positions. */
export function zoneParagraphs(result: ZoneResult, scenario: Scenario | null): Paragraph[] {
  const s = zoneSentences(result, contextOf(scenario));
  const out: Paragraph[] = [
    { id: 'agreed', text: s.agreed },
    { id: 'best-union', text: s.union },
    { id: 'cheapest', text: s.platform },
  ];
  if (s.current) out.push({ id: 'current', text: s.current });
  out.push({ id: 'note', text: s.note, note: true });
  return out;
}

/** A robustness answer: one sentence per headline difference, in the result's order. */
export function robustnessParagraphs(result: RobustnessResult, scenario: Scenario | null): Paragraph[] {
  const sentences = robustnessSentences(result, contextOf(scenario));
  const out: Paragraph[] = result.metrics.map((m, i) => ({ id: m.metric, text: sentences[i] ?? { zh: '', en: '' } }));
  const total = totalIndicesParagraph(result, contextOf(scenario));
  if (total) out.push({ id: 'total-indices', text: total });
  return out;
}
