/** The platform's rules, assembled from their sections, and the partial rules an arm merges over them. */
import { z } from 'zod';
import { AssessmentRules, DeadlineRules, DispatchRules } from './dispatchRules.ts';
import { CompensationRules, HeatRules, PayRules, PenaltyRules, PlatformRules } from './payRules.ts';

/** The platform's rules: dispatch, deadline, assessment, pay, penalties, platform economics, heat measures. */
export const Rules = z.strictObject({
  dispatch: DispatchRules,
  deadline: DeadlineRules,
  assessment: AssessmentRules,
  pay: PayRules,
  penalties: PenaltyRules,
  platform: PlatformRules,
  compensation: CompensationRules,
  heat: HeatRules,
});
export type Rules = z.output<typeof Rules>;

/** Every field optional, recursively (arrays and records are replaced whole, not merged). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

/**
 * Derives the partial schema of an arm's override from the full one: the same fields and bounds, no defaults.
 * Deriving it keeps the file format defined once.
 */
function partialOf(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return partialOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, field] of Object.entries(schema.shape)) shape[key] = partialOf(field as z.ZodType);
    return z.strictObject(shape).optional();
  }
  return schema.optional();
}

/** A partial rules object that an arm deep-merges over the scenario's rules. */
export const RulesOverride = partialOf(Rules) as unknown as z.ZodType<DeepPartial<Rules> | undefined>;
export type RulesOverride = DeepPartial<Rules>;
