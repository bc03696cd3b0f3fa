/** The arms a scenario compares: each an id, a label and the rules it sets over the scenario's. */
import { z } from 'zod';
import { RulesOverride } from './rules.ts';

/** One arm of a comparison: its rules are deep-merged over the scenario's. */
export const Arm = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'an arm id is 1–40 letters, digits, "-" or "_"'),
  label: z.string().min(1).max(200),
  rules: RulesOverride.default({}),
});
export type Arm = z.output<typeof Arm>;

/** Default arms: MODEL.md section 8b. */
export const DEFAULT_ARMS: z.input<typeof Arm>[] = [
  { id: 'strictest', label: 'Strictest algorithm (p10) / 最严算法', rules: { deadline: { percentile: 10 } } },
  { id: 'median', label: 'Algorithm-median (p50) / 算法取中', rules: { deadline: { percentile: 50 } } },
];
