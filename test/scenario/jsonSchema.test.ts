import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/jsonSchema.ts';
import { SCHEMA_VERSION } from '../../src/scenario/schema.ts';
import { readPresets } from './presetFiles.ts';

const committedPath = fileURLToPath(new URL(`../../${SCENARIO_SCHEMA_FILE}`, import.meta.url));

describe('scenario JSON Schema', () => {
  it(`${SCENARIO_SCHEMA_FILE} is up to date with src/scenario/schema.ts`, () => {
    const stale = `${SCENARIO_SCHEMA_FILE} is out of date with src/scenario/schema.ts: run \`npm run schema\` and commit the result`;
    expect(existsSync(committedPath), stale).toBe(true);
    expect(readFileSync(committedPath, 'utf8') === scenarioJsonSchemaText(), stale).toBe(true);
  });

  it('identifies itself and describes a strict object with a required schemaVersion', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`urn:fairpace:scenario:v${SCHEMA_VERSION}`);
    expect(schema.title).toContain('Fairpace scenario');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['schemaVersion']);
    expect(schema.properties).toHaveProperty('schemaVersion.const', SCHEMA_VERSION);
  });

  it('shows the input defaults and bounds (e.g. couriers ≤ 200,000)', () => {
    const schema = scenarioJsonSchema();
    expect(schema.properties).toHaveProperty('population.properties.couriers.maximum', 200_000);
    expect(schema.properties).toHaveProperty('population.properties.couriers.default', 50);
    expect(schema.properties).toHaveProperty('rules.properties.deadline.properties.percentile.default', 50);
  });

  it('knows every top-level section the presets use', () => {
    const properties = scenarioJsonSchema().properties as Record<string, unknown>;
    for (const { name, json } of readPresets()) {
      for (const key of Object.keys(json as object)) expect(properties, `${name}: ${key}`).toHaveProperty(key);
    }
  });
});
