/** Resolves the effective rules of an arm: the arm's partial rules deep-merged over the scenario's rules. */
import { Rules, type Scenario } from './schema.ts';

/** Deep-merges plain objects; arrays, null and scalars in `over` replace what is in `base`. */
export function deepMerge<T>(base: T, over: unknown): T {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge((base as Record<string, unknown>)[key], value);
  return out as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The rules an arm runs under; throws if the id is not one of the scenario's arms. */
export function rulesForArm(scenario: Scenario, armId: string): Rules {
  const arm = scenario.arms.find((a) => a.id === armId);
  if (!arm) throw new RangeError(`unknown arm "${armId}" (arms: ${scenario.arms.map((a) => a.id).join(', ')})`);
  return Rules.parse(deepMerge(scenario.rules, arm.rules));
}
