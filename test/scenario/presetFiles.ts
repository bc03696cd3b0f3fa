/** The preset scenario files in scenarios/, read raw (as JSON values) for the scenario tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the scenarios/ folder. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** File names of the presets: every `scenarios/*.json` except the generated JSON Schema. */
export function presetFileNames(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((name) => name.endsWith('.json') && name !== 'scenario.schema.json')
    .sort();
}

/** A preset's file name and its parsed JSON. */
export interface PresetFile {
  name: string;
  json: unknown;
}

/** Every preset, parsed as JSON but not validated. */
export function readPresets(): PresetFile[] {
  return presetFileNames().map((name) => ({ name, json: JSON.parse(readFileSync(SCENARIOS_DIR + name, 'utf8')) }));
}
