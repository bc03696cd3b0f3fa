/** What a sweep offers: the parameters it can move and a sensible range for each. */
import { SCENARIO_FIELDS } from './editor/schemaFields.ts';

/** The parameter a sweep starts on: the deadline percentile, 10 → 90 in steps of 10 (the default). */
export const DEFAULT_PARAM = 'rules.deadline.percentile';
/** A range as typed into the sweep form. */
export interface RangeText {
  from: string;
  to: string;
  step: string;
}

export const DEFAULT_RANGE: Readonly<RangeText> = { from: '10', to: '90', step: '10' };

/** Numbers a sweep can move: every numeric field except the seed and the number of replications. */
export const SWEEP_PARAMS = SCENARIO_FIELDS.filter(
  (f) => f.kind === 'number' && f.key !== 'seed' && f.key !== 'replications',
);

const round = (x: number) => Number(x.toPrecision(3));

/**
 * The range offered for a parameter whose value is `current`: half to one and a half times it in four steps, kept
 * inside the field's bounds (whole numbers for an integer field); from its lower bound when it is 0.
 */
export function defaultRange(param: string, current: unknown): RangeText {
  if (param === DEFAULT_PARAM) return { ...DEFAULT_RANGE };
  const spec = SWEEP_PARAMS.find((p) => p.key === param);
  const v = typeof current === 'number' ? current : 0;
  const lo = spec?.min ?? 0;
  const hi = spec?.max ?? Math.max(1, v * 2);
  let from = v === 0 ? lo : Math.max(lo, v * 0.5);
  let to = v === 0 ? Math.min(hi, lo + 1) : Math.min(hi, v * 1.5);
  if (spec?.integer) [from, to] = [Math.ceil(from), Math.floor(to)];
  const step = spec?.integer ? Math.max(1, Math.round((to - from) / 4)) : (to - from) / 4 || 1;
  return { from: String(round(from)), to: String(round(to)), step: String(round(step)) };
}
