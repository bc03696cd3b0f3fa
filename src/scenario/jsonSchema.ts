/**
 * The JSON Schema of scenario files, generated from the zod schema so that editors can complete and check presets.
 * The zod schema stays the single source of truth: cross-field rules (refinements) have no JSON Schema form and are
 * checked only by `validateScenario`.
 */
import { z } from 'zod';
import { Scenario, SCHEMA_VERSION } from './schema.ts';

/** `$id` of the generated schema; it changes with the file format's version. */
export const SCENARIO_SCHEMA_ID = `urn:fairpace:scenario:v${SCHEMA_VERSION}`;

/** Where the generated schema is committed, relative to the project root. */
export const SCENARIO_SCHEMA_FILE = 'scenarios/scenario.schema.json';

/** The JSON Schema (draft 2020-12) of what a scenario file may contain: defaults may be left out. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Scenario, {
    target: 'draft-2020-12',
    // A file is input: fields with defaults are optional, and the defaults are shown to the editor.
    io: 'input',
    // Refinements and anything else without a JSON Schema form are left open here rather than failing the build.
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: `Fairpace scenario (schema version ${SCHEMA_VERSION})`,
    description:
      'A Fairpace scenario file: city, demand, couriers, platform rules, labour standards, risk model and the arms ' +
      'to compare. Generated from src/scenario/schema.ts by `npm run schema`; do not edit by hand. Cross-field ' +
      'rules (e.g. orders per day within bounds, holidays inside the run) are checked by `fairpace validate`.',
    ...rest,
  };
}

/** The text of the committed schema file: 2-space JSON with a trailing newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
