/**
 * Scenarios as the library takes them: `loadScenario` returns a LoadedScenario, the only type the analysis
 * functions accept, so a raw object is a compile error in TypeScript; from JavaScript, each function loads whatever
 * it is given again, so a bad object is refused with its JSON paths instead of failing deep inside.
 */
import { validateScenario, type Problem } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

declare const loadedBrand: unique symbol;

/** A scenario that has been through `loadScenario`: validated, with every default filled in. */
export type LoadedScenario = Scenario & { readonly [loadedBrand]: 'LoadedScenario' };

/** A scenario that does not validate: `problems` holds one `{ path, message }` per problem. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}

/**
 * Validates a scenario, from JSON text or an already-parsed value, and fills in every default; throws ScenarioError
 * listing each problem with its JSON path.
 */
export function loadScenario(input: unknown): LoadedScenario {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.startsWith('\uFEFF') ? input.slice(1) : input);
    } catch (e) {
      throw new ScenarioError([{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const loaded = validateScenario(value);
  if (!loaded.ok) throw new ScenarioError(loaded.problems);
  return loaded.scenario as LoadedScenario;
}

/**
 * The scenario an analysis function was given, validated again: a loaded scenario comes back equal (loading is
 * idempotent), while an object that skipped `loadScenario`, or was changed after it, is loaded or refused here.
 */
export function scenarioArgument(scenario: unknown): LoadedScenario {
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
    throw new ScenarioError([
      { path: '(scenario)', message: 'must be a scenario object from loadScenario (JSON text goes to loadScenario)' },
    ]);
  }
  return loadScenario(scenario);
}
