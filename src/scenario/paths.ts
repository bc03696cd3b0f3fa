/** Reading and setting a numeric scenario parameter by dotted path (`rules.deadline.percentile`). */
import { Scenario } from './schema.ts';

/** Thrown for a path or value that does not fit the scenario; `message` names the path. */
export class ScenarioPathError extends Error {
  override name = 'ScenarioPathError';
}

/** The value at a dotted path, or undefined. */
export function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setIn(root: unknown, keys: string[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const base = root !== null && typeof root === 'object' ? (root as Record<string, unknown>) : {};
  const copy: Record<string, unknown> = Array.isArray(base) ? ([...base] as never) : { ...base };
  copy[key] = setIn(base[key], rest, value);
  return copy;
}

/**
 * A copy of the scenario with a numeric parameter set and the result validated again. A `rules.*` path is set in the
 * base rules and in every arm (replacing the arm's own override of it), so each arm runs with the value.
 */
export function withParam(scenario: Scenario, path: string, value: number): Scenario {
  const current = getPath(scenario, path);
  if (typeof current !== 'number' && current !== null) {
    throw new ScenarioPathError(
      current === undefined ? `${path}: no such parameter in the scenario` : `${path}: not a numeric parameter`,
    );
  }
  let next = setIn(scenario, path.split('.'), value) as Scenario;
  if (path.startsWith('rules.')) {
    const inRules = path.split('.').slice(1);
    next = {
      ...next,
      arms: next.arms.map((arm) =>
        getPath(arm.rules, inRules.join('.')) === undefined
          ? arm
          : { ...arm, rules: setIn(arm.rules, inRules, value) as typeof arm.rules },
      ),
    };
  }
  const parsed = Scenario.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioPathError(`${issue?.path.join('.') || path}: ${issue?.message ?? 'invalid'} (value ${value})`);
  }
  return parsed.data;
}
